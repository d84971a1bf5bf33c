"""The state of supervision: each case's links, folded from the stream ``supervision-<congress id>``."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

import attrs

from npcproc.procedures.folded import fold_log, present
from npcproc.procedures.supervision.events import (
    CaseOpened,
    LinkKind,
    LinkSpec,
    Rated,
    RatingPublished,
    Step,
    StepRecorded,
)

__all__ = [
    "STEPS",
    "CaseState",
    "LinkState",
    "Overdue",
    "SupervisionLog",
    "fold_supervision",
]


#: The steps of each kind of link, before the satisfaction rating that closes a rated link.
STEPS: Mapping[LinkKind, tuple[Step, ...]] = {
    LinkKind.SPECIAL_REPORT: (Step.HELD, Step.REFERRED, Step.RECTIFIED),
    LinkKind.AUDIT_REPORT: (Step.HELD, Step.REFERRED, Step.RECTIFIED),
    LinkKind.LAW_ENFORCEMENT: (Step.HELD, Step.REPORTED, Step.REFERRED, Step.RECTIFIED),
    LinkKind.INSPECTION: (Step.HELD, Step.REFERRED, Step.RECTIFIED),
    LinkKind.RESEARCH: (Step.HELD, Step.REFERRED, Step.RECTIFIED),
    LinkKind.WORK_REVIEW: (Step.HELD,),
    LinkKind.SPECIAL_INQUIRY: (Step.HELD, Step.REFERRED, Step.RECTIFIED),
}


@attrs.frozen(kw_only=True)
class LinkState:
    """Where one link stands: the step it awaits (None once closed) and the deadline for it."""

    spec: LinkSpec
    awaiting: Step | None = Step.HELD
    due: datetime.date | None = None
    deadlines: tuple[datetime.date, ...] = ()  # every deadline set, in order
    history: tuple[StepRecorded | Rated, ...] = ()
    published: Mapping[datetime.date, datetime.date] = attrs.field(factory=dict)  # rated on -> made public on

    @property
    def ratings(self) -> tuple[Rated, ...]:
        return tuple(e for e in self.history if isinstance(e, Rated))

    @property
    def closed(self) -> bool:
        return self.awaiting is None

    @property
    def last_on(self) -> datetime.date | None:
        return self.history[-1].on if self.history else None

    def on(self, step: Step) -> datetime.date | None:
        """The date ``step`` was first recorded."""
        return next((e.on for e in self.history if isinstance(e, StepRecorded) and e.step is step), None)

    def apply(self, event: StepRecorded | Rated) -> LinkState:
        history = (*self.history, event)
        if isinstance(event, Rated):
            if event.passed:
                return attrs.evolve(self, awaiting=None, due=None, history=history)
            deadlines = (*self.deadlines, present(event.new_due, "new_due"))
            return attrs.evolve(self, awaiting=Step.RECTIFIED, due=event.new_due, deadlines=deadlines, history=history)
        deadlines = self.deadlines if event.due is None else (*self.deadlines, event.due)
        return attrs.evolve(self, awaiting=_after(self.spec, event.step), due=event.due, deadlines=deadlines,
                            history=history)  # fmt: skip


def _after(spec: LinkSpec, step: Step) -> Step | None:
    steps = (*STEPS[spec.kind], Step.RATED) if spec.rated else STEPS[spec.kind]
    if step not in steps:
        return Step.RATED  # a rectification after a failed rating, in a link whose steps have none
    at = steps.index(step) + 1
    return steps[at] if at < len(steps) else None


@attrs.frozen(kw_only=True)
class CaseState:
    opened: CaseOpened
    links: tuple[LinkState, ...]

    @property
    def case_id(self) -> str:
        return self.opened.case_id

    @property
    def closed(self) -> bool:
        """Closed only when every link has closed."""
        return all(state.closed for state in self.links)

    @property
    def closed_on(self) -> datetime.date | None:
        dates = [state.last_on for state in self.links]
        return max(d for d in dates if d is not None) if self.closed else None


@attrs.frozen(kw_only=True)
class SupervisionLog:
    """Every supervision case of one congress."""

    cases: Mapping[str, CaseState] = attrs.field(factory=dict)

    def apply(self, event: object) -> SupervisionLog:
        match event:
            case CaseOpened():
                case = CaseState(opened=event, links=tuple(LinkState(spec=spec) for spec in event.links))
                return SupervisionLog(cases={**self.cases, event.case_id: case})
            case StepRecorded() | Rated() | RatingPublished():
                case = self.cases[event.case_id]
                states = list(case.links)
                state = states[event.link]
                if isinstance(event, RatingPublished):
                    states[event.link] = attrs.evolve(state, published={**state.published, event.rated_on: event.on})
                else:
                    states[event.link] = state.apply(event)
                return SupervisionLog(cases={**self.cases, event.case_id: attrs.evolve(case, links=tuple(states))})
        raise TypeError(f"a supervision stream cannot hold {type(event).__name__}")


fold_supervision = fold_log(SupervisionLog)


@attrs.frozen(kw_only=True)
class Overdue:
    """A link whose ``step`` was due by ``due`` and is not yet done."""

    case_id: str
    link: int
    kind: LinkKind
    step: Step
    due: datetime.date
