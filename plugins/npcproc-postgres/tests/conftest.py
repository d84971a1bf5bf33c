"""A PostgreSQL server for the tests (started if it is down), and a fresh schema for every store."""

from __future__ import annotations

import os
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator

import psycopg
import pytest
from hypothesis import settings
from psycopg import sql

# Timing varies on shared CI machines and every step is a round trip; correctness does not depend on it.
settings.register_profile("npcproc-postgres", deadline=None, print_blob=True)
settings.load_profile("npcproc-postgres")

ADDRESS = "127.0.0.1:5432"
DATABASE = "test"
USERS = ("postgres", "root")
START = "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"


def _reachable() -> str | None:
    """The URL of database ``test`` for the first user that can connect (creating the database if need be)."""
    for user in USERS:
        url = f"postgresql://{user}@{ADDRESS}/{DATABASE}"
        try:
            psycopg.connect(url, connect_timeout=3).close()
            return url
        except psycopg.OperationalError as error:
            if f'database "{DATABASE}" does not exist' not in str(error):
                continue
        with psycopg.connect(f"postgresql://{user}@{ADDRESS}/postgres", autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE)))
        return url
    return None


@pytest.fixture(scope="session")
def server_url() -> str:
    """``postgresql://USER@127.0.0.1:5432/test``; skips (fails under CI) when no server can be reached."""
    url = _reachable()
    if url is None:
        subprocess.run(START, shell=True, capture_output=True, check=False)
        deadline = time.monotonic() + 30
        while url is None and time.monotonic() < deadline:
            time.sleep(0.5)
            url = _reachable()
    if url is None:
        message = (
            f"PostgreSQL is not reachable on {ADDRESS} (database {DATABASE}, user {' or '.join(USERS)}, "
            f"trust auth) and `{START}` did not bring it up"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return url


@pytest.fixture
def fresh_url(server_url: str) -> Iterator[Callable[[], str]]:
    """Make URLs of new, uniquely named schemas; every one is dropped after the test."""
    made: list[str] = []

    def make() -> str:
        made.append(f"npcproc_test_{uuid.uuid4().hex[:12]}")
        return f"{server_url}?schema={made[-1]}"

    yield make
    with psycopg.connect(server_url, autocommit=True) as conn:
        for schema in made:
            conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))


@pytest.fixture
def connect(server_url: str) -> Callable[[str], psycopg.Connection[tuple[object, ...]]]:
    """Open a plain connection into a schema, for tests that play an attacker or an older version."""

    def open_(schema: str) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(server_url, options=f"-c search_path={schema}")

    return open_
