"""Events of measures against deputies and the reports on them: stream ``restraints-<congress>``."""

from __future__ import annotations

import datetime
import enum

import attrs

from npcproc.events import event_type

__all__ = [
    "Measure",
    "Restrained",
    "RestraintReported",
    "SessionInformed",
]


class Measure(enum.Enum):
    """What was done to the deputy (DL 39 ¶4)."""

    ARREST = "arrest"  # 逮捕
    TRIAL = "trial"  # 刑事审判
    OTHER = "other"  # 其他限制人身自由的措施


@event_type("deputy.restrained")
@attrs.frozen(kw_only=True)
class Restrained:
    """Deputy ``deputy_id`` was arrested, tried or otherwise deprived of liberty on ``on`` by ``organ``."""

    restraint_id: str
    deputy_id: str
    measure: Measure
    on: datetime.date
    organ: str = ""


@event_type("deputy.restraint_reported")
@attrs.frozen(kw_only=True)
class RestraintReported:
    """The executing organ reported the measure on ``on`` to the congress in session (``to_presidium`` False) or to
    its presidium between sessions; ``written`` when in writing (书面)."""

    restraint_id: str
    on: datetime.date
    to_presidium: bool
    written: bool


@event_type("deputy.restraint_session_informed")
@attrs.frozen(kw_only=True)
class SessionInformed:
    """The presidium reported the measure to session ``session_id`` (CQ 47 由主席团报告下一次人民代表大会会议)."""

    restraint_id: str
    session_id: str
