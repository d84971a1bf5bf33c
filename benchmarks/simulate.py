"""A province's year of township congresses, written through the public API into any store URL.

Deterministic: township ``n`` always gets the same population, deputies and year from the
same seed, whatever the scale, so 1/8 of the province is the first 1/8 of the full run.
1,134 township congresses (Guangdong's count, seed 002), each with a quota from EL 12 over a
seeded population of 10,000-120,000. Each township's year: deputies elected (first year of
the term), a livelihood-project collection and vote, an early-year session (budget vote
recorded deputy by deputy, two anonymous votes, a bill, elections), quarterly presidium
meetings with a decision each, suggestions referred, answered and rated, a supervision
case, a mid-year session (final accounts, a by-election, sometimes an inquiry), progress
reports and the evaluation of the chosen projects.

    python benchmarks/simulate.py --store sqlite:///province.db?synchronous=normal --scale 0.125
    python benchmarks/simulate.py --store sqlite:///one.db --township 17 --years 5

Prints one JSON line: townships, commands, events, seconds (wall and CPU), peak RSS (KiB).
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import resource
import sys
import time
from collections.abc import Callable, Sequence

import attrs

import npcproc
from npcproc.model import Congress, Level
from npcproc.model.election import AnswerForm, Candidate, ElectionBallot, InquiryTarget, Nominator, Office
from npcproc.model.session import AgendaItem, AgendaItemKind, Bill, Choice, VoteCount, VoteMethod
from npcproc.model.suggestion import Rating, ReplyCategory
from npcproc.procedures import (
    Congresses,
    Elections,
    Inquiries,
    Livelihood,
    PresidiumMeetings,
    Sessions,
    Suggestions,
    Supervision,
)
from npcproc.procedures.livelihood.events import ProjectSource, ReviewBody, SatisfactionCount
from npcproc.procedures.supervision.commands import link
from npcproc.procedures.supervision.events import LinkKind, Step
from npcproc.rules.ruleset import RuleSet
from npcproc.statute import deputy_quota_cap
from npcproc.store import EventStore
from npcproc.testing import heads_attending

TOWNSHIPS = 1134  # Guangdong's township congresses (seed 002)
SEED = 2022
FIRST_YEAR = 2022
D = datetime.date
K = AgendaItemKind
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰"
EARLY = [K.GOVERNMENT_REPORT, K.PRESIDIUM_REPORT, K.BUDGET, K.CONSTRUCTION_PLAN, K.CIVIL_AFFAIRS_PLAN,
         K.ELECTION, K.LIVELIHOOD_VOTE]  # fmt: skip
MID = [K.GOVERNMENT_REPORT, K.BUDGET_EXECUTION, K.FINAL_ACCOUNTS, K.SUGGESTION_HANDLING_REPORT, K.ELECTION]
TOPICS = ["村道硬化", "饮水安全", "学校操场", "垃圾分类", "农贸市场", "养老服务", "路灯增设", "污水管网", "卫生院",
          "河道整治", "公交站点", "文化广场", "农田水利", "停车难", "防汛设施"]  # fmt: skip
#: (early-session offices, mid-session offices) elected in the first year of a term; later years hold by-elections.
FIRST_YEAR_OFFICES = ((Office.TOWNSHIP_CHAIR, 1, 0), (Office.TOWNSHIP_VICE_CHAIR, 1, 1),
                      (Office.TOWNSHIP_HEAD, 1, 1), (Office.DEPUTY_TOWNSHIP_HEAD, 2, 1))  # fmt: skip


@attrs.frozen(kw_only=True)
class Township:
    """One township congress of the simulated province."""

    number: int
    id: str
    name: str
    division_code: str
    population: int
    quota: int
    deputies: int


def province(count: int = TOWNSHIPS, seed: int = SEED) -> list[Township]:
    """Every township of the province, the same for a given seed."""
    rng = random.Random(seed)
    found = []
    for number in range(1, count + 1):
        population = int(rng.triangular(10_000, 120_000, 35_000))
        quota = deputy_quota_cap(Level.TOWNSHIP, population)
        name = f"{rng.choice(SURNAMES)}{rng.choice('家村溪山河岭田坪塘湾')}镇"
        found.append(Township(
            number=number, id=f"gd{number:04}", name=name, division_code=f"44{number:07}", population=population,
            quota=quota, deputies=quota - rng.randint(0, 3),
        ))  # fmt: skip
    return found


def select(townships: Sequence[Township], *, scale: float = 1.0, township: int | None = None) -> list[Township]:
    """The first ``scale`` of the province (at least one township), or the one numbered ``township``."""
    if township is not None:
        return [t for t in townships if t.number == township]
    if not 0 < scale <= 1:
        raise ValueError(f"scale: must be in (0, 1], got {scale}")
    return list(townships[: max(1, round(len(townships) * scale))])


class Counter:
    """Counts the commands sent through the procedures (each one a transaction)."""

    def __init__(self) -> None:
        self.commands = 0

    def __call__(self, action: Callable[..., object], *args: object, **kwargs: object) -> object:
        self.commands += 1
        return action(*args, **kwargs)


@attrs.define
class Year:
    """The procedure services and randomness for one township's year."""

    town: Township
    year: int
    first: bool
    rng: random.Random
    store: EventStore
    rules: RuleSet
    run: Counter
    deputies: list[str] = attrs.field(factory=list)

    @property
    def cid(self) -> str:
        return self.town.id


