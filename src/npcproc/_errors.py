"""The root of npcproc's exceptions and the error of the law-text lookup, below :mod:`npcproc.errors`.

:mod:`npcproc.errors` names :class:`~npcproc.rules.Decision` and :class:`~npcproc.rules.Citation`
(a refusal carries its decision), and the decision's citations look up law texts
(:mod:`npcproc.rules.laws`), which raise :class:`UnknownCitationError`, and render messages
(:mod:`npcproc.i18n`), which raise :class:`UnknownMessageError`; so those errors and their root live
here, below all three, and :mod:`npcproc.errors` re-exports them. Import them from there.
"""

from __future__ import annotations

__all__ = ["NpcprocError", "UnknownCitationError", "UnknownMessageError"]


class NpcprocError(Exception):
    """Root of every error npcproc raises on purpose."""

    __module__ = "npcproc.errors"


class UnknownCitationError(NpcprocError, LookupError):
    """A citation names a law, article, paragraph or item that the shipped law data lacks."""

    __module__ = "npcproc.errors"


class UnknownMessageError(NpcprocError, LookupError):
    """An explanation names a message code that no plugin registers (``npcproc_register_messages``)."""

    __module__ = "npcproc.errors"

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(
            f"unknown message code {code!r}: no plugin registers it. A plugin registers its codes with "
            "npcproc_register_messages; is the plugin that defines it installed (or loaded)?"
        )
