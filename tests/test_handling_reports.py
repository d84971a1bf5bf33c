"""DL 51 ¶3: the report on the handling of deputies' suggestions is made public; the texts give no period, so
it is judged by the end of the year it was made in. Through the procedure, the audit and `npcproc check`."""

from __future__ import annotations

import datetime
import json

import pytest

from npcproc.errors import ProcedureError
from npcproc.model import Congress, Level
from npcproc.plugins import load_rules
from npcproc.procedures import Congresses, HandlingReports
from npcproc.record.audit import audit
from npcproc.record.importer import import_record
from npcproc.record.load import parse_record
from npcproc.store import MemoryStore

D = datetime.date
IDS = [f"d{n:02}" for n in range(1, 41)]
MADE = D(2024, 3, 1)


@pytest.fixture(scope="module")
def national():
    return load_rules(None)


def reports(rules, level=Level.TOWNSHIP) -> HandlingReports:
    store = MemoryStore()
    congresses = Congresses(store, rules)
    congresses.establish(Congress(id="t", name="某镇人民代表大会", level=level, division_code="500101001",
                                  population=30_000, deputy_quota=45 if level is Level.TOWNSHIP else 160))  # fmt: skip
    congresses.begin_term("t", 1, elections_completed_on=D(2021, 11, 20))
    congresses.elect_deputies("t", {i: i for i in IDS}, term=1, on=D(2021, 11, 20))
    found = HandlingReports(store, rules)
    found.report("t", "r2023", on=MADE)
    return found


def codes(decision):
    return [(r.ok, r.code, str(r.citation)) for r in decision.reasons]


@pytest.mark.parametrize("level", [Level.TOWNSHIP, Level.COUNTY])
@pytest.mark.parametrize(("published", "ok"), [(D(2024, 12, 31), True), (D(2025, 1, 1), False)])
def test_dl_51_3_a_report_made_public_within_its_year(national, level, published, ok):
    handling = reports(national, level)
    decision = handling.publish("t", "r2023", on=published)
    assert codes(decision) == [(ok, "suggestion.handling_report_published", "DL 51 ¶3")]
    assert handling.log("t").published == {"r2023": published}  # a late publication is recorded
    assert handling.check("t", as_of=D(2025, 6, 1)).ok is ok


@pytest.mark.parametrize(("as_of", "ok"), [(D(2024, 12, 31), True), (D(2025, 1, 1), False)])
def test_dl_51_3_an_unpublished_report_fails_once_its_year_is_over(national, as_of, ok):
    decision = reports(national).check("t", as_of=as_of)
    assert codes(decision) == ([] if ok else [(False, "suggestion.handling_report_unpublished", "DL 51 ¶3")])


def test_dl_51_3_publication_is_refused_for_an_unknown_report_a_day_too_early_or_twice(national):
    handling = reports(national)
    for call, code in [
        (lambda: handling.publish("t", "r9", on=MADE), "suggestion.handling_report_unknown"),
        (lambda: handling.publish("t", "r2023", on=MADE - datetime.timedelta(days=1)),
         "suggestion.handling_report_before"),
        (lambda: handling.report("t", "r2023", on=MADE), "suggestion.handling_report_exists"),
    ]:  # fmt: skip
        with pytest.raises(ProcedureError) as caught:
            call()
        assert [r.code for r in caught.value.decision.failing] == [code]
    assert handling.log("t").published == {}
    handling.publish("t", "r2023", on=MADE)  # the day it was made is not too early
    with pytest.raises(ProcedureError):
        handling.publish("t", "r2023", on=MADE)
    assert handling.log("t").published == {"r2023": MADE}


def test_dl_51_3_national_law_does_not_send_a_township_report_to_the_next_session(national):
    assert national.optional("suggestion.handling_report_to_next_session") is None


# -- through the record and `npcproc check` --------------------------------------------------------------------


def record(handling_reports, as_of="2025-01-01"):
    deputies = [{"id": i, "name": i, "elected_on": "2021-11-20"} for i in IDS]
    year = {
        "id": "t", "name": "某镇人民代表大会", "level": "township", "division_code": "500101001",
        "population": 30000, "deputy_quota": 45, "term": 1, "elections_completed_on": "2021-11-20",
        "deputies": deputies, "handling_reports": handling_reports,
    }  # fmt: skip
    return {"format_version": 1, "as_of": as_of, "congresses": [year]}


def findings(tree, rules):
    parsed = parse_record(json.dumps(tree).encode(), name="r.json", toml=False)
    return [(f.severity, f.where, f.code, str(f.citation)) for f in audit(parsed, rules).findings
            if f.code.startswith("suggestion.handling")]  # fmt: skip


@pytest.mark.parametrize(("published", "ok"), [("2024-12-31", True), ("2025-01-01", False)])
def test_dl_51_3_record_judges_the_day_the_report_was_made_public(national, published, ok):
    tree = record([{"id": "r2023", "on": "2024-03-01", "published_on": published}])
    expected = [] if ok else [("violation", "congresses[0].handling_reports[0]", "suggestion.handling_report_published",
                               "DL 51 ¶3")]  # fmt: skip
    assert findings(tree, national) == expected


@pytest.mark.parametrize(("as_of", "ok"), [("2024-12-31", True), ("2025-01-01", False)])
def test_dl_51_3_record_finds_an_unpublished_report_after_its_year(national, as_of, ok):
    tree = record([{"id": "r2023", "on": "2024-03-01"}], as_of=as_of)
    expected = [] if ok else [("violation", "congresses[0].handling_reports[0]",
                               "suggestion.handling_report_unpublished", "DL 51 ¶3")]  # fmt: skip
    assert findings(tree, national) == expected


def test_dl_51_3_record_a_publication_before_the_report_and_a_second_report_are_facts(national):
    tree = record([{"id": "r1", "on": "2024-03-01", "published_on": "2024-02-29"},
                   {"id": "r1", "on": "2024-04-01", "published_on": "2024-04-02"}])  # fmt: skip
    assert [f[2] for f in findings(tree, national)] == [
        "suggestion.handling_report_before", "suggestion.handling_report_exists"]  # fmt: skip


def test_dl_51_3_record_is_imported_through_the_procedure(national):
    tree = record([{"id": "r2023", "on": "2024-03-01", "published_on": "2024-03-05"}])
    store = MemoryStore()
    import_record(parse_record(json.dumps(tree).encode(), name="r.json", toml=False), store, national)
    assert HandlingReports(store, national).log("t").published == {"r2023": D(2024, 3, 5)}


def test_dl_51_3_npcproc_check_reports_a_late_publication(tmp_path, capsys):
    from test_record_support import cli

    path = tmp_path / "r.json"
    path.write_text(json.dumps(record([{"id": "r2023", "on": "2024-03-01", "published_on": "2025-01-01"}])))
    code, out, _err = cli(capsys, "check", str(path), "--format", "json", "--lang", "en")
    assert code == 1
    assert "suggestion.handling_report_published" in out
