"""Inquiries 质询 (OL 24, DL 20) and questions 询问 during deliberation (OL 23, DL 19).

Stream ``inquiry-<id>``; questions of a session in ``questions-<session id>``.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence
from fractions import Fraction

import attrs

from npcproc.model.election import AnswerForm, InquiryTarget
from npcproc.model.levels import Level
from npcproc.model.session import SessionStatus
from npcproc.procedures.base import Procedure, cite, reason, refuse, require
from npcproc.procedures.congress.commands import Congresses
from npcproc.procedures.folded import fold_opened
from npcproc.procedures.inquiry.events import (
    AnswerFormDecided,
    InquiryAnswered,
    InquiryFiled,
    InquiryRated,
    QuestionAsked,
)
from npcproc.procedures.session.commands import Sessions
from npcproc.rules.decision import Decision, Reason
from npcproc.rules.ruleset import RuleSet

__all__ = [
    "Inquiries",
    "InquiryState",
    "answer_checks",
    "answer_deadline",
    "filing_checks",
    "inquiry_stream",
    "sponsorship",
]


def inquiry_stream(inquiry_id: str) -> str:
    return f"inquiry-{inquiry_id}"


@attrs.frozen(kw_only=True)
class InquiryState:
    filed: InquiryFiled
    form: AnswerFormDecided | None = None
    answers: tuple[InquiryAnswered, ...] = ()
    ratings: tuple[InquiryRated, ...] = ()

    @property
    def awaiting_answer(self) -> bool:
        """An answer is due: none yet, or the sponsors demanded a second one."""
        return self.form is not None and (
            not self.answers or (len(self.ratings) == len(self.answers) and self.ratings[-1].second_answer_required)
        )

    def apply(self, event: object) -> InquiryState:
        match event:
            case AnswerFormDecided():
                return attrs.evolve(self, form=event)
            case InquiryAnswered():
                return attrs.evolve(self, answers=(*self.answers, event))
            case InquiryRated():
                return attrs.evolve(self, ratings=(*self.ratings, event))
        raise TypeError(f"an inquiry stream cannot hold {type(event).__name__}")


def _start_fold_inquiry(first: InquiryFiled) -> InquiryState:
    return InquiryState(filed=first)


#: The fold of the stream: None until InquiryFiled opens it.
fold_inquiry = fold_opened(InquiryFiled, _start_fold_inquiry)


class Inquiries(Procedure):
    """File, answer and rate inquiries; record questions."""

    def state(self, inquiry_id: str) -> InquiryState:
        return self._current(inquiry_id)[0]

    def _current(self, inquiry_id: str) -> tuple[InquiryState, int]:
        return self._opened(
            inquiry_stream(inquiry_id), fold_inquiry, "inquiry.unknown", cite("OL", 24), inquiry_id=inquiry_id
        )

    def file(
        self, inquiry_id: str, *, session_id: str, sponsors: Sequence[str], target: InquiryTarget, questions: str
    ) -> Decision:
        """File an inquiry during a session: 10 or more deputies jointly, in writing (OL 24 ¶1).

        A township congress may question its government and the government's departments
        (OL 24 ¶1; see :func:`filing_checks`). Where a province
        relaxes the threshold for small congresses (BJ 12: 1/5 of a congress of 40 or fewer),
        that path is open too and flagged as a relaxation.
        """
        session = Sessions(self.store, self.rules).state(session_id)
        if session.status is not SessionStatus.OPEN or session.opened_on is None:
            refuse("session.wrong_stage", cite("OL", 24, 1), status=session.status.value, action="receive an inquiry")
        congress = Congresses(self.store, self.rules).state(session.congress_id)
        level = congress.congress.level
        in_office = congress.in_office(session.opened_on)
        backing = len(set(sponsors) & set(in_office))
        rules = congress.rules(self.rules, session.opened_on)
        decision = Decision.of(*filing_checks(rules, level, backing, len(in_office), target, questions))
        require(decision)
        if self.store.stream_version(inquiry_stream(inquiry_id)):
            refuse("inquiry.exists", cite("OL", 24), inquiry_id=inquiry_id)
        event = InquiryFiled(
            inquiry_id=inquiry_id, congress_id=session.congress_id, session_id=session_id,
            sponsors=tuple(sponsors), target=target, questions=questions,
        )  # fmt: skip
        self._append(inquiry_stream(inquiry_id), 0, event)
        return decision

    def decide_answer_form(self, inquiry_id: str, *, form: AnswerForm, complex: bool = False) -> None:
        """The presidium decides how the inquiry is answered (OL 24 ¶2); a complex one after the session
        where the province allows it (BJ 12, CQ 18)."""
        state, version = self._current(inquiry_id)
        if state.form is not None:
            refuse("inquiry.wrong_stage", cite("OL", 24, 2), inquiry_id=inquiry_id, action="decide the form again")
        if complex and self._rules(state).optional("inquiry.complex_answer_months") is None:
            refuse("inquiry.no_complex_path", cite("OL", 24, 2))
        self._append(inquiry_stream(inquiry_id), version, AnswerFormDecided(form=form, complex=complex))

    def _rules(self, state: InquiryState) -> RuleSet:
        """The rules resolved for the congress the inquiry was filed in (a township regulation binds townships only),
        on the day its session opened."""
        opened_on = Sessions(self.store, self.rules).state(state.filed.session_id).opened_on
        return Congresses(self.store, self.rules).state(state.filed.congress_id).rules(self.rules, opened_on)

    def answer_deadline(self, inquiry_id: str) -> datetime.date | None:
        """For a complex inquiry, the last day to answer after the session closes (BJ 12 ¶4: 3 months,
        CQ 18 ¶4: 2), counted per CC 201-203."""
        state = self.state(inquiry_id)
        closed_on = Sessions(self.store, self.rules).state(state.filed.session_id).closed_on
        complex = state.form is not None and state.form.complex
        return answer_deadline(self.rules, closed_on, complex)

    def answer(self, inquiry_id: str, *, answered_by: str, on: datetime.date) -> Decision:
        """The head of the body questioned answers (OL 24 ¶3); recorded even when late, and the
        Decision says whether a complex inquiry's answer came within its period (BJ 12 ¶4, CQ 18 ¶4)."""
        state, version = self._current(inquiry_id)
        if not state.awaiting_answer:
            refuse("inquiry.wrong_stage", cite("OL", 24, 3), inquiry_id=inquiry_id, action="take an answer")
        closed_on = Sessions(self.store, self.rules).state(state.filed.session_id).closed_on
        complex = state.form is not None and state.form.complex and not state.answers  # the period is the first's
        decision = Decision.of(*answer_checks(self.rules, closed_on, complex, on))
        self._append(inquiry_stream(inquiry_id), version, InquiryAnswered(answered_by=answered_by, on=on))
        return decision

    def rate(self, inquiry_id: str, *, dissatisfied: Sequence[str]) -> Decision:
        """Sponsors dissatisfied with the answer; half or more of them require a second answer (DL 20 ¶5)."""
        state, version = self._current(inquiry_id)
        if len(state.answers) != len(state.ratings) + 1:  # each answer is rated once
            refuse("inquiry.wrong_stage", cite("DL", 20, 5), inquiry_id=inquiry_id, action="be rated")
        sponsors = state.filed.sponsors
        unhappy = tuple(d for d in dict.fromkeys(dissatisfied) if d in sponsors)
        again = 2 * len(unhappy) >= len(sponsors)
        decision = Decision.of(
            reason(
                not again, "inquiry.satisfaction", cite("DL", 20, 5), dissatisfied=len(unhappy), sponsors=len(sponsors)
            )
        )
        self._append(
            inquiry_stream(inquiry_id), version, InquiryRated(dissatisfied=unhappy, second_answer_required=again)
        )
        return decision

    def record_question(
        self, session_id: str, question_id: str, *, asked_by: Sequence[str], subject: str, answered_by: str,
        on: datetime.date,
    ) -> None:  # fmt: skip
        """询问 during deliberation and who answered it (OL 23, DL 19)."""
        session = Sessions(self.store, self.rules).state(session_id)
        if session.status is not SessionStatus.OPEN:
            refuse("session.wrong_stage", cite("OL", 23), status=session.status.value, action="record a question")
        stream = f"questions-{session_id}"
        event = QuestionAsked(question_id=question_id, asked_by=tuple(asked_by), subject=subject,
                              answered_by=answered_by, on=on)  # fmt: skip
        self._append(stream, self.store.stream_version(stream), event)


