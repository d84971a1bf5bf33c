"""``import npcproc`` against importing its runtime dependencies alone, each in fresh interpreters.

Every measurement is a new ``python -c`` process timing its own import with
``time.perf_counter`` (interpreter start-up is left out); best of ``REPEAT``. Also shown:
the first real use (``open_store`` and ``load_rules``, which load the procedures' rules and
the plugins), for what a command-line call pays.
"""

from __future__ import annotations

import subprocess
import sys

REPEAT = 15
IMPORT_TARGET = 1.5
DEPENDENCIES = "attrs, cattrs, chinese_calendar, click, pluggy, dateutil.relativedelta, rich"
TIMED = "import time; t = time.perf_counter(); {body}; print(time.perf_counter() - t)"
CASES = {
    "runtime dependencies alone": f"import {DEPENDENCIES}",
    "import npcproc": "import npcproc",
    "npcproc + open_store + load_rules": "import npcproc; npcproc.open_store('memory://'); npcproc.load_rules()",
}


def best(body: str) -> float:
    times = []
    for _ in range(REPEAT):
        done = subprocess.run([sys.executable, "-c", TIMED.format(body=body)], check=True, capture_output=True,
                              text=True)  # fmt: skip
        times.append(float(done.stdout.strip()))
    return min(times)


def main() -> None:
    timings = {name: best(body) for name, body in CASES.items()}
    baseline = timings["runtime dependencies alone"]
    print(f"Import time, fresh interpreter each (best of {REPEAT}):")
    for name, seconds in timings.items():
        print(f"  {name:36} {seconds * 1000:7.1f} ms   ratio {seconds / baseline:5.2f}")
    ratio = timings["import npcproc"] / baseline
    print(f"  ratio import npcproc / dependencies  {ratio:13.2f}   (target <= {IMPORT_TARGET})")


if __name__ == "__main__":
    main()
