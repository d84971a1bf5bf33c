"""The report's sections on sessions: summary, timeline, agenda coverage, votes and inquiries, presidium."""

from __future__ import annotations

import datetime

from npcproc.i18n import Lang
from npcproc.model.session import AgendaItem, AgendaItemKind, BillStatus
from npcproc.model.suggestion import SuggestionStatus
from npcproc.procedures.base import cite
from npcproc.procedures.session.agenda import REQUIRED_EACH_YEAR
from npcproc.procedures.session.state import SessionState
from npcproc.report import charts, followup
from npcproc.report.labels import enum_label
from npcproc.report.markup import Page, cites, day, e, reasons, table
from npcproc.report.year import CongressYear, YearView

__all__ = ["SECTIONS", "render_congress"]

SECTIONS = ("timeline", "agenda", "votes", "inquiries", "elections", "suggestions", "supervision", "livelihood",
            "presidium")  # fmt: skip
MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "zh": tuple(f"{m}月" for m in range(1, 13)),
}


def render_congress(congress: CongressYear, view: YearView, lang: Lang, prefix: str) -> str:
    """Every section of one congress, headed by its name and the year at a glance."""
    page = Page(congress=congress, lang=lang, prefix=prefix)
    level = enum_label(congress.state.congress.level, lang)
    heading = f'<h2 class="congress" id="{e(page.id("congress"))}">{e(congress.name)} <small class="muted">' \
        f"{e(level)} · {e(page.t('term'))} {congress.state.current_term}</small></h2>"  # fmt: skip
    parts = [
        heading, _summary(page), _timeline(page, view), _agenda(page), _votes(page), _inquiries(page),
        followup.elections(page), followup.suggestions(page), followup.supervision(page),
        followup.livelihood(page), _presidium(page),
    ]  # fmt: skip
    return "".join(parts)


def _summary(page: Page) -> str:
    c = page.congress
    votes = [v for s in c.sessions for v in s.votes.values() if v.tally is not None]
    by_status = c.suggestions_by_status()
    overdue = len(c.overdue_suggestions())
    cards = [
        (str(len(c.sessions)), page.t("sessions"), False),
        (str(len(c.state.in_office(c.as_of))), page.t("deputies"), False),
        (f"{sum(1 for v in votes if v.tally and v.tally.passed)}/{len(votes)}", page.t("votes_passed"), False),
        (f"{by_status[SuggestionStatus.CLOSED]}/{len(c.suggestions)}", page.t("suggestions_closed"), False),
        (str(overdue), f"{page.t('suggestions')}: {page.t('overdue')}", overdue > 0),
        (f"{sum(1 for case in c.supervision if case.closed)}/{len(c.supervision)}", page.t("cases_closed"), False),
        (str(sum(len(y.chosen) for y in c.livelihood)), page.t("projects_chosen"), False),
    ]
    html = "".join(
        f'<div class="card{" alert" if alert else ""}"><b>{e(value)}</b>{e(label)}</div>'
        for value, label, alert in cards
    )
    return f'<div class="cards" id="{e(page.id("summary"))}">{html}</div>'


def _period(page: Page, view: YearView) -> tuple[datetime.date, datetime.date]:
    if view.year is not None:
        return datetime.date(view.year, 1, 1), datetime.date(view.year, 12, 31)
    c = page.congress
    dates = [s.opened_on or s.opens_on for s in c.sessions] + [m.held.on for m in c.presidium]
    first, last = min(dates, default=c.as_of), max(dates, default=c.as_of)
    return datetime.date(first.year, first.month, 1), datetime.date(last.year, 12, 31)


