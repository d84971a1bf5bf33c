# Over 400 lines: one class, the checks of one congress year, which share its roll, rules and findings.
"""The checks of one congress year: its quota, sessions, elections, inquiries, suggestions and supervision."""

from __future__ import annotations

import datetime
from collections import Counter

import attrs

from npcproc.errors import InvalidArgumentError
from npcproc.i18n import render
from npcproc.model.election import Nominator, Office, RoundKind
from npcproc.model.levels import Level
from npcproc.model.session import Choice, VoteMethod
from npcproc.model.suggestion import Rating, ReplyCategory
from npcproc.procedures.base import cite, reason, ruled
from npcproc.procedures.budget.commands import APPROVAL, publication_checks
from npcproc.procedures.congress.posts import CHAIR_POSTS, ethnic_head_checks, township_posts_checks
from npcproc.procedures.election.checks import margin_check, nomination_time_check, plurality, principal_list_check
from npcproc.procedures.inquiry.commands import answer_checks, filing_checks
from npcproc.procedures.session.checks import (
    CONVENER,
    attendee_checks,
    bill_sponsorship,
    convener_check,
    first_session_check,
    invitation_checks,
    length_checks,
    notice_checks,
    preparatory_chair_checks,
    presidium_checks,
)
from npcproc.procedures.session.prep import (
    admission_checks,
    announcement_checks,
    bill_deadline_checks,
    heads_attend_checks,
)
from npcproc.procedures.session.preparations import preparation_checks
from npcproc.procedures.supervision.checks import (
    deadline_checks,
    kind_values,
    lead_times,
    rating_publication_checks,
    referral_windows,
    satisfaction,
    step_values,
)
from npcproc.procedures.supervision.commands import COUNTY_ONLY, RATING_ALLOWED, basis, link
from npcproc.procedures.supervision.events import LinkKind, Rated, Step, StepRecorded
from npcproc.procedures.supervision.special_reports import hearing_checks, hearings
from npcproc.procedures.supervision.state import LinkState
from npcproc.record.findings import Finding, Findings, Roll, heads_after, year_rules
from npcproc.record.model import (
    CaseRecord,
    CongressYear,
    ElectionRecord,
    InquiryRecord,
    SessionRecord,
    StepRecord,
    VoteRecord,
)
from npcproc.record.model import SuggestionRecord as Suggestion
from npcproc.rules.decision import Citation, Decision, Reason
from npcproc.rules.logic import ElectionOutcome, Rule
from npcproc.rules.ruleset import RuleSet

__all__ = ["CongressChecks"]

_QUOTA = {Level.TOWNSHIP: cite("EL", 12, 1, 4), Level.COUNTY: cite("EL", 12, 1, 3)}


