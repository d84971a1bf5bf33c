"""What a secret ballot may carry (OL 28): marks for the round's candidates, and the names of other persons
written in. Nothing else, so that no ballot can name, or be made to name, the deputy who cast it."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence

from npcproc.model.congress import Deputy
from npcproc.model.election import ElectionBallot
from npcproc.procedures.base import cite, refuse

__all__ = ["check_ballots", "shape", "write_in_resolver"]


def shape(text: str) -> str:
    """What an id looks like: each ASCII letter as ``a``, each digit as ``9`` (``d07`` and ``x12`` are ``a99``).

    A write-in is a person's name as written on the ballot; one shaped like a deputy's id of the congress
    could carry a voter's id in a form the count does not know, so it is refused.
    """
    return _DIGITS.sub("9", _LETTERS.sub("a", text))


_LETTERS = re.compile("[A-Za-z]")
_DIGITS = re.compile("[0-9]")


def check_ballots(
    election_id: str, round_: int, candidates: Collection[str], deputies: Collection[str],
    ballots: Sequence[ElectionBallot],
) -> None:  # fmt: skip
    """Refuse the whole count, before anything is stored, when a ballot carries what it may not (OL 28):
    a mark for anyone but the round's candidates, or a write-in that is a deputy's id or shaped like one."""
    shapes = {shape(deputy_id) for deputy_id in deputies}
    for ballot in ballots:
        if ballot.election_id != election_id or ballot.round != round_:
            refuse("election.foreign_ballot", cite("OL", 28), election_id=election_id)
        if not set(ballot.marks) <= set(candidates):
            refuse("election.ballot_mark", cite("OL", 28), election_id=election_id)
        for name in ballot.write_ins:
            if not name.strip() or name in deputies or shape(name) in shapes:
                refuse("election.write_in_not_a_name", cite("OL", 28), election_id=election_id)


def write_in_resolver(
    deputies_only: bool, deputies: Mapping[str, Deputy], in_office: Collection[str]
) -> Callable[[str], str | None]:
    """Who a written-in name gives the vote to: for a post held from among the deputies (OL 18 ¶1), the one
    deputy in office of that name (None, no vote, when there is none or more than one); otherwise the name."""
    if not deputies_only:
        return lambda name: name
    by_name: dict[str, list[str]] = {}
    for deputy_id in in_office:
        by_name.setdefault(deputies[deputy_id].name, []).append(deputy_id)

    def resolve(name: str) -> str | None:
        found = by_name.get(name, [])
        return found[0] if len(found) == 1 else None

    return resolve
