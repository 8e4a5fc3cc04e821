"""A crash in the middle of the wizard loses nothing: after three answers given in the browser,
the server is killed with SIGKILL (its whole process group: no shutdown, nothing flushed) and
started again on the same port and database (AppServer.kill). The page left open reconnects on
its own and still shows the same question with every earlier answer; reloaded, the new server
resumes it at that question from the database, and it goes on from there. In Debian's chromium
on 390×844 phone pages; one crash for the module, two pages open through it."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

import pytest
from conftest import PHONE
from playwright.sync_api import expect
from test_results_phone import idle

from wizard.store import SessionStore, make_engine

pytestmark = pytest.mark.browser
NAME = "PIJ de Millau (crash)"
BEFORE = {"structure_name": NAME, "structure_kind": "mission_locale", "structure_country": "fr"}
EARLIER = ("structure_name", "structure_kind", "structure_country")
RECONNECT = 45_000  # ms: the browser's reconnection backs off while the server is down
CONNECTED = "[data-testid='stApp'][data-test-connection-state='CONNECTED']"
WATCH_CONNECTION = """() => { const app = document.querySelector("[data-testid='stApp']");
  window.__connection = [];
  new MutationObserver(() => window.__connection.push(app.dataset.testConnectionState))
    .observe(app, {attributes: true, attributeFilter: ['data-test-connection-state']}); }"""
RECONNECTED = """() => window.__connection.some(s => s !== 'CONNECTED')
  && document.querySelector("[data-testid='stApp']").dataset.testConnectionState === 'CONNECTED'"""
PILLS = ".st-key-cap-asked [class*='st-key-pick-{}-']"  # the quick replies of the question asked


def asking(page, question: str, timeout: float = 30_000) -> None:
    """`question` is asked (its quick replies drawn in the question block), connected, idle."""
    page.locator(PILLS.format(question)).first.wait_for(timeout=timeout)
    page.locator(CONNECTED).wait_for(state="attached", timeout=timeout)
    idle(page)


def pick(page, question: str, value: str) -> None:
    page.locator(PILLS.format(question)).get_by_role("radio", name=value, exact=True).click()


def token_of(page) -> str:
    return parse_qs(urlparse(page.url).query)["s"][0]


def resumed_at(page, question: str, answered=EARLIER) -> None:
    """Asked once, and each earlier answer shown once (its « Modifier » button, by its key)."""
    expect(page.locator(PILLS.format(question))).not_to_have_count(0)
    expect(page.locator(".st-key-cap-asked")).to_have_count(1)
    for key in answered:
        expect(page.locator(f".st-key-edit-{key}")).to_have_count(1)
    expect(page.get_by_test_id("stChatMessageContent").filter(has_text=NAME)).not_to_have_count(0)
    expect(page.get_by_test_id("stException")).to_have_count(0)


@dataclass
class Crash:
    wizard: object  # the page that answered three questions just before the crash
    other: object  # a second page open on another conversation at the same point
    wizard_token: str
    other_token: str
    drawn: str  # the class of the other page's quick replies, as drawn by the killed server


@pytest.fixture(scope="module")
def crash(app_server, browser):
    store = SessionStore(make_engine(app_server.database_url))
    contexts = [browser.new_context(**PHONE) for _ in range(2)]
    for context in contexts:
        context.set_default_timeout(30_000)
    wizard, other = (context.new_page() for context in contexts)

    wizard.goto(app_server.url)
    wizard.locator(".st-key-cap-asked").wait_for()
    idle(wizard)
    box = wizard.get_by_test_id("stChatInputTextArea")
    box.fill(NAME)
    box.press("Enter")
    asking(wizard, "structure_kind")
    pick(wizard, "structure_kind", "Mission Locale")
    asking(wizard, "structure_country")
    pick(wizard, "structure_country", "France")
    asking(wizard, "structure_territory")
    assert store.load(token_of(wizard)).answers == BEFORE  # written by the server about to be killed

    other_token = store.create("diagnostic", "fr")
    store.save_answers(other_token, dict(BEFORE))
    other.goto(f"{app_server.url}/?s={other_token}")
    asking(other, "structure_territory")
    drawn = other.locator(PILLS.format("structure_territory")).first.get_attribute("class")

    for page in (wizard, other):  # a page may reconnect before kill() returns: watched from now
        page.evaluate(WATCH_CONNECTION)
    pid = app_server.proc.pid
    app_server.kill()
    assert app_server.proc.pid != pid  # a new process, on the same port and database
    for page in (wizard, other):  # both lost their connection and got it back on their own
        page.wait_for_function(RECONNECTED, timeout=RECONNECT)
    try:
        yield Crash(wizard, other, token_of(wizard), other_token, drawn)
    finally:
        for context in contexts:
            context.close()


def test_sigkill_mid_wizard_loses_nothing(app_server, crash):
    page, token = crash.wizard, crash.wizard_token
    store = SessionStore(make_engine(app_server.database_url))

    # 1. the page left open, reconnected: the same question, every earlier answer, the same link
    resumed_at(page, "structure_territory")
    assert token_of(page) == token

    # 2. reloaded: the new server resumes it from the database, same question, every answer
    page.reload()
    asking(page, "structure_territory")
    resumed_at(page, "structure_territory")
    assert store.load(token).answers == BEFORE

    # it goes on from there: the next answer is stored beside the three earlier ones
    pick(page, "structure_territory", "Rural")
    asking(page, "structure_parent_body")
    assert store.load(token).answers == {**BEFORE, "structure_territory": "rural"}

    assert "Traceback" not in app_server.log(), app_server.log()[-3000:]


@pytest.mark.xfail(strict=True, raises=AssertionError, reason=(
    "app finding: after the server is killed (or restarted), the page left open reconnects to a "
    "new Streamlit session that has not run the script; the first tap on a quick reply only "
    "triggers that first run, its on_change callback never fires (the widget is unknown to the new "
    "session), so the answer is dropped without a word and the same question is asked again"))
def test_the_first_tap_after_a_crash_on_the_page_left_open_is_kept(app_server, crash):
    page, store = crash.other, SessionStore(make_engine(app_server.database_url))
    resumed_at(page, "structure_territory")
    pick(page, "structure_territory", "Rural")  # one tap, as a person would after the blip
    # the new server draws the page again (quick replies under another key), then is idle
    page.wait_for_function("([sel, drawn]) => { const e = document.querySelector(sel);"
                           " return e !== null && e.getAttribute('class') !== drawn; }",
                           arg=[".st-key-cap-asked [class*='st-key-pick-']", crash.drawn], timeout=RECONNECT)
    idle(page)
    assert store.load(crash.other_token).answers == {**BEFORE, "structure_territory": "rural"}, \
        "the tap on « Rural » was dropped"
    asking(page, "structure_parent_body")