class CongressChecks:
    """Run every check over one congress year, adding to ``findings``."""

    def __init__(
        self, year: CongressYear, rules: RuleSet, findings: Findings, where: str, as_of: datetime.date | None
    ) -> None:
        self.year, self.findings, self.where, self.as_of = year, findings, where, as_of
        self.level = year.level
        self.roll = Roll(year.deputies)
        self.unresolved = rules
        self.rules = year_rules(year, rules, self.roll)  # a township regulation never judges a county congress
        self.chairs: list[str] = []  # township chair and vice-chairs elected so far (OL 19 ¶1)
        self.posts: dict[Office, dict[str, bool]] = {office: {} for office in CHAIR_POSTS}  # holder -> full-time
        self.term_begins = False  # the record holds the term's first session, so every holder is known
        self.absences: Counter[str] = Counter()
        #: the township head and deputy heads in office, from the record's start, followed through its elections
        self.heads = {
            Office.TOWNSHIP_HEAD: year.township_heads,
            Office.DEPUTY_TOWNSHIP_HEAD: year.deputy_township_heads,
        }

    def run(self) -> None:
        self._quota()
        for index, session in sorted(enumerate(self.year.sessions), key=lambda pair: pair[1].opens_on):
            self._session(session, f"{self.where}.sessions[{index}]")
        for index, suggestion in enumerate(self.year.suggestions):
            self._suggestion(suggestion, f"{self.where}.suggestions[{index}]")
        for index, case in enumerate(self.year.supervision):
            self._case(case, f"{self.where}.supervision[{index}]")
        self._budgets()

    def _rules_on(self, day: datetime.date) -> RuleSet:
        """The rules for this congress on ``day``: the deputies then in office, the settings then in force."""
        return year_rules(self.year, self.unresolved, self.roll, day)

    def _quota(self) -> None:
        year = self.year
        cap = self.rules.deputy_quota_cap(year.level, year.population)
        # EL 12 ¶3 "经省、自治区、直辖市的人民代表大会常务委员会决定，代表名额可以另加百分之五": only where the
        # record says the provincial standing committee so decided (the designation "quota_allowance").
        cap_with_allowance = cap + (cap // 20 if "quota_allowance" in year.designations else 0)
        if year.deputy_quota > cap_with_allowance:
            self.findings.fact(self.where, "record.quota", _QUOTA[year.level], level=year.level.value,
                               population=year.population, cap=cap_with_allowance, quota=year.deputy_quota)  # fmt: skip
        if len(year.deputies) > year.deputy_quota:
            self.findings.fact(f"{self.where}.deputies", "record.over_quota", cite("EL", 14),
                               deputies=len(year.deputies), quota=year.deputy_quota)  # fmt: skip

    # -- sessions ------------------------------------------------------------------------------

    def _session(self, session: SessionRecord, where: str) -> None:
        check, day = self.findings.check, session.opens_on
        rules = self._rules_on(day)
        in_office = self.roll.in_office(day)
        given = session.convened_by or CONVENER[self.level]
        check(where, convener_check(rules, self.level, session.kind, given,
                                    len(set(session.proposers) & in_office), len(in_office)))  # fmt: skip
        if session.first_of_term:
            check(where, first_session_check(rules, self.year.elections_completed_on, session.opens_on))
        check(where, *length_checks(rules, session.kind, session.days))
        if session.notice_on is not None and session.materials_on is not None:
            check(where, *notice_checks(rules, session.kind, day, session.notice_on, session.materials_on))
        elif (notice := rules.optional("session.notice_days")) is not None and notice.covers(session.kind):
            self.findings.fact(where, "record.notice_missing", notice.citation)
        if session.presidium:
            check(f"{where}.presidium", *presidium_checks(rules, session.presidium, day, in_office,
                                                          self.roll.administrative_posts, self.chairs))  # fmt: skip
        if session.preparatory is not None:
            self._preparatory(rules, session, f"{where}.preparatory", in_office)
        if session.present:
            self._attendance(rules, session, where, in_office)
            made = {p.step: p.on for p in sorted(session.preparations, key=lambda p: p.on)}
            check(f"{where}.preparations", *preparation_checks(rules, session.kind, made, day))
        check(f"{where}.attending", *attendee_checks(rules, session.kind, session.attending, in_office))
        if session.present:
            check(
                f"{where}.invited", *invitation_checks(rules, session.kind, session.invited, self.year.upper_deputies)
            )
            if self.level is Level.TOWNSHIP:  # a county congress has no township heads (OL 21 names its own)
                heads = [head for holders in self.heads.values() for head in holders]
                attended = heads_attend_checks(rules, session.kind, heads, session.attending, in_office)
                check(f"{where}.attending", *attended)
                in_post = {head for head in heads if head not in in_office}
                check(f"{where}.attending", *admission_checks(rules, session.kind, session.attending, in_post,
                                                              session.admitted))  # fmt: skip
        for index, bill in enumerate(session.bills):
            at = f"{where}.bills[{index}]"
            if (bill.sponsor_body is None) == (not bill.sponsors):
                self.findings.fact(at, "bill.sponsor_kind", cite("OL", 22))
            elif bill.sponsors:
                check(at, bill_sponsorship(rules, self.level, len(set(bill.sponsors) & in_office)))
                judged_by = self._rules_on(bill.submitted_on or day)
                check(at, *bill_deadline_checks(judged_by, bill.id, session.bill_deadline, bill.submitted_on))
        for index, vote in enumerate(session.votes):
            self._vote(session, vote, f"{where}.votes[{index}]")
        self.term_begins |= session.first_of_term
        for index, election in enumerate(session.elections):
            self._election(rules, election, f"{where}.elections[{index}]", in_office, session.present,
                           session.opens_on)  # fmt: skip
        self.heads = heads_after(self.heads, session)
        if self.level is Level.TOWNSHIP and any(e.office in CHAIR_POSTS for e in session.elections):
            self._posts(session, f"{where}.elections")
        for index, inquiry in enumerate(session.inquiries):
            self._inquiry(rules, inquiry, f"{where}.inquiries[{index}]", in_office, session.closed_on)

    def _posts(self, session: SessionRecord, where: str) -> None:
        """The chair and vice-chair posts once a session has filled one: held on its last day by deputies in office.

        A record that begins after the term's first session does not know the holders elected before it, so only
        whether each chair known is full-time is judged then, not the counts (SD 5 ¶1, ZJ 11 ¶1, BJ 20 ¶1)."""
        day = session.closed_on or session.opens_on
        in_office = self.roll.in_office(day)
        chairs, vice_chairs = ({h: full for h, full in self.posts[office].items() if h in in_office}
                               for office in (Office.TOWNSHIP_CHAIR, Office.TOWNSHIP_VICE_CHAIR))  # fmt: skip
        rules = self._rules_on(day)
        self.findings.check(where, *township_posts_checks(rules, chairs, vice_chairs, complete=self.term_begins))

    def _attendance(self, rules: RuleSet, session: SessionRecord, where: str, in_office: frozenset[str]) -> None:
        present = set(session.present)
        wrong = [reason(False, "attendance.not_in_office", cite("OL", 14, 4), deputy_id=d)
                 for d in sorted(present - in_office)]  # fmt: skip
        wrong += [reason(False, "attendance.on_leave", cite("DL", 13), deputy_id=d)
                  for d in sorted(present & set(session.on_leave))]  # fmt: skip
        self.findings.check(f"{where}.present", *wrong)
        if in_office:
            self.findings.check(
                f"{where}.present", *rules.session_quorum(len(in_office), len(present & in_office)).reasons
            )
        limit = int(rules.value("deputy.unexcused_absences_end_mandate"))
        for deputy in sorted(in_office - present - set(session.on_leave)):
            self.absences[deputy] += 1
            if self.absences[deputy] == limit and self._still_in_office(deputy, session.opens_on):
                self.findings.fact(f"{self.where}.deputies", "record.absences", cite("DL", 62, 1, 3),
                                   deputy_id=deputy, count=limit)  # fmt: skip

    def _preparatory(self, rules: RuleSet, session: SessionRecord, where: str, in_office: frozenset[str]) -> None:
        """The preparatory meeting sat with two thirds present (OL 14 ¶4) and elected the presidium and adopted the
        agenda each with more than half of all deputies (OL 25), as the record says it did."""
        prep = session.preparatory
        if prep is None:  # the caller judges only a recorded preparatory meeting
            return
        if session.first_of_term:
            earlier = [
                s.id for s in sorted(self.year.sessions, key=lambda s: s.opens_on) if s.opens_on < session.opens_on
            ]
            self.findings.check(f"{where}.presided_by",
                                *preparatory_chair_checks(rules, session.id, prep.presided_by, earlier))  # fmt: skip
        present = set(session.present if prep.present is None else prep.present)
        outside = sorted(present - in_office)
        wrong = [reason(False, "attendance.not_in_office", cite("OL", 14, 4), deputy_id=d) for d in outside]
        self.findings.check(f"{where}.present", *wrong)
        if not in_office:
            return
        self.findings.check(f"{where}.present",
                            *rules.session_quorum(len(in_office), len(present & in_office)).reasons)  # fmt: skip
        for field, vote in (("presidium_vote", prep.presidium_vote), ("agenda_vote", prep.agenda_vote)):
            marked = vote.yes + vote.no + vote.abstain
            if marked > len(present & in_office):
                self.findings.fact(f"{where}.{field}", "vote.count_over_present", cite("DL", 23), field=field,
                                   marked=marked, present=len(present & in_office))  # fmt: skip
                continue
            self._outcome(f"{where}.{field}", True, rules.resolution_passes(len(in_office), vote.yes))

    def _still_in_office(self, deputy: str, after: datetime.date) -> bool:
        changes = self.roll.deputies[deputy].changes
        return not any(c.on >= after and not c.status.in_office for c in changes)

    def _vote(self, session: SessionRecord, vote: VoteRecord, where: str) -> None:
        in_office = self.roll.in_office(vote.on)
        present = set(vote.present if vote.present is not None else session.present) & in_office
        subjects = {item.id for item in session.agenda} | {b.id for b in session.bills if b.listed}
        if vote.subject not in subjects:
            self.findings.fact(where, "vote.subject", cite("OL", 22), subject=vote.subject)
        if vote.choices:
            if vote.method is VoteMethod.SECRET_BALLOT:
                self.findings.fact(where, "vote.method", cite("OL", 28), method=vote.method.value,
                                   action="record who voted how")  # fmt: skip
            for deputy in sorted(set(vote.choices) - present):
                self.findings.fact(where, "vote.not_entitled", cite("DL", 23), deputy_id=deputy)
            tally = Counter(vote.choices.values())
            yes, no, abstain = tally[Choice.YES], tally[Choice.NO], tally[Choice.ABSTAIN]
        else:
            yes, no, abstain = vote.yes or 0, vote.no or 0, vote.abstain or 0
        if yes + no + abstain > len(present) or not in_office:
            self.findings.fact(where, "vote.count", cite("DL", 23), marked=yes + no + abstain, entitled=len(present))
            return
        rules = self._rules_on(vote.on)
        self.findings.check(where, *rules.session_quorum(len(in_office), len(present)).reasons)
        self.findings.check(where, *announcement_checks(rules, vote.announced_by, session.presidium))
        self._outcome(where, vote.passed, rules.resolution_passes(len(in_office), yes))

    def _outcome(self, where: str, recorded: bool, decision: Decision) -> None:
        if decision.ok == recorded:
            for found in decision.failing:  # a motion that failed, and was recorded as failed
                self.findings.add(where, found, "notice")
            return
        why = decision.failing or decision.reasons
        en = Reason(ok=False, code="record.vote_result", citation=why[0].citation, values={
            "recorded": "passed" if recorded else "rejected", "computed": "passed" if decision.ok else "did not pass",
            "why": "; ".join(render(r.code, r.ok, r.values, "en") for r in why)})  # fmt: skip
        zh = Reason(ok=False, code="record.vote_result", citation=why[0].citation, values={
            "recorded": "通过" if recorded else "未通过", "computed": "应为通过" if decision.ok else "不能通过",
            "why": "；".join(render(r.code, r.ok, r.values, "zh") for r in why)})  # fmt: skip
        finding = Finding.of(where, en)
        self.findings.found.append(attrs.evolve(finding, zh=zh.message("zh")))

    # -- elections and inquiries -----------------------------------------------------------------

    def _election(
        self, rules: RuleSet, election: ElectionRecord, where: str, in_office: frozenset[str],
        session_present: tuple[str, ...], opens_on: datetime.date,
    ) -> None:  # fmt: skip
        findings = self.findings
        office = election.office
        if office.level is not self.level:
            findings.fact(where, "election.office_level", cite("OL", 12 if self.level is Level.TOWNSHIP else 11),
                          office=office.value, level=self.level.value)  # fmt: skip
            return
        findings.check(where, margin_check(rules, office, election.seats, election.extra_candidates,
                                           election.by_election))  # fmt: skip
        # The formal list as the procedure fixes it: every nominee, or the margin's number after a preliminary vote.
        nominees = len({c for nomination in election.nominations for c in nomination.candidates})
        listed = min(nominees, election.seats + election.extra_candidates)
        findings.check(where, *principal_list_check(office, election.seats, nominees, listed, election.by_election))
        if election.rounds:  # the list, undated in a record, was fixed by the first round at the latest (OL 27 ¶2)
            findings.check(where, *nomination_time_check(rules, self.level, election.by_election, opens_on,
                                                         election.rounds[0].on))  # fmt: skip
        named: Counter[str] = Counter()
        full_time_chair = rules.optional("township.chair.full_time")
        full_time: set[str] = set()
        for index, nomination in enumerate(election.nominations):
            at = f"{where}.nominations[{index}]"
            full_time |= set(nomination.full_time)
            for candidate in sorted(set(nomination.full_time) - set(nomination.candidates)):
                findings.fact(at, "record.full_time_not_nominated", cite("OL", 26), candidate=candidate)
            if nomination.by is Nominator.DEPUTIES:
                backing = len(set(nomination.nominators) & in_office)
                required = rules.nomination_sponsor_threshold(self.level)
                findings.check(at, reason(backing >= required, "election.nominators", cite("OL", 26, 2),
                                          nominators=backing, required=required))  # fmt: skip
            for nominator in nomination.nominators if nomination.by is Nominator.DEPUTIES else ("presidium",):
                named[nominator] += len(nomination.candidates)
                if named[nominator] > election.seats >= named[nominator] - len(nomination.candidates):
                    findings.fact(at, "election.too_many_named", cite("OL", 26, 3), nominator=nominator,
                                  named=named[nominator], seats=election.seats)  # fmt: skip
            for candidate in nomination.candidates:
                if office.deputies_only and candidate not in in_office:
                    from_deputies = cite("OL", 18, 1) if office.level is Level.TOWNSHIP else cite("OL", 47, 2)
                    findings.fact(at, "election.not_a_deputy", from_deputies, candidate=candidate)
                if office.no_administrative_post and candidate in self.roll.administrative_posts:
                    bar = cite("OL", 47, 3) if office.value.startswith("standing") else cite("OL", 18, 2)
                    findings.fact(at, "election.admin_post", bar, candidate=candidate, office=office.value)
                if candidate in nomination.full_time and office not in CHAIR_POSTS:
                    findings.fact(at, "election.full_time_office", Citation.practice(), candidate=candidate,
                                  office=office.value)  # fmt: skip
                if office is Office.TOWNSHIP_CHAIR and full_time_chair is not None and full_time_chair.value:
                    findings.check(at, ruled(candidate in nomination.full_time, "election.chair_full_time",
                                             full_time_chair, candidate=candidate))  # fmt: skip
                findings.check(at, *ethnic_head_checks(rules, office, self.year.ethnic_minority, candidate,
                                                       nomination.ethnicity.get(candidate, "")))  # fmt: skip
        elected: list[str] = []
        for index, counted in enumerate(election.rounds):
            at = f"{where}.rounds[{index}]"
            seats = election.seats - len(elected)
            in_office_then = self.roll.in_office(counted.on)
            total = len(in_office_then)
            roll = set(counted.present if counted.present is not None else session_present)
            for deputy in sorted(roll - in_office_then):
                findings.fact(f"{at}.present", "attendance.not_in_office", cite("OL", 14, 4), deputy_id=deputy)
            # Every round is an act of the sitting congress: 2/3 of all deputies in office present (OL 14 ¶4).
            quorum = self._rules_on(counted.on).session_quorum(total, len(roll & in_office_then))
            findings.check(f"{at}.present", *quorum.reasons)
            try:
                if counted.kind is RoundKind.REVOTE:
                    outcome = plurality(counted.votes, seats, counted.ballots_issued, counted.ballots_returned)
                else:
                    returned = counted.ballots_returned
                    valid = returned if returned > counted.ballots_issued else returned - counted.void_ballots
                    outcome = rules.election_outcome(total_deputies=total, seats=max(seats, 1), votes=counted.votes,
                                                     ballots_issued=counted.ballots_issued,
                                                     ballots_returned=max(valid, 0))  # fmt: skip
            except InvalidArgumentError as exc:
                findings.fact(at, "record.impossible_count", cite("OL", 28), problem=str(exc))
                continue
            self._round(at, counted.elected, outcome)
            elected += [c for c in outcome.elected if c not in elected]
        if office in CHAIR_POSTS:
            self.chairs += elected
            self.posts[office].update((holder, holder in full_time) for holder in elected)

    def _round(self, where: str, recorded: tuple[str, ...], outcome: ElectionOutcome) -> None:
        if set(recorded) != set(outcome.elected):
            self.findings.fact(where, "record.election_result", cite("OL", 29, 1),
                               recorded=", ".join(sorted(recorded)) or "—",
                               computed=", ".join(sorted(outcome.elected)) or "—")  # fmt: skip
        for found in outcome.decision.failing:  # a void round, a tie or a shortfall: outcomes, not faults
            self.findings.add(where, found, "notice")

    def _inquiry(
        self, rules: RuleSet, inquiry: InquiryRecord, where: str, in_office: frozenset[str],
        closed_on: datetime.date | None,
    ) -> None:  # fmt: skip
        backing = len(set(inquiry.sponsors) & in_office)
        self.findings.check(where, *filing_checks(rules, self.level, backing, len(in_office), inquiry.target,
                                                  inquiry.questions))  # fmt: skip
        if inquiry.answers:  # a complex inquiry's first answer, within the provincial months (BJ 12 ¶4, CQ 18 ¶4)
            first = inquiry.answers[0].on
            self.findings.check(f"{where}.answers[0]", *answer_checks(rules, closed_on, inquiry.complex, first))
        sponsors = set(inquiry.sponsors)
        for index, answer in enumerate(inquiry.answers):
            unhappy = set(answer.dissatisfied) & sponsors
            if sponsors and 2 * len(unhappy) >= len(sponsors) and index == len(inquiry.answers) - 1:
                self.findings.fact(f"{where}.answers[{index}]", "record.second_answer", cite("DL", 20, 5))

    # -- between sessions --------------------------------------------------------------------------

    def _suggestion(self, suggestion: Suggestion, where: str) -> None:
        in_office = self.roll.in_office(suggestion.submitted_on)
        for deputy in suggestion.deputies:
            if deputy not in in_office:
                self.findings.fact(where, "deputy.not_in_office", cite("DL", 51, 1), deputy_id=deputy,
                                   on=suggestion.submitted_on.isoformat())  # fmt: skip
        for index, reply in enumerate(suggestion.replies):
            if reply.category is ReplyCategory.CANNOT_NOW and not reply.reasons.strip():
                self.findings.fact(f"{where}.replies[{index}]", "suggestion.reasons", Citation.practice())
            if reply.category is ReplyCategory.PLAN and not suggestion.urgent:
                self.findings.fact(f"{where}.replies[{index}]", "suggestion.plan_not_urgent", Citation.practice(),
                                   suggestion_id=suggestion.id)  # fmt: skip
        if suggestion.referred_on is None:
            return
        rules = self._rules_on(suggestion.referred_on)
        citation = rules.rule("suggestion.reply_months_complex" if suggestion.complex
                              else "suggestion.reply_months").citation  # fmt: skip
        due = rules.suggestion_reply_deadline(suggestion.referred_on, complex=suggestion.complex)
        urgent = rules.optional("suggestion.urgent_due_at_session_close") if suggestion.urgent else None
        if urgent is not None:  # due by the close of the session it was made at (CQ 16 ¶1, BJ 14)
            closed_on = self._urgent_close(suggestion, suggestion.referred_on, urgent, where)
            if closed_on is None:
                return
            due, citation = closed_on, urgent.citation
        ratings = list(suggestion.ratings)
        for index, reply in enumerate(suggestion.replies):
            if reply.on > due:
                self.findings.fact(f"{where}.replies[{index}]", "record.reply_late", citation,
                                   due=due.isoformat(), replied=reply.on.isoformat())  # fmt: skip
            later = [r for r in ratings if r.on >= reply.on]
            if later and later[0].rating is Rating.DISSATISFIED:  # handled again, by a deadline never earlier
                due = max(due, self._rules_on(later[0].on).suggestion_reply_deadline(later[0].on))
        last_rating = ratings[-1].rating if ratings else None
        waiting = not suggestion.replies or (
            last_rating is Rating.DISSATISFIED and ratings[-1].on >= suggestion.replies[-1].on
        )
        if waiting and suggestion.closed_on is None and self.as_of is not None and self.as_of > due:
            self.findings.fact(where, "record.reply_overdue", citation, due=due.isoformat(),
                               as_of=self.as_of.isoformat())  # fmt: skip

    def _urgent_close(
        self, suggestion: Suggestion, referred_on: datetime.date, urgent: Rule, where: str
    ) -> datetime.date | None:
        """The day the session an urgent suggestion was made at closed, as ``Suggestions.refer`` requires it:
        made at a recorded session, referred by its close, never complex. None where it cannot be judged."""
        session = next((s for s in self.year.sessions if s.id == suggestion.session), None)
        closed_on = None if session is None else session.closed_on
        made_at = session is not None and (closed_on is None or referred_on <= closed_on)
        self.findings.check(where, ruled(made_at, "suggestion.urgent_session", urgent, suggestion_id=suggestion.id,
                                         session=suggestion.session or "—", on=referred_on.isoformat()),
                            ruled(not suggestion.complex, "suggestion.urgent_complex", urgent,
                                  suggestion_id=suggestion.id))  # fmt: skip
        return closed_on if made_at and not suggestion.complex else None

    def _budgets(self) -> None:
        """Each budget a session's vote approved, made public within the province's days (ZJ 32 ¶2)."""
        from npcproc.record.reports import record_approvals

        approved = record_approvals(self.year)
        published: dict[tuple[str, str], datetime.date] = {}
        for index, record in enumerate(self.year.budget_publications):
            at, key = f"{self.where}.budget_publications[{index}]", (record.session, record.item)
            approval = approved.get(key)
            if approval is None:
                self.findings.fact(at, "budget.not_approved", APPROVAL, session=record.session, item=record.item)
            elif record.on < approval.on:
                self.findings.fact(at, "budget.before_approval", APPROVAL, item=record.item, on=record.on.isoformat(),
                                   approved=approval.on.isoformat())  # fmt: skip
            elif key in published:
                self.findings.fact(at, "budget.already_published", APPROVAL, item=record.item,
                                   on=published[key].isoformat())  # fmt: skip
            else:
                published[key] = record.on
        for key, approval in approved.items():
            index = next(i for i, s in enumerate(self.year.sessions) if s.id == approval.session_id)
            self.findings.check(f"{self.where}.sessions[{index}]", *publication_checks(
                self._rules_on(approval.on), approval, published.get(key), self.as_of))  # fmt: skip

    def _case(self, case: CaseRecord, where: str) -> None:
        for index, record in enumerate(case.links):
            at = f"{where}.links[{index}]"
            spec = link(record.kind, record.body, rated=record.rated)
            if self.level is Level.TOWNSHIP and spec.kind in COUNTY_ONLY:
                self.findings.fact(at, "supervision.county_only", COUNTY_ONLY[spec.kind], **kind_values(spec.kind))
                continue
            law = basis(self.level, spec.kind, Step.RECTIFIED)
            if spec.rated and spec.kind not in RATING_ALLOWED:
                self.findings.fact(at, "supervision.rating_not_applicable", law, **kind_values(spec.kind))
            elif not spec.rated and spec.kind is LinkKind.WORK_REVIEW:
                self.findings.fact(at, "supervision.rating_required", basis(self.level, spec.kind, Step.RATED),
                                   **kind_values(spec.kind))  # fmt: skip
            state: LinkState | None = LinkState(spec=spec)
            for number, step in enumerate(record.steps):
                if state is None:  # an earlier step was refused: the rest of the link is not judged
                    break
                state = self._step(case, index, state, step, f"{at}.steps[{number}]")
            if state is not None and state.awaiting is not None and state.due is not None \
                    and self.as_of is not None and self.as_of > state.due:  # fmt: skip
                self.findings.fact(at, "record.supervision_overdue", law, due=state.due.isoformat(),
                                   as_of=self.as_of.isoformat())  # fmt: skip
        held = [(record.kind, next((step.on for step in record.steps if step.step is Step.HELD), None))
                for record in case.links]  # fmt: skip
        for hearing in hearings([(case.id, held)]):  # ZJ 27: an inspection or research before each hearing
            self.findings.check(f"{where}.links[{hearing.link}]", *hearing_checks(self._rules_on(hearing.on), hearing))

    def _step(self, case: CaseRecord, index: int, state: LinkState, step: StepRecord, where: str) -> LinkState | None:
        """Check one step as the procedure would record it; None when the link cannot go on."""
        from npcproc.procedures.supervision.messages import STEP_LABELS

        kind, findings, rules = state.spec.kind, self.findings, self._rules_on(step.on)
        law = basis(self.level, kind, step.step)
        if state.awaiting is None or step.step is not state.awaiting:
            expected = STEP_LABELS[state.awaiting] if state.awaiting else ("nothing more", "不再有步骤")
            findings.fact(where, "supervision.out_of_order", law, number=index + 1, **kind_values(kind),
                          **step_values(step.step), expected=expected[0], expected_zh=expected[1])  # fmt: skip
            return None
        if state.last_on is not None and step.on < state.last_on:
            findings.fact(where, "supervision.date_order", law, **step_values(step.step), on=step.on.isoformat(),
                          last=state.last_on.isoformat())  # fmt: skip
        if step.step is Step.HELD and kind is LinkKind.SPECIAL_REPORT and self.level is Level.COUNTY:
            findings.check(where, *lead_times(step.on, step.lead).reasons)
        if step.published_on is not None and step.step is not Step.RATED:
            findings.fact(where, "record.published_on_not_rated", law, **step_values(step.step))
        due = step.due
        if step.step is Step.REFERRED:
            windows = referral_windows(rules, kind, state.on(Step.HELD), step.on)
            if due is None and not windows:
                findings.fact(where, "record.deadline_needed", law)
            else:
                due = due or min(window[0] for window in windows)
                findings.check(where, *deadline_checks(law, step.on, due, windows))
        if step.step is Step.RECTIFIED and state.due is not None and step.on > state.due:
            findings.fact(where, "record.supervision_late", law, due=state.due.isoformat(), on=step.on.isoformat())
        if step.step is Step.RATED:
            if not step.raters or step.satisfied is None or step.satisfied > step.raters:
                findings.fact(where, "supervision.count", law, what="satisfied of raters",
                              value=f"{step.satisfied}/{step.raters}")  # fmt: skip
                return None
            rating, threshold = satisfaction(rules, law, step.satisfied, step.raters)
            findings.check(where, rating)
            if step.published_on is not None and step.published_on < step.on:
                findings.fact(where, "supervision.published_before_rating", law, rated=step.on.isoformat(),
                              on=step.published_on.isoformat())  # fmt: skip
            else:
                findings.check(where, *rating_publication_checks(rules, case.id, index, kind, step.on,
                                                                 step.published_on, self.as_of))  # fmt: skip
            new_due = step.due
            if not rating.ok and new_due is None:
                months = rules.optional("supervision.rectification_months")
                if months is None:
                    findings.fact(where, "record.deadline_needed", law)
                    return None
                new_due = rules.period(step.on, months=int(months.value)).date
            return state.apply(Rated(case_id=case.id, link=index, on=step.on, satisfied=step.satisfied,
                                     raters=step.raters, threshold=threshold, passed=rating.ok,
                                     new_due=None if rating.ok else new_due))  # fmt: skip
        return state.apply(StepRecorded(case_id=case.id, link=index, step=step.step, on=step.on, due=due))
