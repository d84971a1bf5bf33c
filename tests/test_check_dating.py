"""npcproc.rules.in_force_from: a check dated by its text's commencement judges nothing wholly before it."""

from __future__ import annotations

import datetime

from npcproc.model import Level
from npcproc.plugins import create_plugin_manager, load_rules
from npcproc.rules import AgendaFacts, Citation, Decision, QuorumFacts, Reason, in_force_from
from npcproc.rules.parameters import CongressFacts

D = datetime.date
DAY = D(2016, 10, 1)


def always_fails(facts: object, rules: object) -> Decision:
    """A check that fails whatever it is given."""
    return Decision.of(Reason(ok=False, code="agenda.required_item", citation=Citation(law="OL", article=12),
                              values={"item": "x"}))  # fmt: skip


DATED = in_force_from(DAY)(always_fails)
RULES = load_rules(None, pm=create_plugin_manager(autoload=False))


def test_a_year_wholly_before_the_commencement_is_not_judged_the_year_it_falls_in_is():
    assert DATED(AgendaFacts(level=Level.TOWNSHIP, year=2015, sessions=()), RULES).reasons == ()
    assert not DATED(AgendaFacts(level=Level.TOWNSHIP, year=2016, sessions=()), RULES)


def test_facts_without_a_day_are_judged_as_written():
    quorum = QuorumFacts(total_deputies=60, present=40)
    before = RULES.for_congress(CongressFacts(level=Level.TOWNSHIP, on=DAY - datetime.timedelta(days=1)))
    assert not DATED(quorum, before)
    assert not DATED(quorum, RULES)


def test_the_dated_check_keeps_its_name_and_summary_and_says_its_day():
    assert DATED.__name__ == "always_fails"
    assert DATED.__doc__ == always_fails.__doc__
    assert DATED.in_force_from == DAY  # type: ignore[attr-defined]
