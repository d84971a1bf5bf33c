"""Chinese and English message catalogue for the explanations in :class:`~npcproc.rules.Reason`.

Each code has four templates: Chinese and English, for a reason that holds and one that
fails. Templates are ``str.format`` strings over the reason's ``values``; fractions are
written ``2/3`` in English and ``三分之二`` in Chinese.

A module defines its codes with :func:`define` (or :func:`define_fact`); a plugin registers
them through ``npcproc_register_messages`` (the core's by the built-in plugin
:mod:`npcproc.builtin.core`). :func:`render` looks a code up in the catalogue the process-wide
plugin manager registers, whatever modules happen to be imported; an unknown code is an
:class:`~npcproc.errors.UnknownMessageError`.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Literal

import attrs

from npcproc._errors import UnknownMessageError

if TYPE_CHECKING:
    import pluggy

__all__ = [
    "Lang",
    "Messages",
    "catalogue",
    "define",
    "define_fact",
    "defined_in",
    "is_defined",
    "render",
    "zh_number",
]

Lang = Literal["zh", "en"]


@attrs.frozen(kw_only=True)
class Messages:
    """The four templates of one message ``code``: Chinese and English, for a reason that holds and one that fails."""

    code: str
    zh_ok: str
    zh_fail: str
    en_ok: str
    en_fail: str


#: module name -> code -> its templates, as :func:`define` was called in that module (definitions, not registrations).
_DEFINED: dict[str, dict[str, Messages]] = {}


def define(code: str, *, zh_ok: str, zh_fail: str, en_ok: str, en_fail: str) -> Messages:
    """Define the templates for ``code`` in the calling module; defining a code again with other text is an error.

    The definition counts once a plugin registers it: ``for m in defined_in(__name__): register(m)``.
    """
    return _define(Messages(code=code, zh_ok=zh_ok, zh_fail=zh_fail, en_ok=en_ok, en_fail=en_fail))


def define_fact(code: str, zh: str, en: str) -> Messages:
    """A code whose message states a fact the same way whether the check holds or fails (a refusal)."""
    return _define(Messages(code=code, zh_ok=zh, zh_fail=zh, en_ok=en, en_fail=en))


def _define(messages: Messages) -> Messages:
    module = str(sys._getframe(2).f_globals.get("__name__", "__main__"))  # the caller of define or define_fact
    for defined in _DEFINED.values():
        if defined.get(messages.code, messages) != messages:
            raise ValueError(f"message code {messages.code!r} is already defined with other text")
    _DEFINED.setdefault(module, {})[messages.code] = messages
    return messages


def defined_in(module: str) -> tuple[Messages, ...]:
    """The codes the (imported) module ``module`` defines with :func:`define`, in order of definition."""
    return tuple(_DEFINED.get(module, {}).values())


def catalogue(pm: pluggy.PluginManager | None = None) -> Mapping[str, Messages]:
    """Code -> templates, for every code a plugin of ``pm`` (default: the process-wide one) registers."""
    from npcproc.plugins import collect_messages, get_plugin_manager, registry

    return registry(pm or get_plugin_manager(), "messages", collect_messages)


def is_defined(code: str, pm: pluggy.PluginManager | None = None) -> bool:
    """Whether a plugin of ``pm`` (default: the process-wide one) registers ``code``."""
    return code in catalogue(pm)


def render(
    code: str, ok: bool, values: Mapping[str, object], lang: Lang, pm: pluggy.PluginManager | None = None
) -> str:
    """Fill the template for ``code``; an unregistered code is an :class:`~npcproc.errors.UnknownMessageError`."""
    messages = catalogue(pm).get(code)
    if messages is None:
        raise UnknownMessageError(code)
    formatted = {name: _format(value, lang) for name, value in values.items()}
    template = getattr(messages, f"{lang}_{'ok' if ok else 'fail'}")
    return str(template.format(**formatted))


_ZH_DIGITS = "零一二三四五六七八九"


def zh_number(n: int) -> str:
    """Chinese numeral for 0..99 (enough for fractions in statutes); larger numbers stay Arabic."""
    if not 0 <= n < 100:
        return str(n)
    tens, units = divmod(n, 10)
    if tens == 0:
        return _ZH_DIGITS[units]
    return ("" if tens == 1 else _ZH_DIGITS[tens]) + "十" + (_ZH_DIGITS[units] if units else "")


def _format(value: object, lang: Lang) -> str:
    if isinstance(value, Fraction):
        if lang == "zh":
            return f"{zh_number(value.denominator)}分之{zh_number(value.numerator)}"
        return f"{value.numerator}/{value.denominator}"
    return str(value)


define(
    "session.quorum",
    zh_ok="出席代表{present}人，全体代表{total}人，达到{fraction}以上（{required}人）的法定人数",
    zh_fail="出席代表{present}人，全体代表{total}人，不足{fraction}以上（{required}人）的法定人数，会议不得举行",
    en_ok="quorum met: {present} of {total} present, at least {fraction} ({required}) required",
    en_fail="quorum not met: {present} of {total} present, at least {fraction} ({required}) required",
)
define(
    "vote.majority_of_all",
    zh_ok="赞成{yes}票，超过全体代表{total}人的半数（至少{required}票），通过",
    zh_fail="赞成{yes}票，未超过全体代表{total}人的半数（至少{required}票），未通过",
    en_ok="passed: {yes} yes of {total} deputies, more than half of all deputies ({required}) required",
    en_fail="not passed: {yes} yes of {total} deputies, more than half of all deputies ({required}) required",
)
define(
    "ballots.returned",
    zh_ok="收回选票{returned}张，不多于发出的{issued}张，本次选举有效",
    zh_fail="收回选票{returned}张，多于发出的{issued}张，本次选举无效",
    en_ok="round valid: {returned} ballots returned, {issued} issued",
    en_fail="round void: {returned} ballots returned but only {issued} issued",
)
define(
    "election.elected",
    zh_ok="{candidate}得{votes}票，获得过半数选票（至少{required}票），当选",
    zh_fail="{candidate}得{votes}票",
    en_ok="{candidate} elected with {votes} votes (majority: {required})",
    en_fail="{candidate}: {votes} votes",
)
define(
    "election.tie",
    zh_ok="",
    zh_fail="{candidates}得票相等（{votes}票），不能确定当选人，须就票数相等的人再次投票，余{open_seats}个名额",
    en_ok="",
    en_fail="{candidates} tied at {votes} votes for the last {open_seats} seat(s): re-vote among them",
)
define(
    "election.shortfall",
    zh_ok="",
    zh_fail="获得过半数选票（至少{required}票）的当选人数少于应选名额{seats}名，不足的{shortfall}个名额另行选举",
    en_ok="",
    en_fail="{shortfall} of {seats} seat(s) unfilled: too few candidates reached {required} votes; "
    "they go to a further election",
)
define(
    "direct_election.turnout",
    zh_ok="参加投票{voted}人，超过选区全体选民{registered}人的半数，选举有效",
    zh_fail="参加投票{voted}人，未超过选区全体选民{registered}人的半数（至少{required}人），选举无效",
    en_ok="turnout valid: {voted} of {registered} registered voters voted",
    en_fail="election invalid: {voted} of {registered} registered voters voted, more than half ({required}) required",
)
define(
    "direct_election.elected",
    zh_ok="{candidate}得{votes}票，达到{required}票，当选",
    zh_fail="{candidate}得{votes}票",
    en_ok="{candidate} elected with {votes} votes (needed {required})",
    en_fail="{candidate}: {votes} votes",
)
# Refusals of procedures.ballots (OL 28), which refused them with codes no module defined before the catalogue
# became strict; they belong with the election procedure's messages.
define_fact(
    "election.ballot_mark",
    "选举{election_id}的选票上有对本轮候选人以外的人的表态，选票不得载有候选人以外的标记，计票被拒绝",
    "election {election_id}: a ballot marks someone who is not a candidate of the round; the count is refused",
)
define_fact(
    "election.write_in_not_a_name",
    "选举{election_id}的选票上另选的人不是姓名（为空，或是代表的编号或形似编号），可能使选票显示投票人，计票被拒绝",
    "election {election_id}: a write-in is not a name (empty, or a deputy's id or shaped like one), "
    "which could identify the voter; the count is refused",
)
