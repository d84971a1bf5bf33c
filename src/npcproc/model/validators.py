"""attrs validators shared by the models."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

__all__ = ["non_empty", "positive"]

non_empty: Callable[[Any, attrs.Attribute[Any], Any], None] = attrs.validators.min_len(1)
positive: Callable[[Any, attrs.Attribute[Any], Any], None] = attrs.validators.gt(0)
