"""Workshops in the store and through the conversation service (issue 13, points 2, 3, 5, 6, 8)."""
from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from conftest import TODAY

from wizard.conversation import ConversationService
from wizard.knowledge import default
from wizard.questionnaire import flow
from wizard.questionnaire.load import SHIPPED, load
from wizard.store import SessionStore
from wizard.store.attempts import Attempts, wait_after
from wizard.store.workshops import CODE_ALPHABET, WorkshopStore, normal_code
from wizard.workshop import aggregates, exports

SHORT = load(SHIPPED / "atelier.yaml")
FULL = load(SHIPPED / "diagnostic.yaml")


@pytest.fixture
def stores(db_url, engines):
    sessions = SessionStore(engines.make(db_url))
    return sessions, WorkshopStore(sessions)


def participant(sessions: SessionStore, wid: int, answers: dict, q=SHORT) -> ConversationService:
    svc = ConversationService(sessions, q, "fr", workshop_id=wid)
    conv = svc.start()
    for key, value in answers.items():
        svc.answer(conv, key, value)
    return conv


ANSWERS = {"structure_kind": "pij", "age_bands": ["15_17", "18_25"], "goals": ["inform"], "hours_per_week": 4.0}


def test_a_workshop_has_a_readable_code_and_a_secret_trainer_token(stores):
    _, workshops = stores
    w, token = workshops.create("Formation du 12 mars", "atelier")
    assert len(w.code) == 6 and set(w.code) <= set(CODE_ALPHABET) and not set("0O1IL") & set(w.code)
    assert len(token) * 6 >= 128 and w.code not in token
    assert workshops.by_code(w.code.lower()).id == w.id and workshops.by_code(f" {w.code[:3]} {w.code[3:]} ").id == w.id
    assert workshops.by_trainer(token).id == w.id and workshops.by_trainer(w.code) is None
    assert normal_code("AB0CDE") is None and normal_code("ABC") is None


def test_participants_are_anonymous_and_a_closed_workshop_takes_no_answer(stores):
    sessions, workshops = stores
    w, _ = workshops.create("Atelier", "atelier")
    conv = participant(sessions, w.id, {"structure_kind": "pij"})
    assert sessions.load(conv.token).workshop_id == w.id and sessions.load(conv.token).pseudonym is None
    workshops.set(w.id, closed=True)
    svc = ConversationService(sessions, SHORT, "fr", workshop_id=w.id)
    notices = svc.answer(conv, "goals", ["inform"])
    assert any(n.code == "workshop_closed" for n in notices)
    assert "goals" not in sessions.load(conv.token).answers


def test_thirty_participants_answering_at_once_lose_nothing(stores):
    sessions, workshops = stores
    w, _ = workshops.create("Atelier", "atelier")
    errors: list[BaseException] = []

    def one(n: int) -> None:
        try:
            participant(sessions, w.id, {**ANSWERS, "hours_per_week": float(n + 1)})
        except BaseException as exc:  # noqa: BLE001  (reported below)
            errors.append(exc)

    threads = [threading.Thread(target=one, args=(n,)) for n in range(30)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    people = workshops.participants(w.id)
    assert len(people) == 30
    assert sorted(p.answers["hours_per_week"] for p in people) == [float(n + 1) for n in range(30)]
    assert all(set(ANSWERS) <= set(p.answers) for p in people)


def test_the_room_counts_and_aggregates_what_participants_answered(stores):
    sessions, workshops = stores
    w, _ = workshops.create("Atelier", "atelier")
    participant(sessions, w.id, ANSWERS)
    participant(sessions, w.id, {**ANSWERS, "goals": ["partners"], "age_bands": ["18_25"], "hours_per_week": 12.0})
    people = workshops.participants(w.id)
    r = aggregates.room(people, SHORT, default(), "fr", lambda p: None)
    assert r.joined == 2 and r.finished == 0
    assert {c.id: c.count for c in r.goals} == {"inform": 1, "partners": 1}
    assert {c.id: c.count for c in r.hours} == {"2-5": 1, "10-20": 1}
    instagram = next(u for u in r.usage if u.channel == "instagram")
    assert instagram.audience_share and instagram.sources  # the audiences' published use, with its source


def test_exports_have_one_row_per_participant_and_no_free_text_until_approved(stores):
    sessions, workshops = stores
    w, _ = workshops.create("Atelier", "diagnostic")
    participant(sessions, w.id, {"structure_name": "MJC de Tulle", **ANSWERS}, FULL)
    people = workshops.participants(w.id)
    csv = exports.as_csv(FULL, people)
    header, row = csv.splitlines()[:2]
    assert header.split(",")[:2] == ["participant", "finished"] and "hours_per_week" in header
    assert "MJC de Tulle" not in csv and row.startswith("1,")
    workshops.approve(w.id, people[0].session_id, "structure_name")
    assert "MJC de Tulle" in exports.as_csv(FULL, workshops.participants(w.id))


def test_deleting_a_workshop_deletes_its_participants(stores):
    sessions, workshops = stores
    w, _ = workshops.create("Atelier", "atelier")
    conv = participant(sessions, w.id, ANSWERS)
    workshops.delete(w.id)
    assert workshops.by_id(w.id) is None and sessions.load(conv.token) is None


def test_wrong_codes_are_slowed_down_after_five_and_a_refresh_does_not_reset(stores):
    sessions, _ = stores
    codes, links = Attempts(sessions, "code"), Attempts(sessions, "link")
    assert [wait_after(n) for n in range(8)] == [0, 0, 0, 0, 0, 1, 2, 4]
    for _ in range(6):
        count = codes.failed("203.0.113.7")
    assert count == 6 and Attempts(sessions, "code").failures("203.0.113.7") == 6  # stored: a new page sees it
    assert codes.wait("203.0.113.7") == 2.0  # the sixth wrong code: the next try waits 2 s
    assert codes.failures("198.51.100.1") == 0 and links.failures("203.0.113.7") == 0  # another client, kind
    later = datetime.now(UTC) + timedelta(hours=2)
    assert codes.failures("203.0.113.7", now=later) == 0  # an hour without a try: the count starts again
    assert codes.failed("203.0.113.7", now=later) == 1


def test_the_short_questionnaire_builds_a_strategy():
    answers = {"structure_kind": "pij", "structure_country": "fr", **ANSWERS, "people": 1}
    answers = {k: v for k, v in answers.items() if k in {s.key for s in flow.steps(SHORT, answers)}}
    from wizard.engine import build_strategy
    profile = flow.build_profile(SHORT, answers)
    assert build_strategy(profile, default(), TODAY).channels
