"""The state of a year's livelihood projects decided by deputies' vote: the fold of its stream."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Mapping

import attrs

from npcproc.procedures.folded import fold_opened
from npcproc.procedures.livelihood.events import (
    CollectionOpened,
    ProgressReported,
    ProjectProposed,
    ProjectReviewed,
    ProjectsEvaluated,
    ProjectsListed,
    ProjectsVoted,
    ProjectVisited,
)

__all__ = ["LivelihoodStage", "LivelihoodState", "ProjectState", "fold_livelihood"]


class LivelihoodStage(enum.Enum):
    COLLECTING = "collecting"  # proposals come in and are reviewed
    LISTED = "listed"  # the candidate list awaits the vote
    REVOTE = "revote"  # projects tied at the cut-off await a re-vote
    IMPLEMENTING = "implementing"
    EVALUATED = "evaluated"


@attrs.frozen(kw_only=True)
class ProjectState:
    proposal: ProjectProposed
    review: ProjectReviewed | None = None
    progress: tuple[ProgressReported, ...] = ()
    visits: tuple[ProjectVisited, ...] = ()

    @property
    def accepted(self) -> bool:
        return self.review is not None and self.review.accepted

    @property
    def percent(self) -> int:
        return self.progress[-1].percent if self.progress else 0


@attrs.frozen(kw_only=True)
class LivelihoodState:
    """What the records say about one congress's livelihood projects for one year."""

    congress_id: str
    year: int
    opened_on: datetime.date
    projects: Mapping[str, ProjectState] = attrs.field(factory=dict)
    listing: ProjectsListed | None = None
    rounds: tuple[ProjectsVoted, ...] = ()
    chosen: tuple[str, ...] = ()
    tied: tuple[str, ...] = ()
    evaluation: ProjectsEvaluated | None = None

    @property
    def stage(self) -> LivelihoodStage:
        if self.evaluation is not None:
            return LivelihoodStage.EVALUATED
        if self.tied:
            return LivelihoodStage.REVOTE
        if any(r.valid for r in self.rounds):
            return LivelihoodStage.IMPLEMENTING
        if self.listing is not None:
            return LivelihoodStage.LISTED
        return LivelihoodStage.COLLECTING

    @property
    def decided_on(self) -> datetime.date:
        """The day of the last valid round (the opening of the collection before any)."""
        return max((r.on for r in self.rounds if r.valid), default=self.opened_on)

    def apply(self, event: object) -> LivelihoodState:
        match event:
            case ProjectProposed(project_id=project_id):
                return attrs.evolve(self, projects={**self.projects, project_id: ProjectState(proposal=event)})
            case ProjectReviewed(project_id=project_id):
                return self._project(attrs.evolve(self.projects[project_id], review=event))
            case ProjectsListed():
                return attrs.evolve(self, listing=event)
            case ProjectsVoted(valid=False):
                return attrs.evolve(self, rounds=(*self.rounds, event))
            case ProjectsVoted(chosen=chosen, tied=tied):
                return attrs.evolve(self, rounds=(*self.rounds, event), chosen=(*self.chosen, *chosen), tied=tied)
            case ProgressReported(project_id=project_id):
                project = self.projects[project_id]
                return self._project(attrs.evolve(project, progress=(*project.progress, event)))
            case ProjectVisited(project_id=project_id):
                project = self.projects[project_id]
                return self._project(attrs.evolve(project, visits=(*project.visits, event)))
            case ProjectsEvaluated():
                return attrs.evolve(self, evaluation=event)
        raise TypeError(f"a livelihood stream cannot hold {type(event).__name__}")

    def _project(self, project: ProjectState) -> LivelihoodState:
        return attrs.evolve(self, projects={**self.projects, project.proposal.project_id: project})


def _start_fold_livelihood(first: CollectionOpened) -> LivelihoodState:
    return LivelihoodState(congress_id=first.congress_id, year=first.year, opened_on=first.on)


#: The fold of the stream: None until CollectionOpened opens it.
fold_livelihood = fold_opened(CollectionOpened, _start_fold_livelihood)
