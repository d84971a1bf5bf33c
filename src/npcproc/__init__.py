"""npcproc: the procedures of China's grassroots people's congresses, with their legal sources.

What an embedder needs is here: the procedures (:mod:`npcproc.procedures`), the model values
(:mod:`npcproc.model` and its ``session``, ``election`` and ``suggestion`` modules), the errors
(:mod:`npcproc.errors`), the rules and their decisions (:mod:`npcproc.rules`), the plugin
manager and the rules in force (:mod:`npcproc.plugins`) and the stores
(:func:`npcproc.store.open_store`).

The package imports lazily: ``import npcproc`` loads only the hook marker, and the names
below load their modules on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from npcproc.hookspecs import hookimpl

if TYPE_CHECKING:
    from npcproc.errors import (
        ConcurrencyError,
        ConversionError,
        FloorViolationError,
        InvalidArgumentError,
        NpcprocError,
        PluginError,
        ProcedureError,
        UnknownCitationError,
        UnknownMessageError,
        UnknownParameterError,
        UnknownProvinceError,
    )
    from npcproc.model import Congress, Deputy, DeputyStatus, Level, Post, StatusChange, Term
    from npcproc.model.election import (
        AnswerForm,
        BallotMethod,
        Candidate,
        DefenceForm,
        ElectionBallot,
        FurtherCandidates,
        FurtherSession,
        InquiryTarget,
        Nominator,
        Office,
        RecallProposer,
        RoundKind,
    )
    from npcproc.model.session import (
        AgendaItem,
        AgendaItemKind,
        Bill,
        BillStatus,
        Choice,
        ConveningBody,
        PreparationStep,
        SessionKind,
        SessionStatus,
        SponsorBody,
        Tally,
        VoteCount,
        VoteMethod,
    )
    from npcproc.model.suggestion import Classification, Rating, ReplyCategory, Stage, SuggestionStatus
    from npcproc.plugins import get_plugin_manager, load_rules
    from npcproc.procedures import (
        REQUIRED_EACH_YEAR,
        BudgetAdjustments,
        Budgets,
        CaseState,
        Congresses,
        CongressState,
        CredentialsCommittee,
        CredentialsState,
        DeputyGroups,
        DirectElections,
        DirectElectionState,
        Elections,
        ElectionState,
        GroupState,
        HandlingReports,
        Inquiries,
        InquiryState,
        IssueState,
        Liaison,
        LiaisonState,
        Livelihood,
        LivelihoodStage,
        LivelihoodState,
        Measure,
        MeetingState,
        NextTermReview,
        Preparations,
        PresidiumMeetings,
        PresidiumState,
        ProjectState,
        Recalls,
        RecallState,
        Restraints,
        RoundResult,
        RoundState,
        RulesKind,
        SessionCommittees,
        SessionCommitteesState,
        SessionGroups,
        SessionGroupsState,
        Sessions,
        SessionState,
        SpecialReports,
        StandingRules,
        Suggestions,
        SuggestionState,
        Supervision,
        VoteResult,
        VoteState,
        annual_agenda,
    )
    from npcproc.rules import Citation, Decision, Reason, RuleSet
    from npcproc.store import open_store

__version__ = "0.1.0"

#: The modules whose whole ``__all__`` the package offers, lightest first; and where the other names live.
_MODULES = (
    "npcproc.errors",
    "npcproc.model",
    "npcproc.model.session",
    "npcproc.model.election",
    "npcproc.model.suggestion",
    "npcproc.procedures",
)
_HOMES = {
    "Citation": "npcproc.rules",
    "Decision": "npcproc.rules",
    "Reason": "npcproc.rules",
    "RuleSet": "npcproc.rules",
    "get_plugin_manager": "npcproc.plugins",
    "load_rules": "npcproc.plugins",
    "open_store": "npcproc.store",
}

__all__ = [
    "REQUIRED_EACH_YEAR",
    "AgendaItem",
    "AgendaItemKind",
    "AnswerForm",
    "BallotMethod",
    "Bill",
    "BillStatus",
    "BudgetAdjustments",
    "Budgets",
    "Candidate",
    "CaseState",
    "Choice",
    "Citation",
    "Classification",
    "ConcurrencyError",
    "Congress",
    "CongressState",
    "Congresses",
    "ConveningBody",
    "ConversionError",
    "CredentialsCommittee",
    "CredentialsState",
    "Decision",
    "DefenceForm",
    "Deputy",
    "DeputyGroups",
    "DeputyStatus",
    "DirectElectionState",
    "DirectElections",
    "ElectionBallot",
    "ElectionState",
    "Elections",
    "FloorViolationError",
    "FurtherCandidates",
    "FurtherSession",
    "GroupState",
    "HandlingReports",
    "Inquiries",
    "InquiryState",
    "InquiryTarget",
    "InvalidArgumentError",
    "IssueState",
    "Level",
    "Liaison",
    "LiaisonState",
    "Livelihood",
    "LivelihoodStage",
    "LivelihoodState",
    "Measure",
    "MeetingState",
    "NextTermReview",
    "Nominator",
    "NpcprocError",
    "Office",
    "PluginError",
    "Post",
    "PreparationStep",
    "Preparations",
    "PresidiumMeetings",
    "PresidiumState",
    "ProcedureError",
    "ProjectState",
    "Rating",
    "Reason",
    "RecallProposer",
    "RecallState",
    "Recalls",
    "ReplyCategory",
    "Restraints",
    "RoundKind",
    "RoundResult",
    "RoundState",
    "RuleSet",
    "RulesKind",
    "SessionCommittees",
    "SessionCommitteesState",
    "SessionGroups",
    "SessionGroupsState",
    "SessionKind",
    "SessionState",
    "SessionStatus",
    "Sessions",
    "SpecialReports",
    "SponsorBody",
    "Stage",
    "StandingRules",
    "StatusChange",
    "SuggestionState",
    "SuggestionStatus",
    "Suggestions",
    "Supervision",
    "Tally",
    "Term",
    "UnknownCitationError",
    "UnknownMessageError",
    "UnknownParameterError",
    "UnknownProvinceError",
    "VoteCount",
    "VoteMethod",
    "VoteResult",
    "VoteState",
    "__version__",
    "annual_agenda",
    "get_plugin_manager",
    "hookimpl",
    "load_rules",
    "open_store",
]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module 'npcproc' has no attribute {name!r}")
    home = _HOMES.get(name)
    if home is not None:
        return getattr(importlib.import_module(home), name)
    for module in map(importlib.import_module, _MODULES):
        if name in module.__all__:
            return getattr(module, name)
    raise AttributeError(f"module 'npcproc' lists {name!r} but no module of {_MODULES} exports it")
