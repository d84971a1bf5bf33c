"""Every citation a province plugin's code makes states the words it relies on (issue 16).

The plugins' settings are checked clause by clause in each plugin's own tests (its WORDS table). This
scan finds every other citation in a plugin's module (the ones its checks build, such as ZJ 17 or BJ 5 ¶1),
and requires a quote below that stands in the clause the plugin ships.
"""

from __future__ import annotations

import ast
import importlib
import inspect

import pytest

from npcproc.rules import Citation

#: module, its citation helper, its law key
PLUGINS = [("npcproc_zhejiang", "zj", "ZJ"), ("npcproc_chongqing", "cq", "CQ"), ("npcproc_shandong", "sd", "SD"),
           ("npcproc_henan", "hn", "HN"), ("npcproc_beijing", "bj", "BJ")]  # fmt: skip

#: the words of each clause a check relies on
CHECK_QUOTES = {
    "ZJ 17 ¶1": "年初召开的乡镇人民代表大会会议，其主要议程为听取和审查本级人民政府工作报告，审查和批准本级预算",
    "ZJ 17 ¶2": "年中召开的乡镇人民代表大会会议，其主要议程为听取和审议半年度政府工作报告",
    "CQ 21 ¶1": "第一次会议，选举产生本级人民代表大会主席、副主席，乡长、副乡长，镇长、副镇长",
    "BJ 5 ¶1": "每半年至少举行一次；每年的第一次会议，应当不迟于三月底前举行",
    "SD 16 ¶1": "听取和审查乡镇人民政府的工作报告，并作出相应的决议",
}

#: a helper called with a name rather than a number, and the values that name takes
VARIABLE = {"zj(17, paragraph)": ("ZJ 17 ¶1", "ZJ 17 ¶2")}


def cited(module_name: str, helper: str, key: str) -> set[str]:
    module = importlib.import_module(module_name)
    found = set()
    for node in ast.walk(ast.parse(inspect.getsource(module))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == helper):
            continue
        if not all(isinstance(arg, ast.Constant) for arg in node.args):
            found.update(VARIABLE[ast.unparse(node)])  # a KeyError names a citation this scan cannot read
            continue
        numbers = [arg.value for arg in node.args] + [None, None]
        found.add(str(Citation(law=key, article=numbers[0], paragraph=numbers[1], item=numbers[2])))
    return found - {str(setting.citation) for setting in module.SETTINGS}


@pytest.mark.parametrize(("module", "helper", "key"), PLUGINS, ids=[key for _m, _h, key in PLUGINS])
def test_every_check_citation_quotes_its_clause(module, helper, key):
    for citation in sorted(cited(module, helper, key)):
        assert citation in CHECK_QUOTES, f"{module} cites {citation} with no quote"
        assert CHECK_QUOTES[citation] in Citation.parse(citation).text(), citation


def test_no_quote_is_left_over():
    assert set(CHECK_QUOTES) == set().union(*(cited(*plugin) for plugin in PLUGINS))
