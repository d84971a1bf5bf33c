"""The demo year: a township congress's year, recorded in an SQLite file, every decision explained.

The year follows the practice the seed reports describe: an early-year session with its
reports, budget, elections and bills; deputies' suggestions followed to closure; a
mid-year session with budget execution, final accounts and an inquiry; the annual check.
``npcproc demo`` narrates it (:mod:`npcproc.cli.demo`), :func:`npcproc.report.sample.sample_year`
builds the report's sample on it, and the tests use it as a realistic store. Library code
below the CLI imports this module, never the CLI.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

from npcproc.errors import ProcedureError
from npcproc.i18n import Lang
from npcproc.model import Congress, Level
from npcproc.model.election import AnswerForm, Candidate, ElectionBallot, InquiryTarget, Nominator, Office
from npcproc.model.session import AgendaItem, AgendaItemKind, Bill, Choice, VoteCount, VoteMethod
from npcproc.model.suggestion import Rating, ReplyCategory
from npcproc.plugins import load_rules
from npcproc.procedures import Congresses, Elections, Inquiries, Sessions
from npcproc.procedures.suggestion.commands import Suggestions
from npcproc.rules.decision import Decision
from npcproc.rules.ruleset import RuleSet
from npcproc.statute import deputy_quota_cap
from npcproc.store.sqlite import SchemaError, SQLiteStore

__all__ = ["DEPUTIES", "Narrator", "Write", "demo_year"]

D = datetime.date
K = AgendaItemKind
NAMES = [f"{surname}{given}" for surname in "王李张刘陈杨赵黄周吴" for given in ("芳", "明", "伟", "静", "强", "丽")]
#: The 60 deputies of Qingxi township's first term, id -> name (``d01`` ... ``d60``).
DEPUTIES = {f"d{n:02}": name for n, name in enumerate(NAMES, start=1)}
EARLY = [(K.GOVERNMENT_REPORT, "镇人民政府工作报告"), (K.PRESIDIUM_REPORT, "镇人大主席团工作报告"),
         (K.BUDGET, "2022年财政预算"), (K.CONSTRUCTION_PLAN, "2022年建设计划和项目"),
         (K.CIVIL_AFFAIRS_PLAN, "民政工作实施计划"), (K.ELECTION, "选举镇长")]  # fmt: skip
MID = [(K.GOVERNMENT_REPORT, "上半年政府工作报告"), (K.BUDGET_EXECUTION, "上半年预算执行情况"),
       (K.FINAL_ACCOUNTS, "2021年财政决算"), (K.SUGGESTION_HANDLING_REPORT, "代表建议办理情况报告"),
       (K.INQUIRY, "质询案")]  # fmt: skip

#: Where narration goes: called with each line of text and a style name (``""``, ``"dim"``, ``"bold"``, ...).
Write = Callable[[str, str], None]


def _discard(_text: str, _style: str) -> None:
    pass


class Narrator:
    """Tells the year in ``lang``, one line at a time, through ``write`` (default: nowhere)."""

    def __init__(self, lang: Lang = "en", write: Write = _discard) -> None:
        self.lang, self.write = lang, write

    def say(self, en: str, zh: str, style: str = "") -> None:
        """One line, in the narrator's language."""
        self.write(zh if self.lang == "zh" else en, style)

    def explain(self, decision: Decision) -> None:
        """A decision's explanation, indented and dimmed."""
        for line in decision.explain(self.lang).splitlines():
            self.write(f"      {line}", "dim")

    def step(self, en: str, zh: str, decision: Decision | None = None) -> None:
        """A step recorded, with the decision that allowed it when there is one."""
        self.say(f"  ✓ {en}", f"  ✓ {zh}", style="green")
        if decision is not None:
            self.explain(decision)

    def refused(self, en: str, zh: str, action: Callable[[], object]) -> None:
        """Run ``action``, which the rules must refuse, and explain the refusal."""
        try:
            action()
        except ProcedureError as refusal:
            self.say(f"  ✗ {en}: refused", f"  ✗ {zh}：不予记录", style="bold red")
            self.explain(refusal.decision)
        else:  # the demo shows refusals; one that passes is a bug in the script
            raise RuntimeError(f"the demo expected a refusal and none came: {en}")


def demo_year(db: Path, *, province: str | None = None, tell: Narrator | None = None, force: bool = False) -> bool:
    """Record the year in the SQLite file ``db``; True when its hash chain verifies.

    An existing npcproc store at ``db`` (an earlier demo) is replaced. Any other existing file is refused
    with :class:`~npcproc.store.sqlite.SchemaError`, its bytes unchanged, unless ``force`` says to replace
    it. ``province`` selects a province plugin's rules (None: national law alone); ``tell`` narrates each
    step and decision (default: silently).
    """
    if db.exists() and not force:
        try:
            SQLiteStore(str(db), read_only=True).close()
        except SchemaError as refused:
            raise SchemaError(
                f"--db: {refused}; the demo replaces only an npcproc store (--force replaces any file)"
            ) from None
    if db.exists():
        db.unlink()
    for extra in (Path(f"{db}-wal"), Path(f"{db}-shm")):
        extra.unlink(missing_ok=True)
    tell = tell or Narrator()
    rules = load_rules(province)
    store = SQLiteStore(str(db))
    try:
        _year(store, rules, tell)
        result = store.verify()
        head = result.head
        tell.say(f"\nRecorded {result.checked} events in {db}; hash chain intact: {result.ok}; head {head}",
                 f"\n共记录{result.checked}条事件于{db}；哈希链完整：{result.ok}；链头{head}")  # fmt: skip
        return result.ok
    finally:
        store.close()