def filing_checks(
    rules: RuleSet, level: Level, backing: int, total: int, target: InquiryTarget, questions: str
) -> list[Reason]:
    """An inquiry's sponsors (OL 24 ¶1, or a province's small-congress path), content and target.

    ``backing`` counts the sponsors in office, of ``total`` deputies in office. A township
    inquiry may question its government and the government's departments: OL 24 ¶1 names
    "本级人民政府和它所属各工作部门" for congresses at every level, where DL 20 ¶3 names the
    township government alone; the Organic Law, the specific statute on local congresses,
    is followed (a reading, explained in docs/glossary.md, 质询). Neither gives a township congress a
    supervisory commission, court or procuratorate of its own level to question (DL 20 ¶3).
    """
    checks = [sponsorship(rules, level, backing, total), reason(bool(questions.strip()), "inquiry.content",
                                                                 cite("OL", 24, 1))]  # fmt: skip
    if level is Level.TOWNSHIP and target is InquiryTarget.GOVERNMENT_DEPARTMENT:
        checks.append(reason(True, "inquiry.department_target", cite("OL", 24, 1)))
    elif level is Level.TOWNSHIP and target is not InquiryTarget.TOWNSHIP_GOVERNMENT:
        checks.append(reason(False, "inquiry.target", cite("DL", 20, 3), target=target.value))
    if level is Level.COUNTY and target is InquiryTarget.TOWNSHIP_GOVERNMENT:
        checks.append(reason(False, "inquiry.target", cite("OL", 24, 1), target=target.value))
    return checks


