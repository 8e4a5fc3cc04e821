"""On a 390×844 phone in Debian's chromium, nothing a button needs sits under the chat box: on the
goals question, read from its first line as a person does before tapping, « Votre ordre » and
« Valider » stay above the chat input after each tap (issue 12, point 5)."""
from __future__ import annotations

import pytest

from wizard.store import SessionStore, make_engine

pytestmark = pytest.mark.browser

BEFORE_GOALS = {"structure_name": None, "structure_kind": "mission_locale", "structure_country": "fr",
                "structure_territory": "rural", "structure_parent_body": "intercommunalite",
                "structure_youth_per_year": 3000, "structure_staff": 25, "current_channels": ["facebook", "instagram"],
                "presence_followers.facebook": 500, "presence_followers.instagram": 200,
                "presence_posts.facebook": 1, "presence_posts.instagram": 3}
GOALS = ("Informer les jeunes", "Rendre la structure visible", "Travailler avec les partenaires")


def idle(page) -> None:
    page.wait_for_timeout(200)
    page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for(state="attached")


def above(box, limit: float) -> bool:
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= limit


def test_the_order_and_confirm_of_the_goals_stay_above_the_chat_box(app_server, browser_page):
    store = SessionStore(make_engine(app_server.database_url))
    token = store.create("diagnostic", "fr")
    store.update(token, lambda _stored: dict(BEFORE_GOALS))
    page = browser_page
    page.goto(f"{app_server.url}/?s={token}")
    question = page.locator(".st-key-cap-asked")
    question.get_by_text("Quels sont vos objectifs").wait_for()
    idle(page)
    chat_box = page.get_by_test_id("stChatInput")
    measured = []
    for goal in GOALS:
        # a person reads the question from its first line, then taps a goal they can see
        question.evaluate("e => e.scrollIntoView({block: 'start'})")
        page.wait_for_timeout(300)
        question.get_by_role("button", name=goal, exact=True).tap()
        idle(page)
        page.wait_for_timeout(300)
        limit = chat_box.bounding_box()["y"]
        confirm = question.get_by_role("button", name="Valider", exact=True).bounding_box()
        order = question.get_by_text("Votre ordre").bounding_box()
        measured.append((goal, confirm, order, limit))
        assert above(confirm, limit) and above(order, limit), measured
    assert "3. Travailler avec les partenaires" in question.get_by_text("Votre ordre").inner_text()
    question.get_by_role("button", name="Valider", exact=True).tap()
    page.get_by_text("Quelles tranches d’âge").wait_for()
    assert store.load(token).answers["goals"] == ["inform", "visibility", "partners"]


FINISHED = {**BEFORE_GOALS, "goals": ["inform"], "age_bands": ["15_17"], "groups": [], "hours_per_week": 6,
            "people": 2, "comms_in_job": None, "skills": [], "equipment": [], "budget": 0, "concerns": [],
            "validation_required": True, "own_accounts_allowed": "yes", "working_hours_only": True,
            **{f"maturity_{d}": 2 for d in ("strategy", "content", "interaction", "measurement", "organisation",
                                            "safety")}}


def test_modifier_from_the_results_lands_on_the_question(app_server, browser_page):
    """The transcript is at the bottom of the results: « Modifier » there shows the question being
    changed at the top of the screen, not the middle of a long page."""
    store = SessionStore(make_engine(app_server.database_url))
    token = store.create("diagnostic", "fr")
    store.update(token, lambda _stored: dict(FINISHED))
    page = browser_page
    page.goto(f"{app_server.url}/?s={token}")
    page.get_by_text("Votre stratégie", exact=True).wait_for(timeout=30_000)
    idle(page)
    page.get_by_test_id("stCheckbox").filter(has_text="Vos réponses").first.click()  # drawn on demand
    idle(page)
    edit = page.locator(".st-key-edit-structure_country").get_by_role("button")
    edit.scroll_into_view_if_needed()
    edit.tap()
    question = page.locator(".st-key-cap-asked")
    question.get_by_text("Dans quel pays").wait_for()
    idle(page)
    boxes = []
    for _ in range(40):  # the page sticks to its bottom while it grows: the question is brought back up
        page.wait_for_timeout(250)
        boxes.append(question.bounding_box())
        if len(boxes) > 4 and all(b is not None and 0 <= b["y"] <= 100 for b in boxes[-4:]):
            break
    assert all(b is not None and 0 <= b["y"] <= 100 for b in boxes[-4:]), boxes[-6:]
    assert question.get_by_text("Votre territoire est plutôt… → Rural").is_visible()  # what « Autre pays » drops
