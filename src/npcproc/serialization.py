"""All (de)serialization: ``make_converter()`` and the event envelope's data.

Dates and datetimes are ISO 8601 strings, enums their values, fractions ``"2/3"``;
unknown keys are refused. Bad input raises :class:`~npcproc.errors.ConversionError`
whose ``path`` leads to the first bad field.
"""

from __future__ import annotations

import datetime
import enum
import functools
import re
import typing
from collections.abc import Callable, Iterable
from fractions import Fraction
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError
from cattrs.v import format_exception, transform_error

from npcproc.errors import ConversionError
from npcproc.events import EVENT_TYPES, type_name

T = TypeVar("T")
#: A reason's value (``npcproc.rules.decision.ReasonValue``), spelled here so that serialization, and the store
#: that uses it, do not import the rules; the same union compares equal, so its hooks are the ones cattrs finds.
_REASON_VALUE = int | Fraction | str


def make_converter(*, detailed_validation: bool = True) -> cattrs.Converter:
    """A converter for every npcproc model and event, with ISO dates and strict keys.

    ``detailed_validation=False`` structures the same values faster but cannot say where
    bad input went wrong; :func:`structure` uses it first and retries with details on failure.
    """
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed_validation)
    converter.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    converter.register_structure_hook(datetime.date, _date)
    converter.register_unstructure_hook(datetime.datetime, datetime.datetime.isoformat)
    converter.register_structure_hook(datetime.datetime, _datetime)
    for kind in (int, str, bool):
        converter.register_structure_hook(kind, _exact)
    converter.register_unstructure_hook(Fraction, str)
    converter.register_structure_hook(Fraction, lambda value, _: _fraction(value))
    converter.register_structure_hook_factory(_is_enum, _enum_by_value)
    # A reason's values mix counts, names and fractions: fractions are tagged to stay exact.
    converter.register_unstructure_hook(_REASON_VALUE, _unstructure_reason_value)
    converter.register_structure_hook(_REASON_VALUE, lambda value, _: _structure_reason_value(value))
    return converter


def _date(value: Any, _kind: type) -> datetime.date:
    if type(value) is not str:
        raise TypeError(f"expected an ISO 8601 date, got {value!r}")
    return datetime.date.fromisoformat(value)


def _datetime(value: Any, _kind: type) -> datetime.datetime:
    if type(value) is not str:
        raise TypeError(f"expected an ISO 8601 date and time, got {value!r}")
    return datetime.datetime.fromisoformat(value)


def _exact(value: Any, kind: type[T]) -> T:
    # cattrs would coerce ("5" -> 5, 5.7 -> 5, 5 -> "5"); a record must say what it means.
    if type(value) is not kind:
        raise TypeError(f"expected {kind.__name__}, got {value!r}")
    return value


def _is_enum(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, enum.Enum)


def _enum_by_value(kind: type[enum.Enum]) -> Callable[[Any, type], enum.Enum]:
    # A dict lookup where cattrs would call the enum class; replay structures an enum per field.
    members = kind._value2member_map_

    def structure(value: Any, _kind: type) -> enum.Enum:
        try:
            return members[value]
        except (KeyError, TypeError):
            return kind(value)  # raises the ValueError that names the bad value

    return structure


def _unstructure_reason_value(value: _REASON_VALUE) -> Any:
    return {"fraction": str(value)} if isinstance(value, Fraction) else value


def _structure_reason_value(value: Any) -> _REASON_VALUE:
    if isinstance(value, dict) and set(value) == {"fraction"}:
        return _fraction(value["fraction"])
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(f"expected a count, a name or {{'fraction': 'n/d'}}, got {value!r}")
    return value


def _fraction(value: Any) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(f"expected a fraction like '2/3', got {value!r}")
    return Fraction(value)


@functools.cache
def converter(*, detailed_validation: bool = True) -> cattrs.Converter:
    """The shared converter (made on first use)."""
    return make_converter(detailed_validation=detailed_validation)


