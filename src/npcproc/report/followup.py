"""The report's sections on elections and on the work that follows sessions up: suggestions,
supervision loops and livelihood projects."""

from __future__ import annotations

from collections import Counter

from npcproc.model.election import RoundKind
from npcproc.model.suggestion import SuggestionStatus
from npcproc.procedures.base import cite
from npcproc.procedures.livelihood.commands import execution, power
from npcproc.procedures.supervision.commands import basis
from npcproc.procedures.supervision.events import Rated, Step, StepRecorded
from npcproc.procedures.supervision.state import STEPS, LinkState
from npcproc.report import charts
from npcproc.report.labels import enum_label
from npcproc.report.markup import Page, cites, day, e, table
from npcproc.rules.decision import Citation

__all__ = ["elections", "livelihood", "suggestions", "supervision"]

#: The provision each kind of round is counted under.
ROUND_BASIS: dict[RoundKind, tuple[Citation, ...]] = {
    RoundKind.FIRST: (cite("OL", 25), cite("OL", 29, 1)),
    RoundKind.REVOTE: (cite("OL", 29, 1),),
    RoundKind.FURTHER: (cite("OL", 29, 2),),
}
_STATUS_CSS = {SuggestionStatus.SUBMITTED: "muted", SuggestionStatus.REFERRED: "s0", SuggestionStatus.REPLIED: "warn",
               SuggestionStatus.CLOSED: "ok"}  # fmt: skip


def elections(page: Page) -> str:
    parts = []
    for election in page.congress.elections:
        names = {c.id: c.name for c in election.nominees.values()}
        elected = ", ".join(names.get(x, x) for x in election.elected) or "—"
        head = (f'<h4>{e(enum_label(election.office, page.lang))} · {e(election.session_id)} · '
                f'{e(page.t("seats"))} {election.seats} · {e(page.t("candidates"))} '
                f'{len(election.listed or election.nominees)}</h4>'
                f'<p>{e(page.t("elected"))}: <b>{e(elected)}</b></p>')  # fmt: skip
        rounds = []
        for r in election.rounds:
            count = r.count
            if count is None:
                rounds.append(f"<p>{e(enum_label(r.kind, page.lang))} {day(r.on)}: {e(page.t('open_vote'))}</p>")
                continue
            bars = [charts.Bar(names.get(c, c), count.votes.get(c, 0), "ok" if c in count.elected else
                               "warn" if c in count.tied else "s0") for c in r.candidates]  # fmt: skip
            bars += [charts.Bar(names.get(c, c), v, "muted") for c, v in count.votes.items() if c not in r.candidates]
            facts = (f"{e(page.t('ballots'))}: {count.ballots_issued} / {count.ballots_returned} / "
                     f"{count.void_ballots} · {page.tag(count.valid, 'valid', 'void')}")  # fmt: skip
            if count.shortfall:
                facts += f" · {e(page.t('shortfall'))}: {count.shortfall}"
            rounds.append(
                f"<p>{e(page.t('round'))} {r.number} · {e(enum_label(r.kind, page.lang))} · {day(r.on)} · {facts} "
                f"{cites(ROUND_BASIS[r.kind], page.lang)}</p>"
                + charts.bars(bars, title=f"{enum_label(election.office, page.lang)} {r.number}",
                              maximum=count.total_deputies, unit=f" / {count.total_deputies}")
            )  # fmt: skip
        parts.append(f'<div class="election">{head}{"".join(rounds)}</div>')
    return page.section("elections", "".join(parts) or page.nothing())


