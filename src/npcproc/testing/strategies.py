"""Hypothesis strategies for rule testers: levels, congresses, deputies, counts, provincial settings.

Every strategy takes keyword-only arguments; those that accept a strategy accept a plain
value too. Strategies shrink toward small congresses, early dates and the national values.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from fractions import Fraction

import attrs
from hypothesis import strategies as st

from npcproc.model.congress import Congress, Deputy, DeputyStatus, StatusChange
from npcproc.model.levels import Level, Post
from npcproc.model.session import AgendaItem, AgendaItemKind, Bill, SponsorBody, VoteCount
from npcproc.provinces import Province
from npcproc.rules import national
from npcproc.rules.decision import Binding, Citation
from npcproc.rules.parameters import ALL_LEVELS, Condition, CongressFacts, Direction, Parameter, Setting, Value

__all__ = [
    "agenda_items",
    "attendance",
    "bills",
    "conditions",
    "congress_facts",
    "congresses",
    "deputies",
    "deputy_totals",
    "levels",
    "posts",
    "provinces",
    "provincial_settings",
    "tallies",
    "vote_counts",
]

#: The largest congress at each level: the EL 12 cap plus the 5% minority allowance.
LARGEST = {Level.TOWNSHIP: 168, Level.COUNTY: 473}
#: The article settings cite unless told otherwise.
SAMPLE_CITATION = Citation(law="ZJ", article=1)
_DAYS = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2060, 12, 31))


def _strategy(value: st.SearchStrategy[Level] | Level | None) -> st.SearchStrategy[Level]:
    if value is None:
        return levels()
    return value if isinstance(value, st.SearchStrategy) else st.just(value)


def levels() -> st.SearchStrategy[Level]:
    """Township or county; shrinks toward township."""
    return st.sampled_from(Level)


def posts() -> st.SearchStrategy[Post]:
    """An elected post kind; shrinks toward principal posts."""
    return st.sampled_from(Post)


def deputy_totals(*, level: st.SearchStrategy[Level] | Level | None = None) -> st.SearchStrategy[int]:
    """The number of deputies of a congress: 1 up to the largest lawful quota; shrinks toward 1."""
    return _strategy(level).flatmap(lambda lv: st.integers(min_value=1, max_value=LARGEST[lv]))


def attendance(*, total: st.SearchStrategy[int] | int | None = None) -> st.SearchStrategy[tuple[int, int]]:
    """``(total_deputies, present)`` with ``0 <= present <= total``; shrinks toward (1, 0)."""
    totals = deputy_totals() if total is None else total if isinstance(total, st.SearchStrategy) else st.just(total)
    return totals.flatmap(lambda n: st.tuples(st.just(n), st.integers(min_value=0, max_value=n)))


def tallies(
    *, total: st.SearchStrategy[int] | int | None = None, seats: int = 1, candidates: int = 3
) -> st.SearchStrategy[tuple[int, int, dict[str, int]]]:
    """``(total_deputies, ballots, votes)``: a possible count of one round with all ballots back.

    Each of ``ballots`` ballots marks at most ``seats`` of ``candidates`` names, so votes are
    conserved: no candidate has more than ``ballots`` votes and all marks fit the ballots.
    Shrinks toward few ballots and no votes.
    """
    totals = deputy_totals() if total is None else total if isinstance(total, st.SearchStrategy) else st.just(total)
    names = [f"C{i}" for i in range(1, candidates + 1)]

    @st.composite
    def count(draw: st.DrawFn) -> tuple[int, int, dict[str, int]]:
        n = draw(totals)
        ballots = draw(st.integers(min_value=0, max_value=n))
        votes = dict.fromkeys(names, 0)
        for _ in range(ballots):
            for name in draw(st.lists(st.sampled_from(names), max_size=seats, unique=True)):
                votes[name] += 1
        return n, ballots, votes

    return count()


def provinces() -> st.SearchStrategy[Province]:
    """A made-up province with a valid GB/T 2260 code; shrinks toward code 110000."""
    return st.integers(min_value=11, max_value=82).map(
        lambda n: Province(code=f"{n}0000", name_zh=f"测试省{n}", name_en=f"Testprovince {n}", key=f"T{n}")
    )


def congresses(*, level: st.SearchStrategy[Level] | Level | None = None) -> st.SearchStrategy[Congress]:
    """A congress whose quota respects EL 12 for its population; shrinks toward small townships."""
    from npcproc.statute import deputy_quota_cap

    @st.composite
    def build(draw: st.DrawFn) -> Congress:
        lv = draw(_strategy(level))
        population = draw(st.integers(min_value=1, max_value=3_000_000))
        cap = deputy_quota_cap(lv, population)
        return Congress(
            id=draw(st.from_regex(r"[a-z][a-z0-9-]{0,15}", fullmatch=True)),
            name=draw(st.text(min_size=1, max_size=20).filter(str.strip)),
            level=lv,
            division_code=draw(st.from_regex(r"\d{6}(\d{3})?", fullmatch=True)),
            population=population,
            deputy_quota=draw(st.integers(min_value=1, max_value=cap)),
        )

    return build()


def deputies(*, congress_id: str = "c1", term: int = 1) -> st.SearchStrategy[Deputy]:
    """A deputy with a lawful status history: dated in order, nothing after a final status."""

    @st.composite
    def build(draw: st.DrawFn) -> Deputy:
        start = draw(_DAYS)
        deputy = Deputy.elected(
            id=draw(st.from_regex(r"d[0-9]{1,4}", fullmatch=True)),
            name=draw(st.text(min_size=1, max_size=10).filter(str.strip)),
            congress_id=congress_id,
            term=term,
            on=start,
        )
        day = start
        for status in draw(st.lists(st.sampled_from(DeputyStatus), max_size=4)):
            if not deputy.status_history[-1].status.in_office:
                break
            day += datetime.timedelta(days=draw(st.integers(min_value=0, max_value=400)))
            deputy = deputy.with_status(StatusChange(status=status, on=day))
        return deputy

    return build()


_IDS = st.from_regex(r"[a-z][a-z0-9-]{0,11}", fullmatch=True)
_WORDS = st.text(min_size=1, max_size=30).filter(str.strip)


def agenda_items(*, kind: st.SearchStrategy[AgendaItemKind] | None = None) -> st.SearchStrategy[AgendaItem]:
    """An agenda item of any kind; shrinks toward the government work report."""
    return st.builds(AgendaItem, id=_IDS, kind=kind or st.sampled_from(AgendaItemKind), title=_WORDS)


def vote_counts() -> st.SearchStrategy[VoteCount]:
    """A vote's count: yes, no and abstain, none negative (DL 23)."""
    counts = st.integers(min_value=0, max_value=500)
    return st.builds(VoteCount, yes=counts, no=counts, abstain=counts)


