"""``npcproc export`` (the event log, Popolo) and ``npcproc calendar`` on the demo's year."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import icalendar
import pytest

from npcproc.cli import main
from npcproc.procedures import Sessions
from npcproc.samples import demo_year
from npcproc.store.backend import Record, verify_records
from npcproc.store.sqlite import SQLiteStore


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    assert demo_year(db)
    return f"sqlite:///{db}"


def records_of(document: dict) -> list[Record]:
    return [
        Record(**{**row, "recorded_at": datetime.datetime.fromisoformat(row["recorded_at"])})
        for row in document["records"]
    ]


def test_the_event_log_export_is_the_whole_chain_and_verifies_on_its_own(demo_store, tmp_path):
    out = tmp_path / "log.json"
    assert main(["export", "--store", demo_store, "--format", "json", "--output", str(out)]) == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format"] == "npcproc-event-log"
    records = records_of(document)
    store = SQLiteStore(demo_store.removeprefix("sqlite:///"))
    try:
        assert [r.hash for r in records] == [r.hash for r in store.read_all()]
    finally:
        store.close()
    head = document["head"]
    assert verify_records(records).ok
    assert (len(records), records[-1].hash) == (head["position"], head["hash"])
    edited = document["records"][5]
    edited["data"] = {**edited["data"], "tampered": True}
    result = verify_records(records_of(document))
    assert not result.ok
    assert result.bad_position == 6


def test_popolo_export_links_people_memberships_and_votes(demo_store, capsys):
    assert main(["export", "--store", demo_store, "--format", "popolo"]) == 0
    document = json.loads(capsys.readouterr().out)
    persons = {person["id"] for person in document["persons"]}
    organizations = {org["id"] for org in document["organizations"]}
    motions = {motion["id"] for motion in document["motions"]}
    sessions = {event["id"] for event in document["events"]}
    assert organizations == {"qx"}
    deputies = [m for m in document["memberships"] if m["role"] == "deputy"]
    assert len(deputies) == 60
    assert "周志远" in persons  # the elected township head, who holds a post without being a deputy
    assert all(m["person_id"] in persons and m["organization_id"] in organizations for m in document["memberships"])
    assert all(v["motion_id"] in motions and v["legislative_session_id"] in sessions for v in document["vote_events"])
    store = SQLiteStore(demo_store.removeprefix("sqlite:///"))
    try:
        budget = Sessions(store).state("2022-1").votes["budget"]
    finally:
        store.close()
    exported = next(v for v in document["vote_events"] if v["id"] == "2022-1/budget")
    counts = {count["option"]: count["value"] for count in exported["counts"]}
    assert (counts["yes"], counts["no"], counts["abstain"]) == budget.counts()
    assert exported["result"] == ("pass" if budget.tally and budget.tally.passed else "fail")
    assert {vote["voter_id"] for vote in exported["votes"]} == set(budget.ballots) <= persons
    assert sum(counts[option] for option in ("yes", "no", "abstain")) == len(exported["votes"])


def test_popolo_export_keeps_secret_ballots_secret(demo_store, capsys):
    assert main(["export", "--store", demo_store, "--format", "popolo"]) == 0
    document = json.loads(capsys.readouterr().out)
    rounds = [v for v in document["vote_events"] if "/election/" in v["id"]]
    assert rounds
    for round_ in rounds:
        assert "votes" not in round_
        assert "voter_id" not in json.dumps(round_)
        assert sum(c["value"] for c in round_["npcproc:votes"]) <= round_["npcproc:ballots"]["returned"] * len(
            round_["npcproc:candidates"]
        )


def test_calendar_lists_sessions_and_open_deadlines(demo_store, tmp_path):
    ics = tmp_path / "year.ics"
    assert main(["calendar", "--store", demo_store, "--ics", str(ics), "--lang", "zh"]) == 0
    parsed = icalendar.Calendar.from_ical(ics.read_bytes())
    entries = {str(e["UID"]): e for e in parsed.walk("VEVENT")}
    assert entries["session-2022-1"].decoded("DTSTART") == datetime.date(2022, 1, 5)
    assert "会议" in str(entries["session-2022-1"]["SUMMARY"])
    store = SQLiteStore(demo_store.removeprefix("sqlite:///"))
    try:
        from npcproc.procedures import Suggestions

        pending = {s.id: s.due for s in Suggestions(store).ledger("qx").values() if s.status.value == "referred"}
    finally:
        store.close()
    assert pending
    for suggestion_id, due in pending.items():
        assert entries[f"suggestion-qx-{suggestion_id}"].decoded("DTSTART") == due
    assert main(["calendar", "--store", demo_store, "--ics", str(ics), "--year", "2021"]) == 0
    assert not list(icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))


@pytest.mark.parametrize("verb", [["export"], ["calendar", "--ics", "out.ics"]])
def test_reading_a_missing_store_is_exit_2(verb, tmp_path, capsys):
    missing = tmp_path / "missing.db"
    assert main([*verb, "--store", f"sqlite:///{missing}"]) == 2
    assert "no SQLite file" in capsys.readouterr().err
    assert not missing.exists()
    assert not Path("out.ics").exists()
