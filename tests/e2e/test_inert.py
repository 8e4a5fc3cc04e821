"""Typed text stays text in a real browser: no link, bold, script, image, formula or colour
comes out of what a person typed — in the transcript, the assistant's echo of a refused
answer, the profile summary and the results page (Debian's chromium, phone size)."""
from __future__ import annotations

import pytest

from benchmarks.turn import ANSWERS
from wizard.store import SessionStore, make_engine

pytestmark = pytest.mark.browser

HOSTILE_NAME = ("<script>window.pwned=1</script> **gras** _penché_ [clic ici](https://evil.example/phish) "
                "www.evil.example x@evil.example :red[rouge] $x^2$ `code` 🎉 مرحبا")
HOSTILE_REFUSED = ["[clic ici](https://evil.example/phish) **vite**", "https://evil.example/a :blue[bleu] $$y$$",
                   "<img src=x onerror=\"window.pwned=2\"> <a href=https://evil.example>lien</a> x@evil.example"]
# Elements that only Markdown, HTML or LaTeX rendering can make, with the words above that would make them.
FORBIDDEN = """() => {
  const out = [];
  for (const el of document.querySelectorAll('a, strong, b, em, i, script, img, code, .katex, span[style*="color"]')) {
    const t = (el.textContent || '') + ' ' + (el.getAttribute('href') || '') + ' ' + (el.getAttribute('src') || '');
    if (/evil|\\bgras\\b|penché|\\brouge\\b|\\bbleu\\b|\\blien\\b|pwned|x\\^2|^\\s*code\\s*$|^x$|^y$/.test(t.trim()) || el.getAttribute('src') === 'x')
      out.push(el.tagName + ': ' + t.trim().slice(0, 80));
  }
  return out;
}"""


def idle(page) -> None:
    page.wait_for_timeout(300)
    page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for(state="attached")


def send(page, text: str) -> None:
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(text)
    box.press("Enter")
    idle(page)


def test_hostile_text_is_inert_in_the_conversation(app_server, browser_page):
    page = browser_page
    page.goto(app_server.url)
    page.get_by_text("comment s’appelle votre structure").wait_for()
    assert len(HOSTILE_NAME) <= 200  # a structure name: accepted as typed
    send(page, HOSTILE_NAME)
    page.get_by_text("Quel type de structure").wait_for()
    for text in HOSTILE_REFUSED:  # not a kind of structure: refused and quoted back
        send(page, text)
        page.get_by_test_id("stChatMessage").filter(has_text=text.split()[0]).last.wait_for()
    assert page.evaluate("() => window.pwned") is None
    assert page.evaluate(FORBIDDEN) == []
    shown = page.locator("body").inner_text()
    assert "**gras**" in shown and "[clic ici](https://evil.example/phish)" in shown  # shown as typed
    assert "<script>" in shown
    assert "Traceback" not in shown


def test_hostile_text_is_inert_on_the_results_page(app_server, browser_page):
    store = SessionStore(make_engine(app_server.database_url))
    token = store.create("diagnostic")
    store.save_answers(token, {**ANSWERS, "structure_name": HOSTILE_NAME, "maturity_measurement": 1, "maturity_organisation": 3,
                               "maturity_safety": 2})
    page = browser_page
    page.goto(f"{app_server.url}/?s={token}")
    page.get_by_text("Votre stratégie", exact=True).wait_for(timeout=30_000)
    idle(page)
    for title in ("Votre profil", "Vos réponses"):  # show the summary and the transcript (drawn on demand)
        page.get_by_test_id("stCheckbox").filter(has_text=title).first.click()
        idle(page)
    assert page.evaluate("() => window.pwned") is None
    assert page.evaluate(FORBIDDEN) == []
    assert page.get_by_text("**gras**", exact=False).count() >= 2  # in the summary and the transcript
