"""Livelihood projects decided by deputies' vote 民生实事项目人大代表票决制.

Stream ``livelihood-<congress>-<year>``. A year runs: collection 征集 of proposals from
deputies, the public and the government; preliminary review 初审 (accepted, or rejected with
reasons); a candidate list longer than the number to choose; the vote 票决 at an open session
of the congress; implementation with dated progress reports; supervision by deputy groups;
and the year-end evaluation 评议 with the deputies' satisfaction ratings.

National law gives only the power (OL 12 ¶1 (3) township, OL 11 ¶1 (3) county), so the
practice's numbers are local: the list has at least ``livelihood.candidate_margin`` (default
1) more candidates than the quota; a project is chosen by more than half of ALL deputies in
office, top ranked first up to the quota, and projects tied at the cut-off go to a re-vote
among them, where the most votes win (counted as elections are, OL 25, OL 29 ¶1). A project
is rated satisfactory when more than half of the deputies rating it are satisfied or
basically satisfied. Provinces may require the congress's own body to review candidates
(ZJ 30 ¶1, ZJ-ZD 4 ¶3) and every chosen project to be tracked and evaluated (ZJ 30 ¶2).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from fractions import Fraction

import attrs

from npcproc.errors import ConversionError
from npcproc.model.levels import Level
from npcproc.model.session import SessionStatus
from npcproc.procedures.base import Procedure, cite, reason, refuse, require
from npcproc.procedures.congress.commands import Congresses
from npcproc.procedures.livelihood.events import (
    CollectionOpened,
    ProgressReported,
    ProjectProposed,
    ProjectReviewed,
    ProjectsEvaluated,
    ProjectsListed,
    ProjectSource,
    ProjectsVoted,
    ProjectVisited,
    ReviewBody,
    SatisfactionCount,
)
from npcproc.procedures.livelihood.messages import ACTIONS_ZH, NAMES_ZH
from npcproc.procedures.livelihood.state import LivelihoodStage, LivelihoodState, ProjectState, fold_livelihood
from npcproc.procedures.session.commands import Sessions
from npcproc.rules.decision import Citation, Decision, Reason
from npcproc.rules.logic import Rule, more_than

__all__ = ["Livelihood", "LivelihoodStage", "LivelihoodState", "ProjectState", "VoteResult", "livelihood_stream"]

DEFAULT_MARGIN = 1
#: Who reviews the candidates where the province requires the congress's own body to (ZJ 30 ¶1, ZJ-ZD 4 ¶3).
REVIEWERS = {
    Level.TOWNSHIP: (ReviewBody.PRESIDIUM, "livelihood.review_by_presidium"),
    Level.COUNTY: (ReviewBody.STANDING_COMMITTEE, "livelihood.review_by_standing_committee"),
}
_RENAMED = {"election.elected": "livelihood.chosen", "election.tie": "livelihood.tie"}


def livelihood_stream(congress_id: str, year: int) -> str:
    return f"livelihood-{congress_id}-{year}"


def power(level: Level) -> Citation:
    """The congress's power to decide construction projects (OL 12 ¶1 (3), OL 11 ¶1 (3))."""
    return cite("OL", 12 if level is Level.TOWNSHIP else 11, 1, 3)


def execution(level: Level) -> Citation:
    """The government carries out the congress's resolutions (OL 76 ¶1 (1), OL 73 ¶1 (1))."""
    return cite("OL", 76 if level is Level.TOWNSHIP else 73, 1, 1)


@attrs.frozen(kw_only=True)
class VoteResult:
    """A counted round: the projects it chose, those tied for a re-vote, and why."""

    revote: bool
    valid: bool
    chosen: tuple[str, ...]
    tied: tuple[str, ...]
    votes: Mapping[str, int]
    decision: Decision