def write_township(store: EventStore, rules: RuleSet, town: Township, *, years: int, run: Counter, seed: int) -> None:
    """Establish ``town``'s congress and record ``years`` years of its term."""
    congresses = Congresses(store, rules)
    names = {f"{town.id}-d{n:03}": _name(n) for n in range(1, town.deputies + 1)}
    run(congresses.establish, Congress(id=town.id, name=town.name, level=Level.TOWNSHIP,
                                       division_code=town.division_code, population=town.population,
                                       deputy_quota=town.quota))  # fmt: skip
    run(congresses.begin_term, town.id, 1, elections_completed_on=D(FIRST_YEAR - 1, 12, 10))
    run(congresses.elect_deputies, town.id, names, term=1, on=D(FIRST_YEAR - 1, 12, 10))
    for offset in range(years):
        rng = random.Random(f"{seed}-{town.id}-{offset}")
        year = Year(town=town, year=FIRST_YEAR + offset, first=offset == 0, rng=rng, store=store, rules=rules,
                    run=run, deputies=list(names))  # fmt: skip
        township_year(year)


def _name(n: int) -> str:
    return f"{SURNAMES[n % len(SURNAMES)]}{GIVEN[(n * 7) % len(GIVEN)]}{GIVEN[(n * 13) % len(GIVEN)]}"


def township_year(y: Year) -> None:
    """One year of a township congress, in the order it happens."""
    chosen_places = _livelihood_collection(y)
    early = D(y.year, 1, y.rng.randint(6, 25))
    present = _session(y, "1", early, EARLY)
    _early_business(y, f"{y.cid}-{y.year}-1", early, present, chosen_places)
    for quarter, month in enumerate((3, 6, 9, 12), start=1):
        _presidium_meeting(y, quarter, D(y.year, month, y.rng.randint(2, 20)))
    _suggestions(y, early)
    _supervision(y)
    mid = D(y.year, 7, y.rng.randint(2, 20))
    present = _session(y, "2", mid, MID)
    _mid_business(y, f"{y.cid}-{y.year}-2", mid, present)
    _livelihood_follow_up(y)


