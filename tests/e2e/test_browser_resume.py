"""Nothing lost: a refresh and a server restart resume the conversation at the same question.

Drives the real app (`streamlit run app.py`, SQLite file) in Debian's chromium with a
phone-sized viewport.
"""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

STRUCTURE_NAME = "PIJ de Saint-Affrique « test »"
Q1 = "comment s’appelle votre structure"
Q2 = "Quel type de structure"
Q3 = "Dans quel pays"
Q4 = "Votre territoire est plutôt"
TOKEN_IN_URL = re.compile(r"[?&]s=([A-Za-z0-9_-]{32,})(?:&|$)")
SCREENSHOT = "/tmp/e2e-resume.png"


def wait_for_idle(page) -> None:
    """Connected and the script finished (Streamlit's own e2e suite waits the same way)."""
    page.wait_for_timeout(150)  # let a rerun triggered just before actually start
    page.locator("[data-testid='stApp'][data-test-connection-state='CONNECTED']").wait_for(state="attached")
    page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for(state="attached")


def page_text(page) -> str:
    try:
        return page.locator("body").inner_text(timeout=2000)[-3000:]
    except Exception as exc:  # the diagnostic must not hide the real failure
        return f"(page text unavailable: {exc})"


def current_question(page, text: str) -> None:
    """`text` is the question being asked: in the last assistant message, and the app is idle."""
    from playwright.sync_api import expect
    try:
        last = page.get_by_test_id("stChatMessage").last
        expect(last).to_contain_text(text, timeout=30_000)  # a cold server draws its first page slowly under load
        wait_for_idle(page)
        expect(page.get_by_test_id("stException")).to_have_count(0)
        expect(page.get_by_test_id("stChatMessage").last).to_contain_text(text)
    except AssertionError as exc:
        raise AssertionError(f"expected the question «{text}»; page shows:\n{page_text(page)}") from exc


def pick(page, label: str) -> None:
    """Click a quick-reply pill of the question being asked (single choice: role radio)."""
    pills = page.get_by_test_id("stChatMessage").last.get_by_test_id("stButtonGroup")
    pills.get_by_role("radio", name=label, exact=True).click()


def assert_resumed_at_q4(page) -> None:
    from playwright.sync_api import expect
    current_question(page, Q4)
    transcript = page.get_by_test_id("stChatMessageContent")
    for earlier in (Q1, Q2, Q3, STRUCTURE_NAME, "Mission Locale", "France"):
        expect(transcript.filter(has_text=earlier).first).to_be_visible()
    # Q4 asked exactly once (not a second copy of the conversation), with its quick replies.
    expect(page.get_by_test_id("stChatMessage").filter(has_text=Q4)).to_have_count(1)
    pills = page.get_by_test_id("stChatMessage").last.get_by_test_id("stButtonGroup")
    expect(pills.get_by_role("radio").first).to_be_visible()


def test_refresh_and_server_restart_resume_the_conversation(app_server, browser_page, new_page):
    page = browser_page
    page.goto(app_server.url)
    current_question(page, Q1)
    assert not TOKEN_IN_URL.search(page.url)  # no session before the first answer

    chat_input = page.get_by_test_id("stChatInputTextArea")
    chat_input.fill(STRUCTURE_NAME)
    chat_input.press("Enter")
    current_question(page, Q2)

    pick(page, "Mission Locale")
    current_question(page, Q3)

    pick(page, "France")
    current_question(page, Q4)

    match = TOKEN_IN_URL.search(page.url)
    assert match, f"no resume token in the URL: {page.url}"
    resume_url = page.url

    # 1. A browser refresh starts a new Streamlit session: it must find the answers again.
    page.reload()
    assert_resumed_at_q4(page)
    assert page.url == resume_url

    assert "Traceback" not in app_server.log(), app_server.log()[-3000:]

    # 2. A server restart (new process, same database), the link opened in a fresh browser.
    app_server.restart()
    fresh = new_page()
    fresh.goto(resume_url)
    assert_resumed_at_q4(fresh)
    fresh.screenshot(path=SCREENSHOT, full_page=True)
    assert "Traceback" not in app_server.log(), app_server.log()[-3000:]
