"""The shape every procedure shares: load a stream, fold it, decide, append or refuse.

:class:`Procedure` is the one generic base: ``_load`` folds a stream (through the store's fold
cache), ``_opened`` and ``_congress_log`` refuse an unknown stream or congress, ``_append``
records with the optimistic concurrency check; :func:`~npcproc.procedures.folded.fold_log` and
:func:`~npcproc.procedures.folded.fold_opened` build the two shapes of fold every procedure uses.

A refusal is a :class:`~npcproc.errors.ProcedureError` carrying the Decision; it is
raised before anything is appended, so the store is left exactly as it was.

A command that is recorded returns the Decision it was judged by, so a "normally" (一般) rule
not followed reaches the caller as a notice (:attr:`~npcproc.rules.Decision.notices`) and is
never dropped; where a command returns the record of an outcome instead (``Sessions.close_vote``'s
:class:`~npcproc.model.session.Tally`), the record carries the notices.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from typing import NoReturn, TypeVar

from npcproc.errors import ProcedureError
from npcproc.procedures import messages  # noqa: F401 - defines the message codes used below
from npcproc.procedures.congress.state import CongressState, congress_stream, fold_congress
from npcproc.procedures.folded import cache_for
from npcproc.rules.decision import Citation, Decision, Reason, ReasonValue
from npcproc.rules.logic import Rule
from npcproc.rules.ruleset import RuleSet
from npcproc.serialization import event_from_data
from npcproc.store.base import EventStore, Record

__all__ = ["Procedure", "cite", "reason", "refuse", "require", "ruled"]

S = TypeVar("S")


def cite(law: str, article: int, paragraph: int | None = None, item: int | None = None) -> Citation:
    return Citation(law=law, article=article, paragraph=paragraph, item=item)


def reason(ok: bool, code: str, citation: Citation, **values: ReasonValue) -> Reason:
    return Reason(ok=ok, code=code, citation=citation, values=values)


def ruled(ok: bool, code: str, rule: Rule, **values: ReasonValue) -> Reason:
    """A reason decided by ``rule``: its citation, its binding force, and any relaxation it relies on."""
    return Reason(
        ok=ok, code=code, citation=rule.citation, values=values, relaxation=rule.relaxation, binding=rule.binding
    )


def refuse(code: str, citation: Citation, **values: ReasonValue) -> NoReturn:
    """Refuse the command: one failing reason."""
    raise ProcedureError(Decision.of(reason(False, code, citation, **values)))


def require(decision: Decision) -> None:
    """Refuse the command with ``decision`` unless it holds."""
    if not decision:
        raise ProcedureError(decision)


class Procedure:
    """Base of the procedure services: a store to record in and the rules in force."""

    def __init__(self, store: EventStore, rules: RuleSet | None = None) -> None:
        if rules is None:
            from npcproc.plugins import load_rules

            rules = load_rules()
        self.store = store
        self.rules = rules

    def rules_for(self, congress_id: str, on: datetime.date | None = None) -> RuleSet:
        """The rules resolved for one congress: a township regulation never binds a county congress, and a
        value that depends on the congress (population, deputies in office on ``on``) takes its value."""
        return self._congress(congress_id)[0].rules(self.rules, on)

    def _congress(self, congress_id: str) -> tuple[CongressState, int]:
        """The congress's state and its stream's version; refused for an unknown congress."""
        return self._opened(congress_stream(congress_id), fold_congress, "congress.unknown", cite("OL", 2),
                            congress_id=congress_id)  # fmt: skip

    def _opened(
        self, stream: str, fold: Callable[[Sequence[object]], S | None], code: str, citation: Citation,
        **values: ReasonValue,
    ) -> tuple[S, int]:  # fmt: skip
        """The fold of a stream its first event opens, and its version; refused with ``code`` while unopened."""
        state, version = self._load(stream, fold)
        if state is None:
            refuse(code, citation, **values)
        return state, version

    def _congress_log(self, congress_id: str, stream: str, fold: Callable[[Sequence[object]], S]) -> tuple[S, int]:
        """The fold of one of a congress's log streams, and its version; refused for an unknown congress."""
        self._congress(congress_id)
        return self._load(stream, fold)

    def _load(self, stream: str, fold: Callable[[Sequence[object]], S]) -> tuple[S, int]:
        """The fold of ``stream`` as stored now and its version, from the store's fold cache when still current."""
        cache = cache_for(self.store)
        if cache is None:
            records = list(self.store.read_stream(stream))
            return fold([event_from_data(r.type, r.data) for r in records]), len(records)
        state, version = cache.load(self.store, stream, fold)
        return state, version

    def _append(self, stream: str, version: int, *events: object) -> tuple[Record, ...]:
        cache = cache_for(self.store)
        try:
            records = self.store.append(stream, events, expected_version=version)
        except BaseException:
            if cache is not None:
                cache.forget(stream)
            raise
        if cache is not None:
            cache.appended(stream, version, records)
        return records
