"""Data written straight into a test server's database, for the browser tests that need a page
in a given state: a finished conversation (the results page), a workshop with participants who
answered, revealed (the room view)."""
from __future__ import annotations

from dataclasses import dataclass

from wizard.conversation import ConversationService
from wizard.questionnaire.load import SHIPPED, load
from wizard.store import SessionStore, make_engine
from wizard.store.workshops import WorkshopStore

# A few participants of a workshop (the short questionnaire's question ids), different enough
# for the room view to draw bars, the hours and the self-assessment radar.
PARTICIPANTS = (
    {"structure_kind": "mission_locale", "structure_country": "fr", "goals": ["inform", "visibility"],
     "hours_per_week": 6, "maturity_strategy": 2, "maturity_content": 3},
    {"structure_kind": "mission_locale", "structure_country": "fr", "goals": ["inform"], "hours_per_week": 4},
    {"structure_kind": "association", "structure_country": "be", "goals": ["partners", "inform"],
     "hours_per_week": 10, "maturity_strategy": 4, "maturity_content": 2},
)


def finished_conversation(store: SessionStore) -> str:
    """The resume token of a finished diagnostic (every question answered)."""
    from benchmarks.turn import ANSWERS
    token = store.create("diagnostic")
    store.save_answers(token, {**ANSWERS, "maturity_measurement": 1, "maturity_organisation": 3,
                               "maturity_safety": 2})
    return token


@dataclass(frozen=True)
class Room:
    code: str  # what participants type, and the room view's ?code=
    trainer_token: str  # the trainer's secret (?t=)
    id: int


def revealed_workshop(store: SessionStore, participants=PARTICIPANTS, title: str = "Atelier réseaux sociaux") -> Room:
    """A workshop on the short questionnaire, its participants' answers stored through the
    conversation service (as the join page does), the results revealed in the room."""
    workshops = WorkshopStore(store)
    w, token = workshops.create(title, "atelier")
    svc = ConversationService(store, load(SHIPPED / "atelier.yaml"), "fr", workshop_id=w.id)
    for answers in participants:
        conv = svc.start()
        for key, value in answers.items():
            svc.answer(conv, key, value)
    workshops.set(w.id, revealed=True)
    return Room(w.code, token, w.id)


def store_of(server) -> SessionStore:
    return SessionStore(make_engine(server.database_url))
