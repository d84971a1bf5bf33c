"""Rule evaluation through the plugin hooks with 0, 1 and 5 plugins, against a direct function call.

Three measurements, each per call and best of several rounds:

* ``resolution_passes`` (OL 25) through a RuleSet whose plugins registered 0, 1 or 5
  checks (``npcproc_register_checks``), against calling ``npcproc.statute.resolution_passes``
  directly. The marginal cost of one plugin check is (5 checks - 0 checks) / 5.
* The same evaluation with the five installed province plugins (Zhejiang, Chongqing,
  Beijing, Shandong, Henan) registered and Zhejiang's rules chosen: provinces not chosen cost
  nothing per evaluation, because the RuleSet is composed once when the rules load.
* The one hook called at run time, ``npcproc_records_committed`` (after every append of a
  store opened with ``open_store``), with 0, 1 and 5 listeners: pluggy's cost per call.
"""

from __future__ import annotations

import contextlib
import importlib
import time
from collections.abc import Callable, Mapping
from typing import Any

from npcproc import hookimpl, statute
from npcproc.plugins import create_plugin_manager, load_rules
from npcproc.rules.decision import Decision, Reason
from npcproc.rules.ruleset import RuleSet

CALLS = 20_000
ROUNDS = 7
HOOK_TARGET = 5.0  # µs per plugin check / per hook call with five plugins
PROVINCES = ("npcproc_zhejiang", "npcproc_chongqing", "npcproc_beijing", "npcproc_shandong", "npcproc_henan")


def check(facts: Mapping[str, Any], rules: RuleSet) -> Decision:
    """A plugin check of the kind a province adds: OL 25's count again, with its citation."""
    rule = rules.rule("vote.majority_of_all")
    ok = facts["yes"] * 2 > facts["total_deputies"]
    return Decision.of(Reason(ok=ok, code="vote.majority_of_all", citation=rule.citation,
                              values={"yes": facts["yes"], "total": facts["total_deputies"]}))  # fmt: skip


def check_plugin(n: int) -> object:
    """A plugin object (no province: it serves every province) registering one check."""

    class CheckPlugin:
        @hookimpl
        def npcproc_register_checks(self, register: Callable[[str, Any], None]) -> None:
            register("resolution_passes", check)

        @hookimpl
        def npcproc_records_committed(self, url: str, records: tuple[object, ...]) -> None:
            pass

    CheckPlugin.__qualname__ = f"CheckPlugin{n}"
    return CheckPlugin()


def per_call(function: Callable[[], object]) -> float:
    """Best-of-ROUNDS microseconds per call of ``function``."""
    best = float("inf")
    for _ in range(ROUNDS):
        started = time.perf_counter()
        for _ in range(CALLS):
            function()
        best = min(best, time.perf_counter() - started)
    return best / CALLS * 1e6


def main() -> None:
    direct = per_call(lambda: statute.resolution_passes(85, 50))
    print(f"Rule evaluation, µs per call (best of {ROUNDS} x {CALLS:,}):")
    print(f"  direct statute.resolution_passes       {direct:6.2f}")
    timings = {}
    for count in (0, 1, 5):
        pm = create_plugin_manager(autoload=False, plugins=tuple(check_plugin(n) for n in range(count)))
        rules = load_rules(pm=pm)
        assert len(rules.checks.get("resolution_passes", ())) == count
        timings[count] = per_call(lambda rules=rules: rules.resolution_passes(85, 50))
        print(f"  RuleSet with {count} plugin check(s)          {timings[count]:6.2f}   "
              f"ratio to direct {timings[count] / direct:5.2f}")  # fmt: skip
    marginal = (timings[5] - timings[0]) / 5
    print(f"  cost of one plugin check               {marginal:6.2f}   (target <= {HOOK_TARGET:.1f})")

    installed = []
    for name in PROVINCES:
        with contextlib.suppress(ImportError):
            installed.append(importlib.import_module(name))
    for chosen in ((), installed[:1], installed):
        pm = create_plugin_manager(autoload=False, plugins=tuple(chosen))
        rules = load_rules("浙江" if chosen else None, pm=pm)
        spent = per_call(lambda rules=rules: rules.resolution_passes(85, 50))
        label = f"{len(chosen)} province plugin(s){', ZJ chosen' if chosen else ''}"
        print(f"  {label:38} {spent:6.2f}   ratio to direct {spent / direct:5.2f}")

    print("npcproc_records_committed hook, µs per call:")
    hook_times = {}
    for count in (0, 1, 5):
        pm = create_plugin_manager(autoload=False, plugins=tuple(check_plugin(n) for n in range(count)))
        hook = pm.hook.npcproc_records_committed
        hook_times[count] = per_call(lambda hook=hook: hook(url="memory://", records=()))
        print(f"  {count} listener(s)                          {hook_times[count]:6.2f}")
    print(f"  with 5 listeners                       {hook_times[5]:6.2f}   (target <= {HOOK_TARGET:.1f})")


if __name__ == "__main__":
    main()
