"""Offices elected by a congress, ballots, and the forms of elections, recalls and inquiries."""

from __future__ import annotations

import enum

import attrs

from npcproc.model.levels import Level, Post
from npcproc.model.session import Choice

__all__ = [
    "AnswerForm",
    "BallotMethod",
    "Candidate",
    "DefenceForm",
    "ElectionBallot",
    "FurtherCandidates",
    "FurtherSession",
    "InquiryTarget",
    "Nominator",
    "Office",
    "RecallProposer",
    "RoundKind",
]


class Office(enum.Enum):
    """Offices a congress elects (OL 11 (4)-(6), OL 12 (6)-(7)), with their level and OL 27 group."""

    TOWNSHIP_CHAIR = "township_chair"  # 乡镇人大主席
    TOWNSHIP_VICE_CHAIR = "township_vice_chair"  # 副主席
    TOWNSHIP_HEAD = "township_head"  # 乡长、镇长
    DEPUTY_TOWNSHIP_HEAD = "deputy_township_head"  # 副乡长、副镇长
    STANDING_COMMITTEE_CHAIR = "standing_committee_chair"  # 县人大常委会主任
    STANDING_COMMITTEE_VICE_CHAIR = "standing_committee_vice_chair"
    STANDING_COMMITTEE_MEMBER = "standing_committee_member"  # 委员
    COUNTY_HEAD = "county_head"  # 县长
    DEPUTY_COUNTY_HEAD = "deputy_county_head"
    SUPERVISORY_DIRECTOR = "supervisory_director"  # 监察委员会主任
    COURT_PRESIDENT = "court_president"  # 人民法院院长
    CHIEF_PROCURATOR = "chief_procurator"  # 人民检察院检察长

    @property
    def level(self) -> Level:
        return Level.TOWNSHIP if self.value.startswith(("township", "deputy_township")) else Level.COUNTY

    @property
    def post(self) -> Post:
        """The OL 27 group that fixes how many candidates may stand."""
        if self is Office.STANDING_COMMITTEE_MEMBER:
            return Post.COMMITTEE_MEMBER
        vice = ("vice", "deputy_")
        return Post.DEPUTY_POST if any(mark in self.value for mark in vice) else Post.PRINCIPAL

    @property
    def deputies_only(self) -> bool:
        """Chair and vice-chairs are elected from among the deputies (OL 18 ¶1); the standing committee too."""
        return self in {Office.TOWNSHIP_CHAIR, Office.TOWNSHIP_VICE_CHAIR} or self.value.startswith("standing")

    @property
    def no_administrative_post(self) -> bool:
        """OL 18 ¶2: the township chair and vice-chairs may hold no post in a state administrative organ; OL 47 ¶3:
        nor may the members of a standing committee (nor in a supervisory, judicial or procuratorial organ)."""
        return self in {Office.TOWNSHIP_CHAIR, Office.TOWNSHIP_VICE_CHAIR} or self.value.startswith("standing")

    @property
    def presidium_member(self) -> bool:
        """OL 19 ¶1: the township chair and vice-chairs sit on the presidium."""
        return self in {Office.TOWNSHIP_CHAIR, Office.TOWNSHIP_VICE_CHAIR}


class BallotMethod(enum.Enum):
    """Secret ballots on paper, or by an electronic voting system (OL 28: the ballot is secret either way)."""

    PAPER = "paper"
    ELECTRONIC = "electronic"


class RoundKind(enum.Enum):
    FIRST = "first"  # the election proper: a majority of all deputies (OL 25, 29 ¶1)
    REVOTE = "revote"  # among those tied at the cut-off: the most votes win (OL 29 ¶1)
    FURTHER = "further"  # 另行选举 for a shortfall: a majority of all deputies again (OL 29 ¶2)


class FurtherCandidates(enum.Enum):
    """How the candidates of 另行选举 are fixed (OL 29 ¶2)."""

    BY_RANK = "by_rank"  # by votes in the first round
    NOMINATED = "nominated"  # nominated afresh


class FurtherSession(enum.Enum):
    """Where the congress decides the 另行选举 is held (OL 29 ¶2 "经本级人民代表大会决定…可以在本次
    人民代表大会会议上进行，也可以在下一次人民代表大会会议上进行")."""

    THIS_SESSION = "this_session"
    NEXT_SESSION = "next_session"


@attrs.frozen(kw_only=True)
class Candidate:
    """A candidate; ``full_time`` when nominated to hold a township chair or vice-chair post full-time (专职:
    ZJ 11 ¶1, BJ 20 ¶1, HN 6 ¶1), which the post then records if the candidate is elected; ``ethnicity`` their
    民族, which an ethnic township's head must share with its minority (OL 70 ¶3)."""

    id: str
    name: str
    full_time: bool = False
    #: the candidate's ethnicity 民族 (e.g. ``"回族"``), as recorded; empty when not recorded. The head of an
    #: ethnic township must be of its minority (OL 70 ¶3, BJ 22 ¶2, CQ 21 ¶2)
    ethnicity: str = ""


@attrs.frozen(kw_only=True)
class ElectionBallot:
    """One secret ballot of one round: a choice per candidate, and write-ins of other eligible persons (OL 28).

    It names no voter; marking more people yes (write-ins included) than there are seats
    makes the ballot void (EL 44 ¶2, mirrored by BJ 25, CQ 24).
    """

    election_id: str
    round: int
    marks: dict[str, Choice] = attrs.field(factory=dict)
    write_ins: tuple[str, ...] = ()

    def chosen(self) -> tuple[str, ...]:
        return (*sorted(c for c, choice in self.marks.items() if choice is Choice.YES), *self.write_ins)


class Nominator(enum.Enum):
    PRESIDIUM = "presidium"
    DEPUTIES = "deputies"  # 10 or more deputies jointly, in writing (OL 26 ¶2)


class RecallProposer(enum.Enum):
    """Who may propose a recall at a session (OL 31 ¶1-2)."""

    PRESIDIUM = "presidium"
    STANDING_COMMITTEE = "standing_committee"  # county congresses only
    DEPUTIES = "deputies"  # 1/10 or more (county), 1/5 or more (township)


class DefenceForm(enum.Enum):
    """申辩: at a presidium meeting or plenary, or in writing (OL 31 ¶4)."""

    ORAL = "oral"
    WRITTEN = "written"


class InquiryTarget(enum.Enum):
    """Bodies an inquiry may question (OL 24 ¶1); a township congress its government and the
    government's departments (OL 24 ¶1, followed where DL 20 ¶3 names the government alone)."""

    TOWNSHIP_GOVERNMENT = "township_government"
    COUNTY_GOVERNMENT = "county_government"
    GOVERNMENT_DEPARTMENT = "government_department"
    SUPERVISORY_COMMISSION = "supervisory_commission"
    COURT = "court"
    PROCURATORATE = "procuratorate"


class AnswerForm(enum.Enum):
    """How the presidium has an inquiry answered (OL 24 ¶2)."""

    PRESIDIUM_MEETING = "presidium_meeting"
    PLENARY = "plenary"
    COMMITTEE_MEETING = "committee_meeting"
    WRITTEN = "written"