def answer_deadline(rules: RuleSet, closed_on: datetime.date | None, complex: bool) -> datetime.date | None:
    """The last day to answer a complex inquiry: the provincial months after the session closed (BJ 12 ¶4,
    CQ 18 ¶4), moved off a rest day (CC 203); None where no such period runs."""
    rule = rules.optional("inquiry.complex_answer_months")
    if not complex or rule is None or closed_on is None:
        return None
    return rules.period(closed_on, months=int(rule.value)).date


def answer_checks(
    rules: RuleSet, closed_on: datetime.date | None, complex: bool, answered_on: datetime.date
) -> list[Reason]:
    """Whether an answer came within the period of a complex inquiry, where one runs."""
    due = answer_deadline(rules, closed_on, complex)
    if due is None:
        return []
    rule = rules.rule("inquiry.complex_answer_months")
    return [reason(answered_on <= due, "inquiry.answer_in_time", rule.citation, due=due.isoformat(),
                   answered=answered_on.isoformat(), months=int(rule.value))]  # fmt: skip


def sponsorship(rules: RuleSet, level: Level, backing: int, total: int) -> Reason:
    """10 or more deputies (OL 24 ¶1, or the province's article that repeats it for the congress: ``rules`` are the
    congress's resolved rules); where that fails, a province's fraction of a small congress (BJ 12)."""
    required = rules.inquiry_sponsor_threshold(level)
    cited = rules.rule(f"inquiry.sponsors.{level.value}").citation
    national = reason(backing >= required, "inquiry.sponsors", cited, sponsors=backing, required=required)
    size, fraction = rules.optional("inquiry.small_congress_size"), rules.optional("inquiry.small_congress_fraction")
    if national.ok or size is None or fraction is None or total > size.value:
        return national
    small = math.ceil(Fraction(fraction.value) * total)
    return Reason(
        ok=backing >= small, code="inquiry.sponsors", citation=fraction.citation,
        values={"sponsors": backing, "required": small}, relaxation=fraction.citation,
    )  # fmt: skip
