"""Every model and event round-trips; malformed input names the bad field."""

from __future__ import annotations

import datetime
import json

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from npcproc import statute
from npcproc.errors import ConversionError, NpcprocError
from npcproc.events import event_type, event_types, type_name
from npcproc.model import Congress, Deputy, DeputyStatus, StatusChange, Term
from npcproc.model.session import AgendaItem, Bill, VoteCount
from npcproc.procedures.congress.events import CongressEstablished, DeputyStatusChanged, TermBegan
from npcproc.provinces import Province
from npcproc.rules import Decision
from npcproc.serialization import event_from_data, event_to_data, structure, unstructure
from npcproc.testing.strategies import agenda_items, bills, congresses, deputies, provinces, vote_counts

TERMS = st.builds(
    Term,
    congress_id=st.just("c1"),
    number=st.integers(min_value=1, max_value=30),
    elections_completed_on=st.dates(max_value=datetime.date(2060, 1, 1)),
)

MODELS = st.one_of(congresses(), deputies(), provinces(), TERMS)


st.register_type_strategy(AgendaItem, agenda_items())
st.register_type_strategy(Bill, bills())
st.register_type_strategy(VoteCount, vote_counts())


def events() -> st.SearchStrategy[object]:
    # deferred: the registered types are read from the plugin manager when the test runs, not at import
    return st.deferred(lambda: st.one_of(*(st.builds(cls) for cls in event_types().values())))


@given(MODELS)
def test_every_model_round_trips_through_json(value):
    data = json.loads(json.dumps(unstructure(value)))
    assert structure(data, type(value)) == value


@given(events())
def test_every_event_round_trips_through_its_envelope(event):
    type_, data = event_to_data(event)
    assert type_ == type_name(event)
    assert event_from_data(type_, json.loads(json.dumps(data))) == event


def test_event_registry_covers_every_event_module_class():
    assert set(event_types()) >= {"congress.established", "term.began", "deputy.elected", "deputy.status_changed"}


def test_event_type_names_are_unique():
    with pytest.raises(ValueError, match="already declared"):

        @event_type("term.began")
        @attrs.frozen
        class Impostor:
            pass


def test_decisions_round_trip_exactly():
    decision = Decision.all([statute.session_quorum(60, 38), statute.election_outcome(
        total_deputies=60, seats=2, votes={"1/2": 40, "b": 35, "c": 35}, ballots_issued=60, ballots_returned=60
    ).decision])  # fmt: skip
    data = json.loads(json.dumps(unstructure(decision)))
    assert data["reasons"][0]["values"]["fraction"] == {"fraction": "2/3"}
    assert structure(data, Decision) == decision


GOOD_DEPUTY = {
    "id": "d1",
    "name": "王芳",
    "congress_id": "c1",
    "term": 1,
    "status_history": [{"status": "active", "on": "2022-01-05", "note": ""}],
}


def bad(**changes):
    data = json.loads(json.dumps(GOOD_DEPUTY))
    for path, value in changes.items():
        target = data
        *parents, last = path.split("__")
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        if value is KeyError:
            del target[last]
        else:
            target[last] = value
    return data


@pytest.mark.parametrize(
    ("data", "path"),
    [
        (bad(term=0), "$.term"),
        (bad(term="1"), "$.term"),
        (bad(term=1.5), "$.term"),
        (bad(name=7), "$.name"),
        (bad(name=KeyError), "$.name"),
        (bad(status_history__0__status="retired"), "$.status_history[0].status"),
        (bad(status_history__0__on="2022-02-30"), "$.status_history[0].on"),
        (bad(status_history__0__on=20220105), "$.status_history[0].on"),
        (bad(status_history=[]), "$.status_history"),
        (bad(nickname="x"), "$"),
    ],
)
def test_malformed_input_names_the_field(data, path):
    with pytest.raises(ConversionError) as caught:
        structure(data, Deputy)
    assert caught.value.path == path
    assert isinstance(caught.value, NpcprocError)
    assert isinstance(caught.value, ValueError)


def test_extra_key_is_named():
    with pytest.raises(ConversionError, match="nickname"):
        structure(bad(nickname="x"), Deputy)