def _timeline(page: Page, view: YearView) -> str:
    c = page.congress
    start, end = _period(page, view)

    def inside(on: datetime.date) -> bool:
        return start <= on <= end

    sessions = [charts.Mark(s.opened_on or s.opens_on, s.id, "s0", big=True) for s in c.sessions]
    presidium = [charts.Mark(m.held.on, m.held.meeting_id, "s1") for m in c.presidium]
    steps = [
        charts.Mark(ev.on, f"{case.opened.subject}: {enum_label(link.spec.kind, page.lang)}", "s2")
        for case in c.supervision for link in case.links for ev in link.history if inside(ev.on)
    ]  # fmt: skip
    livelihood = [
        charts.Mark(p.on, y.projects[p.project_id].proposal.title + f" {p.percent}%", "s3")
        for y in c.livelihood for project in y.projects.values() for p in project.progress if inside(p.on)
    ]  # fmt: skip
    due = [
        charts.Mark(s.due, f"{s.id} {s.submitted.subject}", "bad" if s.overdue(c.as_of) else "muted")
        for s in c.suggestions if s.due is not None and inside(s.due)
    ]  # fmt: skip
    lanes = [(page.t("lane_sessions"), sessions), (page.t("lane_presidium"), presidium),
             (page.t("lane_supervision"), steps), (page.t("lane_livelihood"), livelihood),
             (page.t("lane_suggestions"), due)]  # fmt: skip
    chart = charts.timeline(lanes, start=start, end=end, title=page.t("timeline"), months=MONTHS[page.lang])
    rows = []
    for s in c.sessions:
        total = c.in_office(s.opened_on, s.term) if s.opened_on else 0
        quorum = c.quorum.get(s.id)
        rows.append([
            e(s.id), e(enum_label(s.kind, page.lang)), day(s.opened_on or s.opens_on), day(s.closed_on),
            e(enum_label(s.convened_by, page.lang)), f"{len(s.present)}/{total}" if s.opened_on else "—",
            str(len(s.on_leave)), page.names(s.absent_without_leave),
            (page.tag(quorum.ok, "passed", "rejected") + cites(quorum.citations, page.lang)) if quorum else "—",
        ])  # fmt: skip
    headers = [page.t("session"), page.t("kind"), page.t("opened"), page.t("closed"), page.t("convened_by"),
               f"{page.t('present')}/{page.t('in_office')}", page.t("on_leave"), page.t("absent"),
               page.t("quorum")]  # fmt: skip
    attendance = charts.bars(
        [charts.Bar(s.id, len(s.present), "s0", f"/ {c.in_office(s.opened_on, s.term)}") for s in c.sessions
         if s.opened_on is not None],
        title=page.t("attendance"), maximum=max((c.in_office(s.opened_on, s.term) for s in c.sessions if s.opened_on),
                                               default=1),
    )  # fmt: skip
    body = chart + (table(headers, rows, numeric=(5, 6)) + f"<h4>{e(page.t('attendance'))}</h4>" + attendance
                    if c.sessions else page.nothing())  # fmt: skip
    return page.section("timeline", body)


def _agenda(page: Page) -> str:
    c = page.congress
    if not c.sessions:
        return page.section("agenda", page.nothing())
    required = dict(REQUIRED_EACH_YEAR[c.state.congress.level])
    kinds = list(required) + [k for k in AgendaItemKind if k not in required and any(
        item.kind is k for s in c.sessions for item in s.agenda)]  # fmt: skip
    rows = []
    for kind in kinds:
        cells = []
        for s in c.sessions:
            found = [item for item in s.agenda if item.kind is kind]
            handled = [i for i in found if _handled(c, s, i)]
            mark = ("✓", "ok") if handled else ("○", "warn") if found else ("", "")
            title = "; ".join(i.title for i in found)
            cells.append(f'<span class="{mark[1]}" title="{e(title)}">{mark[0]}</span>')
        covered = any(item.kind is kind for s in c.sessions for item in s.agenda)
        status = page.tag(covered, "covered", "missing") if kind in required else ""
        basis = cites([required[kind]], page.lang) if kind in required else ""
        rows.append([e(enum_label(kind, page.lang)), *cells, status + basis])
    headers = [page.t("item"), *(s.id for s in c.sessions), page.t("required")]
    matrix = table(headers, rows).replace("<table>", '<table class="matrix">', 1)
    legend = f'<p class="meta"><span class="ok">✓</span> {e(page.t("handled"))} · <span class="warn">○</span> ' \
             f'{e(page.t("not_handled"))}</p>'  # fmt: skip
    checks = "".join(f"<h4>{year}</h4>{reasons(decision, page.lang)}" for year, decision in c.agenda.items())
    items = "".join(
        f"<h4>{e(s.id)}</h4>" + table(
            [page.t("item"), page.t("kind"), page.t("status")],
            [[e(i.title), e(enum_label(i.kind, page.lang)),
              page.tag(_handled(c, s, i), "handled", "not_handled")] for i in s.agenda],
        )
        for s in c.sessions if s.agenda
    )  # fmt: skip
    return page.section("agenda", matrix + legend + checks + items)


def _handled(congress: CongressYear, session: SessionState, item: AgendaItem) -> bool:
    """Deliberated, voted on, or, for an election, an election counted at the session."""
    if item.id in session.handled or any(v.subject == item.id and v.tally for v in session.votes.values()):
        return True
    return item.kind is AgendaItemKind.ELECTION and any(
        e.session_id == session.id and any(r.count for r in e.rounds) for e in congress.elections
    )


