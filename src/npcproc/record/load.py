"""Reading a record file: TOML or JSON by suffix, strictly, with errors that name file, line and field.

A file over :data:`MAX_BYTES` is refused before it is read; broken UTF-8 is reported with its
byte offset and line; unknown fields, wrong types, numbers out of bounds and a wrong
``format_version`` are reported with the field's path and, as well as it can be found, its line.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import json
import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, get_args, get_origin

import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError, IterableValidationNote
from cattrs.v import format_exception, transform_error

from npcproc.errors import ConversionError, NpcprocError
from npcproc.i18n import Lang
from npcproc.record.model import CongressRecord
from npcproc.serialization import make_converter
from npcproc.text import describe, find_unsafe

__all__ = ["MAX_BYTES", "RecordError", "load_record", "parse_record"]

#: The largest record file read: 32 MiB (a province of 1,134 township years in JSON is about 20 MiB).
MAX_BYTES = 32 * 1024 * 1024

Component = str | int


class RecordError(NpcprocError):
    """A record file cannot be used: ``file``, ``line`` (None when unknown), ``field`` path and what is wrong."""

    def __init__(self, file: str, line: int | None, field: str | None, message: str, *, zh: str | None = None) -> None:
        self.file, self.line, self.field, self.problem, self.problem_zh = file, line, field, message, zh or message
        super().__init__(self.message("en"))

    def message(self, lang: Lang = "en") -> str:
        """``file:line: field: problem``, the framing in Chinese or English."""
        where = self.file + (f":{self.line}" if self.line is not None else "")
        if lang == "zh":
            place = f"{self.file}" + (f" 第{self.line}行" if self.line is not None else "")
            field = f"，字段 {self.field}" if self.field else ""
            return f"{place}{field}：{self.problem_zh}"
        return f"{where}: " + (f"{self.field}: " if self.field else "") + self.problem


def load_record(path: str | Path) -> CongressRecord:
    """Read and check the record file at ``path`` (``.toml`` or ``.json``); raise :class:`RecordError`."""
    path = Path(path)
    name = str(path)
    if path.suffix.lower() not in (".toml", ".json"):
        raise RecordError(name, None, None, "a record file ends in .toml or .json",
                          zh="记录文件须以 .toml 或 .json 结尾")  # fmt: skip
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _too_big(name, size)
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise RecordError(name, None, None, f"cannot read the file: {exc.strerror}",
                          zh=f"无法读取文件：{exc.strerror}") from exc  # fmt: skip
    if len(data) > MAX_BYTES:
        raise _too_big(name, len(data))
    return parse_record(data, name=name, toml=path.suffix.lower() == ".toml")


def _too_big(name: str, size: int) -> RecordError:
    limit = MAX_BYTES // (1024 * 1024)
    return RecordError(name, None, None, f"the file has {size} bytes; records larger than {limit} MiB are refused",
                       zh=f"文件有{size}字节；超过{limit} MiB的记录不予读取")  # fmt: skip


def parse_record(data: bytes, *, name: str, toml: bool) -> CongressRecord:
    """Check ``data``, the bytes of a record file called ``name``, and build the record."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise RecordError(name, line, None, f"not valid UTF-8 at byte {exc.start}",
                          zh=f"第{exc.start}字节处不是有效的UTF-8编码") from exc  # fmt: skip
    text = text.removeprefix("\ufeff")
    tree = _parse_toml(text, name) if toml else _parse_json(text, name)
    unsafe = find_unsafe(tree)
    if unsafe is not None:
        path, character = unsafe
        lines = _toml_lines(text) if toml else _json_lines(text)
        shown = describe(character)
        raise RecordError(name, _line_of(lines, path), _dotted(path) or None,
                          f"holds {shown}: names and ids may hold no control character, other texts only tabs and "
                          "line breaks",
                          zh=f"含有控制字符{shown}：名称和编号不得含控制字符，其他文字只可含制表符和换行")  # fmt: skip
    try:
        return _structure(tree)
    except ConversionError as exc:
        path = _components(exc.path)
        extra = re.match(r"extra fields found \((.+)\)", str(exc).removeprefix(f"{exc.path}: "))
        if extra:
            path = (*path, extra.group(1).split(", ")[0])
        lines = _toml_lines(text) if toml else _json_lines(text)
        field = _dotted(path) or None
        problem = str(exc).removeprefix(f"{exc.path}: ")
        raise RecordError(name, _line_of(lines, path), field, problem, zh=_zh(problem)) from exc


