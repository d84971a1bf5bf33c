"""The generic base of the procedures: the two shapes of fold, and typed errors where an assert used to be."""

from __future__ import annotations

import datetime

import attrs
import pytest

from npcproc.errors import ConversionError, ProcedureError
from npcproc.model import Congress, Level
from npcproc.procedures import Congresses, Inquiries, Sessions
from npcproc.procedures.base import Procedure
from npcproc.procedures.congress.events import TermBegan
from npcproc.procedures.congress.state import fold_congress
from npcproc.procedures.folded import fold_log, fold_opened, present
from npcproc.procedures.session.events import NoticeGiven
from npcproc.procedures.session.state import fold_session
from npcproc.store import MemoryStore

D = datetime.date


@attrs.frozen
class Count:
    n: int = 0

    def apply(self, event: object) -> Count:
        return Count(self.n + int(str(event)))


def test_fold_log_starts_empty_and_applies_each_event_in_order():
    fold = fold_log(Count)
    assert fold([]) == Count(0)
    assert fold(["1", "2", "3"]) == Count(6)


def test_fold_opened_is_none_while_empty_and_starts_from_its_first_event():
    fold = fold_opened(int, lambda first: Count(first))
    assert fold([]) is None
    assert fold([10, "1", "2"]) == Count(13)


def test_a_stream_that_begins_with_another_event_raises_a_conversion_error():
    fold = fold_opened(int, lambda first: Count(first))
    with pytest.raises(ConversionError, match="begins with str, not int"):
        fold(["1"])
    term = TermBegan(congress_id="c", term=1, elections_completed_on=D(2026, 1, 1))
    with pytest.raises(ConversionError, match="TermBegan"):
        fold_congress([term])
    with pytest.raises(ConversionError, match="SessionPlanned"):
        fold_session([NoticeGiven(on=D(2026, 1, 1), materials_on=D(2026, 1, 1))])


def test_present_returns_the_value_or_raises_a_conversion_error():
    assert present(0, "x") == 0
    with pytest.raises(ConversionError, match="due: missing"):
        present(None, "due")


def test_every_procedure_refuses_an_unknown_stream_through_the_base():
    store = MemoryStore()
    with pytest.raises(ProcedureError) as refused:
        Sessions(store).state("nowhere")
    assert refused.value.decision.failing[0].code == "session.unknown"
    with pytest.raises(ProcedureError) as refused:
        Inquiries(store).state("nowhere")
    assert refused.value.decision.failing[0].code == "inquiry.unknown"
    with pytest.raises(ProcedureError) as refused:
        Procedure(store).rules_for("nowhere")
    assert refused.value.decision.failing[0].code == "congress.unknown"


def test_rules_for_reads_the_congress_through_the_base():
    store = MemoryStore()
    Congresses(store).establish(
        Congress(id="t", name="某镇", level=Level.TOWNSHIP, division_code="330000", population=30000, deputy_quota=60)
    )
    procedure = Procedure(store)
    assert procedure.rules_for("t") == Congresses(store).state("t").rules(procedure.rules)
