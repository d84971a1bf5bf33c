"""``npcproc report``: the year read out of a store matches what the procedures say, and the HTML shows it safely."""

from __future__ import annotations

import datetime
import re
from html import unescape as html_unescape
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from npcproc.cli import main
from npcproc.model import Congress, Level
from npcproc.model.session import AgendaItem, AgendaItemKind
from npcproc.plugins import reset_plugin_manager
from npcproc.procedures import Congresses, Livelihood, PresidiumMeetings, Sessions, Suggestions, Supervision
from npcproc.report import NothingToReportError, read_year, render_html
from npcproc.report.html import SECTIONS
from npcproc.report.labels import TEXT
from npcproc.report.sample import PROJECTS, sample_year
from npcproc.store import MemoryStore
from npcproc.store.sqlite import SQLiteStore
from npcproc.testing import prepare
from npcproc.text import UNSAFE_ANYWHERE, UnsafeTextError

D = datetime.date


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NPCPROC_DISABLE_PLUGIN_AUTOLOAD", "1")
        reset_plugin_manager()
        return sample_year(tmp_path_factory.mktemp("report") / "year.db")


@pytest.fixture
def store(sample_db):
    opened = SQLiteStore(str(sample_db))
    yield opened
    opened.close()


def test_the_view_holds_what_the_procedures_fold_from_the_store(store):
    view = read_year(store, year=2022)
    assert view.as_of == D(2022, 12, 31)
    assert view.records == store.head().position
    assert view.head == store.head().hash
    (qx,) = view.congresses
    sessions = Sessions(store)
    assert [s.id for s in qx.sessions] == ["2022-1", "2022-x", "2022-2"]
    assert qx.session("2022-x") is qx.sessions[1]
    assert qx.session("2021-1") is None
    for session in qx.sessions:
        assert session.votes == sessions.state(session.id).votes
    budget = qx.sessions[0].votes["budget"].tally
    assert (budget.yes, budget.no, budget.passed) == (48, 9, True)
    report = Suggestions(store).handling_report("qx", on=view.as_of)
    assert len(qx.overdue_suggestions()) == report.overdue == 2
    assert sum(qx.suggestions_by_status().values()) == report.submitted
    assert set(qx.overdue_links()) == set(Supervision(store).overdue("qx", view.as_of))
    assert [c.closed for c in qx.supervision] == [True, False]
    (projects,) = qx.livelihood
    assert projects == Livelihood(store).state("qx", 2022)
    assert projects.chosen == tuple(sorted(PROJECTS, key=lambda p: -PROJECTS[p][1])[:3])
    assert [m.held.meeting_id for m in qx.presidium] == ["pm1", "pm2", "pm3", "pm4"]
    assert qx.presidium_frequency[2022] == PresidiumMeetings(store).frequency_check("qx", 2022)
    assert qx.agenda[2022] == Sessions(store).year_check("qx", 2022)
    assert all(qx.quorum[s.id] for s in qx.sessions)
    assert [e.id for e in qx.elections] == ["head"]
    assert qx.elections[0].elected == ("周志远",)
    assert len(qx.inquiries) == 1


def test_overdue_is_counted_on_as_of(store):
    (early,) = read_year(store, year=2022, as_of=D(2022, 5, 1)).congresses
    (late,) = read_year(store, year=2022, as_of=D(2022, 12, 31)).congresses
    assert [s.id for s in early.overdue_suggestions()] == []  # s4 was sent back, due 10 June
    assert [s.id for s in late.overdue_suggestions()] == ["s4", "s5"]
    assert early.overdue_links() == ()


def test_year_and_congress_filters(store):
    (other_year,) = read_year(store, year=2021).congresses
    assert other_year.sessions == ()
    assert other_year.presidium == ()
    assert other_year.livelihood == ()
    assert read_year(store, congress_id="qx").year is None
    with pytest.raises(NothingToReportError, match=r"'zz'.*found: qx"):
        read_year(store, congress_id="zz")
    with pytest.raises(NothingToReportError, match="no congress"):
        read_year(MemoryStore())


def _small_year(name: str = "青溪镇人民代表大会", subject: str = "村道排水", title: str = "政府报告") -> MemoryStore:
    """A township with one session and two suggestions, one answered in time and one not."""
    store = MemoryStore()
    congresses, sessions, suggestions = Congresses(store), Sessions(store), Suggestions(store)
    congresses.establish(Congress(id="t", name=name, level=Level.TOWNSHIP, division_code="330110001",
                                  population=20_000, deputy_quota=50))  # fmt: skip
    congresses.begin_term("t", 1, elections_completed_on=D(2023, 11, 20))
    deputies = {f"d{n}": f"代表{n}" for n in range(1, 41)}
    congresses.elect_deputies("t", deputies, term=1, on=D(2024, 1, 8))
    sessions.plan("2024-1", congress_id="t", opens_on=D(2024, 1, 8))
    sessions.give_notice("2024-1", on=D(2023, 12, 25), materials_on=D(2024, 1, 3))
    item = AgendaItem(id="a1", kind=AgendaItemKind.GOVERNMENT_REPORT, title=title)
    prepare(sessions, "2024-1", on=D(2024, 1, 8), presidium=list(deputies)[:7], agenda=[item])
    sessions.open("2024-1", on=D(2024, 1, 8), present=list(deputies))
    sessions.handle_item("2024-1", "a1")
    sessions.close("2024-1", on=D(2024, 1, 8))
    for n in (1, 2):
        suggestions.submit("t", f"s{n}", deputies=["d1"], subject=subject, content="内容", on=D(2024, 1, 8))
        suggestions.refer("t", f"s{n}", unit="镇政府", on=D(2024, 1, 15))
    return store


