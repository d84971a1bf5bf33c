"""Decisions, citations, rule parameters and their composition under the floor principle."""

from npcproc.rules.decision import Citation, Decision, Reason
from npcproc.rules.parameters import Direction, Effective, Parameter, Setting, compose
from npcproc.rules.ruleset import TOPICS, Check, RuleSet

__all__ = [
    "TOPICS",
    "Check",
    "Citation",
    "Decision",
    "Direction",
    "Effective",
    "Parameter",
    "Reason",
    "RuleSet",
    "Setting",
    "compose",
]