def test_status_history_out_of_order_is_refused():
    history = [
        {"status": "active", "on": "2022-01-05", "note": ""},
        {"status": "on_leave", "on": "2021-01-05", "note": ""},
    ]
    with pytest.raises(ConversionError, match="precedes"):
        structure(bad(status_history=history), Deputy)


def test_unknown_event_type_lists_the_known_ones():
    with pytest.raises(ConversionError, match=r"term\.began"):
        event_from_data("term.ended", {})


def test_event_with_bad_field_names_its_path():
    _, data = event_to_data(
        DeputyStatusChanged(
            congress_id="c1",
            deputy_id="d1",
            change=StatusChange(status=DeputyStatus.RESIGNED, on=datetime.date(2024, 3, 1)),
        )
    )
    data["change"]["on"] = "yesterday"
    with pytest.raises(ConversionError) as caught:
        event_from_data("deputy.status_changed", data)
    assert caught.value.path == "data.change.on"


def test_undeclared_event_cannot_be_stored():
    with pytest.raises(TypeError, match="not a declared event type"):
        event_to_data(Province(code="330000", name_zh="浙江省", name_en="Zhejiang", key="ZJ"))


def test_models_keep_their_invariants():
    with pytest.raises(ValueError, match="division_code"):
        Congress(id="c", name="x", level="township", division_code="33", population=1, deputy_quota=1)
    with pytest.raises(ValueError, match="first_session_on"):
        Term(
            congress_id="c", number=1, elections_completed_on=datetime.date(2022, 1, 1),
            first_session_on=datetime.date(2021, 12, 1),
        )  # fmt: skip
    deputy = Deputy.elected(id="d", name="x", congress_id="c", term=1, on=datetime.date(2022, 1, 1))
    gone = deputy.with_status(StatusChange(status=DeputyStatus.DECEASED, on=datetime.date(2023, 1, 1)))
    with pytest.raises(ValueError, match="no change may follow deceased"):
        gone.with_status(StatusChange(status=DeputyStatus.ACTIVE, on=datetime.date(2023, 2, 1)))
    assert gone.in_office_on(datetime.date(2022, 6, 1))
    assert not gone.in_office_on(datetime.date(2023, 1, 1))
    assert gone.status_on(datetime.date(2021, 1, 1)) is None


def test_congress_established_event_carries_level_by_value():
    event = CongressEstablished(
        congress_id="c1", name="某镇人民代表大会", level=Congress.__attrs_attrs__.level.type.TOWNSHIP,
        division_code="330110001", population=30_000, deputy_quota=65,
    )  # fmt: skip
    _, data = event_to_data(event)
    assert data["level"] == "township"
    assert event_from_data("congress.established", data) == event
    assert TermBegan.__name__ == "TermBegan"


ODD_VALUES = st.sampled_from([
    None, True, 0, 1, 1.5, "", "x", "yes", "2022-01-05", "2022-01-05T10:00:00", [], ["x"], [1], {}, {"x": "yes"},
    {"x": "maybe"}, {"x": 1},
])  # fmt: skip


@settings(max_examples=400)
@given(st.deferred(lambda: st.sampled_from(sorted(event_types()))), st.data())
def test_event_from_data_agrees_with_structure_on_altered_data(type_, data):
    # event_from_data takes a fast path for events of plain fields; whatever the data, it must end as structure does.
    _, plain = event_to_data(data.draw(st.builds(event_types()[type_])))
    plain = json.loads(json.dumps(plain))
    change = data.draw(st.sampled_from(["retype", "retype", "drop", "extra", "none"]))
    if change == "extra":
        plain["unexpected"] = data.draw(ODD_VALUES)
    elif change != "none" and plain:
        key = data.draw(st.sampled_from(sorted(plain)))
        if change == "drop":
            del plain[key]
        else:
            plain[key] = data.draw(ODD_VALUES)

    def outcome(build):
        try:
            return "built", build()
        except ConversionError as error:
            return "refused", error.path, str(error)

    expected = outcome(lambda: structure(plain, event_types()[type_], path="data"))
    assert outcome(lambda: event_from_data(type_, plain)) == expected
