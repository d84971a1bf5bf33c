"""A plugin that loosens the quorum without declaring a relaxation."""

from fractions import Fraction

from npcproc import hookimpl
from npcproc.rules import Citation, Setting


@hookimpl
def npcproc_register_settings(register):
    register(Setting(parameter="session.quorum", value=Fraction(1, 2), citation=Citation(law="SD", article=3)))
