"""``npcproc.samples``: the demo year, recorded without the CLI."""

from __future__ import annotations

import pytest

from npcproc.samples import DEPUTIES, Narrator, demo_year
from npcproc.store.sqlite import SchemaError, SQLiteStore


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_demo_year_records_a_verifiable_chain_and_narrates_it(tmp_path, lang):
    lines: list[tuple[str, str]] = []
    db = tmp_path / "year.db"
    assert demo_year(db, tell=Narrator(lang, lambda text, style: lines.append((text, style))))
    store = SQLiteStore(str(db))
    try:
        assert store.verify().ok
        assert len(list(store.read_all())) > 100
    finally:
        store.close()
    refusals = [text for text, style in lines if style == "bold red"]
    assert len(refusals) == 2  # 38 present of 60, and a bill with four sponsors
    assert any("OL" in text or "组织法" in text for text, style in lines if style == "dim")
    assert ("不予记录" in refusals[0]) == (lang == "zh")


def test_the_demo_year_is_silent_by_default_and_replaces_only_an_npcproc_store(tmp_path):
    db = tmp_path / "year.db"
    db.write_bytes(b"not a database")
    with pytest.raises(SchemaError, match="--force"):  # not npcproc's: refused, its bytes as they were
        demo_year(db)
    assert db.read_bytes() == b"not a database"
    assert demo_year(db, force=True)
    assert demo_year(db)  # an npcproc store now: recorded again from scratch, not appended to
    assert len(DEPUTIES) == 60


def test_a_refusal_that_passes_is_a_bug_in_the_script():
    with pytest.raises(RuntimeError, match="expected a refusal"):
        Narrator().refused("nothing", "无", lambda: None)
