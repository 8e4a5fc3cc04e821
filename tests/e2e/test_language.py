"""The page declares its language (issue 11, point 3): `<html lang>` follows the page language
(Streamlit hard-codes "en"), in Debian's chromium."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def lang_of(page) -> str:
    page.wait_for_function("() => document.documentElement.lang !== ''", timeout=30_000)
    page.wait_for_timeout(500)
    return page.evaluate("() => document.documentElement.lang")


def test_html_lang_follows_the_page_language(app_server, browser_page):
    page = browser_page
    page.goto(app_server.url)
    page.get_by_text("comment s’appelle votre structure").wait_for(timeout=30_000)
    assert lang_of(page) == "fr"
    page.goto(f"{app_server.url}/?lang=en")
    page.get_by_text("what is your structure called", exact=False).wait_for(timeout=30_000)
    page.wait_for_function("() => document.documentElement.lang === 'en'", timeout=10_000)
    assert lang_of(page) == "en"
