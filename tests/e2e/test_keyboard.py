"""The wizard with the keyboard alone, on a 390×844 phone page in Debian's chromium: Tab and
Shift+Tab move between controls, the arrow keys move within a group of quick replies without
choosing, Space and Enter choose. Three questions: the structure name skipped (« Passer »), a
kind of structure, a country; the three answers are stored. No pointer event reaches the page,
and every control reached shows its focus (:focus-visible). Then every tab stop of the page is on
screen (a strict xfail today: the collapsed sidebar's links are reached off screen)."""
from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from test_results_phone import idle

from wizard.store import SessionStore, make_engine

pytestmark = pytest.mark.browser
WIDTH = 390
TAB_LIMIT = 40  # presses: the page has about fifteen tab stops

# What has the focus: its widget key (Streamlit's st-key-… class), role, name, state.
FOCUSED = """() => {
  const e = document.activeElement;
  const holder = e && e.closest('[class*="st-key-"]');
  const key = holder ? [...holder.classList].find(c => c.startsWith('st-key-')).slice(7) : '';
  return {tag: e ? e.tagName : '', key, role: e ? e.getAttribute('role') || '' : '',
          name: e ? (e.getAttribute('aria-label') || e.innerText || '').trim() : '',
          checked: e ? e.getAttribute('aria-checked') : null,
          testid: e && e.closest('[data-testid]') ? e.closest('[data-testid]').dataset.testid : '',
          visible: e ? e.matches(':focus-visible') : false,
          box: e ? (({x, y, width, height}) => ({x, y, width, height}))(e.getBoundingClientRect()) : null};
}"""
COUNT_POINTER = """() => { window.__pointerEvents = 0;
  for (const type of ['pointerdown', 'mousedown', 'touchstart'])
    window.addEventListener(type, () => window.__pointerEvents++, true); }"""


def focused(page) -> dict:
    return page.evaluate(FOCUSED)


def press_until(page, key: str, wanted, what: str) -> dict:
    """Press `key` until the focused element is `wanted`; fail with the focus path otherwise."""
    seen = []
    for _ in range(TAB_LIMIT):
        page.keyboard.press(key)
        now = focused(page)
        seen.append(f"{now['tag']}:{now['key']}:{now['name'][:30]}")
        if wanted(now):
            assert now["visible"], f"{what}: focused but not :focus-visible {now}"
            return now
    raise AssertionError(f"{what} never focused with {key}; focus went {seen}")


def pill_of(question: str):
    """A quick reply of `question` (st.pills, key pick-<question>-<n>: a radio in a roving group)."""
    return lambda f: f["role"] == "radio" and f["key"].startswith(f"pick-{question}-")


def arrow_to(page, label: str) -> dict:
    """Within a group of quick replies, ArrowRight until `label` has the focus: nothing is chosen."""
    now = focused(page)
    for _ in range(TAB_LIMIT):
        if now["name"] == label:
            assert now["checked"] == "false" and now["visible"], now  # moving the focus chooses nothing
            return now
        page.keyboard.press("ArrowRight")
        now = focused(page)
    raise AssertionError(f"« {label} » never reached with the arrow keys; last {now}")


def asked(page, question: str) -> None:
    """`question` is the one being asked (its quick replies or its skip are drawn), the app idle."""
    page.locator(f".st-key-cap-asked [class*='st-key-pick-{question}-'], "
                 f".st-key-cap-asked [class*='st-key-skip-{question}-']").first.wait_for()
    idle(page)


def test_three_questions_answered_with_the_keyboard_only(app_server, browser_page):
    page, store = browser_page, SessionStore(make_engine(app_server.database_url))
    page.goto(app_server.url)
    page.locator(".st-key-cap-asked").wait_for(timeout=30_000)
    idle(page)
    page.evaluate(COUNT_POINTER)

    # 1. the structure name: Tab to « Passer », Enter
    press_until(page, "Tab", lambda f: f["tag"] == "BUTTON" and f["key"].startswith("skip-structure_name-"),
                "the skip button of the first question")
    page.keyboard.press("Enter")
    asked(page, "structure_kind")

    # 2. the kind of structure: Tab into the quick replies, arrows to « Mission Locale », Space
    press_until(page, "Tab", pill_of("structure_kind"), "the quick replies of the structure kind")
    arrow_to(page, "Mission Locale")
    page.keyboard.press("Space")
    asked(page, "structure_country")

    # 3. the country: Tab to the chat box, Shift+Tab back to the quick replies, arrows, Enter
    press_until(page, "Tab", lambda f: f["testid"] == "stChatInputTextArea", "the chat box")
    press_until(page, "Shift+Tab", pill_of("structure_country"), "the quick replies of the country (backwards)")
    arrow_to(page, "Belgique")
    page.keyboard.press("Enter")
    asked(page, "structure_territory")  # asked in Belgium too

    token = (parse_qs(urlparse(page.url).query).get("s") or [None])[0]
    assert token, page.url
    stored = store.load(token).answers
    assert stored == {"structure_name": None, "structure_kind": "mission_locale", "structure_country": "be"}
    assert page.evaluate("window.__pointerEvents") == 0  # the keyboard only
    assert page.get_by_test_id("stException").count() == 0


@pytest.mark.xfail(strict=True, raises=AssertionError, reason=(
    "app finding: with the sidebar collapsed (initial_sidebar_state='collapsed', st.navigation), its five "
    "page links stay in the tab order while drawn off screen (x ≈ -280 px at 390 px wide): five Tab "
    "presses with the focus invisible, between « Skip to main content » and the page"))
def test_every_tab_stop_is_on_screen(app_server, browser_page):
    page = browser_page
    page.goto(app_server.url)
    page.locator(".st-key-cap-asked").wait_for(timeout=30_000)
    idle(page)
    stops = []
    for _ in range(TAB_LIMIT):  # one whole round of the tab order, from the top of the page
        page.keyboard.press("Tab")
        now = focused(page)
        if now["tag"] == "BODY" or (stops and now == stops[0]):
            break
        stops.append(now)
    assert any(f["testid"] == "stChatInputTextArea" for f in stops), stops  # the round reached the chat box
    off = [f"{f['tag']} {f['testid']} « {' '.join(f['name'].split())[:40]} » at x={f['box']['x']:.0f}" for f in stops
           if f["box"]["x"] + f["box"]["width"] <= 0 or f["box"]["x"] >= WIDTH]
    assert off == [], off
