"""Decision, Reason, Citation: how every rule evaluation explains itself."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from fractions import Fraction

import attrs

from npcproc import i18n
from npcproc.i18n import Lang
from npcproc.rules import laws
from npcproc.rules.quotes import QUOTES

__all__ = ["PRACTICE_KEYS", "Binding", "Citation", "Decision", "Number", "Reason", "ReasonValue", "Severity"]

Number = int | Fraction
ReasonValue = int | Fraction | str
_CITATION = re.compile(
    r"^(?P<law>[A-Z]+(?:-[A-Z]+)?) (?P<article>\d+)(?: ¶(?P<paragraph>\d+))?(?: \((?P<item>\d+)\))?$"
)
_SEED = re.compile(r"^practice \(seed (?P<seed>\d+)\)$")
#: Sources that are not law, never looked up in the law texts: ``SEED`` (the article is the number of a
#: seed report on township practice, ``SEED 3`` = seed 003) and ``PRACTICE`` (practice no text states).
PRACTICE_KEYS = frozenset({"SEED", "PRACTICE"})


class Binding(enum.Enum):
    """How strongly the text binds: 应当/不得 (shall), 一般 (normally), 可以 (may)."""

    SHALL = "shall"
    NORMALLY = "normally"  # advice: a departure is a notice, never a violation
    MAY = "may"  # a permission: it widens what is lawful and is never broken


class Severity(enum.Enum):
    """What an audit finding means: a rule broken, a "normally" not followed, or a relaxation relied on."""

    VIOLATION = "violation"
    NOTICE = "notice"
    RELAXATION = "relaxation"


@attrs.frozen(kw_only=True, order=True)
class Citation:
    """A place in the law: ``Citation(law="OL", article=14, paragraph=4)`` is 组织法 Art. 14 ¶4.

    ``item`` is the numbered item (项) inside the paragraph, as in ``OL 12 ¶1 (3)``.
    A rule from practice rather than statute cites :meth:`practice` (a seed report, or practice at large).
    """

    law: str
    article: int
    paragraph: int | None = None
    item: int | None = None

    @classmethod
    def practice(cls, seed: int | None = None) -> Citation:
        """A practice source: seed report ``seed`` (``practice (seed 003)``), or practice no text states."""
        return cls(law="PRACTICE", article=0) if seed is None else cls(law="SEED", article=seed)

    @property
    def is_practice(self) -> bool:
        """True for a practice source, which has no law text."""
        return self.law in PRACTICE_KEYS

    @property
    def quote(self) -> str | None:
        """The short words of the law this citation relies on, as the shipped text has them (``rules/quotes.py``)."""
        return QUOTES.get(str(self))

    @classmethod
    def parse(cls, text: str) -> Citation:
        """Read the form ``str()`` writes: ``"OL 14"``, ``"OL 14 ¶4"``, ``"OL 12 ¶1 (3)"``, ``"practice"``."""
        if text.strip() == "practice":
            return cls.practice()
        seed = _SEED.match(text.strip())
        if seed is not None:
            return cls.practice(int(seed.group("seed")))
        match = _CITATION.match(text.strip())
        if match is None:
            raise ValueError(f"not a citation: {text!r} (expected e.g. 'OL 14 ¶4')")
        parts = match.groupdict()
        return cls(
            law=parts["law"],
            article=int(parts["article"]),
            paragraph=int(parts["paragraph"]) if parts["paragraph"] else None,
            item=int(parts["item"]) if parts["item"] else None,
        )

    def text(self) -> str:
        """The cited clause, in Chinese, from the shipped law data; a practice source, never looked up, names itself."""
        if self.is_practice:
            return self.label("zh")
        return laws.clause_text(self.law, self.article, self.paragraph, self.item)

    def label(self, lang: Lang = "en") -> str:
        """``OL 14 ¶4`` in English; ``组织法…第14条第4款`` style in Chinese."""
        if lang == "en":
            return str(self)
        if self.law == "SEED":
            return f"实践做法（调研材料{self.article:03d}）"
        if self.law == "PRACTICE":
            return "实践做法"
        parts = f"《{laws.law_title(self.law)}》第{self.article}条"
        if self.paragraph is not None:
            parts += f"第{self.paragraph}款"
        if self.item is not None:
            parts += f"第{self.item}项"
        return parts

    def __str__(self) -> str:
        if self.law == "SEED":
            return f"practice (seed {self.article:03d})"
        if self.law == "PRACTICE":
            return "practice"
        out = f"{self.law} {self.article}"
        if self.paragraph is not None:
            out += f" ¶{self.paragraph}"
        if self.item is not None:
            out += f" ({self.item})"
        return out


_NOTICE = {"zh": " [提示：该规定为“一般”，不是强制要求]", "en": ' [notice: the rule says "normally", not "shall"]'}


@attrs.frozen(kw_only=True)
class Reason:
    """One ground of a decision: whether it held, the numbers involved, and the law behind it.

    ``code`` selects the message template in :mod:`npcproc.i18n`; ``values`` fills it.
    ``relaxation`` is set when a provincial relaxation of the national floor decided this reason.
    ``binding`` is the force of the rule: a reason of a "normally" (一般) rule that does not hold
    is a notice, and the decision still holds.
    """

    ok: bool
    code: str
    citation: Citation
    values: Mapping[str, ReasonValue] = attrs.field(factory=dict, hash=False)
    relaxation: Citation | None = None
    binding: Binding = Binding.SHALL

    @property
    def severity(self) -> Severity | None:
        """VIOLATION or NOTICE for a reason that does not hold, RELAXATION for one a relaxation decided."""
        if not self.ok:
            return Severity.VIOLATION if self.binding is Binding.SHALL else Severity.NOTICE
        return Severity.RELAXATION if self.relaxation is not None else None

    @property
    def breaks(self) -> bool:
        """True when this reason makes its decision fail: a "shall" rule that does not hold."""
        return not self.ok and self.binding is Binding.SHALL

    def message(self, lang: Lang = "en") -> str:
        """The explanation in Chinese or English, with the citation."""
        text = f"{i18n.render(self.code, self.ok, self.values, lang)} ({self.citation.label(lang)})"
        if self.relaxation is not None:
            note = "依地方性法规放宽" if lang == "zh" else "provincial relaxation"
            text += f" [{note}: {self.relaxation.label(lang)}]"
        if self.severity is Severity.NOTICE:
            text += _NOTICE[lang]
        return text

    @property
    def messages(self) -> dict[str, str]:
        """Both languages at once: ``{"zh": ..., "en": ...}``."""
        return {"zh": self.message("zh"), "en": self.message("en")}


@attrs.frozen(kw_only=True)
class Decision:
    """The outcome of a rule: truthy iff no "shall" reason fails (notices do not make it fail).

    A Decision with no reasons holds vacuously; rules always give at least one.
    """

    reasons: tuple[Reason, ...]

    @property
    def ok(self) -> bool:
        return not any(reason.breaks for reason in self.reasons)

    def __bool__(self) -> bool:
        return self.ok

    @property
    def citations(self) -> tuple[Citation, ...]:
        """Every cited place, in order of first appearance."""
        return tuple(dict.fromkeys(reason.citation for reason in self.reasons))

    @property
    def failing(self) -> tuple[Reason, ...]:
        """The "shall" reasons that do not hold: why the decision fails."""
        return tuple(reason for reason in self.reasons if reason.breaks)

    @property
    def notices(self) -> tuple[Reason, ...]:
        """The "normally" reasons that do not hold: advice not followed, which breaks no rule."""
        return tuple(reason for reason in self.reasons if reason.severity is Severity.NOTICE)

    @property
    def relaxed(self) -> bool:
        """True when a provincial relaxation decided any reason."""
        return any(reason.relaxation is not None for reason in self.reasons)

    def explain(self, lang: Lang = "en") -> str:
        """The failing reasons and notices (or every reason when there are none), one per line."""
        shown = self.failing + self.notices or self.reasons
        return "\n".join(reason.message(lang) for reason in shown)

    @classmethod
    def of(cls, *reasons: Reason) -> Decision:
        return cls(reasons=reasons)

    @classmethod
    def all(cls, decisions: Iterable[Decision]) -> Decision:
        """Conjunction: holds iff every decision holds; keeps every reason."""
        return cls(reasons=tuple(reason for decision in decisions for reason in decision.reasons))