def _session(y: Year, number: str, day: D, kinds: list[AgendaItemKind]) -> list[str]:
    sessions = Sessions(y.store, y.rules)
    sid = f"{y.cid}-{y.year}-{number}"
    y.run(sessions.plan, sid, congress_id=y.cid, opens_on=day)
    y.run(sessions.give_notice, sid, on=day - datetime.timedelta(days=y.rng.randint(8, 14)),
          materials_on=day - datetime.timedelta(days=y.rng.randint(2, 5)))  # fmt: skip
    agenda = [AgendaItem(id=f"{sid}-{kind.value}", kind=kind, title=kind.value) for kind in kinds]
    presidium = y.deputies[: 7 + 2 * y.rng.randint(0, 2)]
    on_leave = y.rng.sample(y.deputies[11:], y.rng.randint(1, max(1, len(y.deputies) // 15)))
    present = [d for d in y.deputies if d not in on_leave]
    abstain = y.rng.randint(0, 2)
    y.run(sessions.hold_preparatory_meeting, sid, on=day, present=present, presidium=presidium,
          presidium_vote=VoteCount(yes=len(present) - abstain, abstain=abstain), agenda=agenda,
          agenda_vote=VoteCount(yes=len(present)))  # fmt: skip
    for deputy in on_leave:
        y.run(sessions.grant_leave, sid, deputy)
    # OL 21: the township heads in office who are not deputies attend (a province may also require the
    # presidium's decision for others: none attend here)
    y.run(sessions.open, sid, on=day, present=present, attending=heads_attending(y.store, y.cid, day))
    return present


def _recorded_vote(y: Year, sid: str, vote_id: str, subject: str, day: D, present: list[str]) -> None:
    """A vote by the electronic voting system, each deputy's choice recorded (DL 23)."""
    sessions = Sessions(y.store, y.rules)
    y.run(sessions.open_vote, sid, vote_id, subject=subject, method=VoteMethod.ELECTRONIC, on=day, present=present)
    against = y.rng.random() * 0.2
    for deputy in present:
        pick = y.rng.random()
        choice = Choice.NO if pick < against else Choice.ABSTAIN if pick < against + 0.03 else Choice.YES
        y.run(sessions.cast, sid, vote_id, deputy, choice)
    y.run(sessions.close_vote, sid, vote_id)


def _anonymous_vote(y: Year, sid: str, vote_id: str, subject: str, day: D, present: list[str]) -> None:
    sessions = Sessions(y.store, y.rules)
    y.run(sessions.open_vote, sid, vote_id, subject=subject, method=VoteMethod.SECRET_BALLOT, on=day, present=present)
    no = int(len(present) * y.rng.random() * 0.15)
    abstain = y.rng.randint(0, 2)
    y.run(sessions.count_ballots, sid, vote_id, yes=len(present) - no - abstain, no=no, abstain=abstain)
    y.run(sessions.close_vote, sid, vote_id)


def _election(y: Year, sid: str, day: D, present: list[str], office: Office, seats: int, extra: int,
              *, by_election: bool = False) -> None:  # fmt: skip
    elections = Elections(y.store, y.rules)
    eid = f"{sid}-{office.value}"
    y.run(elections.open, eid, session_id=sid, office=office, seats=seats, extra_candidates=extra,
          by_election=by_election)  # fmt: skip
    if office in (Office.TOWNSHIP_CHAIR, Office.TOWNSHIP_VICE_CHAIR):  # deputies on the presidium (OL 18, 19)
        first = 0 if office is Office.TOWNSHIP_CHAIR else 1
        people = [Candidate(id=d, name=d) for d in y.deputies[first : first + seats + extra]]
    else:
        people = [Candidate(id=f"{eid}-c{n}", name=f"{_name(n + y.year)}") for n in range(seats + extra)]
    y.run(elections.nominate, eid, people[:seats], by=Nominator.PRESIDIUM)
    if extra:
        y.run(elections.nominate, eid, people[seats:], by=Nominator.DEPUTIES, nominators=y.deputies[40:50])
    y.run(elections.list_candidates, eid)
    y.run(elections.open_round, eid, on=day, present=present)
    favoured = {c.id for c in people[:seats]}
    ballots = []
    for _ in present:
        marks = {c.id: Choice.YES if (c.id in favoured) == (y.rng.random() < 0.9) else Choice.NO for c in people}
        if sum(m is Choice.YES for m in marks.values()) > seats:
            marks = {c.id: Choice.YES if c.id in favoured else Choice.NO for c in people}
        ballots.append(ElectionBallot(election_id=eid, round=1, marks=marks))
    y.run(elections.count, eid, ballots, ballots_issued=len(present))


def _early_business(y: Year, sid: str, day: D, present: list[str], places: int) -> None:
    sessions = Sessions(y.store, y.rules)
    for kind in (K.GOVERNMENT_REPORT, K.PRESIDIUM_REPORT, K.CIVIL_AFFAIRS_PLAN):
        y.run(sessions.handle_item, sid, f"{sid}-{kind.value}")
    _recorded_vote(y, sid, "budget", f"{sid}-{K.BUDGET.value}", day, present)
    _anonymous_vote(y, sid, "report", f"{sid}-{K.GOVERNMENT_REPORT.value}", day, present)
    _anonymous_vote(y, sid, "plan", f"{sid}-{K.CONSTRUCTION_PLAN.value}", day, present)
    offices = FIRST_YEAR_OFFICES if y.first else ((Office.DEPUTY_TOWNSHIP_HEAD, 1, 0),)
    for office, seats, extra in offices:
        _election(y, sid, day, present, office, seats, extra, by_election=not y.first)
    y.run(sessions.handle_item, sid, f"{sid}-{K.ELECTION.value}")
    bill = Bill(id=f"{sid}-b1", subject=f"关于{y.rng.choice(TOPICS)}的议案", grounds="群众反映强烈",
                proposal="列入年度计划", sponsors=tuple(y.rng.sample(present, 5)))  # fmt: skip
    y.run(sessions.submit_bill, sid, bill)
    y.run(sessions.decide_listing, sid, bill.id, listed=False)
    livelihood = Livelihood(y.store, y.rules)
    listed = livelihood.state(y.cid, y.year).listing
    assert listed is not None
    shares = _shares(y, len(listed.candidates), places)
    votes = {p: int(len(present) * share) for p, share in zip(listed.candidates, shares, strict=True)}
    y.run(livelihood.vote, y.cid, y.year, session_id=sid, on=day, ballots_issued=len(present), votes=votes)
    y.run(sessions.handle_item, sid, f"{sid}-{K.LIVELIHOOD_VOTE.value}")
    for kind in (K.BUDGET, K.CONSTRUCTION_PLAN):
        y.run(sessions.handle_item, sid, f"{sid}-{kind.value}")
    y.run(sessions.close, sid, on=day)


def _shares(y: Year, count: int, places: int) -> list[float]:
    """Falling vote shares: the first ``places`` well above half, the rest far below; never more marks than places."""
    return [(0.92 - 0.1 * n if n < places else 0.15 - 0.03 * (n - places)) - y.rng.random() * 0.01
            for n in range(count)]  # fmt: skip


def _mid_business(y: Year, sid: str, day: D, present: list[str]) -> None:
    sessions = Sessions(y.store, y.rules)
    for kind in (K.GOVERNMENT_REPORT, K.SUGGESTION_HANDLING_REPORT):
        y.run(sessions.handle_item, sid, f"{sid}-{kind.value}")
    _recorded_vote(y, sid, "accounts", f"{sid}-{K.FINAL_ACCOUNTS.value}", day, present)
    _anonymous_vote(y, sid, "execution", f"{sid}-{K.BUDGET_EXECUTION.value}", day, present)
    _election(y, sid, day, present, Office.DEPUTY_TOWNSHIP_HEAD, 1, 0, by_election=True)
    if y.rng.random() < 0.15:
        inquiries = Inquiries(y.store, y.rules)
        qid = f"{sid}-q1"
        sponsors = y.rng.sample(present, 10)
        y.run(inquiries.file, qid, session_id=sid, sponsors=sponsors, target=InquiryTarget.TOWNSHIP_GOVERNMENT,
              questions=f"{y.rng.choice(TOPICS)}工程为何延期")  # fmt: skip
        y.run(inquiries.decide_answer_form, qid, form=AnswerForm.PLENARY)
        y.run(inquiries.answer, qid, answered_by="镇长", on=day)
        y.run(inquiries.rate, qid, dissatisfied=sponsors[:2])
    for kind in (K.BUDGET_EXECUTION, K.FINAL_ACCOUNTS, K.ELECTION):
        y.run(sessions.handle_item, sid, f"{sid}-{kind.value}")
    y.run(sessions.close, sid, on=day)


def _presidium_meeting(y: Year, quarter: int, day: D) -> None:
    presidium = PresidiumMeetings(y.store, y.rules)
    mid = f"{y.year}-q{quarter}"
    _session_id, members = presidium.members(y.cid, day)
    attending = list(members[: len(members) - y.rng.randint(0, 2)])
    y.run(presidium.hold_meeting, y.cid, mid, on=day, present=attending)
    y.run(presidium.decide, y.cid, mid, f"{mid}-1", subject="组织代表视察", yes=len(attending))


def _suggestions(y: Year, day: D) -> None:
    suggestions = Suggestions(y.store, y.rules)
    count = y.rng.randint(10, 30)
    referred = D(y.year, 2, y.rng.randint(1, 20))
    for n in range(1, count + 1):
        sid = f"s{y.year}-{n:02}"
        y.run(suggestions.submit, y.cid, sid, deputies=y.rng.sample(y.deputies, y.rng.randint(1, 3)),
              subject=y.rng.choice(TOPICS), content="建议尽快解决", on=day)  # fmt: skip
        y.run(suggestions.refer, y.cid, sid, unit="镇人民政府", on=referred)
    for n in range(1, count + 1):
        sid = f"s{y.year}-{n:02}"
        y.run(suggestions.reply, y.cid, sid, on=referred + datetime.timedelta(days=y.rng.randint(20, 80)),
              category=ReplyCategory.RESOLVED)  # fmt: skip
        unhappy = y.rng.random() < 0.08
        rating = Rating.DISSATISFIED if unhappy else Rating.SATISFIED
        y.run(suggestions.rate, y.cid, sid, on=referred + datetime.timedelta(days=85), rating=rating)
        if unhappy:
            y.run(suggestions.reply, y.cid, sid, on=D(y.year, 6, 1), category=ReplyCategory.IN_PLAN)
            y.run(suggestions.rate, y.cid, sid, on=D(y.year, 6, 8), rating=Rating.BASICALLY_SATISFIED)


def _supervision(y: Year) -> None:
    supervision = Supervision(y.store, y.rules)
    case = f"{y.cid}-{y.year}-c1"
    chain = [link(LinkKind.INSPECTION, "镇人民政府"), link(LinkKind.WORK_REVIEW, "镇人民政府")]
    y.run(supervision.open_case, case, congress_id=y.cid, subject=y.rng.choice(TOPICS), links=chain)
    y.run(supervision.record, case, 0, Step.HELD, congress_id=y.cid, on=D(y.year, 4, 12))
    y.run(supervision.record, case, 0, Step.REFERRED, congress_id=y.cid, on=D(y.year, 4, 20), due=D(y.year, 6, 20))
    y.run(supervision.record, case, 0, Step.RECTIFIED, congress_id=y.cid, on=D(y.year, 6, 15))
    y.run(supervision.record, case, 1, Step.HELD, congress_id=y.cid, on=D(y.year, 8, 1))
    raters = len(y.deputies) - 5
    y.run(supervision.rate, case, 1, congress_id=y.cid, on=D(y.year, 8, 1), satisfied=raters - 3, raters=raters)


def _livelihood_collection(y: Year) -> int:
    livelihood = Livelihood(y.store, y.rules)
    y.run(livelihood.open_collection, y.cid, y.year, on=D(y.year - 1, 11, 25))
    count = y.rng.randint(5, 8)
    for n, title in enumerate(y.rng.sample(TOPICS, count), start=1):
        y.run(livelihood.propose, y.cid, y.year, f"p{n}", title=title, source=ProjectSource.PUBLIC,
              on=D(y.year - 1, 11, 30))  # fmt: skip
        y.run(livelihood.review, y.cid, y.year, f"p{n}", accepted=True, by=ReviewBody.PRESIDIUM,
              on=D(y.year - 1, 12, 10))  # fmt: skip
    places = 3 if count < 7 else 4
    y.run(livelihood.list_candidates, y.cid, y.year, quota=places, on=D(y.year - 1, 12, 20))
    return places


def _livelihood_follow_up(y: Year) -> None:
    livelihood = Livelihood(y.store, y.rules)
    chosen = livelihood.state(y.cid, y.year).chosen
    for project in chosen:
        for on, percent in ((D(y.year, 4, 30), 30), (D(y.year, 8, 31), 70), (D(y.year, 11, 30), 100)):
            y.run(livelihood.report_progress, y.cid, y.year, project, on=on, percent=percent)
    y.run(livelihood.visit, y.cid, y.year, chosen[0], on=D(y.year, 9, 15), group="第一代表小组",
          deputies=y.deputies[20:23], findings="工程已基本完工")  # fmt: skip
    n = len(y.deputies) - 4
    rating = SatisfactionCount(satisfied=n - 8, basically_satisfied=6, dissatisfied=2)
    y.run(livelihood.evaluate, y.cid, y.year, on=D(y.year, 12, 20), ratings=dict.fromkeys(chosen, rating))


@attrs.frozen(kw_only=True)
class Result:
    townships: int
    commands: int
    events: int
    seconds: float
    cpu_seconds: float  # this process only (user + system): the store server's work is not in it
    peak_rss_kib: int


def simulate(
    url: str, *, scale: float = 1.0, township: int | None = None, years: int = 1, province_name: str | None = None,
    seed: int = SEED, progress: Callable[[int, int], None] | None = None,
) -> Result:  # fmt: skip
    """Write the selected townships' ``years`` into the store at ``url``."""
    chosen = select(province(seed=seed), scale=scale, township=township)
    rules = npcproc.load_rules(province_name)
    store = npcproc.open_store(url)
    run = Counter()
    before = store.head().position
    started, cpu_started = time.perf_counter(), time.process_time()
    try:
        for done, town in enumerate(chosen, start=1):
            write_township(store, rules, town, years=years, run=run, seed=seed)
            if progress is not None:
                progress(done, len(chosen))
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        events = store.head().position - before
    finally:
        store.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return Result(townships=len(chosen), commands=run.commands, events=events, seconds=seconds, cpu_seconds=cpu,
                  peak_rss_kib=peak)  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", required=True, help="store URL, e.g. sqlite:///province.db?synchronous=normal")
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the province's townships (0, 1]")
    parser.add_argument("--township", type=int, help="only the township with this number (1..1134)")
    parser.add_argument("--years", type=int, default=1, help="years of the term to record (1-5)")
    parser.add_argument("--province", help="load this province's rules (default: national law)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--progress", action="store_true", help="report each 1/20 of the townships on stderr")
    args = parser.parse_args(argv)
    if not 1 <= args.years <= 5:
        parser.error("--years: a term has five years")

    def report(done: int, total: int) -> None:
        if done == total or done % max(1, total // 20) == 0:
            print(f"{done}/{total} townships", file=sys.stderr, flush=True)

    result = simulate(
        args.store, scale=args.scale, township=args.township, years=args.years, province_name=args.province,
        seed=args.seed, progress=report if args.progress else None,
    )  # fmt: skip
    print(json.dumps(attrs.asdict(result)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
