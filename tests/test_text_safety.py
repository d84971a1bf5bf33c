"""Control characters (C0, C1, ESC, NUL, bidi overrides) are refused in names and ids where text comes in,
and every text printed to a terminal is escaped."""

from __future__ import annotations

import datetime
import json

import pytest

from npcproc.cli import main
from npcproc.model import Congress, Level
from npcproc.plugins import load_rules
from npcproc.procedures import Congresses
from npcproc.record.load import RecordError, parse_record
from npcproc.store import MemoryStore
from npcproc.testing.backends import Noted
from npcproc.text import UnsafeTextError, find_unsafe, html_safe, terminal_safe

D = datetime.date
ATTACKS = {
    "ESC": "\x1b[2J\x1b[H",
    "NUL": "\x00",
    "C1 CSI": "\x9b31m",
    "RIGHT-TO-LEFT OVERRIDE": "\u202e",
    "FIRST STRONG ISOLATE": "\u2068",
    "DELETE": "\x7f",
}


def township(store, *, name="某镇人民代表大会", congress_id="t"):
    congresses = Congresses(store, load_rules(None))
    congresses.establish(Congress(id=congress_id, name=name, level=Level.TOWNSHIP, division_code="500101001",
                                  population=30_000, deputy_quota=45))  # fmt: skip
    return congresses


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_a_control_character_in_a_name_or_an_id_is_refused_and_nothing_is_recorded(attack):
    store = MemoryStore()
    with pytest.raises(UnsafeTextError, match=r"events\[0\]\.name: holds U\+"):
        township(store, name=f"某镇{ATTACKS[attack]}人民代表大会")
    congresses = township(store)
    congresses.begin_term("t", 1, elections_completed_on=D(2021, 11, 20))
    before = list(store.read_all())
    with pytest.raises(UnsafeTextError, match=r"events\[0\]\.deputy_id: holds U\+"):
        congresses.elect_deputies("t", {f"d1{ATTACKS[attack]}": "张三"}, term=1, on=D(2022, 1, 5))
    with pytest.raises(UnsafeTextError, match=r"events\[0\]\.name: holds U\+"):
        congresses.elect_deputies("t", {"d1": f"张{ATTACKS[attack]}三"}, term=1, on=D(2022, 1, 5))
    assert list(store.read_all()) == before


def test_a_line_break_may_stand_in_free_text_but_not_in_a_name_or_an_id():
    store = MemoryStore()
    store.append("notes", [Noted(n=1, text="第一行\n第二行\t完")], expected_version=0)
    with pytest.raises(UnsafeTextError, match=r"events\[0\]\.text: holds U\+001B"):
        store.append("notes", [Noted(n=2, text="\x1b[31m")], expected_version=1)
    with pytest.raises(UnsafeTextError, match=r"events\[0\]\.name: holds U\+000A"):
        township(store, name="某镇\n伪造的一行")
    with pytest.raises(UnsafeTextError, match=r"^stream: holds U\+001B"):
        store.append("notes\x1b", [Noted(n=3)], expected_version=0)
    with pytest.raises(UnsafeTextError, match=r"^event_ids: holds U\+202E"):
        store.append("notes", [Noted(n=3)], expected_version=1, event_ids=["id\u202e"])
    assert [r.data["n"] for r in store.read_all()] == [1]


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_a_record_with_a_control_character_is_refused_naming_the_field_and_line(attack):
    escaped = json.dumps(f"某镇{ATTACKS[attack]}")  # TOML reads JSON's \\uXXXX escapes too
    text = f'version = 1\n\n[[congresses]]\nid = "t"\nname = {escaped}\n'.encode()
    with pytest.raises(RecordError) as refused:
        parse_record(text, name="bad.toml", toml=True)
    assert refused.value.field == "congresses[0].name"
    assert refused.value.line == 5
    assert "holds U+" in str(refused.value)


def test_find_unsafe_names_the_path_and_the_character():
    assert find_unsafe({"a": [{"note": "line\nbreak"}, {"deputy_ids": ["d1", "d\t2"]}]}) == (
        ("a", 1, "deputy_ids", 1), "\t",
    )  # fmt: skip
    assert find_unsafe({"subject": "第一行\n第二行"}) is None
    assert find_unsafe({"x": "\u202e"}) == (("x",), "\u202e")


def test_terminal_safe_shows_control_characters_as_escapes():
    assert terminal_safe("ok\n\tnext") == "ok\n\tnext"
    assert terminal_safe("\x1b[2Jred\r\x00\x9b\u202eevil") == "\\x1b[2Jred\\r\\x00\\x9b\\u202eevil"


def test_the_cli_prints_no_control_character_it_was_given(tmp_path, capsys):
    url = f"sqlite:///{tmp_path}/x\x1b[2J\u202e.db"
    assert main(["verify", "--store", url]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert "\u202e" not in err
    assert "\\x1b[2J\\u202e.db" in err


def test_rich_markup_in_a_name_is_printed_as_written(tmp_path, capsys):
    path = tmp_path / "[bold]x[red].json"
    path.write_text("{", encoding="utf-8")
    assert main(["check", str(path)]) == 2
    assert "[bold]x[red].json" in capsys.readouterr().err


def test_html_safe_escapes_markup_and_shows_control_characters():
    assert html_safe('\x1b[2J<script>"a" & \u202e') == "\\x1b[2J&lt;script&gt;&quot;a&quot; &amp; \\u202e"
