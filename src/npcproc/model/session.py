"""Sessions, agendas, bills and votes as values."""

from __future__ import annotations

import enum

import attrs

from npcproc.model.validators import non_empty
from npcproc.rules.decision import Citation, Reason

__all__ = [
    "AgendaItem",
    "AgendaItemKind",
    "Bill",
    "BillStatus",
    "Choice",
    "ConveningBody",
    "PreparationStep",
    "SessionKind",
    "SessionStatus",
    "SponsorBody",
    "Tally",
    "VoteCount",
    "VoteMethod",
]


class SessionKind(enum.Enum):
    REGULAR = "regular"
    EXTRAORDINARY = "extraordinary"  # 临时会议 (OL 14 ¶3)


class ConveningBody(enum.Enum):
    """Who convenes a session (OL 14 ¶2-3, OL 19, OL 20)."""

    PRESIDIUM = "presidium"  # 乡镇人大主席团: township congresses
    STANDING_COMMITTEE = "standing_committee"  # 县级人大常委会: county congresses
    DEPUTIES = "deputies"  # 1/5 or more of the deputies may propose an extraordinary session


class SessionStatus(enum.Enum):
    PLANNED = "planned"
    NOTICED = "noticed"  # notice and materials given to deputies
    PREPARED = "prepared"  # preparatory meeting held: presidium elected, agenda adopted
    OPEN = "open"
    CLOSED = "closed"


class AgendaItemKind(enum.Enum):
    GOVERNMENT_REPORT = "government_report"  # 政府工作报告
    PRESIDIUM_REPORT = "presidium_report"  # 主席团工作报告
    STANDING_COMMITTEE_REPORT = "standing_committee_report"  # 常委会工作报告
    COURT_REPORT = "court_report"
    PROCURATORATE_REPORT = "procuratorate_report"
    DEVELOPMENT_PLAN = "development_plan"  # 国民经济和社会发展计划 (county)
    BUDGET = "budget"  # 预算
    BUDGET_EXECUTION = "budget_execution"  # 预算执行情况
    BUDGET_ADJUSTMENT = "budget_adjustment"  # 预算调整方案
    FINAL_ACCOUNTS = "final_accounts"  # 决算
    CONSTRUCTION_PLAN = "construction_plan"  # 建设计划和项目
    CIVIL_AFFAIRS_PLAN = "civil_affairs_plan"  # 民政工作实施计划
    ELECTION = "election"
    BILL = "bill"  # 议案
    LIVELIHOOD_VOTE = "livelihood_vote"  # 民生实事项目票决
    INQUIRY = "inquiry"  # 质询案
    SUGGESTION_HANDLING_REPORT = "suggestion_handling_report"  # 代表建议办理情况报告
    SPECIAL_WORK_REPORT = "special_work_report"  # 专项工作报告 (CQ 8 ¶1, SD 16 ¶2)
    OTHER = "other"


class PreparationStep(enum.Enum):
    """The presidium's preparations of a session a record can show (筹备工作, SD 29 (2)-(4)); the date (SD 29 (1)) is
    the session's plan, and urging the government and the logistics (SD 29 (5), (6)) are not recorded."""

    DRAFT_AGENDA = "draft_agenda"  # 拟定会议议程草案
    DRAFT_ATTENDEES = "draft_attendees"  # 列席会议人员名单草案
    DRAFT_COMMITTEES = "draft_committees"  # 议案审查委员会和财政预算审查委员会名单草案
    DRAFT_PRESIDIUM = "draft_presidium"  # 下次会议主席团名单草案
    CREDENTIALS_REPORT_APPROVED = "credentials_report_approved"  # 批准代表资格审查委员会的审查报告


@attrs.frozen(kw_only=True)
class AgendaItem:
    id: str = attrs.field(validator=non_empty)
    kind: AgendaItemKind
    title: str = attrs.field(validator=non_empty)


class SponsorBody(enum.Enum):
    """Bodies that may submit a bill without deputies' signatures (OL 22 ¶1)."""

    PRESIDIUM = "presidium"
    STANDING_COMMITTEE = "standing_committee"
    SPECIAL_COMMITTEE = "special_committee"
    GOVERNMENT = "government"


class BillStatus(enum.Enum):
    SUBMITTED = "submitted"
    LISTED = "listed"  # put on the agenda by the presidium
    NOT_LISTED = "not_listed"
    CONVERTED_TO_SUGGESTION = "converted_to_suggestion"  # CQ 14 ¶2
    WITHDRAWN = "withdrawn"
    PASSED = "passed"
    REJECTED = "rejected"


@attrs.frozen(kw_only=True)
class Bill:
    """议案: subject, grounds and proposal (DL 15), from a body or from deputies jointly (OL 22)."""

    id: str = attrs.field(validator=non_empty)
    subject: str = attrs.field(validator=non_empty)  # 案由
    grounds: str = attrs.field(validator=non_empty)  # 案据
    proposal: str = attrs.field(validator=non_empty)  # 方案
    sponsors: tuple[str, ...] = ()
    sponsor_body: SponsorBody | None = None
    status: BillStatus = BillStatus.SUBMITTED


class VoteMethod(enum.Enum):
    """As the presidium decides (ZJ 22, SD 26)."""

    SHOW_OF_HANDS = "show_of_hands"
    ELECTRONIC = "electronic"
    SECRET_BALLOT = "secret_ballot"


class Choice(enum.Enum):
    """DL 23: yes, no, or abstain."""

    YES = "yes"
    NO = "no"
    ABSTAIN = "abstain"


@attrs.frozen(kw_only=True)
class Tally:
    """A closed vote's count; ``not_voting`` are entitled deputies who cast nothing.

    ``passed``, ``citations`` and ``notices`` record the decision on the vote: whether it held, the
    articles applied, and the "normally" (一般) rules not followed, which do not make it fail."""

    entitled: int
    yes: int
    no: int
    abstain: int
    not_voting: int
    passed: bool
    citations: tuple[Citation, ...] = ()
    notices: tuple[Reason, ...] = ()


def _not_negative(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name}: must not be negative, got {value}")


@attrs.frozen(kw_only=True)
class VoteCount:
    """The count of a vote of the deputies present: yes, no and abstain (DL 23), judged against all deputies in
    office (OL 25); used where the procedure records a plenary act's count rather than each deputy's choice."""

    yes: int = attrs.field(validator=_not_negative)
    no: int = attrs.field(default=0, validator=_not_negative)
    abstain: int = attrs.field(default=0, validator=_not_negative)

    @property
    def marked(self) -> int:
        return self.yes + self.no + self.abstain
