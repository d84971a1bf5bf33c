"""Provinces, as plugins declare them and callers choose them."""

from __future__ import annotations

import attrs

__all__ = ["Province"]


@attrs.frozen(kw_only=True)
class Province:
    """A province-level jurisdiction whose regulations a plugin encodes.

    ``code`` is the GB/T 2260 six-digit code (``"330000"``); ``key`` the law key the
    plugin's citations use (``"ZJ"``).
    """

    code: str = attrs.field(validator=attrs.validators.matches_re(r"^\d{2}0000$"))
    name_zh: str
    name_en: str
    key: str

    def matches(self, query: str) -> bool:
        """True when ``query`` is this province's code, key, or Chinese or English name."""
        wanted = query.strip().casefold()
        short_zh = self.name_zh.removesuffix("省").removesuffix("市").removesuffix("自治区")
        names = (self.code, self.key, self.name_zh, short_zh, self.name_en)
        return wanted in {name.casefold() for name in names}

    def __str__(self) -> str:
        return f"{self.name_en} {self.name_zh} ({self.code})"
