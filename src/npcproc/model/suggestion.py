"""Deputies' suggestions 建议、批评和意见 and the classifications practice plugins add to workflows."""

from __future__ import annotations

import enum

import attrs

from npcproc.model.validators import non_empty

__all__ = ["Classification", "Rating", "ReplyCategory", "Stage", "SuggestionStatus"]


class ReplyCategory(enum.Enum):
    """How the handling unit answers (the categories used in handling reports)."""

    RESOLVED = "resolved"  # 已解决
    IN_PLAN = "in_plan"  # 列入计划逐步解决
    CANNOT_NOW = "cannot_now"  # 因条件限制暂不能解决, with reasons
    PLAN = "plan"  # 提出办理方案: an urgent suggestion's handling plan given during the session (CQ 16 ¶1, BJ 14)


class Rating(enum.Enum):
    """The deputy's rating of the reply."""

    SATISFIED = "satisfied"  # 满意
    BASICALLY_SATISFIED = "basically_satisfied"  # 基本满意
    DISSATISFIED = "dissatisfied"  # 不满意: handling starts again


class SuggestionStatus(enum.Enum):
    SUBMITTED = "submitted"
    REFERRED = "referred"  # 交办: with a handling unit and a reply deadline
    REPLIED = "replied"
    CLOSED = "closed"  # 销号


@attrs.frozen(kw_only=True)
class Stage:
    """An extra stage a classification adds to a workflow, due ``due_days`` after it is classified."""

    name: str = attrs.field(validator=non_empty)
    en: str
    zh: str
    due_days: int | None = None


@attrs.frozen(kw_only=True)
class Classification:
    """A class a practice plugin lets a workflow item carry, with the stages it adds.

    ``workflow`` names the workflow (``"suggestion"``), ``scheme`` the classification
    (``"colour"``) and ``value`` the class (``"red"``); ``source`` says where the practice
    comes from. Closing an item waits for every stage of its classes.
    """

    workflow: str = attrs.field(validator=non_empty)
    scheme: str = attrs.field(validator=non_empty)
    value: str = attrs.field(validator=non_empty)
    en: str
    zh: str
    source: str
    stages: tuple[Stage, ...] = ()
