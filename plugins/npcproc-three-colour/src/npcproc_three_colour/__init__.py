"""Three-colour handling of deputies' suggestions (seed 003: 三色管理法) as npcproc classifications."""

from __future__ import annotations

from npcproc import hookimpl
from npcproc.model.suggestion import Classification, Stage

SOURCE = "seed 003: “三色管理法”分类办理机制"

CLASSES = (
    Classification(
        workflow="suggestion", scheme="colour", value="green", en="green: act at once", zh="绿色：立行立改马上办",
        source=SOURCE,
        stages=(Stage(name="immediate_handling", en="handled at once", zh="立行立改", due_days=15),),
    ),
    Classification(
        workflow="suggestion", scheme="colour", value="yellow", en="yellow: verify by a deadline",
        zh="黄色：专题查验限期办", source=SOURCE,
        stages=(Stage(name="special_verification", en="special verification", zh="专题查验", due_days=60),),
    ),
    Classification(
        workflow="suggestion", scheme="colour", value="red", en="red: leadership supervision",
        zh="红色：重点监督兜底办", source=SOURCE,
        stages=(Stage(name="leadership_supervision", en="key supervision by the leadership", zh="重点督办"),),
    ),
)  # fmt: skip


@hookimpl
def npcproc_workflow_classifications() -> list[Classification]:
    return list(CLASSES)
