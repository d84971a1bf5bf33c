"""The workflows: congresses and their deputies, sessions with their agendas, bills and votes.

Each procedure service takes an :class:`~npcproc.store.EventStore` and the
:class:`~npcproc.rules.RuleSet` in force (national law when omitted)::

    store = npcproc.open_store("sqlite:///county.db")
    rules = npcproc.load_rules("浙江")
    congresses, sessions = Congresses(store, rules), Sessions(store, rules)

Each procedure is a package (``congress``, ``session``, ``election``, ``supervision``, ...) holding
its ``commands`` (the service), ``state`` (the fold of its stream), ``events``, ``checks`` and
``messages`` as it needs them, on the generic base in :mod:`npcproc.procedures.base` and
:mod:`npcproc.procedures.folded`. Import the services and states from here.
"""

from npcproc.procedures.bodies.commands import CredentialsCommittee, CredentialsState, DeputyGroups, GroupState
from npcproc.procedures.bodies.next_term_review import NextTermReview
from npcproc.procedures.budget.adjustment import BudgetAdjustments
from npcproc.procedures.budget.commands import Budgets
from npcproc.procedures.congress.commands import Congresses
from npcproc.procedures.congress.state import CongressState
from npcproc.procedures.direct_election.commands import DirectElections
from npcproc.procedures.direct_election.state import DirectElectionState
from npcproc.procedures.election.commands import Elections, RoundResult
from npcproc.procedures.election.state import ElectionState, RoundState
from npcproc.procedures.inquiry.commands import Inquiries, InquiryState
from npcproc.procedures.liaison.commands import IssueState, Liaison, LiaisonState
from npcproc.procedures.livelihood.commands import (
    Livelihood,
    LivelihoodStage,
    LivelihoodState,
    ProjectState,
    VoteResult,
)
from npcproc.procedures.presidium.commands import MeetingState, PresidiumMeetings, PresidiumState
from npcproc.procedures.recall.commands import Recalls, RecallState
from npcproc.procedures.restraints.commands import Restraints
from npcproc.procedures.restraints.events import Measure
from npcproc.procedures.session.agenda import REQUIRED_EACH_YEAR, annual_agenda
from npcproc.procedures.session.commands import Sessions
from npcproc.procedures.session.preparations import Preparations
from npcproc.procedures.session.state import SessionState, VoteState
from npcproc.procedures.session_committees.commands import SessionCommittees, SessionCommitteesState
from npcproc.procedures.session_groups.commands import SessionGroups, SessionGroupsState
from npcproc.procedures.standing_rules.commands import RulesKind, StandingRules
from npcproc.procedures.suggestion.commands import Suggestions
from npcproc.procedures.suggestion.handling_reports import HandlingReports
from npcproc.procedures.suggestion.state import SuggestionState
from npcproc.procedures.supervision.commands import Supervision
from npcproc.procedures.supervision.special_reports import SpecialReports
from npcproc.procedures.supervision.state import CaseState

__all__ = [
    "REQUIRED_EACH_YEAR",
    "BudgetAdjustments",
    "Budgets",
    "CaseState",
    "CongressState",
    "Congresses",
    "CredentialsCommittee",
    "CredentialsState",
    "DeputyGroups",
    "DirectElectionState",
    "DirectElections",
    "ElectionState",
    "Elections",
    "GroupState",
    "HandlingReports",
    "Inquiries",
    "InquiryState",
    "IssueState",
    "Liaison",
    "LiaisonState",
    "Livelihood",
    "LivelihoodStage",
    "LivelihoodState",
    "Measure",
    "MeetingState",
    "NextTermReview",
    "Preparations",
    "PresidiumMeetings",
    "PresidiumState",
    "ProjectState",
    "RecallState",
    "Recalls",
    "Restraints",
    "RoundResult",
    "RoundState",
    "RulesKind",
    "SessionCommittees",
    "SessionCommitteesState",
    "SessionGroups",
    "SessionGroupsState",
    "SessionState",
    "Sessions",
    "SpecialReports",
    "StandingRules",
    "SuggestionState",
    "Suggestions",
    "Supervision",
    "VoteResult",
    "VoteState",
    "annual_agenda",
]
