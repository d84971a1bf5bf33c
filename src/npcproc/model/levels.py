"""The levels of congress and the kinds of elected post npcproc models."""

from __future__ import annotations

import enum

__all__ = ["Level", "Post"]


class Level(enum.Enum):
    """The level of a people's congress."""

    TOWNSHIP = "township"  # 乡、民族乡、镇人民代表大会
    COUNTY = "county"  # 县级人民代表大会


class Post(enum.Enum):
    """Kinds of elected post, grouped as OL 27 groups them for competitive elections."""

    PRINCIPAL = "principal"  # 正职: chair 主席, township/county head, standing-committee chair, ...
    DEPUTY_POST = "deputy_post"  # 副职: vice-chair 副主席, deputy head, standing-committee vice-chair, ...
    COMMITTEE_MEMBER = "committee_member"  # 常务委员会委员: standing-committee member
