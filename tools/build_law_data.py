"""Rebuild ``src/npcproc/data/laws.json`` from the law texts in ``../shared/laws``.

The package ships the articles it cites so that a citation can show its clause
without ``../shared`` at run time.  Run from the project root::

    python tools/build_law_data.py [LAWS_DIR]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

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

DIGITS = {"零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
ARTICLE = re.compile(r"^第([零一二三四五六七八九十百]+)条[\s\u3000]*(.*)$")
ITEM = re.compile(r"^（([零一二三四五六七八九十]+)）")


def chinese_number(text: str) -> int:
    total = current = 0
    for char in text:
        if char in DIGITS:
            current = DIGITS[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += current * 100
            current = 0
    return total + current


def parse(text: str) -> dict[str, list[dict[str, object]]]:
    """Articles as {number: [paragraph, ...]}, each paragraph {"text", "items"}."""
    articles: dict[str, list[dict[str, object]]] = {}
    paragraphs: list[dict[str, object]] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        match = ARTICLE.match(line)
        if match:
            paragraphs = articles[str(chinese_number(match.group(1)))] = []
            line = match.group(2).strip()
            if not line:
                continue
        if paragraphs is None or not line or line.startswith(("#", "<!--")):
            continue
        if ITEM.match(line) and paragraphs:
            items = paragraphs[-1]["items"]
            assert isinstance(items, list)
            items.append(line)
        else:
            paragraphs.append({"text": line, "items": []})
    return articles


def main() -> None:
    root = Path(__file__).resolve().parent.parent
    laws_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "laws"
    data = {}
    for key, (prefix, title_en) in SOURCES.items():
        [path] = [p for p in laws_dir.glob("*.md") if p.name.startswith(prefix)]
        data[key] = {
            "title": re.sub(r"[(（][^()（）]*[)）]$", "", path.stem),
            "title_en": title_en,
            "articles": parse(path.read_text(encoding="utf-8")),
        }
    out = root / "src" / "npcproc" / "data" / "laws.json"
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {out} ({sum(len(v['articles']) for v in data.values())} articles)")


if __name__ == "__main__":
    main()
