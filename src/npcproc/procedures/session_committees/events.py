"""Events of a session's committees: stream ``session-committees-<session>``."""

from __future__ import annotations

import datetime
import enum

import attrs

from npcproc.events import event_type
from npcproc.procedures.session_committees import messages  # noqa: F401 - defines the message codes used below

__all__ = [
    "CommitteeKind",
    "CommitteeListAdopted",
    "CommitteeReported",
]


class CommitteeKind(enum.Enum):
    """The committees SD 7 names."""

    BILLS = "bills"  # 议案审查委员会
    BUDGET = "budget"  # 财政预算审查委员会

    @property
    def zh(self) -> str:
        """The committee's name without 委员会, as the messages write it."""
        return "议案审查" if self is CommitteeKind.BILLS else "财政预算审查"


@event_type("session_committee.adopted")
@attrs.frozen(kw_only=True)
class CommitteeListAdopted:
    """The list of a session committee the preparatory meeting adopted on ``on``: its chair (``""`` when none
    is named) and members."""

    session_id: str
    kind: CommitteeKind
    on: datetime.date
    members: tuple[str, ...]
    chair: str = ""


@event_type("session_committee.reported")
@attrs.frozen(kw_only=True)
class CommitteeReported:
    """A committee's report to the session (审查结果的报告) on ``items`` (agenda item or bill ids)."""

    session_id: str
    kind: CommitteeKind
    report_id: str
    on: datetime.date
    items: tuple[str, ...]