def suggestions(page: Page) -> str:
    c = page.congress
    if not c.suggestions:
        return page.section("suggestions", page.nothing())
    overdue = {s.id for s in c.overdue_suggestions()}
    counts = c.suggestions_by_status()
    segments = [
        charts.Segment(counts[status] - (len(overdue) if status is SuggestionStatus.REFERRED else 0), css,
                       enum_label(status, page.lang))
        for status, css in _STATUS_CSS.items()
    ]  # fmt: skip
    segments.insert(2, charts.Segment(len(overdue), "bad", page.t("overdue")))
    by_status = charts.stacked(segments, title=page.t("by_status"))
    months = Counter((s.due.year, s.due.month) for s in c.suggestions if s.due is not None)
    late = Counter((s.due.year, s.due.month) for s in c.suggestions if s.id in overdue and s.due is not None)
    due_bars = charts.bars(
        [charts.Bar(f"{y}-{m:02}", n, "bad" if late[(y, m)] else "s0",
                    f"({page.t('overdue')} {late[(y, m)]})" if late[(y, m)] else "")
         for (y, m), n in sorted(months.items())],
        title=page.t("by_due_month"),
    )  # fmt: skip
    rows = []
    for s in c.suggestions:
        status = f'<span class="tag {_STATUS_CSS[s.status]}">{e(enum_label(s.status, page.lang))}</span>'
        if s.id in overdue:
            status += f' <span class="tag bad">{e(page.t("overdue"))}</span>'
        reply = enum_label(s.replies[-1].category, page.lang) if s.replies else "—"
        rating = enum_label(s.ratings[-1].rating, page.lang) if s.ratings else "—"
        rows.append([e(s.id), e(s.submitted.subject), page.names(s.submitted.deputies, 3), day(s.submitted.on),
                     e(s.unit or "—"), day(s.due), status, e(reply), e(rating), day(s.closed_on)])  # fmt: skip
    headers = [
        "id", page.t("subject"), page.t("sponsors"), page.t("submitted_on"), page.t("unit"), page.t("due"),
        page.t("status"), page.t("reply"), page.t("rating"), page.t("closed_on"),
    ]  # fmt: skip
    table_id = page.id("suggestions-table")
    box = (f'<p class="filter"><label>{e(page.t("filter"))}: <input type="search" data-filter="{e(table_id)}">'
           "</label></p>")  # fmt: skip
    note = f'<p class="meta">{e(page.t("due"))}: {cites([cite("DL", 51, 2)], page.lang)} · ' \
           f'{e(page.t("as_of"))} {c.as_of.isoformat()}: {e(page.t("overdue"))} {len(overdue)}</p>'  # fmt: skip
    body = (f"<h4>{e(page.t('by_status'))}</h4>{by_status}<h4>{e(page.t('by_due_month'))}</h4>{due_bars}"
            f"{note}{box}{table(headers, rows, id=table_id)}")  # fmt: skip
    return page.section("suggestions", body)


def supervision(page: Page) -> str:
    c = page.congress
    overdue = {(o.case_id, o.link) for o in c.overdue_links()}
    parts = []
    for case in c.supervision:
        level = case.opened.level
        state = page.tag(case.closed, "loop_closed", "loop_open")
        closed = f" {e(page.t('closed_on'))} {day(case.closed_on)}" if case.closed else ""
        links = []
        for n, link in enumerate(case.links):
            kind = enum_label(link.spec.kind, page.lang)
            late = (case.case_id, n) in overdue
            steps = _chain(page, link, late)
            history = []
            for ev in link.history:
                step = ev.step if isinstance(ev, StepRecorded) else Step.RATED
                what = e(enum_label(step, page.lang))
                if isinstance(ev, Rated):
                    what += f" {ev.satisfied}/{ev.raters} " + page.tag(ev.passed, "passed", "rejected")
                if isinstance(ev, StepRecorded) and ev.due is not None:
                    what += f" · {e(page.t('due'))} {day(ev.due)}"
                if isinstance(ev, StepRecorded) and ev.note:
                    what += f" · {e(ev.note)}"
                history.append([day(ev.on), what, cites([basis(level, link.spec.kind, step)], page.lang)])
            waiting = ""
            if link.awaiting is not None:
                css = "bad" if late else "warn"
                waiting = (f'<p class="{css}">{e(page.t("awaiting"))}: {e(enum_label(link.awaiting, page.lang))}'
                           f"{' · ' + e(page.t('due')) + ' ' + day(link.due) if link.due else ''}"
                           f"{' · ' + e(page.t('overdue')) if late else ''}</p>")  # fmt: skip
            links.append(f"<h4>{n + 1}. {e(kind)} · {e(link.spec.body)}</h4>{steps}{waiting}"
                         + table([page.t("date"), page.t("stage"), page.t("citation")], history))  # fmt: skip
        parts.append(f'<div class="case"><h4>{e(case.opened.subject)} {state}{closed}</h4>{"".join(links)}</div>')
    return page.section("supervision", "".join(parts) or page.nothing())


