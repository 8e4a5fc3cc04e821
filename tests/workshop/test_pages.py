"""The workshop pages in AppTest: a trainer creates a workshop, participants join by code and
answer, the room view counts them and shows aggregates once revealed (issue 13, points 2–5, 8)."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from wizard.store import SessionStore, make_engine
from wizard.store.workshops import WorkshopStore


@pytest.fixture
def stores(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path}/w.sqlite"
    monkeypatch.setenv("DATABASE_URL", url)
    sessions = SessionStore(make_engine(url))
    return sessions, WorkshopStore(sessions)


def page(path: str, **params) -> AppTest:
    """One page as app.py draws it (wizard/views/pages.py), with its query parameters."""
    def script(name):
        from wizard.views import pages
        pages.standalone(name)

    name = {"pages/formateur": "trainer", "pages/atelier": "join", "pages/salle": "room"}[path]
    at = AppTest.from_function(script, args=(name,), default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def test_a_trainer_creates_a_workshop_and_gets_a_code_a_qr_and_a_secret_link(stores):
    _, workshops = stores
    at = page("pages/formateur")
    at.text_input[0].input("Formation réseaux sociaux, 12 mars")
    at.button[0].click().run()
    assert not at.exception
    token = at.query_params["t"]
    w = workshops.by_trainer(token)
    assert w is not None and w.title == "Formation réseaux sociaux, 12 mars"
    assert w.questionnaire_id == "atelier"  # the short questionnaire, made for a workshop, unless chosen otherwise
    assert any(w.code in h.value for h in at.subheader)
    assert any('alt="Scannez pour rejoindre' in h.proto.body for h in at.get("html"))  # the QR code, with its alt
    labels = [d.proto.label for d in at.get("download_button")]
    assert "QR code (PNG)" in labels and "QR code (SVG)" in labels
    assert "Synthèse du groupe (PDF)" in labels  # the group PDF, built when clicked
    texts = "\n".join(t.value for t in at.text)
    assert f"/atelier?code={w.code}" in texts and f"/salle?code={w.code}" in texts and token in texts


def test_a_title_is_required_and_nothing_typed_is_lost(stores):
    at = page("pages/formateur")
    at.button[0].click().run()
    assert at.error and "titre" in at.error[0].value
    assert "t" not in at.query_params


def test_a_participant_joins_by_code_anonymously_and_answers(stores):
    sessions, workshops = stores
    w, _ = workshops.create("Atelier", "atelier")
    at = page("pages/atelier", code=w.code.lower())
    assert at.text_input[0].value == w.code.lower()
    at.button[0].click().run()
    assert not at.exception
    assert any("Atelier" in c.value for c in at.caption)
    pills = at.pills[0]
    pills.set_value(pills.options[0]).run()  # the first question by its first quick reply
    people = workshops.participants(w.id)
    assert len(people) == 1 and people[0].answers


@pytest.mark.parametrize("typed, key", [("ZZZZZZ", "Aucun atelier"), ("0OIL", "n’est pas un code")])
def test_a_wrong_code_says_so(stores, typed, key):
    at = page("pages/atelier", code=typed)
    at.button[0].click().run()
    assert at.error and key in at.error[0].value


def test_a_closed_workshop_refuses_to_join(stores):
    _, workshops = stores
    w, _ = workshops.create("Atelier du soir", "atelier")
    workshops.set(w.id, closed=True)
    at = page("pages/atelier", code=w.code)
    at.button[0].click().run()
    assert at.error and "clos" in at.error[0].value


def test_the_room_counts_and_hides_results_until_revealed(stores):
    sessions, workshops = stores
    w, _ = workshops.create("Atelier", "atelier")
    from wizard.conversation import ConversationService
    from wizard.questionnaire.load import SHIPPED, load
    svc = ConversationService(sessions, load(SHIPPED / "atelier.yaml"), "fr", workshop_id=w.id)
    for goal in ("inform", "inform", "partners"):
        conv = svc.start()
        svc.answer(conv, "goals", [goal])
    svc.answer(conv, "maturity_strategy", 3)
    room = page("pages/salle", code=w.code)
    assert {m.label: m.value for m in room.metric}["Participants"] == "3"
    assert any("révélera" in i.value for i in room.info)
    workshops.set(w.id, revealed=True)
    room.run()
    shown = "\n".join(m.value for m in room.markdown)
    assert "Objectifs" in [h.value for h in room.header]
    assert "| **Informer les jeunes** | ████████████ 2 |" in shown  # the revealed aggregate matches the answers
    assert "[" not in shown.replace("**", "")  # no internal source key
    assert "Autodiagnostic moyen (sur 5)" in [h.value for h in room.header]
    assert any("<img" in h.proto.body and "/5" in h.proto.body for h in room.get("html"))  # the radar, described
    workshops.set(w.id, shown="goals")
    room.run()
    assert any("objectif" in h.value.lower() for h in room.header)


def test_a_participant_link_never_opens_the_trainer_controls(stores):
    sessions, workshops = stores
    w, token = workshops.create("Atelier", "atelier")
    at = page("pages/formateur", t=w.code)  # the join code is not the trainer's token
    assert at.error and not any(t.label == "Révéler les résultats dans la salle" for t in at.toggle)


def test_the_trainer_walks_the_room_through_the_demo_step_by_step(stores):
    _, workshops = stores
    w, _ = workshops.create("Atelier", "atelier", demo="pij-petite-ville")
    room = page("pages/salle", code=w.code)
    assert not any("Démonstration" in h.value for h in room.header)
    workshops.set(w.id, demo_step=1)
    room.run()
    assert any("Démonstration" in h.value for h in room.header)
    assert not any(m.value.startswith("- **") for m in room.markdown)  # the networks come at step 2
    workshops.set(w.id, demo_step=2)
    room.run()
    assert any(m.value.startswith("- **") and " — " in m.value for m in room.markdown)


SHORT_ANSWERS = {"structure_kind": "pij", "structure_country": "fr", "current_channels": [], "goals": ["inform"],
                 "age_bands": ["15_17"], "hours_per_week": 4.0, "people": 1, "concerns": ["time"],
                 "maturity_strategy": 2, "maturity_content": 3, "maturity_interaction": 2}


def test_each_participant_ends_on_their_own_strategy_and_resumes_from_their_own_link(stores):
    sessions, workshops = stores
    w, _ = workshops.create("Atelier", "atelier")
    from wizard.conversation import ConversationService
    from wizard.questionnaire import flow
    from wizard.questionnaire.load import SHIPPED, load
    q = load(SHIPPED / "atelier.yaml")
    svc = ConversationService(sessions, q, "fr", workshop_id=w.id)
    conv = svc.start()
    for key, value in SHORT_ANSWERS.items():
        svc.answer(conv, key, value)
    assert flow.current(q, sessions.load(conv.token).answers) is None  # every question answered
    mine = page("pages/atelier", s=conv.token)
    assert "Votre stratégie" in [h.value for h in mine.header]
    assert "Stratégie (PDF)" in [d.proto.label for d in mine.get("download_button")]
    other = page("pages/atelier", code=w.code)  # another phone joins: nothing of the first one
    other.button[0].click().run()
    assert "Votre stratégie" not in [h.value for h in other.header]
    assert not other.get("download_button") and len(workshops.participants(w.id)) == 1