def bills() -> st.SearchStrategy[Bill]:
    """A bill sponsored by deputies or by a body, with subject, grounds and proposal (DL 15)."""
    sponsors = st.lists(st.from_regex(r"d[0-9]{1,3}", fullmatch=True), min_size=1, max_size=12, unique=True)
    return st.one_of(
        st.builds(Bill, id=_IDS, subject=_WORDS, grounds=_WORDS, proposal=_WORDS, sponsors=sponsors.map(tuple)),
        st.builds(Bill, id=_IDS, subject=_WORDS, grounds=_WORDS, proposal=_WORDS,
                  sponsor_body=st.sampled_from(SponsorBody)),
    )  # fmt: skip


def _value_near(parameter: Parameter, *, stricter: bool) -> st.SearchStrategy[Value]:
    national_value = parameter.national
    assert national_value is not None
    higher = (parameter.direction is Direction.HIGHER_IS_STRICTER) == stricter
    if isinstance(national_value, Fraction):
        steps = st.fractions(min_value=Fraction(1, 20), max_value=Fraction(1, 2), max_denominator=20)
        if higher:
            return steps.map(lambda d: min(Fraction(1), national_value + d))
        return steps.map(lambda d: max(Fraction(1, 100), national_value - d))
    if higher:
        return st.integers(min_value=1, max_value=10).map(lambda d: national_value + d)
    return st.integers(min_value=1, max_value=max(1, national_value - 1)).map(lambda d: max(1, national_value - d))