def _votes(page: Page) -> str:
    c = page.congress
    rows, bars = [], []
    for s in c.sessions:
        titles = {i.id: i.title for i in s.agenda} | {b.id: b.subject for b in s.bills.values()}
        for vote in s.votes.values():
            yes, no, abstain = vote.counts()
            tally = vote.tally
            subject = titles.get(vote.subject, vote.subject)
            result = page.tag(tally.passed, "passed", "rejected") if tally else e(page.t("open_vote"))
            not_voting = tally.not_voting if tally else len(vote.entitled) - yes - no - abstain
            rows.append([e(s.id), e(subject), e(enum_label(vote.method, page.lang)), day(vote.opened_on),
                         str(len(vote.entitled)), str(yes), str(no), str(abstain), str(not_voting), result,
                         cites(tally.citations, page.lang) if tally else ""])  # fmt: skip
            segments = [charts.Segment(yes, "ok", page.t("yes")), charts.Segment(no, "bad", page.t("no")),
                        charts.Segment(abstain, "warn", page.t("abstain")),
                        charts.Segment(not_voting, "muted", page.t("not_voting"))]  # fmt: skip
            bars.append(f"<h4>{e(s.id)} · {e(subject)}</h4>" + charts.stacked(segments, title=subject))
    headers = [page.t("session"), page.t("subject"), page.t("method"), page.t("date"), page.t("entitled"),
               page.t("yes"), page.t("no"), page.t("abstain"), page.t("not_voting"), page.t("status"),
               page.t("citation")]  # fmt: skip
    body = (table(headers, rows, numeric=range(4, 9)) + "".join(bars)) if rows else page.nothing()
    bills = [
        [e(s.id), e(b.id), e(b.subject), page.names(b.sponsors, 3) if b.sponsors else e(enum_label(b.sponsor_body,
         page.lang)) if b.sponsor_body else "—", _bill_status(b.status, page.lang)]
        for s in c.sessions for b in s.bills.values()
    ]  # fmt: skip
    if bills:
        body += f"<h4>{e(page.t('bills'))}</h4>" + table(
            [page.t("session"), "id", page.t("subject"), page.t("sponsors"), page.t("status")], bills
        ) + f'<p class="meta">{cites([cite("OL", 22, 1), cite("OL", 22, 2)], page.lang)}</p>'  # fmt: skip
    return page.section("votes", body)


def _bill_status(status: BillStatus, lang: Lang) -> str:
    css = {BillStatus.PASSED: "ok", BillStatus.REJECTED: "bad", BillStatus.NOT_LISTED: "warn"}.get(status, "muted")
    return f'<span class="tag {css}">{e(enum_label(status, lang))}</span>'


def _inquiries(page: Page) -> str:
    c = page.congress
    rows = []
    for inquiry in c.inquiries:
        filed = inquiry.filed
        last = inquiry.ratings[-1] if inquiry.ratings else None
        answers = "; ".join(f"{a.answered_by} {a.on.isoformat()}" for a in inquiry.answers)
        if inquiry.awaiting_answer:
            outcome = f'<span class="tag warn">{e(page.t("awaiting_answer"))}</span>'
        elif last is not None:
            outcome = f"{e(page.t('dissatisfied'))} {len(last.dissatisfied)}/{len(filed.sponsors)}"
        else:
            outcome = "—"
        form = enum_label(inquiry.form.form, page.lang) if inquiry.form else "—"
        rows.append([e(filed.session_id), e(filed.questions), f"{len(filed.sponsors)}: {page.names(filed.sponsors, 3)}",
                     e(enum_label(filed.target, page.lang)), e(form), e(answers) or "—", outcome,
                     cites([cite("OL", 24, 1), cite("DL", 20, 5)], page.lang)])  # fmt: skip
    headers = [page.t("session"), page.t("questions"), page.t("sponsors"), page.t("subject"), page.t("method"),
               page.t("answered_by"), page.t("status"), page.t("citation")]  # fmt: skip
    body = table(headers, rows) if rows else page.nothing()
    asked = [[e(sid), e(q.subject), page.names(q.asked_by, 3), e(q.answered_by), day(q.on)]
             for sid, questions in c.questions.items() for q in questions]  # fmt: skip
    if asked:
        headers = [page.t("session"), page.t("subject"), page.t("asked_by"), page.t("answered_by"), page.t("date")]
        body += table(headers, asked) + f'<p class="meta">{cites([cite("OL", 23)], page.lang)}</p>'
    return page.section("inquiries", body)


def _presidium(page: Page) -> str:
    c = page.congress
    rows = []
    for meeting in c.presidium:
        held = meeting.held
        decided = "; ".join(
            f"{d.subject} ({d.yes}/{d.no}/{d.abstain} {page.t('passed') if d.passed else page.t('rejected')})"
            for d in meeting.decisions.values()
        )
        rows.append([e(held.meeting_id), day(held.on), f"{len(held.present)}/{len(held.members)}", e(decided) or "—"])
    headers = [page.t("meeting"), page.t("date"), f"{page.t('present')}/{page.t('members')}", page.t("decisions")]
    body = table(headers, rows, numeric=(2,)) if rows else page.nothing()
    for year, decision in c.presidium_frequency.items():
        body += f"<h4>{e(page.t('frequency'))} {year}</h4>{reasons(decision, page.lang)}"
    return page.section("presidium", body)
