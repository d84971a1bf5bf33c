"""Never harm a file that is not npcproc's: read-only verbs never write, and a file that is not an npcproc store is
refused with its bytes unchanged (issue 19, the SQLite part)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from npcproc.cli import main
from npcproc.store.sqlite import ReadOnlyStoreError, SchemaError, SQLiteStore
from npcproc.testing.backends import noted


def foreign(path):
    """Another application's SQLite database: a table of its own, in the default rollback journal."""
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    db.execute("INSERT INTO notes (body) VALUES ('not npcproc''s')")
    db.commit()
    db.close()
    return path


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def siblings(path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


@pytest.mark.parametrize(
    "verb", [["verify"], ["verify", "--head"], ["export"], ["export", "--format", "popolo"], ["report"]]
)
def test_a_read_only_verb_refuses_another_applications_database_and_leaves_it_as_it_was(tmp_path, capsys, verb):
    path = foreign(tmp_path / "other.db")
    before, files = digest(path), siblings(path)
    extra = ["--html", str(tmp_path / "out.html")] if verb == ["report"] else []
    assert main([*verb, "--store", f"sqlite:///{path}", *extra]) == 2
    error = capsys.readouterr().err
    assert "not an npcproc store" in error
    assert digest(path) == before
    assert siblings(path) == files  # no -wal or -shm beside it, no output written
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_a_file_that_is_no_database_is_refused_in_one_line(tmp_path, capsys):
    path = tmp_path / "notes.db"
    path.write_text("a text file\n" * 100, encoding="utf-8")
    before = digest(path)
    assert main(["verify", "--store", f"sqlite:///{path}"]) == 2
    error = capsys.readouterr().err
    assert error.strip().startswith("npcproc: error:")
    assert "Traceback" not in error
    assert digest(path) == before


def test_a_writing_open_refuses_another_applications_database_too(tmp_path):
    path = foreign(tmp_path / "other.db")
    before = digest(path)
    with pytest.raises(SchemaError, match="another application"):
        SQLiteStore(str(path))
    assert digest(path) == before
    assert {"notes"} == {row[0] for row in sqlite3.connect(path).execute("SELECT name FROM sqlite_master")}


def test_a_read_only_store_reads_and_never_writes(tmp_path):
    path = tmp_path / "store.db"
    store = SQLiteStore(str(path))
    store.append("s", noted(1, 2), expected_version=0)
    store.close()
    reader = SQLiteStore(str(path), read_only=True)
    assert [r.data["n"] for r in reader.read_all()] == [1, 2]
    assert reader.verify().ok
    with pytest.raises(ReadOnlyStoreError, match="nothing was written"):
        reader.append("s", noted(3), expected_version=2)
    reader.close()
    assert len(list(SQLiteStore(str(path)).read_all())) == 2


def test_the_demo_replaces_an_npcproc_store_but_refuses_any_other_file_unless_forced(tmp_path, capsys):
    path = foreign(tmp_path / "other.db")
    before = digest(path)
    assert main(["demo", "--db", str(path)]) == 2
    assert "--force replaces any file" in capsys.readouterr().err
    assert digest(path) == before
    assert main(["demo", "--db", str(path), "--force"]) == 0
    assert main(["demo", "--db", str(path)]) == 0  # now an npcproc store: an earlier demo is replaced
    assert main(["verify", "--store", f"sqlite:///{path}"]) == 0


@pytest.mark.parametrize("url", ["sqlite:///:memory:", "memory://"])
def test_an_import_into_a_store_that_keeps_nothing_is_refused(capsys, url):
    example = Path(__file__).parents[1] / "docs" / "examples" / "township-year.toml"
    assert main(["import", str(example), "--store", url, "--lang", "en"]) == 2
    assert "holds nothing once the command ends" in capsys.readouterr().err


def test_a_store_url_with_a_fragment_is_refused(tmp_path, capsys):
    path = tmp_path / "store.db"
    SQLiteStore(str(path)).close()
    assert main(["verify", "--store", f"sqlite:///{path}#head"]) == 2
    assert "no #fragment" in capsys.readouterr().err
