"""A store as Popolo JSON (https://www.popoloproject.com): people, memberships, sessions, motions, votes.

Popolo's own fields carry what they define. What npcproc knows beyond them is kept under
keys prefixed ``npcproc:`` (documented in ``docs/export.md``), so Popolo readers ignore them.

Secret ballots stay secret: a vote event decided by secret ballot carries counts and no
``votes`` list; only show-of-hands and electronic votes list each deputy's choice.
"""

from __future__ import annotations

from typing import Any

from npcproc.model.congress import Deputy, DeputyStatus
from npcproc.model.session import Choice, VoteMethod
from npcproc.procedures.congress.posts import CHAIR_POSTS
from npcproc.procedures.congress.state import CongressState
from npcproc.procedures.election.state import ElectionState
from npcproc.procedures.session.state import SessionState, VoteState
from npcproc.report.year import read_year
from npcproc.store.base import EventStore

__all__ = ["popolo_from_store"]

Document = dict[str, list[dict[str, Any]]]
OPTION = {Choice.YES: "yes", Choice.NO: "no", Choice.ABSTAIN: "abstain"}
ENDED = {DeputyStatus.RESIGNED, DeputyStatus.RECALLED, DeputyStatus.DECEASED, DeputyStatus.ENDED}


def popolo_from_store(store: EventStore) -> Document:
    """Every congress in ``store`` with its sessions and elections, as one Popolo document."""
    document: Document = {key: [] for key in ("persons", "organizations", "memberships", "events", "motions")}
    document["vote_events"] = []
    for congress in read_year(store).congresses:
        _congress(document, congress.state)
        for session in congress.sessions:
            _session(document, session)
        for election in congress.elections:
            _election(document, election)
    return document


def _congress(document: Document, state: CongressState) -> None:
    congress = state.congress
    document["organizations"].append({
        "id": congress.id, "name": congress.name, "classification": "legislature",
        "identifiers": [{"scheme": "GB/T 2260", "identifier": congress.division_code}],
        "npcproc:level": congress.level.value, "npcproc:population": congress.population,
        "npcproc:deputy_quota": congress.deputy_quota,
    })  # fmt: skip
    for deputy in sorted(state.deputies.values(), key=lambda d: d.id):
        document["persons"].append({"id": deputy.id, "name": deputy.name})
        document["memberships"].append(_membership(deputy))
    for office, holders in sorted(state.posts.items(), key=lambda item: item[0].value):
        for holder in holders:
            if holder not in state.deputies:  # a post such as township head need not go to a deputy
                document["persons"].append({"id": holder, "name": holder})
            membership: dict[str, Any] = {
                "id": f"{congress.id}/{office.value}/{holder}", "person_id": holder,
                "organization_id": congress.id, "role": office.value, "npcproc:office": office.value,
            }  # fmt: skip
            if office in CHAIR_POSTS:  # held full-time 专职 or not (ZJ 11 ¶1, BJ 20 ¶1)
                membership["npcproc:full_time"] = (office, holder) in state.full_time
            document["memberships"].append(membership)


def _membership(deputy: Deputy) -> dict[str, Any]:
    first, last = deputy.status_history[0], deputy.status_history[-1]
    membership: dict[str, Any] = {
        "id": f"{deputy.congress_id}/term-{deputy.term}/{deputy.id}", "person_id": deputy.id,
        "organization_id": deputy.congress_id, "role": "deputy", "start_date": first.on.isoformat(),
        "npcproc:term": deputy.term, "npcproc:status": last.status.value,
    }  # fmt: skip
    if last.status in ENDED:
        membership["end_date"] = last.on.isoformat()
        membership["end_reason"] = last.note or last.status.value
    return membership