def _zh(problem: str) -> str:
    patterns = [
        (r"extra fields found \((.+)\)", "未知字段（{0}）"),
        (r"expected (int|str|bool), got (.+)", "类型错误：应为{0}，实为{1}"),
        (r"(\w+): must be between 0 and (\d+), got (.+)", "{0}须在0至{1}之间，实为{2}"),
        (r"this npcproc reads version (\d+), got (.+)", "本版本只读取第{0}版格式，实为{1}"),
        (r"required field missing", "缺少必填字段"),
    ]  # fmt: skip
    for pattern, template in patterns:
        found = re.match(pattern, problem)
        if found:
            return template.format(*found.groups())
    return problem


# -- parsing ---------------------------------------------------------------------------------


def _parse_json(text: str, name: str) -> Any:
    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        found = dict(pairs)
        if len(found) != len(pairs):
            seen: set[str] = set()
            twice = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
            raise ValueError(f"duplicate key {twice!r}")
        return found

    def constant(value: str) -> Any:
        raise ValueError(f"{value} is not a number a record may hold")

    try:
        return json.loads(text, object_pairs_hook=no_duplicates, parse_constant=constant)
    except json.JSONDecodeError as exc:
        raise RecordError(name, exc.lineno, None, f"not valid JSON: {exc.msg} (column {exc.colno})",
                          zh=f"不是有效的JSON：{exc.msg}（第{exc.colno}列）") from exc  # fmt: skip
    except RecursionError as exc:
        raise RecordError(name, None, None, "nested too deeply", zh="嵌套层数过多") from exc
    except ValueError as exc:  # a duplicate key, NaN, or an integer past Python's digit limit
        raise RecordError(name, _line_of_problem(text, str(exc)), None, f"not a usable record: {exc}",
                          zh=f"无法使用的记录：{exc}") from exc  # fmt: skip


def _parse_toml(text: str, name: str) -> Any:
    try:
        tree = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        # tomllib names no line for an error at the end of the text: it is on the last line
        end = "(at end of document)" in str(exc)
        line = int(found.group(1)) if found else text.count("\n") + 1 if end else None
        raise RecordError(name, line, None, f"not valid TOML: {exc}", zh=f"不是有效的TOML：{exc}") from exc
    except (RecursionError, ValueError) as exc:
        raise RecordError(name, _line_of_problem(text, str(exc)), None, f"not a usable record: {exc}",
                          zh=f"无法使用的记录：{exc}") from exc  # fmt: skip
    return _iso_dates(tree)


def _line_of_problem(text: str, problem: str) -> int | None:
    """The line of the first over-long integer, or of a duplicated key, when that is what went wrong."""
    if "digit" in problem:
        found = re.search(r"\d{4000,}", text)
    else:
        key = re.search(r"duplicate key '(.+)'", problem)
        found = None
        if key:
            matches = list(re.finditer(re.escape(json.dumps(key.group(1), ensure_ascii=False)) + r"\s*:", text))
            found = matches[1] if len(matches) > 1 else None
    return text.count("\n", 0, found.start()) + 1 if found else None


def _iso_dates(value: Any) -> Any:
    """TOML dates and times as ISO strings, as JSON gives them, so both formats structure alike."""
    if isinstance(value, dict):
        return {key: _iso_dates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_iso_dates(item) for item in value]
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return value


# -- structuring -------------------------------------------------------------------------------


