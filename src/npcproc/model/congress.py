"""Congresses, terms and deputies as frozen attrs values.

A deputy's status is a history of dated changes; a new status is a new value made by
:meth:`Deputy.with_status`, never an edit.
"""

from __future__ import annotations

import datetime
import enum
import itertools
from collections.abc import Iterable

import attrs

from npcproc.model.levels import Level
from npcproc.model.validators import non_empty, positive


class RulesKind(enum.Enum):
    """A congress's standing rules (ZJ 18 ¶1, 32 ¶1, 33 ¶1)."""

    RULES_OF_PROCEDURE = "rules_of_procedure"  # 大会议事规则, adopted by the congress (ZJ 18 ¶1)
    BUDGET_REVIEW = "budget_review"  # 财政预算审查批准工作制度, adopted by the presidium (ZJ 32 ¶1)
    BUDGET_SUPERVISION = "budget_supervision"  # 财政预算执行监督和决算监督制度, by the presidium (ZJ 33 ¶1)


class DeputyStatus(enum.Enum):
    """Where a deputy stands on a given day."""

    ACTIVE = "active"
    ON_LEAVE = "on_leave"  # 请假: excused from one session (DL 13)
    RESIGNED = "resigned"  # 辞职 accepted (DL 62 (2))
    RECALLED = "recalled"  # 罢免 (DL 62 (4))
    DECEASED = "deceased"  # DL 62 ¶2
    ENDED = "ended"  # 代表资格终止 for any other ground of DL 62, e.g. two unexcused absences

    @property
    def in_office(self) -> bool:
        """A deputy on leave is still a deputy and counts toward the total."""
        return self in (DeputyStatus.ACTIVE, DeputyStatus.ON_LEAVE)


@attrs.frozen(kw_only=True)
class StatusChange:
    """A deputy's status from ``on`` until the next change."""

    status: DeputyStatus
    on: datetime.date
    note: str = ""


def _check_history(
    instance: Deputy, attribute: attrs.Attribute[tuple[StatusChange, ...]], value: tuple[StatusChange, ...]
) -> None:
    if not value:
        raise ValueError(f"{attribute.name}: a deputy needs at least the change that began the mandate")
    for before, after in itertools.pairwise(value):
        if after.on < before.on:
            raise ValueError(f"{attribute.name}: change on {after.on} precedes the one on {before.on}")
        if not before.status.in_office:
            raise ValueError(f"{attribute.name}: no change may follow {before.status.value} (on {before.on})")


def _names(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(value)))


def _as_tuple(changes: Iterable[StatusChange]) -> tuple[StatusChange, ...]:
    return tuple(changes)


@attrs.frozen(kw_only=True)
class Deputy:
    """A deputy of one congress for one term, with the history of their status."""

    id: str = attrs.field(validator=non_empty)
    name: str = attrs.field(validator=non_empty)
    congress_id: str = attrs.field(validator=non_empty)
    term: int = attrs.field(validator=positive)
    status_history: tuple[StatusChange, ...] = attrs.field(converter=_as_tuple, validator=_check_history)

    @classmethod
    def elected(cls, *, id: str, name: str, congress_id: str, term: int, on: datetime.date) -> Deputy:
        """A deputy whose mandate begins ``on`` (the first session of the term, DL 2)."""
        return cls(
            id=id,
            name=name,
            congress_id=congress_id,
            term=term,
            status_history=(StatusChange(status=DeputyStatus.ACTIVE, on=on),),
        )

    def status_on(self, day: datetime.date) -> DeputyStatus | None:
        """The status in force on ``day``; ``None`` before the mandate began."""
        current = None
        for change in self.status_history:
            if change.on > day:
                break
            current = change.status
        return current

    def in_office_on(self, day: datetime.date) -> bool:
        status = self.status_on(day)
        return status is not None and status.in_office

    def with_status(self, change: StatusChange) -> Deputy:
        """This deputy with ``change`` appended; raises ``ValueError`` if it breaks the history."""
        return attrs.evolve(self, status_history=(*self.status_history, change))


@attrs.frozen(kw_only=True)
class Congress:
    """A people's congress of one jurisdiction (a township or county)."""

    id: str = attrs.field(validator=non_empty)
    name: str = attrs.field(validator=non_empty)
    level: Level
    division_code: str = attrs.field(validator=attrs.validators.matches_re(r"^\d{6}(\d{3})?$"))  # GB/T 2260 / 10114
    population: int = attrs.field(validator=positive)
    deputy_quota: int = attrs.field(validator=positive)
    #: qualities a provincial regulation names without a number, as the congress records them:
    #: ``"populous"`` (人口较多 ZJ 8 ¶2, 人口特别多 HN 2 ¶3), ``"developed"`` (经济比较发达 ZJ 8 ¶2), and
    #: ``"quota_allowance"``: the provincial standing committee's decision of EL 12 ¶3 (5 % more deputies)
    designations: tuple[str, ...] = attrs.field(default=(), converter=_names)
    #: a 民族乡: the ethnic minority that established it (e.g. ``"回族"``), whose citizen heads it (OL 70 ¶3);
    #: empty for any other congress
    ethnic_minority: str = ""


@attrs.frozen(kw_only=True)
class Term:
    """One term 届 of a congress: five years from its first session (OL 9, DL 2)."""

    congress_id: str = attrs.field(validator=non_empty)
    number: int = attrs.field(validator=positive)
    elections_completed_on: datetime.date
    first_session_on: datetime.date | None = None

    def __attrs_post_init__(self) -> None:
        if self.first_session_on is not None and self.first_session_on < self.elections_completed_on:
            raise ValueError("first_session_on: the first session cannot precede the deputy elections")