DESIGNATIONS = ("populous", "developed")


#: Days a shaped setting may take effect and a congress's rules may be applied on: each side of a boundary.
COMMENCEMENTS = (datetime.date(2016, 12, 31), datetime.date(2017, 1, 1), datetime.date(2017, 1, 2))


def congress_facts(*, level: st.SearchStrategy[Level] | Level | None = None) -> st.SearchStrategy[CongressFacts]:
    """The facts a rule may depend on: level, population, deputies in office (either may be unknown),
    designations and the day. Shrinks toward a small township with nothing known."""
    return st.builds(
        CongressFacts,
        level=_strategy(level),
        population=st.none() | st.integers(min_value=1, max_value=2_000_000),
        deputies=st.none() | st.integers(min_value=1, max_value=450),
        designations=st.frozensets(st.sampled_from(DESIGNATIONS)),
        on=st.none() | st.sampled_from(COMMENCEMENTS),
    )


def conditions() -> st.SearchStrategy[Condition]:
    """A condition on a congress's facts, as a provincial text words one (a threshold or a designation)."""
    bound = st.integers(min_value=1, max_value=200_000)
    return st.one_of(
        bound.map(lambda n: Condition(fact="population", at_least=n, zh=f"{n}人以上", en=f"{n} people or more")),
        st.integers(min_value=1, max_value=450).flatmap(
            lambda n: st.sampled_from([
                Condition(fact="deputies", at_least=n, zh=f"代表{n}人以上", en=f"{n} deputies or more"),
                Condition(fact="deputies", at_most=n, zh=f"代表{n}人以下", en=f"{n} deputies or fewer"),
            ])
        ),
        st.sampled_from(DESIGNATIONS).map(
            lambda d: Condition(fact="designation", designation=d, zh=d, en=d)
        ),
    )  # fmt: skip


def provincial_settings(
    *,
    parameters: Mapping[str, Parameter] | None = None,
    looser: bool = False,
    relaxation: bool = False,
    shaped: bool = False,
    citation: Citation = SAMPLE_CITATION,
) -> st.SearchStrategy[list[Setting]]:
    """A province's settings for a subset of the adjustable national parameters.

    By default every value is at least as strict as the national one. ``looser=True`` may
    draw looser values too (declared as relaxations when ``relaxation=True``). ``shaped=True``
    gives each setting a random scope (levels, session kinds), condition, binding force and day
    of taking effect, and may set a parameter more than once. Fixed parameters are never set. Shrinks toward
    no settings.
    """
    pool = [p for p in (parameters or national.PARAMETERS).values() if p.direction is not Direction.FIXED]
    pool = [p for p in pool if p.national is not None]

    def setting(parameter: Parameter) -> st.SearchStrategy[Setting]:
        national_value = parameter.national
        assert national_value is not None
        options: list[st.SearchStrategy[Value]] = [_value_near(parameter, stricter=True), st.just(national_value)]
        if looser:
            options.append(_value_near(parameter, stricter=False))
        plain = st.one_of(*options).map(
            lambda v: Setting(
                parameter=parameter.name,
                value=v,
                citation=citation,
                relaxation=relaxation and parameter.stricter(national_value, v),
            )
        )
        if not shaped:
            return plain
        return st.builds(
            attrs.evolve,
            plain,
            levels=st.sampled_from([ALL_LEVELS, frozenset({Level.TOWNSHIP}), frozenset({Level.COUNTY})]),
            session_kinds=st.sampled_from([None, frozenset({"regular"}), frozenset({"regular", "extraordinary"})]),
            when=st.none() | conditions(),
            binding=st.sampled_from([Binding.SHALL, Binding.NORMALLY]),
            in_force_from=st.none() | st.sampled_from(COMMENCEMENTS),
        )

    unique = not shaped  # a shaped province may set one parameter several times, under other conditions
    return st.lists(st.sampled_from(pool), unique_by=(lambda p: p.name) if unique else None).flatmap(
        lambda chosen: st.tuples(*(setting(p) for p in chosen)).map(list)
    )
