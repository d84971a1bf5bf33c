"""Every procedure's message catalogue: importing this module defines the codes of them all.

Each procedure keeps its Chinese and English explanations in its package's ``messages`` module;
the base imports this one so that any refusal a procedure raises can be explained.
"""

from __future__ import annotations

from npcproc.procedures.bodies import messages as bodies
from npcproc.procedures.congress import messages as congress
from npcproc.procedures.direct_election import messages as direct_election
from npcproc.procedures.election import messages as election
from npcproc.procedures.inquiry import messages as inquiry
from npcproc.procedures.liaison import messages as liaison
from npcproc.procedures.livelihood import messages as livelihood
from npcproc.procedures.presidium import messages as presidium
from npcproc.procedures.recall import messages as recall
from npcproc.procedures.session import messages as session
from npcproc.procedures.session_committees import messages as session_committees
from npcproc.procedures.session_groups import messages as session_groups
from npcproc.procedures.suggestion import messages as suggestion
from npcproc.procedures.supervision import messages as supervision

__all__ = [
    "bodies",
    "congress",
    "direct_election",
    "election",
    "inquiry",
    "liaison",
    "livelihood",
    "presidium",
    "recall",
    "session",
    "session_committees",
    "session_groups",
    "suggestion",
    "supervision",
]