def unstructure(value: object) -> Any:
    """Plain JSON-ready data for a model or event."""
    return converter().unstructure(value)


def structure(data: Any, cls: type[T], *, path: str = "$") -> T:
    """Build ``cls`` from plain data, or raise ConversionError naming the bad field."""
    try:
        return converter(detailed_validation=False).structure(data, cls)
    except Exception as error:  # not swallowed: the detailed pass below explains it, or it is raised again
        quick = error
    try:
        converter().structure(data, cls)
    except (ClassValidationError, IterableValidationError, ForbiddenExtraKeysError) as exc:
        messages = transform_error(exc, path=path, format_exception=_describe)
        why, _, where = messages[0].rpartition(" @ ")
        # attrs validators run inside __init__, so cattrs only knows the class; their
        # messages start with the field's name, which completes the path.
        field = _FIELD_IN_MESSAGE.match(why)
        if field:
            where = f"{where}.{field.group(1)}"
        more = f" (and {len(messages) - 1} more)" if len(messages) > 1 else ""
        raise ConversionError(where, why + more) from exc
    except (TypeError, ValueError) as exc:
        raise ConversionError(path, str(exc)) from exc
    raise quick  # the detailed pass built what the quick one could not: a fault in npcproc, not in the data


_FIELD_IN_MESSAGE = re.compile(r"^'?([a-z_][a-z0-9_]*)'?(?::| must)")


def _describe(exc: BaseException, type_: Any) -> str:
    if isinstance(exc, ValueError | TypeError) and not isinstance(exc, cattrs.errors.BaseValidationError):
        return str(exc) or format_exception(exc, type_)
    return format_exception(exc, type_)


def event_to_data(event: object) -> tuple[str, dict[str, Any]]:
    """The envelope's ``type`` and ``data`` for an event."""
    (name,), (data,) = events_to_data((event,))
    return name, data


def events_to_data(events: Iterable[object]) -> tuple[list[str], list[dict[str, Any]]]:
    """The envelopes' ``type`` and ``data`` for many events: two lists, in the events' order."""
    types, datas = [], []
    for event in events:
        kind = type(event)
        found = _TO_DATA.get(kind)
        if found is None:
            found = _TO_DATA[kind] = (type_name(event), converter().get_unstructure_hook(kind))
        types.append(found[0])
        datas.append(found[1](event))
    return types, datas


#: event class -> its type name and cattrs' unstructure function (looked up once per class, not per event).
_TO_DATA: dict[type[Any], tuple[str, Callable[[Any], Any]]] = {}


def event_from_data(type_: str, data: Any) -> object:
    """The event recorded as ``type_`` with ``data``."""
    found = _FAST.get(type_)
    if found is None:
        cls = EVENT_TYPES.get(type_)
        if cls is None:
            raise ConversionError("type", f"unknown event type {type_!r}; known: {', '.join(sorted(EVENT_TYPES))}")
        found = _FAST[type_] = (_compile_fast_structure(cls), cls)
    fast, cls = found
    if fast is None:
        return structure(data, cls, path="data")
    try:
        event = fast(data)
    except Exception as error:  # not swallowed: structure() explains it below, or it is raised again
        fault = error
    else:
        return structure(data, cls, path="data") if event is _NOT_EXACT else event
    # Exactly typed but not valid (a date that does not exist, a validator's refusal): structure() meets the
    # same fault and raises the ConversionError that names the field. Should it build the event, the fast
    # path is at fault, and its error is raised.
    structure(data, cls, path="data")
    raise fault


