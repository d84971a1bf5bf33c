"""Records of congresses' years: load a TOML or JSON record, audit it against the rules, import it.

``load_record(path)`` reads a record file strictly (:mod:`npcproc.record.load`), ``json_schema()``
gives its published JSON Schema, ``audit(record, rules)`` lists every finding with its citation,
and ``import_record`` plays a clean record through the procedures into an event store.
"""

from npcproc.record.load import MAX_BYTES, RecordError, load_record
from npcproc.record.model import FORMAT_VERSION, CongressRecord, CongressYear

__all__ = ["FORMAT_VERSION", "MAX_BYTES", "CongressRecord", "CongressYear", "RecordError", "load_record"]
