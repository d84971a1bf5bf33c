"""`npcproc import`: the record played through the procedures; a failed import writes nothing."""

from __future__ import annotations

import datetime
import json

import pytest

from npcproc.model.session import SessionStatus
from npcproc.model.suggestion import SuggestionStatus
from npcproc.procedures import Congresses, Elections, Inquiries, Sessions, Suggestions, Supervision
from npcproc.store.sqlite import SQLiteStore
from test_record_support import CLEAN, FAULTY, clean_tree, cli, write_fifty_megabytes, write_variant


def records_in(path):
    store = SQLiteStore(str(path))
    try:
        return list(store.read_all())
    finally:
        store.close()


def test_import_then_read_back_through_the_procedures(capsys, tmp_path):
    db = tmp_path / "qx.db"
    code, out, _err = cli(capsys, "import", str(CLEAN), "--store", f"sqlite:///{db}", "--lang", "en")
    assert code == 0, out
    store = SQLiteStore(str(db))
    try:
        assert store.verify().ok
        sessions = Sessions(store)
        first = sessions.state("2022-1")
        assert first.status is SessionStatus.CLOSED
        assert first.votes["budget"].tally.yes == 48
        assert first.votes["v-b1"].tally.passed
        assert first.absent_without_leave == ("d58", "d59")
        head = Elections(store).state("head")
        assert head.elected == ("周志远",)
        assert Inquiries(store).state("q1").answers[-1].answered_by == "镇长周志远"
        ledger = Suggestions(store).ledger("qx")
        assert [s.status for s in ledger.values()] == [SuggestionStatus.CLOSED] * 5
        assert all(case.closed for case in Supervision(store).cases("qx"))
        assert sessions.year_check("qx", 2022).ok
    finally:
        store.close()


def test_import_keeps_the_congress_designations_that_provincial_rules_depend_on(capsys, tmp_path):
    def populous(tree):
        tree["congresses"][0]["designations"] = ["populous"]

    db = tmp_path / "qx.db"
    code, out, _err = cli(capsys, "import", str(write_variant(tmp_path, populous)), "--store", f"sqlite:///{db}")
    assert code == 0, out
    store = SQLiteStore(str(db))
    try:
        congress = Congresses(store).state("qx")
        assert congress.congress.designations == ("populous",)
        assert congress.facts().designations == frozenset({"populous"})
    finally:
        store.close()


def test_import_keeps_the_non_deputies_attending_a_session(capsys, tmp_path):
    def attended(tree):
        tree["congresses"][0]["sessions"][0]["attending"] = ["镇长周志远", "副镇长李明"]

    db = tmp_path / "qx.db"
    code, out, _err = cli(capsys, "import", str(write_variant(tmp_path, attended)), "--store", f"sqlite:///{db}")
    assert code == 0, out
    store = SQLiteStore(str(db))
    try:
        assert Sessions(store).state("2022-1").attending == tuple(sorted(("镇长周志远", "副镇长李明")))
        assert Sessions(store).state("2022-2").attending == ("周志远",)  # as the example records it
    finally:
        store.close()


def test_import_keeps_the_deadline_for_bills_and_the_day_each_bill_came_in(capsys, tmp_path):
    def dated(tree):
        session = tree["congresses"][0]["sessions"][0]
        session["bill_deadline"] = "2022-01-04"
        session["bills"][0]["submitted_on"] = "2022-01-03"

    db = tmp_path / "qx.db"
    code, out, _err = cli(capsys, "import", str(write_variant(tmp_path, dated)), "--store", f"sqlite:///{db}")
    assert code == 0, out
    store = SQLiteStore(str(db))
    try:
        state = Sessions(store).state("2022-1")
        assert state.bill_deadline == datetime.date(2022, 1, 4)
        assert state.bills_on == {"b1": datetime.date(2022, 1, 3)}
    finally:
        store.close()