#: What a fast structure function returns for data that is not exactly typed: :func:`structure` decides then.
_NOT_EXACT: Any = object()
#: event type name -> a function building its event from exactly typed data (or None), and its class.
_FAST: dict[str, tuple[Callable[[Any], object] | None, type[Any]]] = {}
#: field type -> (the exact type of its JSON value, how to build the field from it; "" when the value is kept).
_SIMPLE: dict[Any, tuple[str, str]] = {
    str: ("str", ""),
    int: ("int", ""),
    bool: ("bool", ""),
    datetime.date: ("str", "_date_from"),
    datetime.datetime: ("str", "_datetime_from"),
}


def _enum_wire(kind: Any) -> str | None:
    """The one JSON type (str or int) of an enum's values, or None when it has another or several."""
    if not _is_enum(kind):
        return None
    wires = {type(member.value) for member in kind}
    return next(iter(wires)).__name__ if len(wires) == 1 and wires <= {str, int} else None


def _fast_field(kind: Any, value: str, members: str, namespace: dict[str, Any]) -> tuple[str, str] | None:
    """(a check true when ``value`` is not exactly typed, the expression building the field) or None."""
    if kind in _SIMPLE:
        wire, build = _SIMPLE[kind]
        return f"type({value}) is not {wire}", f"{build}({value})" if build else value
    if _enum_wire(kind) is not None:
        namespace[members] = kind._value2member_map_
        return f"type({value}) is not {_enum_wire(kind)} or {value} not in {members}", f"{members}[{value}]"
    origin, arguments = typing.get_origin(kind), typing.get_args(kind)
    if origin is tuple and arguments == (str, ...):
        return f"type({value}) is not list or any(type(x) is not str for x in {value})", f"tuple({value})"
    if origin is dict and len(arguments) == 2 and arguments[0] is str and _enum_wire(arguments[1]) is not None:
        namespace[members] = arguments[1]._value2member_map_
        item_wire = _enum_wire(arguments[1])
        check = (f"type({value}) is not dict or any(type(k) is not str or type(x) is not {item_wire}"
                 f" or x not in {members} for k, x in {value}.items())")  # fmt: skip
        return check, f"{{k: {members}[x] for k, x in {value}.items()}}"
    return None


def _compile_fast_structure(cls: type[Any]) -> Callable[[Any], object] | None:
    """A structure function for an event whose fields are all plain values; else None.

    Plain: str, int, bool, date, datetime, an enum, a tuple of str, or a dict of str to an
    enum. Replay structures every stored event, and cattrs calls a hook per field; this
    reads the fields in one generated function. It accepts only data in which every field is
    present with exactly its JSON type and no key is extra, so cattrs would build the same
    value from it; for anything else it returns ``_NOT_EXACT`` and :func:`event_from_data`
    falls back to :func:`structure`. ``benchmarks/bench_generated.py`` measures the gain.
    """
    fields = attrs.fields(cls)
    namespace: dict[str, Any] = {
        "cls": cls,
        "_NOT_EXACT": _NOT_EXACT,
        "_KEYS": frozenset(field.name for field in fields),
        "_date_from": datetime.date.fromisoformat,
        "_datetime_from": datetime.datetime.fromisoformat,
    }
    reads, checks, arguments = [], [], []
    for index, field in enumerate(fields):
        plan = _fast_field(field.type, f"v{index}", f"m{index}", namespace) if field.init else None
        if plan is None:
            return None
        check, build = plan
        reads.append(f"v{index} = o[{field.name!r}]")
        checks.append(check)
        arguments.append(f"{field.alias}={build}")
    if not fields:
        return None
    source = (
        "def structure_fast(o):\n"
        "    if type(o) is not dict or o.keys() != _KEYS:\n"
        "        return _NOT_EXACT\n"
        f"    {'; '.join(reads)}\n"
        f"    if {' or '.join(checks)}:\n"
        "        return _NOT_EXACT\n"
        f"    return cls({', '.join(arguments)})\n"
    )
    exec(compile(source, f"<npcproc fast structure {cls.__qualname__}>", "exec"), namespace)
    function: Callable[[Any], object] = namespace["structure_fast"]
    return function
