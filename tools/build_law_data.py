"""Rebuild the law data files from the law texts in ``../shared/laws``.

National law goes to ``src/npcproc/data/laws.json``; each province's regulations go to
``laws.json`` inside that province's plugin package, which registers them itself
(``npcproc_register_laws``): the core ships national law only. Each package ships the
articles it cites so that a citation can show its clause without ``../shared`` at run
time.  Run from the project root::

    python tools/build_law_data.py [LAWS_DIR]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from npcproc.rules.laws import parse_articles

CORE = "src/npcproc/data/laws.json"
ZHEJIANG = "plugins/npcproc-zhejiang/src/npcproc_zhejiang/laws.json"
CHONGQING = "plugins/npcproc-chongqing/src/npcproc_chongqing/laws.json"
#: Law key -> the data file that ships it (relative to the project root).
DESTINATIONS = {
    "OL": CORE, "EL": CORE, "DL": CORE, "SL": CORE, "CC": CORE,
    "ZJ": ZHEJIANG, "ZJ-JD": ZHEJIANG, "ZJ-ZD": ZHEJIANG,
    "CQ": CHONGQING, "CQ-JD": CHONGQING,
    "SD": "plugins/npcproc-shandong/src/npcproc_shandong/laws.json",
    "HN": "plugins/npcproc-henan/src/npcproc_henan/laws.json",
    "BJ": "plugins/npcproc-beijing/src/npcproc_beijing/laws.json",
}  # fmt: skip

# Law key -> (file-name prefix in ../shared/laws, English title).
SOURCES = {
    "OL": (
        "地方各级人民代表大会和地方各级人民政府组织法",
        "Organic Law of Local People's Congresses and Governments (2022)",
    ),
    "EL": ("全国人民代表大会和地方各级人民代表大会选举法", "Election Law (2020)"),
    "DL": ("全国人民代表大会和地方各级人民代表大会代表法", "Deputies Law (2025)"),
    "SL": ("各级人民代表大会常务委员会监督法", "Supervision Law of Standing Committees (2024)"),
    "CC": ("民法典总则", "Civil Code, General Part, chapter 10: counting periods"),
    "ZJ": ("浙江省乡镇人民代表大会工作条例", "Zhejiang regulations on township people's congresses (2016)"),
    "ZJ-JD": ("浙江省街道人大工作条例", "Zhejiang regulations on street people's congress work (2019)"),
    "ZJ-ZD": (
        "浙江省各级人民代表大会常务委员会讨论决定重大事项的规定",
        "Zhejiang rules on standing committees deciding major matters (2018)",
    ),
    "CQ": ("重庆市乡镇人民代表大会工作条例", "Chongqing regulations on township people's congresses (2016)"),
    "CQ-JD": (
        "重庆市区县（自治县）人民代表大会常务委员会街道工作委员会工作条例",
        "Chongqing regulations on street working committees (2016)",
    ),
    "SD": ("山东省乡镇人民代表大会工作若干规定", "Shandong provisions on township people's congress work (2015)"),
    "HN": ("河南省乡镇人民代表大会主席团工作条例", "Henan regulations on township presidiums"),
    "BJ": (
        "北京市乡、民族乡、镇人民代表大会组织条例",
        "Beijing regulations on the organisation of township people's congresses",
    ),
}


def main() -> None:
    root = Path(__file__).resolve().parent.parent
    laws_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "laws"
    files: dict[str, dict[str, object]] = {}
    for key, (prefix, title_en) in SOURCES.items():
        [path] = [p for p in laws_dir.glob("*.md") if p.name.startswith(prefix)]
        files.setdefault(DESTINATIONS[key], {})[key] = {
            "title": re.sub(r"[(（][^()（）]*[)）]$", "", path.stem),
            "title_en": title_en,
            "articles": parse_articles(path.read_text(encoding="utf-8")),
        }
    for destination, data in files.items():
        out = root / destination
        out.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {out}: {', '.join(data)}")


if __name__ == "__main__":
    main()