def test_import_keeps_the_township_heads_in_office_when_the_record_begins(capsys, tmp_path):
    from npcproc.model.election import Office

    def heads(tree):
        congress = tree["congresses"][0]
        congress.update(township_heads=["老镇长"], deputy_township_heads=["李副镇长"])
        # OL 21: the heads in office who are not deputies attend each session
        congress["sessions"][0]["attending"] = [*congress["sessions"][0].get("attending", []), "老镇长", "李副镇长"]
        congress["sessions"][1]["attending"] = [*congress["sessions"][1].get("attending", []), "李副镇长"]

    db = tmp_path / "qx.db"
    code, out, _err = cli(capsys, "import", str(write_variant(tmp_path, heads)), "--store", f"sqlite:///{db}")
    assert code == 0, out
    store = SQLiteStore(str(db))
    try:
        congress = Congresses(store).state("qx")
        day = datetime.date(2022, 12, 31)
        # the term's first session elected 周志远 township head in the outgoing head's place (as npcproc check reads it)
        assert congress.holders(Office.TOWNSHIP_HEAD, day) == ("周志远",)
        assert congress.holders(Office.DEPUTY_TOWNSHIP_HEAD, day) == ("李副镇长",)
    finally:
        store.close()


def test_import_keeps_the_presidiums_preparations(capsys, tmp_path):
    from npcproc.model.session import PreparationStep

    def prepared(tree):
        tree["congresses"][0]["sessions"][0]["preparations"] = [{"step": "draft_agenda", "on": "2021-12-20"}]

    db = tmp_path / "qx.db"
    code, out, _err = cli(capsys, "import", str(write_variant(tmp_path, prepared)), "--store", f"sqlite:///{db}")
    assert code == 0, out
    store = SQLiteStore(str(db))
    try:
        assert Sessions(store).state("2022-1").preparations == {
            PreparationStep.DRAFT_AGENDA: datetime.date(2021, 12, 20)
        }
        assert Sessions(store).state("2022-2").preparations == {}
    finally:
        store.close()


def test_a_record_with_violations_writes_nothing(capsys, tmp_path):
    db = tmp_path / "hs.db"
    code, _out, err = cli(capsys, "import", str(FAULTY), "--store", f"sqlite:///{db}", "--lang", "en")
    assert code == 1
    assert "session.quorum" in err
    assert "nothing was imported" in err
    assert records_in(db) == []


def test_a_step_the_procedures_refuse_writes_nothing(capsys, tmp_path):
    # Counts alone cannot be played as a show of hands: refused after the congress was already played.
    def change(tree):
        tree["congresses"][0]["sessions"][0]["votes"][0] = {
            "id": "budget", "subject": "e2", "method": "show_of_hands", "on": "2022-01-05", "yes": 48, "no": 9,
            "passed": True,
        }  # fmt: skip

    db = tmp_path / "qx.db"
    code, _out, err = cli(capsys, "import", str(write_variant(tmp_path, change)), "--store", f"sqlite:///{db}")
    assert code == 2
    assert "each deputy's choice" in err
    assert records_in(db) == []


def test_importing_twice_is_refused_and_leaves_the_store_as_it_was(capsys, tmp_path):
    db = tmp_path / "qx.db"
    assert cli(capsys, "import", str(CLEAN), "--store", f"sqlite:///{db}")[0] == 0
    before = [(r.position, r.hash) for r in records_in(db)]
    code, _out, err = cli(capsys, "import", str(CLEAN), "--store", f"sqlite:///{db}", "--lang", "en")
    assert code == 2
    assert "already holds" in err
    assert [(r.position, r.hash) for r in records_in(db)] == before


def _broken_utf8(path):
    data = CLEAN.read_bytes()
    path.write_bytes(data[:200] + b"\xff\xfe" + data[200:])


def _with(field, value):
    def write(path):
        tree = clean_tree()
        tree["congresses"][0][field] = value
        path.write_text(json.dumps(tree, ensure_ascii=False), encoding="utf-8")

    return write


