"""axe-core finds no violation on the wizard and on the results page (DESIGN.md quality bar),
in Debian's chromium at phone size."""
from __future__ import annotations

import pytest

from benchmarks.turn import ANSWERS
from wizard.store import SessionStore, make_engine

pytestmark = pytest.mark.browser


def idle(page) -> None:
    page.wait_for_timeout(300)
    page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for(state="attached")


def violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe
    found = Axe().run(page).response["violations"]
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}" for v in found]


def test_first_question_has_no_violation(app_server, browser_page):
    browser_page.goto(app_server.url)
    browser_page.get_by_text("comment s’appelle votre structure").wait_for()
    idle(browser_page)
    assert violations(browser_page) == []


def test_results_page_has_no_violation(app_server, browser_page):
    store = SessionStore(make_engine(app_server.database_url))
    token = store.create("diagnostic")
    store.save_answers(token, {**ANSWERS, "maturity_measurement": 1, "maturity_organisation": 3, "maturity_safety": 2})
    browser_page.goto(f"{app_server.url}/?s={token}")
    browser_page.get_by_text("Votre stratégie", exact=True).wait_for(timeout=30_000)
    idle(browser_page)
    browser_page.wait_for_timeout(1500)  # charts drawn
    assert violations(browser_page) == []
