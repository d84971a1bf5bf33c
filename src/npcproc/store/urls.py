"""Store URLs in messages: a password never leaves the process in an error, a log line or a plugin trace."""

from __future__ import annotations

import re

__all__ = ["mask_secrets"]

_USERINFO = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.-]*://[^/@\s:]*:)[^@/\s]*@")
_QUERY = re.compile(r"(?P<head>[?&]password=)[^&#\s'\"]*", re.IGNORECASE)


def mask_secrets(text: str) -> str:
    """``text`` with every password in a URL's user info (``user:secret@``) or query (``password=``) as ``***``."""
    return _QUERY.sub(r"\g<head>***", _USERINFO.sub(r"\g<head>***@", text))
