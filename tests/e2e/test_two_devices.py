"""One resume link on two devices (two browser contexts: their own cookies and Streamlit
sessions, 390×844 phones, Debian's chromium), each answering a different question: device A
answers the country while device B, opened on the link, still shows that question; B's next run
(« Modifier » on the structure name) takes in A's country, then B changes the name. Both answers
are stored; A's next answer neither brings back the old name nor loses B's, and A shows B's."""
from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect
from test_results_phone import idle

from wizard.store import SessionStore, make_engine

pytestmark = pytest.mark.browser
FIRST_NAME, SECOND_NAME = "PIJ Alpha (appareil A)", "PIJ Beta (appareil B)"


def asking(page, question: str) -> None:
    page.locator(f".st-key-cap-asked [class*='st-key-pick-{question}-']").first.wait_for(timeout=30_000)
    idle(page)


def pick(page, question: str, value: str) -> None:
    page.locator(f".st-key-cap-asked [class*='st-key-pick-{question}-']").get_by_role(
        "radio", name=value, exact=True).click()


def answered(page, key: str):
    """The « Modifier » button of an answer shown in the conversation (one per answered question)."""
    return page.locator(f".st-key-edit-{key}")


def test_two_devices_on_one_link_answer_different_questions(app_server, new_page):
    store = SessionStore(make_engine(app_server.database_url))
    a, b = new_page(), new_page()
    assert a.context is not b.context

    a.goto(app_server.url)
    a.locator(".st-key-cap-asked").wait_for(timeout=30_000)
    idle(a)
    box = a.get_by_test_id("stChatInputTextArea")
    box.fill(FIRST_NAME)
    box.press("Enter")
    asking(a, "structure_kind")
    pick(a, "structure_kind", "Mission Locale")
    asking(a, "structure_country")
    token = parse_qs(urlparse(a.url).query)["s"][0]

    # B opens the link: the same conversation, at the same question
    b.goto(f"{app_server.url}/?s={token}")
    asking(b, "structure_country")
    expect(answered(b, "structure_kind")).to_have_count(1)

    # A answers the country; B still shows the country question (nothing has run on B)
    pick(a, "structure_country", "France")
    asking(a, "structure_territory")
    assert store.load(token).answers["structure_country"] == "fr"
    expect(answered(b, "structure_country")).to_have_count(0)

    # B's next run (« Modifier » on the name) takes in A's answer: the country is answered on B
    answered(b, "structure_name").get_by_role("button").click()
    b.locator(".st-key-cap-asked").get_by_text(FIRST_NAME).wait_for()  # the name being changed
    idle(b)
    expect(answered(b, "structure_country")).to_have_count(1)
    expect(b.get_by_test_id("stChatMessageContent").filter(has_text="France")).not_to_have_count(0)

    # B answers a different question: a new structure name
    box = b.get_by_test_id("stChatInputTextArea")
    box.fill(SECOND_NAME)
    box.press("Enter")
    asking(b, "structure_territory")  # B goes on after A's country, not back to it
    assert store.load(token).answers == {"structure_name": SECOND_NAME, "structure_kind": "mission_locale",
                                         "structure_country": "fr"}

    # A (which still shows the first name) answers the next question: both devices' answers kept
    pick(a, "structure_territory", "Rural")
    asking(a, "structure_parent_body")
    assert store.load(token).answers == {"structure_name": SECOND_NAME, "structure_kind": "mission_locale",
                                         "structure_country": "fr", "structure_territory": "rural"}
    expect(a.get_by_test_id("stChatMessageContent").filter(has_text=SECOND_NAME)).not_to_have_count(0)
    for page in (a, b):
        expect(page.get_by_test_id("stException")).to_have_count(0)