class Livelihood(Procedure):
    """Collect, review, list, vote on, follow and evaluate a year's livelihood projects."""

    def state(self, congress_id: str, year: int) -> LivelihoodState:
        return self._current(congress_id, year)[0]

    def _current(self, congress_id: str, year: int) -> tuple[LivelihoodState, int]:
        return self._opened(
            livelihood_stream(congress_id, year),
            fold_livelihood,
            "livelihood.unknown",
            power(self._level(congress_id)),
            congress_id=congress_id,
            year=year,
        )

    def _level(self, congress_id: str) -> Level:
        return Congresses(self.store, self.rules).state(congress_id).congress.level

    def _in_office(self, congress_id: str, on: datetime.date) -> set[str]:
        return set(Congresses(self.store, self.rules).state(congress_id).in_office(on))

    def _stage(
        self, congress_id: str, year: int, action: str, *allowed: LivelihoodStage
    ) -> tuple[LivelihoodState, int, Level]:
        state, version = self._current(congress_id, year)
        level = self._level(congress_id)
        if state.stage not in allowed:
            stage = state.stage.value
            refuse("livelihood.wrong_stage", power(level), stage_zh=NAMES_ZH[stage], stage_en=stage,
                   action_zh=ACTIONS_ZH[action], action_en=action)  # fmt: skip
        return state, version, level

    def _append_to(self, state: LivelihoodState, version: int, event: object) -> None:
        self._append(livelihood_stream(state.congress_id, state.year), version, event)

    # -- collection, review, list ------------------------------------------------------------

    def open_collection(self, congress_id: str, year: int, *, on: datetime.date) -> LivelihoodState:
        """Open the collection 征集 of proposals for ``year``'s projects."""
        level = self._level(congress_id)
        if self.store.stream_version(livelihood_stream(congress_id, year)):
            refuse("livelihood.exists", power(level), congress_id=congress_id, year=year)
        opened = CollectionOpened(congress_id=congress_id, year=year, on=on)
        self._append(livelihood_stream(congress_id, year), 0, opened)
        return self.state(congress_id, year)

    def propose(
        self, congress_id: str, year: int, project_id: str, *, title: str, source: ProjectSource, on: datetime.date,
        proposers: Sequence[str] = (),
    ) -> None:  # fmt: skip
        """A proposal from deputies (naming them), the public or the government."""
        state, version, level = self._stage(congress_id, year, "receive a proposal", LivelihoodStage.COLLECTING)
        if project_id in state.projects:
            refuse("livelihood.project_exists", power(level), project_id=project_id)
        checks = [reason(bool(title.strip()), "livelihood.title", power(level), project_id=project_id)]
        if source is ProjectSource.DEPUTIES:
            in_office = self._in_office(congress_id, on)
            checks.append(reason(bool(proposers), "livelihood.proposers", power(level), project_id=project_id))
            checks += [
                reason(False, "deputy.not_in_office", power(level), deputy_id=d, on=on.isoformat())
                for d in proposers
                if d not in in_office
            ]
        require(Decision.of(*checks))
        event = ProjectProposed(project_id=project_id, title=title, source=source, proposers=tuple(proposers), on=on)
        self._append_to(state, version, event)

    def review(
        self, congress_id: str, year: int, project_id: str, *, accepted: bool, by: ReviewBody, on: datetime.date,
        reasons: str = "",
    ) -> None:  # fmt: skip
        """The preliminary review 初审: a rejected project states its reasons."""
        state, version, level = self._stage(congress_id, year, "review a proposal", LivelihoodStage.COLLECTING)
        project = self._project(state, project_id, level)
        if project.review is not None:
            refuse("livelihood.reviewed", power(level), project_id=project_id)
        if not accepted and not reasons.strip():
            refuse("livelihood.review_reasons", power(level), project_id=project_id)
        event = ProjectReviewed(project_id=project_id, accepted=accepted, by=by, reasons=reasons, on=on)
        self._append_to(state, version, event)

    def list_candidates(
        self, congress_id: str, year: int, *, quota: int, on: datetime.date, candidates: Sequence[str] | None = None
    ) -> tuple[str, ...]:
        """Fix the candidate list (default: every accepted project) to choose ``quota`` projects from.

        The list must be longer than the quota by the margin in force; where the province
        requires it, every candidate was reviewed by the presidium (township, ZJ 30 ¶1) or the
        standing committee (county, ZJ-ZD 4 ¶3).
        """
        state, version, level = self._stage(congress_id, year, "list the candidates", LivelihoodStage.COLLECTING)
        if candidates is None:
            candidates = [p for p, project in state.projects.items() if project.accepted]
        listed = tuple(dict.fromkeys(candidates))
        checks = [reason(quota >= 1, "livelihood.quota", power(level), quota=quota)]
        for project_id in listed:
            project = self._project(state, project_id, level)
            if not project.accepted:
                checks.append(reason(False, "livelihood.not_accepted", power(level), project_id=project_id))
        rules = self.rules_for(congress_id, on)
        rule = rules.optional("livelihood.candidate_margin") or Rule(value=DEFAULT_MARGIN, citation=Citation.practice())
        margin = int(rule.value)
        checks.append(reason(len(listed) >= quota + margin, "livelihood.margin", rule.citation, candidates=len(listed),
                             quota=quota, margin=margin, required=quota + margin))  # fmt: skip
        body, name = REVIEWERS[level]
        body_rule = rules.optional(name)
        if body_rule is not None and body_rule.value:
            wrong = [p for p in listed if (review := state.projects[p].review) is not None and review.by is not body]
            checks += [reason(False, "livelihood.review_body", body_rule.citation, project_id=p, body=body.value,
                              body_zh=NAMES_ZH[body.value]) for p in wrong]  # fmt: skip
        require(Decision.of(*checks))
        self._append_to(state, version, ProjectsListed(quota=quota, candidates=listed, on=on))
        return listed

    def _project(self, state: LivelihoodState, project_id: str, level: Level) -> ProjectState:
        project = state.projects.get(project_id)
        if project is None:
            refuse("livelihood.project_unknown", power(level), project_id=project_id)
        return project

    # -- the vote ----------------------------------------------------------------------------

    def vote(
        self, congress_id: str, year: int, *, session_id: str, on: datetime.date, votes: Mapping[str, int],
        ballots_issued: int, ballots_returned: int | None = None,
    ) -> VoteResult:  # fmt: skip
        """The vote 票决 at an open session; each ballot marks at most as many projects as there are places.

        First vote: a project needs more than half of all deputies in office (OL 25); the most
        votes win up to the quota. Projects tied at the cut-off go to a re-vote among them for
        the places left, where the most votes win (OL 29 ¶1); the next call to :meth:`vote`
        is that re-vote. More ballots returned than issued void the round, which is held again.
        """
        stages = (LivelihoodStage.LISTED, LivelihoodStage.REVOTE)
        state, version, level = self._stage(congress_id, year, "vote", *stages)
        if state.listing is None:
            raise ConversionError("listing", "missing, though the stream's stage requires it")
        revote = state.stage is LivelihoodStage.REVOTE
        seats = state.listing.quota - len(state.chosen)
        returned = ballots_issued if ballots_returned is None else ballots_returned
        candidates = state.tied if revote else state.listing.candidates
        total, counts = self._checked_count(state, level, session_id, on, votes, candidates, seats,
                                            ballots_issued, returned)  # fmt: skip
        outcome = self.rules.election_outcome(
            total_deputies=total, seats=seats, votes=counts, ballots_issued=ballots_issued, ballots_returned=returned
        )
        chosen, tied = outcome.elected, outcome.tied
        reasons = [self._as_project_reason(r, level) for r in outcome.decision.reasons]
        if revote and outcome.valid:  # the majority was reached at the first vote; now the most votes win
            ranked = sorted(counts, key=lambda p: (-counts[p], p))
            cut = counts[ranked[seats - 1]]
            tie = counts[ranked[seats]] == cut
            chosen = tuple(p for p in ranked if counts[p] > cut) if tie else tuple(ranked[:seats])
            tied = tuple(p for p in ranked if counts[p] == cut) if tie else ()
            reasons = [r for r in reasons if r.code == "ballots.returned"]
            reasons += [reason(True, "livelihood.revote_chosen", cite("OL", 29, 1), candidate=p, votes=counts[p])
                        for p in chosen]  # fmt: skip
            if tie:
                reasons.append(reason(False, "livelihood.tie", cite("OL", 29, 1), candidates=", ".join(tied),
                                      votes=cut, open_seats=seats - len(chosen)))  # fmt: skip
        event = ProjectsVoted(
            session_id=session_id, on=on, revote=revote, total_deputies=total, ballots_issued=ballots_issued,
            ballots_returned=returned, votes=counts, valid=outcome.valid, chosen=chosen, tied=tied,
        )  # fmt: skip
        self._append_to(state, version, event)
        return VoteResult(revote=revote, valid=outcome.valid, chosen=chosen, tied=tied, votes=counts,
                          decision=Decision.of(*reasons))  # fmt: skip

    def _checked_count(
        self, state: LivelihoodState, level: Level, session_id: str, on: datetime.date, votes: Mapping[str, int],
        candidates: Sequence[str], seats: int, issued: int, returned: int,
    ) -> tuple[int, dict[str, int]]:  # fmt: skip
        """Refuse a count that cannot be: outside an open session, off the list, or marking too many."""
        session = Sessions(self.store, self.rules).state(session_id)
        if session.congress_id != state.congress_id or session.status is not SessionStatus.OPEN:
            refuse("livelihood.session", power(level), session_id=session_id, status=session.status.value,
                   congress_id=state.congress_id)  # fmt: skip
        total = len(self._in_office(state.congress_id, on))
        possible = 0 <= issued <= total and returned >= 0 and total > 0
        checks = [reason(possible, "livelihood.ballots", cite("OL", 25, 1), issued=issued, returned=returned,
                         total=total)]  # fmt: skip
        checks += [reason(False, "livelihood.not_candidate", power(level), project_id=p)
                   for p in votes if p not in candidates]  # fmt: skip
        counts = {p: votes.get(p, 0) for p in candidates}
        checks += [reason(False, "livelihood.project_votes", cite("OL", 25, 1), project_id=p, votes=n,
                          returned=returned) for p, n in counts.items() if not 0 <= n <= returned]  # fmt: skip
        marks = sum(counts.values())
        checks.append(reason(marks <= returned * seats, "livelihood.marks", power(level), marks=marks,
                             ballots=returned, seats=seats))  # fmt: skip
        require(Decision.of(*checks))
        return total, counts

    @staticmethod
    def _as_project_reason(found: Reason, level: Level) -> Reason:
        if found.code == "election.shortfall":
            return attrs.evolve(found, code="livelihood.shortfall", citation=power(level))
        return attrs.evolve(found, code=_RENAMED.get(found.code, found.code))

    # -- implementation, supervision, evaluation ---------------------------------------------

    def report_progress(
        self, congress_id: str, year: int, project_id: str, *, on: datetime.date, percent: int, note: str = ""
    ) -> None:
        """The government reports a chosen project's progress: the percentage never goes down."""
        state, version, level = self._stage(congress_id, year, "report progress", LivelihoodStage.IMPLEMENTING)
        project = self._chosen(state, project_id, level)
        last = project.progress[-1].on if project.progress else state.decided_on
        checks = [
            reason(project.percent <= percent <= 100, "livelihood.progress", execution(level),
                   project_id=project_id, percent=percent, last=project.percent),
            reason(on >= last, "livelihood.date_order", execution(level), on=on.isoformat(), last=last.isoformat()),
        ]  # fmt: skip
        require(Decision.of(*checks))
        self._append_to(state, version, ProgressReported(project_id=project_id, on=on, percent=percent, note=note))

    def visit(
        self, congress_id: str, year: int, project_id: str, *, on: datetime.date, group: str,
        deputies: Sequence[str], findings: str,
    ) -> None:  # fmt: skip
        """A deputy group inspects a chosen project and records its findings (DL 26, DL 29 ¶1, OL 43 ¶3)."""
        state, version, level = self._stage(congress_id, year, "record a visit", LivelihoodStage.IMPLEMENTING)
        self._chosen(state, project_id, level)
        in_office, decided_on = self._in_office(congress_id, on), state.decided_on
        checks = [
            reason(all(x.strip() for x in (group, findings)) and bool(deputies), "livelihood.visit",
                   cite("DL", 26), project_id=project_id),
            reason(on >= decided_on, "livelihood.date_order", cite("DL", 29, 1), on=on.isoformat(),
                   last=decided_on.isoformat()),
            *(reason(False, "deputy.not_in_office", cite("DL", 29, 1), deputy_id=d, on=on.isoformat())
              for d in deputies if d not in in_office),
        ]  # fmt: skip
        require(Decision.of(*checks))
        event = ProjectVisited(project_id=project_id, on=on, group=group, deputies=tuple(deputies), findings=findings)
        self._append_to(state, version, event)

    def evaluate(
        self, congress_id: str, year: int, *, on: datetime.date, ratings: Mapping[str, SatisfactionCount]
    ) -> Decision:
        """The year-end evaluation: every chosen project rated by the deputies.

        The Decision holds when each project is rated satisfactory (more than half of those
        rating it satisfied or basically satisfied) and, where the province requires tracking
        (ZJ 30 ¶2), each was visited by deputies. The evaluation is recorded either way.
        """
        state, version, level = self._stage(congress_id, year, "evaluate", LivelihoodStage.IMPLEMENTING)
        rule = self.rules_for(congress_id, on).optional("livelihood.performance_evaluation")
        tracked = rule is not None and bool(rule.value)
        citation = rule.citation if rule is not None and tracked else power(level)
        decided_on, total = state.decided_on, len(self._in_office(congress_id, on))
        checks = [
            reason(set(ratings) == set(state.chosen), "livelihood.rating_scope", citation,
                   rated=", ".join(sorted(ratings)), chosen=", ".join(state.chosen)),
            reason(on >= decided_on, "livelihood.date_order", citation, on=on.isoformat(), last=decided_on.isoformat()),
            *(reason(False, "livelihood.raters", citation, project_id=p, raters=r.total, total=total)
              for p, r in ratings.items()
              if not 0 < r.total <= total or min(r.satisfied, r.basically_satisfied, r.dissatisfied) < 0),
        ]  # fmt: skip
        require(Decision.of(*checks))
        reasons = []
        for project_id in state.chosen:
            rating = ratings[project_id]
            content, required = rating.satisfied + rating.basically_satisfied, more_than(Fraction(1, 2), rating.total)
            reasons.append(reason(content >= required, "livelihood.satisfaction", citation, project_id=project_id,
                                  content=content, raters=rating.total, required=required))  # fmt: skip
            if tracked:
                visits = len(state.projects[project_id].visits)
                reasons.append(reason(visits > 0, "livelihood.tracked", citation, project_id=project_id, visits=visits))
        self._append_to(state, version, ProjectsEvaluated(on=on, ratings=dict(ratings)))
        return Decision.of(*reasons)

    def _chosen(self, state: LivelihoodState, project_id: str, level: Level) -> ProjectState:
        project = self._project(state, project_id, level)
        if project_id not in state.chosen:
            refuse("livelihood.not_chosen", power(level), project_id=project_id)
        return project
