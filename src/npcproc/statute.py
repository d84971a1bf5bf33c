"""National law as pure functions: the floor that every province builds on.

Every number comes from :mod:`npcproc.rules.national`; every result that decides
something is a :class:`~npcproc.rules.Decision` whose reasons cite their article.
Arithmetic is exact: ``以上`` includes the number itself (``2/3 以上`` of 60 is 40 or
more) and ``过半数`` is strictly more than half. Impossible input raises
:class:`~npcproc.errors.InvalidArgumentError` (a ``ValueError``) naming the argument.
A province's values apply through :class:`~npcproc.rules.RuleSet`, which runs the same
logic (:mod:`npcproc.rules.logic`).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from npcproc.calendar import Deadline, deadline
from npcproc.model.levels import Level, Post
from npcproc.rules import logic
from npcproc.rules.decision import Decision
from npcproc.rules.logic import ElectionOutcome, national_rule

__all__ = [
    "ElectionOutcome",
    "Level",
    "Post",
    "bill_sponsor_threshold",
    "candidate_range",
    "deputy_quota_cap",
    "direct_election_outcome",
    "election_outcome",
    "extraordinary_session_threshold",
    "inquiry_sponsor_threshold",
    "nomination_sponsor_threshold",
    "recall_sponsor_threshold",
    "resolution_passes",
    "session_quorum",
    "suggestion_reply_deadline",
]


def deputy_quota_cap(level: Level, population: int) -> int:
    """EL 12: the largest deputy quota for a congress of ``level`` over ``population`` people.

    Base plus one deputy per 5,000 (county) or 1,500 (township) people, capped at 450 or
    160; before the provincial +5% for minority or scattered areas.
    """
    return logic.quota_cap(national_rule, level, population)


def session_quorum(total_deputies: int, present: int) -> Decision:
    """OL 14 ¶4: a session is held only with 2/3 or more of all deputies present."""
    return logic.session_quorum(national_rule, total_deputies, present)


def resolution_passes(total_deputies: int, yes: int) -> Decision:
    """OL 25: a resolution passes with more than half of ALL deputies, not of those present."""
    return logic.majority_of_all(national_rule, total_deputies, yes)


def extraordinary_session_threshold(total_deputies: int) -> int:
    """OL 14 ¶3: the fewest deputies (1/5 or more) who may propose an extraordinary session."""
    return logic.fraction_threshold(national_rule, "session.extraordinary_proposal", total_deputies)


def bill_sponsor_threshold(level: Level) -> int:
    """OL 22 ¶2: deputies who may jointly submit a bill (10 at county, 5 at township level)."""
    return logic.sponsor_threshold(national_rule, "bill", level)


def inquiry_sponsor_threshold(level: Level) -> int:
    """OL 24 ¶1: deputies who may jointly file an inquiry (10 at either level)."""
    return logic.sponsor_threshold(national_rule, "inquiry", level)


def nomination_sponsor_threshold(level: Level) -> int:
    """OL 26 ¶2: deputies who may jointly nominate a candidate in writing (10 at either level)."""
    return logic.sponsor_threshold(national_rule, "nomination", level)


def recall_sponsor_threshold(level: Level, total_deputies: int) -> int:
    """OL 31: deputies who may propose a recall: 1/10 or more (county), 1/5 or more (township)."""
    logic.check_level(level)
    return logic.fraction_threshold(national_rule, f"recall.sponsors.{level.value}", total_deputies)


def candidate_range(post: Post, seats: int) -> tuple[int, int]:
    """OL 27 ¶1: the inclusive (fewest, most) number of candidates for ``seats`` seats.

    Principal posts may have one more candidate than seats, or as many (a single nominee,
    等额); vice posts one to three more; standing-committee members 1/10 to 1/5 more.
    """
    return logic.candidate_range(national_rule, post, seats)


def suggestion_reply_deadline(referred_on: datetime.date, *, complex: bool = False) -> datetime.date:
    """DL 51 ¶2: the last day to reply to a deputy's suggestion referred on ``referred_on``.

    Three months, six for broad or hard cases, counted per CC 201-202 (31 January + 3
    months = 30 April). National law alone has no holiday calendar, so the day is not moved
    off a rest day: :meth:`npcproc.rules.RuleSet.suggestion_reply_deadline` applies CC 203.
    """
    return logic.reply_deadline(national_rule, referred_on, complex, _cc_201_202)


def _cc_201_202(start: datetime.date, *, months: int = 0, days: int = 0) -> Deadline:
    return deadline(start, months=months, days=days, calendar=None)


def election_outcome(
    *, total_deputies: int, seats: int, votes: Mapping[str, int], ballots_issued: int, ballots_returned: int
) -> ElectionOutcome:
    """OL 25, 29: count one round of an election at a congress.

    A candidate needs more than half of all deputies; more such candidates than seats are
    ranked by votes, with a re-vote among those tied at the cut-off; too few leave a
    shortfall for a further election. More ballots returned than issued voids the round.
    """
    return logic.election_outcome(
        national_rule,
        total_deputies=total_deputies,
        seats=seats,
        votes=votes,
        ballots_issued=ballots_issued,
        ballots_returned=ballots_returned,
    )


def direct_election_outcome(
    *,
    registered_voters: int,
    seats: int,
    votes: Mapping[str, int],
    ballots_issued: int,
    ballots_returned: int,
    voters: int,
    runoff: bool = False,
) -> ElectionOutcome:
    """EL 44, 45: count one round of a direct election of deputies in a constituency.

    Valid only when more than half of the registered voters vote (``voters``, 参加投票的选民,
    its own figure and not the ballots issued); a candidate needs more than half of ``voters``. In a further election
    (``runoff=True``, 另行选举) the most votes win but need at least 1/3 of the ballots.
    """
    return logic.direct_election_outcome(
        national_rule,
        registered_voters=registered_voters,
        seats=seats,
        votes=votes,
        ballots_issued=ballots_issued,
        ballots_returned=ballots_returned,
        runoff=runoff,
        voters=voters,
    )