HOSTILE = {
    "wrong type": _with("population", "30000"),
    "unknown field": _with("mayor", "周志远"),
    "huge number": _with("population", 10**30),
    "broken UTF-8": _broken_utf8,
    "50 MB": write_fifty_megabytes,
}


@pytest.mark.parametrize("write", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_file_is_refused_and_the_store_keeps_what_it_held(capsys, tmp_path, write):
    db = tmp_path / "qx.db"
    assert cli(capsys, "import", str(CLEAN), "--store", f"sqlite:///{db}")[0] == 0
    before = [(r.position, r.hash) for r in records_in(db)]
    path = tmp_path / "hostile.json"
    write(path)
    code, _out, err = cli(capsys, "import", str(path), "--store", f"sqlite:///{db}", "--lang", "en")
    assert code == 2
    assert err.startswith(f"npcproc: error: {path}")
    assert "Traceback" not in err
    assert [(r.position, r.hash) for r in records_in(db)] == before


def test_check_json_output_has_stable_keys_and_citations(capsys):
    code, out, _err = cli(capsys, "check", str(FAULTY), "--format", "json")
    assert code == 1
    document = json.loads(out)
    assert list(document) == [
        "format",
        "version",
        "record",
        "province",
        "ok",
        "violations",
        "notices",
        "relaxations",
        "findings",
    ]
    assert document["violations"] == sum(f["severity"] == "violation" for f in document["findings"])
    quorum = next(f for f in document["findings"] if f["code"] == "session.quorum")
    assert quorum["citation"] == {
        "law": "OL", "article": 14, "paragraph": 4, "item": None, "label": "OL 14 ¶4",
        "label_zh": quorum["citation"]["label_zh"], "text": quorum["citation"]["text"],
    }  # fmt: skip
    assert "三分之二" in quorum["citation"]["text"]
    assert set(quorum["message"]) == {"en", "zh"}


def test_check_in_chinese(capsys):
    code, out, _err = cli(capsys, "check", str(FAULTY), "--lang", "zh")
    assert code == 1
    assert "违规" in out
    assert "出席代表38人" in out


def test_ol_27_2_a_county_general_election_imports_with_its_list_dated_by_the_first_round():
    from npcproc.plugins import load_rules
    from npcproc.record.importer import ImportRefusedError, import_record
    from npcproc.record.load import parse_record
    from npcproc.store import MemoryStore
    from test_record_audit import county_tree

    def imported(round_on):
        record = parse_record(json.dumps(county_tree(round_on)).encode(), name="t.json", toml=False)
        store = MemoryStore()
        import_record(record, store, load_rules())
        return store

    store = imported("2022-01-08")
    listed = [r.data for r in store.read_all() if r.type == "election.candidates_listed"]
    assert [d["on"] for d in listed] == ["2022-01-08"]
    assert Elections(store).state("head").opened_on.isoformat() == "2022-01-05"
    with pytest.raises(ImportRefusedError):
        imported("2022-01-07")


def test_a_refused_import_leaves_no_store_file_behind(tmp_path, capsys):
    target = tmp_path / "new.db"
    code, _, err = cli(capsys, "import", str(FAULTY), "--store", f"sqlite:///{target}")
    assert code == 1
    assert "nothing was imported" in err
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_an_import_is_one_transaction(tmp_path, capsys, monkeypatch):
    target = tmp_path / "one.db"
    store = SQLiteStore(str(target))
    appends = []
    monkeypatch.setattr(
        SQLiteStore, "append", lambda *args, **kwargs: pytest.fail("an import appends stream by stream")
    )
    original = SQLiteStore.append_many
    monkeypatch.setattr(SQLiteStore, "append_many", lambda self, batch: appends.append(batch) or original(self, batch))
    store.close()
    code, out, _ = cli(capsys, "import", str(CLEAN), "--store", f"sqlite:///{target}")
    assert code == 0, out
    assert len(appends) == 1
    assert len(appends[0]) > 1  # several streams, one transaction
