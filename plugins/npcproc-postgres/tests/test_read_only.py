"""Read-only verbs never write to PostgreSQL: a mistyped schema is not created, a store opened read-only refuses
writes, and an unreachable server is one line without the password (issue 19, the PostgreSQL part)."""

from __future__ import annotations

import psycopg
import pytest
from npcproc_postgres.store import PostgresStore, ReadOnlyStoreError, SchemaError

from npcproc.cli import main
from npcproc.testing.backends import noted


def schema_exists(server_url: str, name: str) -> bool:
    with psycopg.connect(server_url, autocommit=True) as conn:
        return conn.execute("SELECT count(*) FROM pg_namespace WHERE nspname = %s", (name,)).fetchone() == (1,)


@pytest.mark.parametrize("verb", [["verify"], ["export"], ["verify", "--head"]])
def test_a_read_verb_with_a_mistyped_schema_creates_nothing(server_url, capsys, verb):
    assert not schema_exists(server_url, "no_such_store")
    assert main([*verb, "--store", f"{server_url}?schema=no_such_store"]) == 2
    assert "holds no npcproc store" in capsys.readouterr().err
    assert not schema_exists(server_url, "no_such_store")


def test_a_read_only_store_reads_and_never_writes(fresh_url):
    url = fresh_url()
    store = PostgresStore.from_url(url)
    store.append("s", noted(1, 2), expected_version=0)
    store.close()
    reader = PostgresStore.from_url(f"{url}&mode=ro")
    try:
        assert reader.verify().ok
        assert reader.head().position == 2
        with pytest.raises(ReadOnlyStoreError, match="nothing was written"):
            reader.append("s", noted(3), expected_version=2)
    finally:
        reader.close()
    with pytest.raises(SchemaError, match="holds no npcproc store"):
        PostgresStore.from_url(f"{fresh_url()}&mode=ro")


def test_an_unreachable_server_is_one_line_without_the_password(capsys):
    url = "postgresql://clerk:s3cret@127.0.0.1:1/npc?connect_timeout=2"
    assert main(["verify", "--store", url]) == 2
    error = capsys.readouterr().err
    assert error.strip().startswith("npcproc: error: cannot connect to the PostgreSQL server")
    assert "Traceback" not in error
    assert "s3cret" not in error


def test_a_store_url_with_a_fragment_is_refused():
    from npcproc_postgres.store import parse_url

    with pytest.raises(ValueError, match="no #fragment"):
        parse_url("postgresql://clerk:s3cret@127.0.0.1/npc?schema=x#head")