def _year(store: SQLiteStore, rules: RuleSet, tell: Narrator) -> None:
    congresses, sessions = Congresses(store, rules), Sessions(store, rules)
    quota = deputy_quota_cap(Level.TOWNSHIP, 30_000)
    tell.say(f"Qingxi township congress, 30,000 people: quota at most {quota} (EL 12); 60 deputies elected",
             f"青溪镇人民代表大会，人口三万：代表名额至多{quota}名（选举法第十二条）；选出代表60名")  # fmt: skip
    congresses.establish(Congress(id="qx", name="青溪镇人民代表大会", level=Level.TOWNSHIP, division_code="330110001",
                                  population=30_000, deputy_quota=quota))  # fmt: skip
    congresses.begin_term("qx", 1, elections_completed_on=D(2021, 11, 20))
    congresses.elect_deputies("qx", DEPUTIES, term=1, on=D(2022, 1, 5))
    everyone = list(DEPUTIES)

    tell.say("\nEarly-year session, 5 January 2022", "\n年初人代会，2022年1月5日", style="bold")
    day = D(2022, 1, 5)
    sessions.plan("2022-1", congress_id="qx", opens_on=day)
    sessions.give_notice("2022-1", on=D(2021, 12, 24), materials_on=D(2022, 1, 2))
    agenda = [AgendaItem(id=f"e{n}", kind=kind, title=title) for n, (kind, title) in enumerate(EARLY)]
    sessions.hold_preparatory_meeting("2022-1", on=day, present=everyone[:57], presidium=everyone[:9],
                                      presidium_vote=VoteCount(yes=55, abstain=2), agenda=agenda,
                                      agenda_vote=VoteCount(yes=56, abstain=1))  # fmt: skip
    tell.step("notice 12 days ahead; with 57 present the preparatory meeting elected a presidium of 9 (55 yes) "
              "and adopted 6 items (56 yes)",
              "提前12天通知；预备会议57人出席，选举主席团9人（赞成55票），通过议程6项（赞成56票）")  # fmt: skip
    sessions.grant_leave("2022-1", "d60")
    tell.refused(
        "open with 38 present", "38人出席即开会", lambda: sessions.open("2022-1", on=day, present=everyone[:38])
    )
    present = everyone[:57]
    tell.step("opened with 57 present, one on leave", "57人出席，1人请假，宣布开会",
              sessions.open("2022-1", on=day, present=present))  # fmt: skip
    for item in ("e0", "e1", "e3", "e4"):
        sessions.handle_item("2022-1", item)
    sessions.open_vote("2022-1", "budget", subject="e2", method=VoteMethod.ELECTRONIC, on=day, present=present)
    for n, deputy in enumerate(present):
        sessions.cast("2022-1", "budget", deputy, Choice.YES if n < 48 else Choice.NO)
    # the result announced on the spot by an executive chair, a member of the presidium (SD 26 ¶3)
    tally = sessions.close_vote("2022-1", "budget", announced_by=everyone[0])
    tell.step(f"budget approved: {tally.yes} yes, {tally.no} no", f"批准预算：赞成{tally.yes}票，反对{tally.no}票",
              rules.resolution_passes(60, tally.yes))  # fmt: skip

    elections = Elections(store, rules)
    elections.open("head", session_id="2022-1", office=Office.TOWNSHIP_HEAD, seats=1, extra_candidates=1)
    elections.nominate("head", [Candidate(id="周志远", name="周志远")], by=Nominator.PRESIDIUM)
    elections.nominate(
        "head", [Candidate(id="吴海燕", name="吴海燕")], by=Nominator.DEPUTIES, nominators=everyone[10:20]
    )
    elections.list_candidates("head")
    elections.open_round("head", on=day, present=present)
    ballots = [ElectionBallot(election_id="head", round=1,
                              marks={"周志远": Choice.YES if n < 34 else Choice.NO,
                                     "吴海燕": Choice.YES if n >= 34 else Choice.NO}) for n in range(57)]  # fmt: skip
    result = elections.count("head", ballots, ballots_issued=57)
    tell.step("township head elected by secret ballot (two candidates)", "差额选举镇长（候选人二人），无记名投票",
              result.decision)  # fmt: skip

    road = Bill(id="b1", subject="关于修建青溪村道的议案", grounds="村民出行困难", proposal="年内修通",
                sponsors=tuple(everyone[20:25]))  # fmt: skip
    sessions.submit_bill("2022-1", road)
    sessions.decide_listing("2022-1", "b1", listed=True)
    sessions.submit_bill("2022-1", Bill(id="b2", subject="关于增设路灯的议案", grounds="照明不足", proposal="增设",
                                        sponsors=tuple(everyone[25:31])))  # fmt: skip
    sessions.decide_listing("2022-1", "b2", listed=False)
    tell.refused("a bill from four deputies", "四名代表联名提出议案", lambda: sessions.submit_bill(
        "2022-1", Bill(id="b3", subject="s", grounds="g", proposal="p", sponsors=tuple(everyone[31:35]))))  # fmt: skip
    sessions.open_vote("2022-1", "v-b1", subject="b1", method=VoteMethod.SHOW_OF_HANDS, on=day, present=present)
    for deputy in present[:44]:
        sessions.cast("2022-1", "v-b1", deputy, Choice.YES)
    tally = sessions.close_vote("2022-1", "v-b1", announced_by=everyone[0])
    tell.step(f"bill b1 (five sponsors) listed and passed with {tally.yes} yes; bill b2 not listed",
              f"五名代表联名的议案列入议程，以{tally.yes}票通过；另一议案未列入议程")  # fmt: skip
    closed = sessions.close("2022-1", on=day)
    tell.step(f"session closed; absent without leave: {', '.join(closed.absent_without_leave)}",
              f"闭会；未请假缺席：{'、'.join(closed.absent_without_leave)}")  # fmt: skip

    tell.say("\nSuggestions between sessions", "\n闭会期间的代表建议", style="bold")
    suggestions = Suggestions(store, rules)
    topics = ["村道排水", "学校操场", "垃圾分类", "农贸市场", "养老服务"]
    for n, topic in enumerate(topics, start=1):
        suggestions.submit("qx", f"s{n}", deputies=[everyone[n]], subject=topic, content=f"关于{topic}的建议", on=day)
        suggestions.refer("qx", f"s{n}", unit="镇政府", on=D(2022, 1, 31), complex=n == 5)
    for n in range(1, 5):
        suggestions.reply("qx", f"s{n}", on=D(2022, 3, 1), category=ReplyCategory.RESOLVED)
        rating = Rating.DISSATISFIED if n == 4 else Rating.SATISFIED
        suggestions.rate("qx", f"s{n}", on=D(2022, 3, 10), rating=rating)
    report = suggestions.handling_report("qx", on=D(2022, 5, 1))
    tell.step(f"5 suggestions referred on 31 Jan (replies due 30 Apr, complex 31 Jul); {report.closed} closed, "
              f"1 sent back for re-handling, {report.overdue} overdue on 1 May",
              f"1月31日交办建议5件（3个月内即4月30日前答复，复杂的7月31日前）；已销号{report.closed}件，"
              f"不满意重新办理1件，5月1日逾期{report.overdue}件")  # fmt: skip

    tell.say("\nMid-year session, 6 July 2022", "\n年中人代会，2022年7月6日", style="bold")
    day = D(2022, 7, 6)
    sessions.plan("2022-2", congress_id="qx", opens_on=day)
    sessions.give_notice("2022-2", on=D(2022, 6, 26), materials_on=D(2022, 7, 3))
    agenda = [AgendaItem(id=f"m{n}", kind=kind, title=title) for n, (kind, title) in enumerate(MID)]
    sessions.hold_preparatory_meeting("2022-2", on=day, present=everyone[:55], presidium=everyone[:9],
                                      presidium_vote=VoteCount(yes=55), agenda=agenda,
                                      agenda_vote=VoteCount(yes=54, abstain=1))  # fmt: skip
    # the township head elected in January, not a deputy, attends (列席, OL 21; CQ 13 ¶1, SD 13)
    tell.step("opened, the township head attending", "宣布开会，镇长列席",
              sessions.open("2022-2", on=day, present=everyone[:55], attending=["周志远"]))  # fmt: skip
    inquiries = Inquiries(store, rules)
    sponsors = everyone[40:50]
    inquiries.file("q1", session_id="2022-2", sponsors=sponsors, target=InquiryTarget.TOWNSHIP_GOVERNMENT,
                   questions="村道工程为何延期")  # fmt: skip
    inquiries.decide_answer_form("q1", form=AnswerForm.PLENARY)
    inquiries.answer("q1", answered_by="镇长周志远", on=day)
    tell.step("inquiry by 10 deputies answered; half dissatisfied", "十名代表提出质询案并获答复；半数不满意",
              inquiries.rate("q1", dissatisfied=sponsors[:5]))  # fmt: skip
    inquiries.answer("q1", answered_by="镇长周志远", on=day)
    inquiries.rate("q1", dissatisfied=sponsors[:2])
    for item in ("m0", "m1", "m2", "m3", "m4"):
        sessions.handle_item("2022-2", item)
    sessions.close("2022-2", on=day)
    tell.step("second answer accepted; session closed", "再次答复后满意；闭会")

    tell.say("\nThe year's agendas against OL 12", "\n对照组织法第十二条检查全年议程", style="bold")
    year = sessions.year_check("qx", 2022)
    tell.step("annual check" + ("" if year else " found gaps"), "年度检查" + ("" if year else "发现缺项"), year)
