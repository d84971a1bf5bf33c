"""Recall 罢免 of those a congress elected (OL 31), and resignation from those posts (OL 32).

Stream ``recall-<id>``. A recall passes by secret ballot with more than half of all
deputies (OL 25); the post is vacated in the congress's stream.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

import attrs

from npcproc.errors import ConversionError
from npcproc.model.congress import DeputyStatus, StatusChange
from npcproc.model.election import DefenceForm, Office, RecallProposer
from npcproc.model.levels import Level
from npcproc.model.session import SessionStatus, VoteCount
from npcproc.procedures.base import Procedure, cite, reason, refuse, require
from npcproc.procedures.congress.commands import Congresses
from npcproc.procedures.congress.events import DeputyStatusChanged, PostVacated, ResignationAccepted, ResignationVoted
from npcproc.procedures.congress.state import congress_stream
from npcproc.procedures.folded import fold_opened
from npcproc.procedures.recall.events import (
    DefenceCirculated,
    DefenceSubmitted,
    RecallCounted,
    RecallProposed,
    RecallReferred,
)
from npcproc.procedures.session.commands import Sessions, counted
from npcproc.procedures.session.state import SessionState
from npcproc.rules.decision import Citation, Decision

__all__ = ["RecallState", "Recalls", "recall_stream"]

#: OL 31 ¶2: at a township congress only these may be recalled.
TOWNSHIP_RECALLABLE = {
    Office.TOWNSHIP_CHAIR,
    Office.TOWNSHIP_VICE_CHAIR,
    Office.TOWNSHIP_HEAD,
    Office.DEPUTY_TOWNSHIP_HEAD,
}


def recall_stream(recall_id: str) -> str:
    return f"recall-{recall_id}"


@attrs.frozen(kw_only=True)
class RecallState:
    proposal: RecallProposed
    defence: DefenceSubmitted | None = None
    circulated: bool = False
    referred: bool = False
    count: RecallCounted | None = None

    def apply(self, event: object) -> RecallState:
        match event:
            case DefenceSubmitted():
                return attrs.evolve(self, defence=event)
            case DefenceCirculated():
                return attrs.evolve(self, circulated=True)
            case RecallReferred():
                return attrs.evolve(self, referred=True)
            case RecallCounted():
                return attrs.evolve(self, count=event)
        raise TypeError(f"a recall stream cannot hold {type(event).__name__}")


def _start_fold_recall(first: RecallProposed) -> RecallState:
    return RecallState(proposal=first)


#: The fold of the stream: None until RecallProposed opens it.
fold_recall = fold_opened(RecallProposed, _start_fold_recall)


class Recalls(Procedure):
    """Propose, defend and vote on recalls; accept resignations."""

    def state(self, recall_id: str) -> RecallState:
        return self._current(recall_id)[0]

    def _current(self, recall_id: str) -> tuple[RecallState, int]:
        return self._opened(
            recall_stream(recall_id), fold_recall, "recall.unknown", cite("OL", 31), recall_id=recall_id
        )

    def propose(
        self, recall_id: str, *, session_id: str, office: Office, holder_id: str, by: RecallProposer, reasons: str,
        proposers: Sequence[str] = (),
    ) -> None:  # fmt: skip
        """A recall proposed at a session, with written reasons (OL 31 ¶3).

        County: by the presidium, the standing committee, or 1/10 or more of the deputies;
        township: by the presidium or 1/5 or more, against the chair, vice-chairs and the
        township heads (OL 31 ¶1-2).
        """
        session = self._open_session(session_id)
        congress = Congresses(self.store, self.rules).state(session.congress_id)
        level = congress.congress.level
        if session.opened_on is None:
            raise ConversionError("opened_on", "missing, though the stream's stage requires it")
        checks = [reason(bool(reasons.strip()), "recall.reasons", cite("OL", 31, 3))]
        if holder_id not in congress.holders(office, session.opened_on):
            checks.append(reason(False, "recall.not_holder", cite("OL", 31), holder=holder_id, office=office.value))
        if level is Level.TOWNSHIP and (office not in TOWNSHIP_RECALLABLE or by is RecallProposer.STANDING_COMMITTEE):
            checks.append(reason(False, "recall.not_at_township", cite("OL", 31, 2), office=office.value, by=by.value))
        if by is RecallProposer.DEPUTIES:
            in_office = congress.in_office(session.opened_on)
            backing = len(set(proposers) & set(in_office))
            required = self.rules.recall_sponsor_threshold(level, len(in_office))
            by_level = cite("OL", 31, 1 if level is Level.COUNTY else 2)
            checks.append(reason(backing >= required, "recall.proposers", by_level,
                                 proposers=backing, required=required, total=len(in_office)))  # fmt: skip
        require(Decision.of(*checks))
        if self.store.stream_version(recall_stream(recall_id)):
            refuse("recall.exists", cite("OL", 31), recall_id=recall_id)
        event = RecallProposed(
            recall_id=recall_id, congress_id=session.congress_id, session_id=session_id, office=office,
            holder_id=holder_id, proposed_by=by, proposers=tuple(proposers), reasons=reasons,
        )  # fmt: skip
        self._append(recall_stream(recall_id), 0, event)

    def defend(self, recall_id: str, *, form: DefenceForm, statement: str) -> None:
        """The person proposed for recall defends themselves, orally or in writing (OL 31 ¶4)."""
        state, version = self._current(recall_id)
        if state.defence is not None or state.count is not None:
            refuse("recall.wrong_stage", cite("OL", 31, 4), recall_id=recall_id, action="receive a defence")
        self._append(recall_stream(recall_id), version, DefenceSubmitted(form=form, statement=statement))

    def circulate_defence(self, recall_id: str, *, on: datetime.date) -> None:
        """The presidium prints and circulates the defence (OL 31 ¶4)."""
        state, version = self._current(recall_id)
        if state.defence is None or state.circulated:
            refuse("recall.wrong_stage", cite("OL", 31, 4), recall_id=recall_id, action="circulate a defence")
        self._append(recall_stream(recall_id), version, DefenceCirculated(on=on))

    def refer_to_investigation(self, recall_id: str, *, on: datetime.date) -> None:
        """County only: an investigation committee, the next session deciding on its report (OL 31 ¶5)."""
        state, version = self._current(recall_id)
        level = Congresses(self.store, self.rules).state(state.proposal.congress_id).congress.level
        if level is not Level.COUNTY or state.referred or state.count is not None:
            refuse("recall.wrong_stage", cite("OL", 31, 5), recall_id=recall_id, action="refer to an investigation")
        self._append(recall_stream(recall_id), version, RecallReferred(on=on))

    def count(
        self, recall_id: str, *, session_id: str, on: datetime.date, present: Sequence[str], ballots_issued: int,
        yes: int, no: int, abstain: int, ballots_returned: int | None = None,
    ) -> Decision:  # fmt: skip
        """The secret-ballot count at a sitting with the deputies ``present``: refused, recording nothing, unless
        two thirds or more of the deputies in office that day are present (OL 14 ¶4); the recall passes with more
        than half of all deputies (OL 25)."""
        state, version = self._current(recall_id)
        if state.count is not None or (state.defence is not None and not state.circulated):
            refuse("recall.wrong_stage", cite("OL", 31, 4), recall_id=recall_id, action="vote")
        proposal = state.proposal
        if session_id != proposal.session_id and not state.referred:
            refuse("recall.wrong_stage", cite("OL", 31, 5), recall_id=recall_id, action="vote at another session")
        self._open_session(session_id)
        quorum = Sessions(self.store, self.rules).quorum(session_id, on=on, present=present)
        counted(VoteCount(yes=yes, no=no, abstain=abstain), present, "yes/no/abstain")
        congresses = Congresses(self.store, self.rules)
        total = len(congresses.state(proposal.congress_id).in_office(on))
        returned = yes + no + abstain if ballots_returned is None else ballots_returned
        outcome = self.rules.election_outcome(
            total_deputies=total, seats=1, votes={proposal.holder_id: yes}, ballots_issued=ballots_issued,
            ballots_returned=returned,
        )  # fmt: skip
        decision = outcome.decision if not outcome.valid else self.rules.resolution_passes(total, yes)
        event = RecallCounted(
            session_id=session_id, on=on, total_deputies=total, ballots_issued=ballots_issued,
            ballots_returned=returned, yes=yes, no=no, abstain=abstain, passed=decision.ok, present=tuple(present),
        )  # fmt: skip
        self._append(recall_stream(recall_id), version, event)
        if decision.ok:
            self._vacate(proposal.congress_id, proposal.office, proposal.holder_id, on, f"recalled ({recall_id})")
        return Decision.of(*quorum.reasons, *decision.reasons)

    def accept_resignation(
        self, congress_id: str, *, office: Office, holder_id: str, on: datetime.date, accepted_by: str,
        session_id: str | None = None, present: Sequence[str] = (), vote: VoteCount | None = None,
    ) -> Decision:  # fmt: skip
        """OL 32: the congress decides at a session (``accepted_by="congress"``) by a vote (``vote``) of the
        deputies ``present``: refused, recording nothing, unless two thirds or more of the deputies in office
        are present (OL 14 ¶4); accepted with more than half of all deputies (OL 25), a vote short of it is
        recorded and the holder keeps the post. Between sessions the county standing committee
        (``"standing_committee"``) or, where the province allows, the township presidium (``"presidium"``,
        CQ 32 (10)) decides; the congress confirms the presidium's acceptance (:meth:`confirm_resignation`).
        """
        congress = Congresses(self.store, self.rules).state(congress_id)
        level = congress.congress.level
        if holder_id not in congress.holders(office, on):
            refuse("recall.not_holder", cite("OL", 32), holder=holder_id, office=office.value)
        if accepted_by == "congress":
            if session_id is None:
                refuse("resignation.needs_session", cite("OL", 32))
            decision = self._vote(congress_id, session_id, holder_id, office, on, present, vote, cite("OL", 32))
            if not decision.ok:
                return decision
        elif accepted_by == "standing_committee" and level is Level.COUNTY:
            decision = Decision.of()
        elif accepted_by == "presidium" and level is Level.TOWNSHIP:
            allowed = congress.rules(self.rules, on).optional("resignation.presidium_may_accept")
            if allowed is None or not allowed.value:
                refuse("resignation.presidium", cite("OL", 32, 2))
            decision = Decision.of()
        else:
            refuse("resignation.body", cite("OL", 32), body=accepted_by, level=level.value)
        _congress, version = Congresses(self.store, self.rules)._current(congress_id)
        accepted = ResignationAccepted(
            congress_id=congress_id, office=office, holder_id=holder_id, on=on, accepted_by=accepted_by
        )
        vacated = PostVacated(congress_id=congress_id, office=office, holder_id=holder_id, on=on, reason="resigned")
        self._append(congress_stream(congress_id), version, accepted, vacated)
        return decision

    def confirm_resignation(
        self, congress_id: str, *, office: Office, holder_id: str, session_id: str, on: datetime.date,
        present: Sequence[str], vote: VoteCount,
    ) -> Decision:  # fmt: skip
        """CQ 32 (10) "主席团决定接受辞职后，报本级人民代表大会确认": the congress's vote, at a sitting with two
        thirds or more present (OL 14 ¶4), on a resignation the presidium accepted between sessions; confirmed
        with more than half of all deputies (OL 25). The text does not say what follows a refusal to confirm:
        the vote is recorded and the post stays vacated."""
        congress = Congresses(self.store, self.rules).state(congress_id)
        if (office, holder_id) not in congress.unconfirmed_resignations:
            refuse("resignation.nothing_to_confirm", cite("OL", 32, 2), holder=holder_id, office=office.value)
        return self._vote(congress_id, session_id, holder_id, office, on, present, vote, cite("OL", 32, 2), True)

    def accept_deputy_resignation(
        self, congress_id: str, deputy_id: str, *, session_id: str, on: datetime.date, present: Sequence[str],
        vote: VoteCount,
    ) -> Decision:  # fmt: skip
        """EL 55 ¶2: a township deputy resigns in writing to the congress, which accepts "须经人民代表大会过半数的代表
        通过" at a sitting with two thirds or more present (OL 14 ¶4); a roll short of it is refused and records
        nothing. Until a vote accepts it the deputy stays in office; accepted, the mandate ends on ``on``, and with
        it a chair's or vice-chair's post (EL 56 ¶2). A county deputy resigns to the standing committee instead."""
        congress = Congresses(self.store, self.rules).state(congress_id)
        level = congress.congress.level
        if level is not Level.TOWNSHIP:
            refuse("resignation.deputy_body", cite("EL", 55, 2), level=level.value)
        if deputy_id not in congress.in_office(on):
            refuse("resignation.not_a_deputy", cite("EL", 55, 2), deputy_id=deputy_id, on=on.isoformat())
        return self._vote(congress_id, session_id, deputy_id, None, on, present, vote, cite("EL", 55, 2))

    def _vote(
        self, congress_id: str, session_id: str, holder_id: str, office: Office | None, on: datetime.date,
        present: Sequence[str], vote: VoteCount | None, citation: Citation, confirming: bool = False,
    ) -> Decision:  # fmt: skip
        """A plenary vote on a resignation: quorum, count, majority; recorded with the roll, then its effect."""
        if vote is None:
            refuse("resignation.vote_needed", citation)
        session = self._open_session(session_id)
        if session.congress_id != congress_id:
            refuse("session.unknown", cite("OL", 14), session_id=session_id)
        quorum = Sessions(self.store, self.rules).quorum(session_id, on=on, present=present)
        counted(vote, present, "vote")
        congresses = Congresses(self.store, self.rules)
        state, version = congresses._current(congress_id)
        total = len(state.in_office(on))
        rules = state.rules(self.rules, on)
        if office is None:
            decision = rules.deputy_resignation_passes(total, vote.yes)
        else:
            decision = rules.resolution_passes(total, vote.yes)
        voted = ResignationVoted(
            congress_id=congress_id, session_id=session_id, holder_id=holder_id, office=office, on=on,
            present=tuple(present), total_deputies=total, vote=vote, passed=decision.ok, confirming=confirming,
        )  # fmt: skip
        events: list[object] = [voted]
        if decision.ok and office is None:
            change = StatusChange(status=DeputyStatus.RESIGNED, on=on, note=f"EL 55 ¶2: accepted at {session_id}")
            events.append(DeputyStatusChanged(congress_id=congress_id, deputy_id=holder_id, change=change))
        self._append(congress_stream(congress_id), version, *events)
        return Decision.of(*quorum.reasons, *decision.reasons)

    def _vacate(self, congress_id: str, office: Office, holder_id: str, on: datetime.date, why: str) -> None:
        _congress, version = Congresses(self.store, self.rules)._current(congress_id)
        event = PostVacated(congress_id=congress_id, office=office, holder_id=holder_id, on=on, reason=why)
        self._append(congress_stream(congress_id), version, event)

    def _open_session(self, session_id: str) -> SessionState:
        session = Sessions(self.store, self.rules).state(session_id)
        if session.status is not SessionStatus.OPEN:
            refuse("session.wrong_stage", cite("OL", 31), status=session.status.value, action="decide a recall")
        return session
