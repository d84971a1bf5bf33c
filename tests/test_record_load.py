"""Hostile and malformed record files: exit status 2, and a message naming file, line and field."""

from __future__ import annotations

import json

import jsonschema
import pytest

from npcproc.record.load import MAX_BYTES, RecordError, load_record
from npcproc.record.schema import json_schema
from test_record_support import CLEAN, FAULTY, clean_tree, cli, write_fifty_megabytes, write_variant

POPULATION, PRESENT = '"population"', '"present": "d01"'


def check_fails(capsys, path, *extra):
    code, out, err = cli(capsys, "check", str(path), "--lang", "en", *extra)
    assert code == 2, (out, err)
    assert "Traceback" not in err
    assert err.startswith("npcproc: error: ")
    return err


def line_of(path, text):
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_wrong_type_in_json_names_file_line_and_field(capsys, tmp_path):
    path = write_variant(tmp_path, lambda t: t["congresses"][0].update(population="30000"))
    err = check_fails(capsys, path)
    assert f"{path}:{line_of(path, POPULATION)}: congresses[0].population: expected int" in err


def test_a_string_for_a_list_is_refused_not_split_into_characters(capsys, tmp_path):
    path = write_variant(tmp_path, lambda t: t["congresses"][0]["sessions"][1].update(present="d01"))
    err = check_fails(capsys, path)
    assert "congresses[0].sessions[1].present: expected a list" in err
    assert f":{line_of(path, PRESENT)}:" in err


def test_unknown_field_in_toml_names_its_line(capsys, tmp_path):
    text = CLEAN.read_text(encoding="utf-8").replace('id = "2022-2"', 'id = "2022-2"\ncolour = "red"')
    path = tmp_path / "year.toml"
    path.write_text(text, encoding="utf-8")
    err = check_fails(capsys, path)
    assert f"{path}:{line_of(path, 'colour')}: congresses[0].sessions[1].colour: extra fields found (colour)" in err


def test_wrong_type_deep_in_toml_names_the_table_line(capsys, tmp_path):
    text = CLEAN.read_text(encoding="utf-8").replace("ballots_issued = 57", 'ballots_issued = "57"')
    path = tmp_path / "year.toml"
    path.write_text(text, encoding="utf-8")
    err = check_fails(capsys, path)
    field = "congresses[0].sessions[0].elections[0].rounds[0].ballots_issued"
    assert f"{path}:{line_of(path, 'ballots_issued')}: {field}: expected int" in err


@pytest.mark.parametrize("number", [10**30, -1, MAX_BYTES * 1000])
def test_numbers_out_of_bounds_are_refused(capsys, tmp_path, number):
    path = write_variant(tmp_path, lambda t: t["congresses"][0].update(population=number))
    err = check_fails(capsys, path)
    assert "congresses[0].population: must be" in err
    assert len(err) < 400  # a huge number is not echoed in full


def test_an_integer_past_the_digit_limit_is_refused_with_its_line(capsys, tmp_path):
    text = json.dumps(clean_tree(), indent=1).replace('"population": 30000', '"population": ' + "9" * 5000)
    path = tmp_path / "huge.json"
    path.write_text(text, encoding="utf-8")
    err = check_fails(capsys, path)
    assert f"{path}:{line_of(path, POPULATION)}:" in err


def test_broken_utf8_gives_the_byte_offset_and_line(capsys, tmp_path):
    data = FAULTY.read_bytes()
    at = data.index(b"\n", data.index(b"\n") + 1) + 5  # on line 3
    path = tmp_path / "broken.json"
    path.write_bytes(data[:at] + b"\xff\xfe" + data[at:])
    err = check_fails(capsys, path)
    assert f"{path}:3: not valid UTF-8 at byte {at}" in err


def test_a_50_mb_file_is_refused_before_it_is_read(capsys, tmp_path):
    path = tmp_path / "big.json"
    write_fifty_megabytes(path)
    err = check_fails(capsys, path)
    assert "records larger than 32 MiB are refused" in err


