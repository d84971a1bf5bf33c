"""The record format's JSON Schema (2020-12), generated from the attrs classes so it cannot drift from them."""

from __future__ import annotations

import datetime
import enum
import types
from collections.abc import Mapping
from fractions import Fraction
from typing import Any, Union, get_args, get_origin, get_type_hints

import attrs

from npcproc.record import model
from npcproc.record.model import FORMAT_VERSION, MAX_COUNT, CongressRecord

__all__ = ["SCHEMA_ID", "json_schema"]

SCHEMA_ID = f"https://npcproc.invalid/schema/record-v{FORMAT_VERSION}.json"
_BOUNDED: dict[Any, int] = {model._count: 0, model._positive: 1}  # validator -> least value


def json_schema() -> dict[str, Any]:
    """The JSON Schema a record file (as JSON, or TOML read as the same tree) must satisfy."""
    defs: dict[str, Any] = {}
    root = _object(CongressRecord, defs)
    root["properties"]["format_version"] = {"const": FORMAT_VERSION, "description": "the record format's version"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "npcproc congress record",
        "description": (CongressRecord.__doc__ or "").strip(),
        **root,
        "$defs": defs,
    }


def _object(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = get_type_hints(cls)
    properties: dict[str, Any] = {}
    required = []
    for field in attrs.fields(cls):
        properties[field.name] = _field(field, hints[field.name], defs)
        if field.default is attrs.NOTHING:
            required.append(field.name)
    out: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        out["required"] = required
    return out


def _field(field: attrs.Attribute[Any], kind: Any, defs: dict[str, Any]) -> dict[str, Any]:
    schema = _type(kind, defs)
    validator: Any = field.validator
    least = _BOUNDED.get(validator)
    if least is not None:
        bounded = {"type": "integer", "minimum": least, "maximum": MAX_COUNT}
        schema = {"anyOf": [bounded, {"type": "null"}]} if "anyOf" in schema else bounded
    elif validator is model._name:
        schema = {**schema, "minLength": 1, "pattern": r"\S"}
    elif validator is model._counts:
        schema = {**schema, "additionalProperties": {"type": "integer", "minimum": 0, "maximum": MAX_COUNT}}
    return schema


def _type(kind: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin, args = get_origin(kind), get_args(kind)
    if origin in (Union, types.UnionType):
        options = [_type(arg, defs) for arg in args if arg is not type(None)]
        nullable = type(None) in args
        return {"anyOf": [*options, {"type": "null"}]} if nullable else {"anyOf": options}
    if origin is tuple:
        return {"type": "array", "items": _type(args[0], defs)}
    if origin is not None and issubclass(origin, Mapping):
        return {"type": "object", "additionalProperties": _type(args[1], defs)}
    if kind is bool:
        return {"type": "boolean"}
    if kind is int:
        return {"type": "integer", "minimum": 0, "maximum": MAX_COUNT}
    if kind is str:
        return {"type": "string"}
    if kind is datetime.date:
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    if kind is Fraction:
        return {"anyOf": [{"type": "integer", "minimum": 1}, {"type": "string", "pattern": r"^\d+(/\d+)?$"}]}
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return {"enum": [member.value for member in kind]}
    if attrs.has(kind):
        name = kind.__name__
        if name not in defs:
            defs[name] = {}  # placeholder against recursion
            described = (kind.__doc__ or name).strip().splitlines()[0]
            defs[name] = {"description": described, **_object(kind, defs)}
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema for {kind!r}")