@functools.cache
def _converter(*, detailed: bool) -> cattrs.Converter:
    converter = make_converter(detailed_validation=detailed)

    def strict_tuple(kind: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
        (item,) = [arg for arg in get_args(kind) if arg is not Ellipsis]
        item_hook = converter.get_structure_hook(item)

        def structure(value: Any, _: Any) -> tuple[Any, ...]:
            # cattrs would take the characters of a string for a list of names.
            if not isinstance(value, list):
                raise TypeError(f"expected a list, got {_short(value)}")
            out, errors = [], []
            for index, entry in enumerate(value):
                try:
                    out.append(item_hook(entry, item))
                except Exception as exc:
                    exc.add_note(IterableValidationNote(f"Structuring {kind} @ index {index}", index, item))
                    errors.append(exc)
            if errors:
                raise IterableValidationError(f"While structuring {kind!r}", errors, kind)
            return tuple(out)

        return structure

    converter.register_structure_hook_factory(_is_tuple, strict_tuple)
    return converter


def _short(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _structure(tree: Any) -> CongressRecord:
    if not isinstance(tree, dict):
        raise ConversionError("$", f"expected a table of fields at the top, got {_short(tree)}")
    try:
        return _converter(detailed=False).structure(tree, CongressRecord)
    except Exception as error:  # not swallowed: the detailed pass below explains it, or it is raised again
        quick = error
    try:
        _converter(detailed=True).structure(tree, CongressRecord)
    except (ClassValidationError, IterableValidationError, ForbiddenExtraKeysError) as exc:
        messages = transform_error(exc, path="$", format_exception=_describe)
        why, _, where = messages[0].rpartition(" @ ")
        # attrs validators run inside __init__, so cattrs knows only the class; their messages name the field.
        field = re.match(r"^'([a-z_][a-z0-9_]*)' must|^([a-z_][a-z0-9_]*): ", why)
        if field:
            name = field.group(1) or field.group(2)
            where = f"{where}.{name}"
            why = why.removeprefix(f"{name}: ")
        more = f" (and {len(messages) - 1} more)" if len(messages) > 1 else ""
        raise ConversionError(where, why + more) from exc
    except (TypeError, ValueError) as exc:
        raise ConversionError("$", str(exc)) from exc
    raise quick  # the detailed pass built what the quick one could not: a fault in npcproc, not in the record


def _describe(exc: BaseException, kind: Any) -> str:
    if isinstance(exc, ValueError | TypeError) and not isinstance(exc, cattrs.errors.BaseValidationError):
        return _short_message(str(exc)) or format_exception(exc, kind)
    return format_exception(exc, kind)


def _short_message(text: str) -> str:
    return text if len(text) <= 200 else text[:197] + "..."


# -- where a field is --------------------------------------------------------------------------

_PART = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")\]")


def _components(path: str) -> tuple[Component, ...]:
    import ast

    parts: list[Component] = []
    for name, index, key in _PART.findall(path.removeprefix("$")):
        parts.append(name if name else int(index) if index else str(ast.literal_eval(key)))
    return tuple(parts)


def _dotted(path: tuple[Component, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _line_of(lines: dict[tuple[Component, ...], int], path: tuple[Component, ...]) -> int | None:
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


def _json_lines(text: str) -> dict[tuple[Component, ...], int]:
    """The line of every key and array element of a JSON text that parsed."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    lines: dict[tuple[Component, ...], int] = {}
    space = re.compile(r"[ \t\r\n]*")
    scalar = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null")

    def line(at: int) -> int:
        return bisect.bisect_right(starts, at)

    def value(at: int, path: tuple[Component, ...]) -> int:
        at = space.match(text, at).end()  # type: ignore[union-attr]
        lines.setdefault(path, line(at))
        char = text[at]
        if char == '"':
            return json.decoder.scanstring(text, at + 1)[1]  # type: ignore[attr-defined,no-any-return]
        if char in "[{":
            close, index, at = "]" if char == "[" else "}", 0, at + 1
            while True:
                at = space.match(text, at).end()  # type: ignore[union-attr]
                if text[at] == close:
                    return at + 1
                if char == "[":
                    at = value(at, (*path, index))
                else:
                    key, after = json.decoder.scanstring(text, at + 1)  # type: ignore[attr-defined]
                    lines[(*path, key)] = line(at)
                    at = space.match(text, after).end() + 1  # type: ignore[union-attr]
                    at = value(at, (*path, key))
                index += 1
                at = space.match(text, at).end()  # type: ignore[union-attr]
                if text[at] == ",":
                    at += 1
        return scalar.match(text, at).end()  # type: ignore[union-attr]

    value(0, ())
    return lines


_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-\"'. ]+?)\s*=")


def _toml_key(text: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in text.split("."))


def _toml_lines(text: str) -> dict[tuple[Component, ...], int]:
    """Best effort: the line of each table, array-of-tables entry and key, by scanning the text."""
    lines: dict[tuple[Component, ...], int] = {}
    latest: dict[tuple[str, ...], tuple[Component, ...]] = {(): ()}
    counts: dict[tuple[Component, ...], int] = {}
    table: tuple[Component, ...] = ()
    depth, in_string = 0, False
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.count('"""') % 2:
            in_string = not in_string
            if in_string:
                continue
        if in_string:
            continue
        header = _HEADER.match(raw) if depth == 0 else None
        if header:
            names = _toml_key(header.group(2))
            parent = latest.get(names[:-1], names[:-1])
            if header.group(1) == "[[":
                array = (*parent, names[-1])
                index = counts.get(array, 0)
                counts[array] = index + 1
                lines.setdefault(array, number)
                table = (*array, index)
            else:
                table = (*parent, names[-1])
            latest[names] = table
            lines[table] = number
            continue
        key = _KEY.match(raw) if depth == 0 else None
        if key:
            lines.setdefault((*table, *_toml_key(key.group(1))), number)
        stripped = re.sub(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'|#.*$', "", raw)
        depth = max(0, depth + stripped.count("[") + stripped.count("{") - stripped.count("]") - stripped.count("}"))
    return lines


def _is_tuple(kind: Any) -> bool:
    origin: Any = get_origin(kind)
    return origin is tuple
