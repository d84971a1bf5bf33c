"""``npcproc export`` and ``npcproc calendar``: what a store holds, in formats other systems read."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO

import click

from npcproc.calendar import CalendarEvent, to_ics
from npcproc.cli.options import Options, common_options, open_existing_store, pass_options, store_option
from npcproc.i18n import Lang
from npcproc.store.base import EventStore, Head, Record

__all__ = [
    "COMMANDS",
    "EVENT_LOG_FORMAT",
    "EVENT_LOG_VERSION",
    "calendar",
    "calendar_events",
    "export",
    "record_to_json",
    "write_event_log",
]

EVENT_LOG_FORMAT = "npcproc-event-log"
EVENT_LOG_VERSION = 1


def record_to_json(record: Record) -> dict[str, object]:
    """One record as the event-log export writes it: every field the hash covers, so a reader can re-verify."""
    return {
        "position": record.position,
        "event_id": record.event_id,
        "stream": record.stream,
        "version": record.version,
        "type": record.type,
        "recorded_at": record.recorded_at.isoformat(),
        "data": record.data,
        "prev_hash": record.prev_hash,
        "hash": record.hash,
    }


def write_event_log(records: Iterable[Record], head: Head, out: IO[str]) -> int:
    """Write the log as one JSON document, a record per line, without holding the log in memory."""
    out.write(f'{{"format": "{EVENT_LOG_FORMAT}", "version": {EVENT_LOG_VERSION}, ')
    out.write(f'"head": {{"position": {head.position}, "hash": "{head.hash}"}}, "records": [')
    count = 0
    for record in records:
        out.write(",\n" if count else "\n")
        out.write(json.dumps(record_to_json(record), ensure_ascii=False, sort_keys=True))
        count += 1
    out.write("\n]}\n")
    return count


@click.command()
@common_options
@store_option
@click.option("--format", "fmt", type=click.Choice(["json", "popolo"]), default="json", show_default=True,
              help="json: the event log with its hash chain; popolo: people, memberships, sessions, votes")  # fmt: skip
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="file to write (default: standard output)")  # fmt: skip
@pass_options
def export(options: Options, store_url: str, fmt: str, output: Path | None) -> None:
    """Export a store as JSON (the verifiable event log) or as Popolo JSON."""
    store = open_existing_store(store_url)
    try:
        with click.open_file(str(output) if output else "-", "w", encoding="utf-8", atomic=output is not None) as out:
            if fmt == "json":
                with store.snapshot() as snapshot:
                    records = options.progress(
                        snapshot.records(), total=snapshot.head.position, en="exporting", zh="正在导出"
                    )
                    count = write_event_log(records, snapshot.head, out)
            else:
                from npcproc.popolo import popolo_from_store

                document = popolo_from_store(store)
                json.dump(document, out, ensure_ascii=False, indent=1, sort_keys=True)
                out.write("\n")
                count = sum(len(document[key]) for key in ("persons", "events", "vote_events"))
    finally:
        store.close()
    if output is not None:
        options.err_console.print(options.text(f"wrote {output} ({count} items)", f"已写入{output}（{count}项）"))


def calendar_events(store: EventStore, *, year: int | None, lang: Lang) -> list[CalendarEvent]:
    """Sessions and open deadlines (suggestion replies, supervision reports) recorded in ``store``."""
    from npcproc.model.suggestion import SuggestionStatus
    from npcproc.report.year import read_year

    zh = lang == "zh"
    events = []
    for congress in read_year(store, year=year).congresses:
        for session in congress.sessions:
            summary = f"{congress.name} {session.id}{'会议' if zh else ' session'}"
            events.append(CalendarEvent(uid=f"session-{session.id}", category="session", start=session.opens_on,
                                        end=session.closed_on or session.opens_on, summary=summary))  # fmt: skip
        for suggestion in congress.suggestions:
            if suggestion.status is SuggestionStatus.REFERRED and suggestion.due is not None:
                summary = (f"建议{suggestion.id}答复期限：{suggestion.unit}" if zh
                           else f"reply due on suggestion {suggestion.id} from {suggestion.unit}")  # fmt: skip
                events.append(CalendarEvent(uid=f"suggestion-{congress.id}-{suggestion.id}", category="deadline",
                                            start=suggestion.due, summary=summary,
                                            description=suggestion.submitted.subject))  # fmt: skip
        for case in congress.supervision:
            for number, link in enumerate(case.links):
                if link.awaiting is not None and link.due is not None:
                    step = link.awaiting.value
                    summary = (f"监督事项{case.case_id}：{link.spec.body}（{step}）期限" if zh
                               else f"supervision {case.case_id}: {link.spec.body} {step} due")  # fmt: skip
                    events.append(CalendarEvent(uid=f"supervision-{congress.id}-{case.case_id}-{number}",
                                                category="deadline", start=link.due, summary=summary,
                                                description=case.opened.subject))  # fmt: skip
    return sorted(events, key=lambda event: (event.start, event.uid))


@click.command()
@common_options
@store_option
@click.option("--ics", metavar="OUT", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="iCalendar file to write")  # fmt: skip
@click.option("--year", type=int, help="only events in this calendar year")
@pass_options
def calendar(options: Options, store_url: str, ics: Path, year: int | None) -> None:
    """Write the sessions and open deadlines recorded in a store as an iCalendar file."""
    store = open_existing_store(store_url)
    try:
        events = calendar_events(store, year=year, lang=options.lang)
    finally:
        store.close()
    name = options.text("npcproc calendar", "人大工作日历") + (f" {year}" if year else "")
    ics.write_bytes(to_ics(events, calendar_name=name))
    options.console.print(options.text(f"wrote {len(events)} events to {ics}", f"已写入{len(events)}个日程：{ics}"))


COMMANDS = (export, calendar)
