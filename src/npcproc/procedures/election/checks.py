"""The checks of an indirect election: nomination time, the margin of candidates, the principal list, and
the plurality count.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from npcproc.calendar import deadline
from npcproc.model.election import (
    Office,
)
from npcproc.model.levels import Level, Post
from npcproc.procedures.base import cite, reason, ruled
from npcproc.rules.decision import Decision, Reason
from npcproc.rules.logic import ElectionOutcome
from npcproc.rules.ruleset import RuleSet

__all__ = [
    "margin_check",
    "nomination_time_check",
    "plurality",
    "principal_list_check",
]


def nomination_time_check(
    rules: RuleSet, level: Level, by_election: bool, opened: datetime.date, listed_on: datetime.date
) -> list[Reason]:
    """OL 27 ¶2 "县级以上的地方各级人民代表大会换届选举本级国家机关领导人员时，提名、酝酿候选人的时间不得少于两天".

    At a county congress's general election (not a by-election) the formal list comes after
    the minimum time, counted from ``opened`` without that day (CC 201-202). The time is a
    minimum spent at the session, not a deadline, so a rest day does not move it (CC 203 is
    not applied): opened on 5 January, the list may be fixed from 8 January.
    """
    if level is not Level.COUNTY or by_election:
        return []
    rule = rules.rule("election.nomination_days.county")
    last = deadline(opened, days=int(rule.value), calendar=None).date
    return [ruled(listed_on > last, "election.nomination_time", rule, days=int(rule.value),
                  opened=opened.isoformat(), last=last.isoformat(), on=listed_on.isoformat())]  # fmt: skip


def margin_check(rules: RuleSet, office: Office, seats: int, extra_candidates: int, by_election: bool) -> Reason:
    """OL 27 ¶1 (OL 30 for a by-election): the margin of candidates over seats the election rules fix."""
    fewest, most = (seats, None) if by_election else rules.candidate_range(office.post, seats)
    total = seats + extra_candidates
    ok = extra_candidates >= 0 and fewest <= total and (most is None or total <= most)
    return reason(ok, "election.margin", cite("OL", 30 if by_election else 27, 1),
                  seats=seats, candidates=total, fewest=fewest, most=most or "∞")  # fmt: skip


def principal_list_check(office: Office, seats: int, nominees: int, listed: int, by_election: bool) -> list[Reason]:
    """OL 27 ¶1 "候选人数可以多一人，进行差额选举；如果提名的候选人只有一人，也可以等额选举": a principal post's
    formal list is uncontested only when no more people were nominated than seats (a by-election aside, OL 30)."""
    if office.post is not Post.PRINCIPAL or by_election or nominees <= seats:
        return []
    return [reason(listed > seats, "election.principal_uncontested", cite("OL", 27, 1), seats=seats,
                   nominees=nominees, candidates=listed)]  # fmt: skip


def plurality(votes: Mapping[str, int], seats: int, issued: int, returned: int) -> ElectionOutcome:
    """OL 29 ¶1: in the re-vote among the tied the most votes win; a new tie at the cut-off votes again."""
    void = reason(returned <= issued, "ballots.returned", cite("EL", 44, 1), issued=issued, returned=returned)
    if not void.ok:
        return ElectionOutcome(valid=False, elected=(), tied=(), shortfall=0, decision=Decision.of(void))
    ranked = sorted(votes, key=lambda c: (-votes[c], c))
    if len(ranked) > seats and votes[ranked[seats - 1]] == votes[ranked[seats]]:
        cut = votes[ranked[seats - 1]]
        elected = tuple(c for c in ranked if votes[c] > cut)
        tied = tuple(c for c in ranked if votes[c] == cut)
        tie = reason(False, "election.tie", cite("OL", 29, 1), candidates=", ".join(tied), votes=cut,
                     open_seats=seats - len(elected))  # fmt: skip
        return ElectionOutcome(valid=True, elected=elected, tied=tied, shortfall=0, decision=Decision.of(void, tie))
    elected = tuple(ranked[:seats])
    won = [reason(True, "election.revote_won", cite("OL", 29, 1), candidate=c, votes=votes[c]) for c in elected]
    return ElectionOutcome(valid=True, elected=elected, tied=(), shortfall=0, decision=Decision.of(void, *won))
