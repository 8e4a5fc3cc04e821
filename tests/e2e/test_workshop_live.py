"""A live workshop in Debian's chromium, on two `streamlit run` replicas sharing one PostgreSQL
(issue 13, points 6 and 7): the trainer creates the workshop in the browser on replica A,
three participants join by code on phones — one on A, two on B — and answer; the room view
on B counts all three, and once the trainer reveals one question, its bars match what the
three participants chose."""
from __future__ import annotations

import re

import pytest
from conftest import AppServer
from test_results_phone import idle, starts

from wizard.store import SessionStore, make_engine
from wizard.store.workshops import WorkshopStore

pytestmark = [pytest.mark.browser, pytest.mark.postgres]
CHOICES = ("Mission Locale", "Mission Locale", "Association de jeunesse")  # one per participant
ROOM_REFRESH = 20_000  # ms: the room view refreshes every 4 s, on a busy 2-core machine


def create_workshop(page, server: AppServer) -> str:
    page.goto(f"{server.url}/formateur")
    page.get_by_label("Titre de l’atelier").fill("Formation réseaux sociaux, 12 mars")
    page.get_by_role("button", name="Créer l’atelier").click()
    heading = page.get_by_text(re.compile(r"Code de l’atelier\s*:\s*[A-Z0-9]{6}"))
    heading.wait_for(timeout=30_000)
    return re.search(r"[A-Z0-9]{6}$", heading.inner_text().strip()).group(0)


def join_and_answer(page, server: AppServer, code: str, choice: str) -> None:
    page.goto(f"{server.url}/atelier")
    page.get_by_label(re.compile("^Code de l’atelier")).fill(code.lower())  # typed as on a phone
    page.get_by_role("button", name="Rejoindre", exact=True).click()
    page.get_by_text("Quel type de structure êtes-vous").wait_for(timeout=30_000)
    idle(page)
    page.get_by_test_id("stChatMessage").last.get_by_role("radio", name=starts(choice)).first.click()
    page.get_by_text("Dans quel pays").wait_for(timeout=30_000)  # stored: the next question is asked


def test_a_trainer_and_three_participants_on_two_replicas(replicas, new_page):
    a, b = replicas
    trainer = new_page()
    trainer.set_viewport_size({"width": 1280, "height": 900})
    code = create_workshop(trainer, a)
    trainer_url = trainer.url
    assert "t=" in trainer_url and code not in trainer_url  # the secret link is not the code

    room = new_page()
    room.set_viewport_size({"width": 1280, "height": 800})
    room.goto(f"{b.url}/salle?code={code}")
    room.get_by_text("révélera", exact=False).wait_for(timeout=30_000)  # hidden until « Révéler »

    for server, choice in zip((a, b, b), CHOICES, strict=True):
        join_and_answer(new_page(), server, code, choice)

    workshops = WorkshopStore(SessionStore(make_engine(a.database_url)))
    w = workshops.by_code(code)
    people = workshops.participants(w.id)
    assert sorted(p.answers["structure_kind"] for p in people) == ["association", "mission_locale", "mission_locale"]
    assert all(p.answers.keys() == {"structure_kind"} for p in people)  # nothing else stored for them

    joined = room.get_by_test_id("stMetric").filter(has_text="Participants")
    joined.get_by_text("3", exact=True).wait_for(timeout=ROOM_REFRESH)  # replica B counts A's participant too

    # The trainer reveals the results and projects one question (controls in the browser)
    trainer.get_by_text("Révéler les résultats dans la salle").click()
    idle(trainer)
    trainer.get_by_test_id("stSelectbox").filter(has_text="Question projetée").click()
    trainer.get_by_role("option", name=re.compile("^Quel type de structure")).click()
    idle(trainer)
    room.get_by_text("Quel type de structure êtes-vous", exact=False).wait_for(timeout=ROOM_REFRESH)
    bars = room.get_by_test_id("stMain").inner_text()
    counts = {label: int(n) for label, n in re.findall(r"(Mission Locale|Association de jeunesse)\W*█+\s*(\d+)", bars)}
    assert counts == {"Mission Locale": 2, "Association de jeunesse": 1}, bars
    room.screenshot(path="/tmp/e2e-room-view.png")
    for chrome in ("stSidebar", "stExpandSidebarButton"):  # a projected page: nothing but the room
        assert room.get_by_test_id(chrome).is_hidden(), chrome

    # A participant's phone never shows the trainer controls nor another participant's answers
    other = new_page()
    other.goto(f"{a.url}/atelier?code={code}")
    other.get_by_role("button", name="Rejoindre", exact=True).wait_for()
    assert other.get_by_text("Révéler les résultats").count() == 0
