"""The whole wizard with quick replies on a 390×844 phone page in Debian's chromium, then the
strategy PDF downloaded through « Stratégie (PDF) » on the results page: a real PDF (it starts
with %PDF, `qpdf --check` finds nothing wrong, it has pages), for the conversation just finished."""
from __future__ import annotations

import re
import subprocess

import pytest
from test_results_phone import finish, token

from wizard.store import SessionStore, make_engine

pytestmark = pytest.mark.browser


def test_the_wizard_then_the_strategy_pdf(app_server, browser_page, qpdf, tmp_path):
    page, store = browser_page, SessionStore(make_engine(app_server.database_url))
    page.goto(app_server.url)
    finish(page, store)
    stored = store.load(token(page))
    assert stored.profile is not None  # finished: the profile is stored with the answers
    assert stored.profile["structure"]["kind"] == "mission_locale"

    # « Stratégie (PDF) », the strategy's own download (key dl-strategy-pdf), not the brief's
    button = page.locator(".st-key-dl-strategy-pdf").get_by_role("button", name=re.compile(r"Stratégie \(PDF\)$"))
    assert button.count() == 1
    with page.expect_download(timeout=60_000) as download:
        button.click()
    pdf = tmp_path / download.value.suggested_filename
    download.value.save_as(pdf)
    assert pdf.suffix == ".pdf", pdf.name

    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-"), data[:20]
    assert len(data) > 10_000 and b"%%EOF" in data[-1024:], len(data)
    checked = subprocess.run([qpdf, "--check", str(pdf)], check=False, capture_output=True, text=True, timeout=60)
    assert checked.returncode == 0, checked.stdout[-2000:] + checked.stderr[-2000:]
    assert "No syntax or stream encoding errors" in checked.stdout, checked.stdout[-2000:]
    pages = subprocess.run([qpdf, "--show-npages", str(pdf)], check=False, capture_output=True, text=True, timeout=60)
    assert int(pages.stdout) >= 2, pages.stdout
    print(f"strategy PDF: {pdf.name}, {len(data)} bytes, {int(pages.stdout)} pages, qpdf --check passes")
    assert page.get_by_test_id("stException").count() == 0