def test_any_event_store_will_do_and_overdue_follows_the_deadline():
    store = _small_year()
    (t,) = read_year(store, year=2024, as_of=D(2024, 4, 15)).congresses
    assert t.overdue_suggestions() == ()
    (t,) = read_year(store, year=2024, as_of=D(2024, 4, 16)).congresses
    assert {s.id for s in t.overdue_suggestions()} == {"s1", "s2"}
    assert t.suggestions[0].due == D(2024, 4, 15)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


HOSTILE = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>"


def test_hostile_store_contents_are_escaped():
    store = _small_year(name=f"镇{HOSTILE}", subject=HOSTILE, title=HOSTILE)
    for lang in ("en", "zh"):
        html = render_html(read_year(store, year=2024), lang)
        assert HOSTILE not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        tags = _tags(html)
        assert [t for t, _ in tags if t == "script"] == ["script"]  # only the report's own
        assert not [t for t, _ in tags if t == "img"]
        assert not [a for _, attrs in tags for a in attrs if a.startswith("on")]


@settings(max_examples=25)
@given(text=st.text(min_size=1, max_size=40).filter(str.strip))
def test_no_text_from_the_store_becomes_markup(text):
    if UNSAFE_ANYWHERE.search(text):  # refused where it comes in: it never reaches the store
        with pytest.raises(UnsafeTextError):
            _small_year(subject=text, title=text)
        return
    store = _small_year(subject=text, title=text)
    html = render_html(read_year(store, year=2024), "en")
    clean = render_html(read_year(_small_year(), year=2024), "en")
    assert [t for t, _ in _tags(html)] == [t for t, _ in _tags(clean)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_section_is_there_in_both_languages(store, lang):
    html = render_html(read_year(store, year=2022), lang)
    ids = {attrs.get("id") for _, attrs in _tags(html)}
    assert set(SECTIONS) <= ids
    headings = dict(re.findall(r'<section id="([a-z-]+)"><h3>([^<]+)</h3>', html))
    for section in SECTIONS:
        assert html_unescape(headings[section]) == TEXT[section][1 if lang == "zh" else 0]
    assert f'<html lang="{"zh-Hans" if lang == "zh" else "en"}">' in html
    assert "<link" not in html
    assert "src=" not in html
    assert html.count("<svg") >= 10
    assert "@media print" in html


def test_findings_carry_their_citations(store):
    html = render_html(read_year(store, year=2022), "en")
    section = html.split('id="suggestions"')[1].split("</section>")[0]
    assert '<span class="cite">DL 51 ¶2</span>' in section
    votes = html.split('id="votes"')[1].split("</section>")[0]
    assert '<span class="cite">OL 25 ¶1</span>' in votes
    timeline = html.split('id="timeline"')[1].split("</section>")[0]
    assert timeline.count('<span class="cite">OL 14 ¶4</span>') == 3


def test_cli_writes_the_report(sample_db, tmp_path, capsys):
    out = tmp_path / "report.html"
    code = main(["report", "--store", f"sqlite:///{sample_db}", "--html", str(out), "--year", "2022", "--lang", "zh"])
    assert code == 0, capsys.readouterr().err
    html = out.read_text(encoding="utf-8")
    assert '<html lang="zh-Hans">' in html
    assert 'id="livelihood"' in html
    assert "已写入" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--store", "bogus://nowhere"], "no installed backend"),
        (["--store", "sqlite:///{tmp}/missing.db"], "no SQLite file"),
        (["--store", "sqlite:///{db}", "--congress", "zz"], "no congress 'zz'"),
        (["--store", "memory://"], "no congress"),
    ],
)
def test_cli_errors_exit_2(sample_db, tmp_path, capsys, args, message):
    args = [a.format(tmp=tmp_path, db=sample_db) for a in args]
    out = tmp_path / "report.html"
    assert main(["report", *args, "--html", str(out), "--lang", "en"]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()
    assert not (tmp_path / "missing.db").exists()


def test_cli_needs_its_options(tmp_path):
    assert main(["report", "--html", str(tmp_path / "r.html")]) == 2
    assert main(["report", "--store", "memory://"]) == 2


def test_two_congresses_get_distinct_section_ids():
    store = _small_year()
    Congresses(store).establish(Congress(id="u", name="东山乡人民代表大会", level=Level.TOWNSHIP,
                                         division_code="330110002", population=9_000, deputy_quota=40))  # fmt: skip
    view = read_year(store)
    assert [c.id for c in view.congresses] == ["t", "u"]
    ids = [attrs.get("id") for _, attrs in _tags(render_html(view, "en")) if attrs.get("id")]
    assert len(ids) == len(set(ids))
    assert {f"c2-{name}" for name in SECTIONS} <= set(ids)
