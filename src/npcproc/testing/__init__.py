"""Public helpers for testing npcproc rules and plugins.

:mod:`npcproc.testing.strategies` holds Hypothesis strategies (install ``npcproc[testing]``);
:func:`settings_plugin` builds a throwaway rule plugin for a test; :mod:`npcproc.testing.backends`
and :mod:`npcproc.testing.stress` are the kit a storage backend passes;
:func:`assert_ballots_unlinkable` checks stored secret ballots.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from npcproc.hookspecs import hookimpl
from npcproc.provinces import Province
from npcproc.rules.parameters import Setting
from npcproc.rules.topics import Check
from npcproc.store.backend import EventStore, Record

if TYPE_CHECKING:
    from npcproc.model.session import AgendaItem
    from npcproc.procedures.session.commands import Sessions
    from npcproc.rules.decision import Decision

__all__ = ["assert_ballots_unlinkable", "heads_attending", "prepare", "settings_plugin"]


class _SettingsPlugin:
    def __init__(self, province: Province | None, settings: tuple[Setting, ...], checks: tuple[tuple[str, Check], ...]):
        self.province = province
        self.settings = settings
        self.checks = checks

    @hookimpl
    def npcproc_province(self) -> Province | None:
        return self.province

    @hookimpl
    def npcproc_register_settings(self, register: Callable[[Setting], None]) -> None:
        for setting in self.settings:
            register(setting)

    @hookimpl
    def npcproc_register_checks(self, register: Callable[[str, Check], None]) -> None:
        for topic, check in self.checks:
            register(topic, check)


def settings_plugin(
    settings: Iterable[Setting] = (), *, province: Province | None = None, checks: Iterable[tuple[str, Check]] = ()
) -> object:
    """A plugin object that declares ``province`` and registers ``settings`` and ``checks``.

    Register it with ``create_plugin_manager(autoload=False, plugins=(plugin,))``.
    """
    return _SettingsPlugin(province, tuple(settings), tuple(checks))


def assert_ballots_unlinkable(
    records: Sequence[Record], *, deputy_ids: Iterable[str], named: Iterable[str] = ()
) -> None:
    """Assert that stored secret-ballot records cannot be linked to the deputies who voted.

    No deputy id appears anywhere in the records' data except the ``named`` ones (the
    candidates and write-ins a ballot may name), no linking key (``deputy_id``,
    ``cast_at``, ...) is present, all ballots share one ``recorded_at`` (one batch), and
    they stand in canonical order, so their order says nothing about the order of voting.
    """
    from npcproc.store.chain import canonical
    from npcproc.store.secret import linking_keys

    ids = set(deputy_ids) - set(named)
    for record in records:
        text = canonical(record.data).decode()
        leaked = sorted(i for i in ids if f'"{i}"' in text)
        assert not leaked, f"position {record.position}: ballot data names deputies {leaked}"
        assert not linking_keys(record.data), f"position {record.position}: {linking_keys(record.data)}"
    assert len({record.recorded_at for record in records}) <= 1, "ballots were written at different times"
    encoded = [canonical(record.data) for record in records]
    assert encoded == sorted(encoded), "ballots are not in canonical order"


def heads_attending(store: EventStore, congress_id: str, on: datetime.date) -> list[str]:
    """The township head and deputy heads in office on ``on`` who are not deputies: they attend every session
    (OL 21 "乡级的人民政府领导人员，列席本级人民代表大会会议"), so a fixture that opens one lists them."""
    from npcproc.procedures import Congresses

    state = Congresses(store).state(congress_id)
    deputies = set(state.in_office(on))
    return [head for head in state.township_heads(on) if head not in deputies]


def prepare(
    sessions: Sessions,
    session_id: str,
    *,
    on: datetime.date,
    presidium: Sequence[str],
    agenda: Sequence[AgendaItem],
    present: Sequence[str] | None = None,
) -> Decision:
    """Hold the preparatory meeting for a test about something else: every deputy in office and not on leave
    present (unless ``present`` is given), the presidium and the agenda adopted unanimously."""
    from npcproc.model.session import VoteCount

    state = sessions.state(session_id)
    if present is None:
        in_office = sessions.congresses.state(state.congress_id).in_office(on, state.term)
        present = [d for d in in_office if d not in state.on_leave]
    unanimous = VoteCount(yes=len(set(present)))
    return sessions.hold_preparatory_meeting(
        session_id, on=on, present=present, presidium=presidium, presidium_vote=unanimous, agenda=agenda,
        agenda_vote=unanimous,
    )  # fmt: skip
