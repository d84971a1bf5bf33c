"""Decisions, citations, rule parameters and their composition under the floor principle."""

from npcproc.rules.decision import Citation, Decision, Reason
from npcproc.rules.parameters import Direction, Effective, Parameter, Setting, compose
from npcproc.rules.ruleset import RuleSet
from npcproc.rules.topics import TOPICS, AgendaFacts, Check, MajorityFacts, QuorumFacts, in_force_from

__all__ = [
    "TOPICS",
    "AgendaFacts",
    "Check",
    "Citation",
    "Decision",
    "Direction",
    "Effective",
    "MajorityFacts",
    "Parameter",
    "QuorumFacts",
    "Reason",
    "RuleSet",
    "Setting",
    "compose",
    "in_force_from",
]
