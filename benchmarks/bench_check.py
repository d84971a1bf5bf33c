"""``npcproc check`` on one township's year and on a province of 1,134 townships (seed 002).

The province record is the clean example year (docs/examples/township-year.toml) repeated
for 1,134 congresses with their own ids, names and populations. Printed, each measured in
this run: the check (load + audit) against json-decoding the same file, and the province's
cost per township against one township's (1.0 means the check grows linearly).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

from npcproc.plugins import load_rules
from npcproc.record.audit import audit
from npcproc.record.load import load_record

ROOT = Path(__file__).parent.parent
TOWNSHIPS = 1_134


def _dates(value: object) -> object:
    if isinstance(value, dict):
        return {key: _dates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_dates(item) for item in value]
    return value.isoformat() if hasattr(value, "isoformat") else value


def province_record(count: int) -> dict[str, object]:
    year = _dates(tomllib.loads((ROOT / "docs/examples/township-year.toml").read_text(encoding="utf-8")))
    assert isinstance(year, dict)
    template = year["congresses"][0]
    congresses = []
    for n in range(count):
        congress = json.loads(json.dumps(template))
        congress.update(id=f"t{n:04}", name=f"第{n + 1}镇人民代表大会", division_code=f"440{n:06}")
        congresses.append(congress)
    return {**year, "congresses": congresses}


def best(action: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def measure(path: Path) -> tuple[float, float, int]:
    rules = load_rules(None)

    def check() -> int:
        return len(audit(load_record(path), rules).findings)

    findings = check()
    decode = best(lambda: json.loads(path.read_bytes()))
    return best(check), decode, findings


def command(path: Path) -> float:
    """The whole ``npcproc check`` command in a fresh process, start-up included."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "npcproc", "check", str(path)], capture_output=True, check=False)
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, result.stderr.decode()
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        one, province = Path(tmp, "township.json"), Path(tmp, "province.json")
        one.write_text(json.dumps(province_record(1), ensure_ascii=False), encoding="utf-8")
        province.write_text(json.dumps(province_record(TOWNSHIPS), ensure_ascii=False), encoding="utf-8")
        size = province.stat().st_size
        single, single_decode, single_findings = measure(one)
        whole, whole_decode, whole_findings = measure(province)
        single_command, whole_command = command(one), command(province)
    print(
        f"npcproc check, one township's year: {single * 1e3:.1f} ms in process ({single_command:.2f} s as a "
        f"command), {single_findings} findings; json.loads of the same file {single_decode * 1e3:.2f} ms; "
        f"ratio {single / single_decode:.0f}x"
    )
    print(
        f"npcproc check, a province of {TOWNSHIPS} townships ({size / 1e6:.1f} MB): {whole:.2f} s in process "
        f"({whole_command:.2f} s as a command), {whole_findings} findings; json.loads {whole_decode * 1e3:.0f} ms; "
        f"ratio {whole / whole_decode:.0f}x"
    )
    print(f"province per township / one township: {whole / TOWNSHIPS / single:.2f} (1.0 = linear)")


if __name__ == "__main__":
    main()
