"""河南省乡镇人民代表大会主席团工作条例 (HN) as npcproc settings.

The regulation binds township congresses only (HN 1: 乡、民族乡、镇), so every setting declares
``levels={Level.TOWNSHIP}``: a county congress in Henan is judged by national law alone. See the
README for every article and how it is (or why it is not) modelled.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from fractions import Fraction

import attrs

from npcproc import hookimpl
from npcproc.model.levels import Level
from npcproc.provinces import Province
from npcproc.rules import Citation, Setting
from npcproc.rules.decision import Binding
from npcproc.rules.laws import LawText, read_law_texts
from npcproc.rules.parameters import Condition

HENAN = Province(code="410000", name_zh="河南省", name_en="Henan", key="HN")
TOWNSHIP = frozenset({Level.TOWNSHIP})

#: HN 2 ¶3 "人口特别多的乡镇": a quality the text names without a number, recorded by the congress.
POPULOUS = Condition(
    fact="designation",
    designation="populous",
    zh="人口特别多的乡镇",
    en="townships with an especially large population",
)


def hn(article: int, paragraph: int | None = None) -> Citation:
    return Citation(law="HN", article=article, paragraph=paragraph)


SETTINGS: tuple[Setting, ...] = (
    # HN 2 ¶1 "乡镇人民代表大会会议一般每年举行两次": normally, as OL 14 ¶1 — advice, a notice when not followed.
    Setting(parameter="session.min_per_year", value=2, citation=hn(2, 1), levels=TOWNSHIP, binding=Binding.NORMALLY),
    # HN 2 ¶1 "没有选举事项时，会期不少于一天": every kind of session (HN, unlike ZJ 16 ¶2, lets no extraordinary
    # session be shorter). "有选举事项时，会期适当增加" has no number: a session with elections still lasts a day.
    Setting(parameter="session.min_days", value=1, citation=hn(2, 1), levels=TOWNSHIP),
    # HN 2 ¶3 "主席团一般由七至十三人组成": normally 7 to 13 — advice.
    Setting(parameter="presidium.min_size", value=7, citation=hn(2, 3), levels=TOWNSHIP, binding=Binding.NORMALLY),
    Setting(parameter="presidium.max_size", value=13, citation=hn(2, 3), levels=TOWNSHIP, binding=Binding.NORMALLY),
    # "人口特别多的乡镇不超过十五人": in such a township 14 or 15 is what the text foresees (no notice) ...
    Setting(
        parameter="presidium.max_size",
        value=15,
        citation=hn(2, 3),
        levels=TOWNSHIP,
        binding=Binding.NORMALLY,
        when=POPULOUS,
    ),
    # ... and 15 is a "shall" cap ("不超过").
    Setting(parameter="presidium.max_size", value=15, citation=hn(2, 3), levels=TOWNSHIP, when=POPULOUS),
    # Reading (a fortiori): if even an especially populous township may not exceed 15, no township may;
    # an ordinary township above 13 departs from the "normally" rule (a notice) and above 15 breaks the cap.
    Setting(parameter="presidium.max_size", value=15, citation=hn(2, 3), levels=TOWNSHIP),
    # HN 2 ¶4 "主席团成员不得担任乡镇人民政府职务". npcproc records any post in a state administrative organ and
    # cannot tell a township-government post from another one (see the README: needs the core).
    Setting(parameter="presidium.members_no_admin_post", value=1, citation=hn(2, 4), levels=TOWNSHIP),
    # HN 2 ¶4, second clause, "如果担任，必须向乡镇人民代表大会辞去主席团成员职务": the same setting makes a member who
    # takes up such a post resign from the presidium before it meets again (PresidiumMeetings.hold_meeting).
    # HN 6 ¶1 "设专职主席": the chair holds the post full-time (shall). "可以设副主席一人至二人" is a permission.
    Setting(parameter="township.chair.full_time", value=1, citation=hn(6, 1), levels=TOWNSHIP),
    # HN 5 ¶1 "闭会期间，主席团会议每三个月至少举行一次".
    Setting(parameter="presidium.max_months_between_meetings", value=3, citation=hn(5, 1), levels=TOWNSHIP),
    # HN 5 ¶1 "经主席团成员三人以上联名提议，可以临时召集": a meeting called on a proposal needs three members or
    # more (以上 includes three); the permission is the meeting, the number binds it (shall).
    Setting(parameter="presidium.extra_meeting_proposers", value=3, citation=hn(5, 1), levels=TOWNSHIP),
    # HN 5 ¶2 "须主席团全体组成人员的过半数出席 ... 须由全体组成人员的过半数通过".
    Setting(parameter="presidium.meeting_quorum", value=Fraction(1, 2), citation=hn(5, 2), levels=TOWNSHIP),
    Setting(parameter="presidium.decision_majority", value=Fraction(1, 2), citation=hn(5, 2), levels=TOWNSHIP),
    # HN 4 ¶1 (4) "开展满意度测评，评议、测评结果向社会公开": no period is given, so a rating's result is judged
    # unpublished once the year it was held in is over (Supervision.publish_rating; record `published_on`).
    Setting(
        parameter="supervision.ratings_published",
        value=1,
        citation=Citation(law="HN", article=4, paragraph=1, item=4),
        levels=TOWNSHIP,
    ),
    # HN 4 ¶1 (7) "听取代表建议、批评和意见办理情况的报告，并印发下一次人民代表大会会议，办理情况的报告应当予以公开":
    # the report among the next session's documents, and made public (no period: by the end of its year).
    Setting(
        parameter="suggestion.handling_report_to_next_session",
        value=1,
        citation=Citation(law="HN", article=4, paragraph=1, item=7),
        levels=TOWNSHIP,
    ),
    Setting(
        parameter="suggestion.handling_report_published",
        value=1,
        citation=Citation(law="HN", article=4, paragraph=1, item=7),
        levels=TOWNSHIP,
    ),
    # HN 9: resignations are decided by the congress (as OL 32): resignation.presidium_may_accept is NOT set.
    # HN 3 (4) "提出…代表资格审查委员会成员建议名单，提请代表大会审议通过": the presidium nominates the committee.
    Setting(
        parameter="credentials.nominated_by_presidium",
        value=1,
        citation=Citation(law="HN", article=3, paragraph=1, item=4),
        levels=TOWNSHIP,
    ),
)

#: HN 11 "本条例自2017年1月1日起施行": no setting binds a day before.
IN_FORCE_FROM = datetime.date(2017, 1, 1)
SETTINGS = tuple(attrs.evolve(setting, in_force_from=IN_FORCE_FROM) for setting in SETTINGS)


@hookimpl
def npcproc_register_laws(register: Callable[[LawText], None]) -> None:
    """The texts this plugin cites, shipped in its own ``laws.json`` (built by tools/build_law_data.py)."""
    for law in read_law_texts(__name__):
        register(law)


@hookimpl
def npcproc_province() -> Province:
    return HENAN


@hookimpl
def npcproc_register_settings(register: Callable[[Setting], None]) -> None:
    for setting in SETTINGS:
        register(setting)
