"""A province plugin used by the tests: one tightening, one declared relaxation."""

from fractions import Fraction

from npcproc import hookimpl
from npcproc.provinces import Province
from npcproc.rules import Citation, Setting


@hookimpl
def npcproc_province():
    return Province(code="990000", name_zh="样例省", name_en="Sampleland", key="SP")


@hookimpl
def npcproc_register_settings(register):
    register(
        Setting(parameter="suggestion.reply_months", value=2, citation=Citation(law="CQ", article=16, paragraph=1))
    )
    register(
        Setting(
            parameter="recall.sponsors.township",
            value=Fraction(1, 6),
            citation=Citation(law="BJ", article=12, paragraph=1),
            relaxation=True,
        )
    )