@pytest.mark.parametrize("example", [CLEAN, FAULTY])
def test_truncated_files_name_the_line(capsys, tmp_path, example):
    text = example.read_text(encoding="utf-8")
    path = tmp_path / f"cut{example.suffix}"
    path.write_text(text[: len(text) // 2] + ("\n[[" if example.suffix == ".toml" else ""), encoding="utf-8")
    err = check_fails(capsys, path)
    assert f"not valid {'TOML' if example.suffix == '.toml' else 'JSON'}" in err
    assert f"{path}:" in err
    assert err.split(f"{path}:")[1].split(":")[0].isdigit()


def test_wrong_format_version(capsys, tmp_path):
    path = write_variant(tmp_path, lambda t: t.update(format_version=2))
    err = check_fails(capsys, path)
    assert f"{path}:{line_of(path, 'format_version')}: format_version: this npcproc reads version 1, got 2" in err


def test_duplicate_keys_and_nan_are_refused(capsys, tmp_path):
    path = tmp_path / "dup.json"
    path.write_text('{"format_version": 1,\n "congresses": [],\n "congresses": []}', encoding="utf-8")
    assert "duplicate key 'congresses'" in check_fails(capsys, path)
    path.write_text('{"format_version": NaN, "congresses": []}', encoding="utf-8")
    assert "NaN" in check_fails(capsys, path)


def test_deep_nesting_and_a_top_level_list_are_refused(capsys, tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    check_fails(capsys, path)
    path.write_text("[1, 2]", encoding="utf-8")
    assert "expected a table of fields" in check_fails(capsys, path)


def test_unknown_suffix_and_missing_file(capsys, tmp_path):
    assert "ends in .toml or .json" in check_fails(capsys, tmp_path / "year.yaml")
    assert "cannot read the file" in check_fails(capsys, tmp_path / "absent.json")


def test_messages_in_chinese(capsys, tmp_path):
    path = write_variant(tmp_path, lambda t: t["congresses"][0].update(population="30000"))
    code, _out, err = cli(capsys, "check", str(path), "--lang", "zh")
    assert code == 2
    assert f"第{line_of(path, POPULATION)}行，字段 congresses[0].population：类型错误" in err


def test_debug_shows_the_traceback(tmp_path):
    import os
    import subprocess
    import sys

    path = write_variant(tmp_path, lambda t: t.update(format_version=2))
    env = {**os.environ, "NPCPROC_DISABLE_PLUGIN_AUTOLOAD": "1"}
    result = subprocess.run([sys.executable, "-m", "npcproc", "check", str(path), "--debug"],
                            capture_output=True, text=True, env=env, check=False)  # fmt: skip
    assert result.returncode != 0
    assert "Traceback" in result.stderr


def test_load_record_raises_record_error_with_its_parts(tmp_path):
    path = write_variant(tmp_path, lambda t: t["congresses"][0]["deputies"][3].update(elected_on="2022-13-01"))
    with pytest.raises(RecordError) as caught:
        load_record(path)
    assert caught.value.file == str(path)
    assert caught.value.field == "congresses[0].deputies[3].elected_on"
    assert caught.value.line == line_of(path, "2022-13-01")


# -- the schema -------------------------------------------------------------------------------------

VALIDATOR = jsonschema.Draft202012Validator(json_schema(), format_checker=jsonschema.FormatChecker())


def test_the_schema_is_valid_and_accepts_both_examples():
    jsonschema.Draft202012Validator.check_schema(json_schema())
    assert not list(VALIDATOR.iter_errors(clean_tree()))
    assert not list(VALIDATOR.iter_errors(json.loads(FAULTY.read_text(encoding="utf-8"))))


@pytest.mark.parametrize(
    "change",
    [
        lambda t: t["congresses"][0].update(population="30000"),
        lambda t: t["congresses"][0]["sessions"][0].update(colour="red"),
        lambda t: t["congresses"][0].update(population=10**30),
        lambda t: t.update(format_version=2),
        lambda t: t["congresses"][0]["sessions"][1].update(present="d01"),
        lambda t: t["congresses"][0]["sessions"][0]["agenda"][0].update(kind="speech"),
        lambda t: t["congresses"][0]["deputies"][0].update(name=""),
    ],
    ids=["wrong type", "unknown field", "huge number", "format version", "string for list", "bad enum", "empty"],
)
def test_the_schema_refuses_what_load_record_refuses(tmp_path, change):
    path = write_variant(tmp_path, change)
    with pytest.raises(RecordError):
        load_record(path)
    assert list(VALIDATOR.iter_errors(json.loads(path.read_text(encoding="utf-8"))))


def test_npcproc_schema_prints_the_schema(capsys):
    code, out, _err = cli(capsys, "schema")
    assert code == 0
    assert json.loads(out) == json_schema()