def _chain(page: Page, link: LinkState, late: bool) -> str:
    order = (*STEPS[link.spec.kind], Step.RATED) if link.spec.rated else STEPS[link.spec.kind]
    done = {ev.step if isinstance(ev, StepRecorded) else Step.RATED: ev.on for ev in link.history}
    steps = []
    for step in order:
        if link.awaiting is step:
            css, when = ("bad" if late else "warn"), (f"≤ {day(link.due)}" if link.due else "…")
        elif step in done and (link.closed or order.index(step) < order.index(link.awaiting or step)):
            css, when = "ok", day(done[step])
        else:
            css, when = "muted", ""
        steps.append(charts.Step(enum_label(step, page.lang), when, css))
    return charts.chain(steps, title=enum_label(link.spec.kind, page.lang))


def livelihood(page: Page) -> str:
    c = page.congress
    level = c.state.congress.level
    parts = []
    for year in c.livelihood:
        quota = f" · {e(page.t('quota'))} {year.listing.quota}" if year.listing else ""
        head = f"<h4>{year.year} · {e(page.t('stage'))}: {e(enum_label(year.stage, page.lang))}{quota}</h4>"
        votes: dict[str, int] = {}
        for r in year.rounds:
            if r.valid:
                votes.update(r.votes)
        total = max((r.total_deputies for r in year.rounds), default=0)
        vote_bars = charts.bars(
            [charts.Bar(p.proposal.title, votes.get(pid, 0), "ok" if pid in year.chosen else "muted")
             for pid, p in year.projects.items() if pid in votes],
            title=page.t("votes_received"), maximum=total or None, unit=f" / {total}" if total else "",
        )  # fmt: skip
        progress = charts.bars(
            [charts.Bar(year.projects[pid].proposal.title, year.projects[pid].percent,
                        "ok" if year.projects[pid].percent >= 100 else "s0") for pid in year.chosen],
            title=page.t("progress"), maximum=100, unit="%",
        )  # fmt: skip
        rows = []
        for pid, project in year.projects.items():
            history = "; ".join(f"{p.on.isoformat()} {p.percent}%" for p in project.progress)
            visits = "; ".join(f"{v.on.isoformat()} {v.group}: {v.findings}" for v in project.visits)
            rating = year.evaluation.ratings.get(pid) if year.evaluation else None
            rated = f"{rating.satisfied}/{rating.basically_satisfied}/{rating.dissatisfied}" if rating else "—"
            rows.append([e(project.proposal.title), e(enum_label(project.proposal.source, page.lang)),
                         str(votes.get(pid, "—")), page.tag(pid in year.chosen, "chosen", "not_chosen")
                         if pid in votes else "—", e(history) or "—", e(visits) or "—", e(rated)])  # fmt: skip
        headers = [page.t("project"), page.t("source"), page.t("votes_received"), page.t("chosen"),
                   page.t("progress"), page.t("visits"),
                   f"{page.t('evaluation')} ({page.t('satisfied')}/{page.t('basically_satisfied')}/"
                   f"{page.t('dissatisfied')})"]  # fmt: skip
        evaluation = ""
        if year.evaluation is not None:
            evaluation = f"<h4>{e(page.t('evaluation'))} {day(year.evaluation.on)}</h4>"
            for pid, count in year.evaluation.ratings.items():
                title = year.projects[pid].proposal.title if pid in year.projects else pid
                segments = [charts.Segment(count.satisfied, "ok", page.t("satisfied")),
                            charts.Segment(count.basically_satisfied, "s2", page.t("basically_satisfied")),
                            charts.Segment(count.dissatisfied, "bad", page.t("dissatisfied"))]  # fmt: skip
                evaluation += f"<p>{e(title)}</p>" + charts.stacked(segments, title=title)
        basis_note = f'<p class="meta">{cites([power(level), execution(level)], page.lang)}</p>'
        parts.append(
            f'<div class="project-year">{head}{basis_note}<h4>{e(page.t("votes_received"))}</h4>{vote_bars}'
            f"<h4>{e(page.t('progress'))}</h4>{progress}{table(headers, rows)}{evaluation}</div>"
        )
    return page.section("livelihood", "".join(parts) or page.nothing())