def _session(document: Document, state: SessionState) -> None:
    event: dict[str, Any] = {
        "id": state.id, "name": f"{state.congress_id} {state.id}", "classification": "session",
        "organization_id": state.congress_id, "start_date": state.opens_on.isoformat(),
        "npcproc:kind": state.kind.value, "npcproc:status": state.status.value,
        "npcproc:present": list(state.present), "npcproc:on_leave": sorted(state.on_leave),
        "npcproc:attending": list(state.attending),
        "npcproc:absent_without_leave": list(state.absent_without_leave),
        "npcproc:agenda": [{"id": i.id, "kind": i.kind.value, "title": i.title} for i in state.agenda],
    }  # fmt: skip
    if state.closed_on is not None:
        event["end_date"] = state.closed_on.isoformat()
    document["events"].append(event)
    titles = {item.id: item.title for item in state.agenda} | {bill.id: bill.subject for bill in state.bills.values()}
    for bill in state.bills.values():
        document["motions"].append({
            "id": f"{state.id}/{bill.id}", "organization_id": state.congress_id, "legislative_session_id": state.id,
            "text": bill.subject, "classification": "bill", "npcproc:status": bill.status.value,
            "npcproc:sponsors": list(bill.sponsors),
        })  # fmt: skip
    for vote in state.votes.values():
        _vote(document, state, vote, titles.get(vote.subject, vote.subject))


def _vote(document: Document, state: SessionState, vote: VoteState, text: str) -> None:
    motion_id = f"{state.id}/{vote.subject}"
    if not any(motion["id"] == motion_id for motion in document["motions"]):
        document["motions"].append({
            "id": motion_id, "organization_id": state.congress_id, "legislative_session_id": state.id,
            "text": text, "classification": "agenda_item",
        })  # fmt: skip
    yes, no, abstain = vote.counts()
    vote_event: dict[str, Any] = {
        "id": f"{state.id}/{vote.id}", "motion_id": motion_id, "legislative_session_id": state.id,
        "organization_id": state.congress_id, "start_date": vote.opened_on.isoformat(),
        "counts": [{"option": "yes", "value": yes}, {"option": "no", "value": no},
                   {"option": "abstain", "value": abstain}],
        "npcproc:method": vote.method.value, "npcproc:entitled": len(vote.entitled),
    }  # fmt: skip
    if vote.tally is not None:
        vote_event["result"] = "pass" if vote.tally.passed else "fail"
        vote_event["counts"].append({"option": "not voting", "value": vote.tally.not_voting})
        vote_event["npcproc:citations"] = [str(citation) for citation in vote.tally.citations]
    if vote.method is not VoteMethod.SECRET_BALLOT:
        vote_event["votes"] = [
            {"voter_id": deputy, "option": OPTION[choice]} for deputy, choice in vote.ballots.items()
        ]
    document["vote_events"].append(vote_event)


def _election(document: Document, state: ElectionState) -> None:
    motion_id = f"{state.session_id}/election/{state.id}"
    document["motions"].append({
        "id": motion_id, "organization_id": state.congress_id, "legislative_session_id": state.session_id,
        "text": state.office.value, "classification": "election", "npcproc:seats": state.seats,
        "npcproc:candidates": [{"id": c.id, "name": c.name} for c in state.nominees.values()],
    })  # fmt: skip
    for round_ in state.rounds:
        vote_event: dict[str, Any] = {
            "id": f"{motion_id}/round-{round_.number}", "motion_id": motion_id,
            "legislative_session_id": round_.session_id, "organization_id": state.congress_id,
            "start_date": round_.on.isoformat(), "npcproc:round_kind": round_.kind.value,
            "npcproc:seats": round_.seats, "npcproc:candidates": list(round_.candidates),
        }  # fmt: skip
        if round_.count is not None:
            count = round_.count
            vote_event["result"] = "pass" if count.elected else "fail"
            votes = count.votes.items()
            vote_event["npcproc:votes"] = [{"candidate_id": candidate, "value": value} for candidate, value in votes]
            vote_event["npcproc:elected"] = list(count.elected)
            vote_event["npcproc:ballots"] = {
                "issued": count.ballots_issued, "returned": count.ballots_returned, "void": count.void_ballots,
                "valid_round": count.valid,
            }  # fmt: skip
        document["vote_events"].append(vote_event)
