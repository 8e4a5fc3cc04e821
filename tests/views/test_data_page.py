"""« Vos données » (issue 14, point 1): what is stored, for how long — the configured retention
period —, who can see it, how to delete it; a retention period that is not one is refused by name."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from wizard.store import StoreError
from wizard.store.retention import retention_months
from wizard.views.privacy import PARTS


def data_page(monkeypatch, tmp_path, lang: str = "fr", months: str | None = None) -> AppTest:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/p.sqlite")
    if months is not None:
        monkeypatch.setenv("CAP_RETENTION_MONTHS", months)

    def script():
        from wizard.views import pages
        pages.standalone("data")

    at = AppTest.from_function(script, default_timeout=30)
    at.query_params["lang"] = lang
    return at.run()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_data_page_says_what_how_long_who_and_how_to_delete(monkeypatch, tmp_path, lang):
    at = data_page(monkeypatch, tmp_path, lang, months="18")
    assert not at.exception
    assert len(at.subheader) == len(PARTS) and len(at.markdown) >= len(PARTS)
    assert any("18" in m.value for m in at.markdown)  # the configured period, not a fixed text
    assert any(("Supprimer mes réponses" if lang == "fr" else "Delete my answers") in m.value for m in at.markdown)


def test_the_default_retention_is_twelve_months_and_nonsense_is_refused():
    assert retention_months({}) == 12 and retention_months({"CAP_RETENTION_MONTHS": " 6 "}) == 6
    for wrong in ("0", "-3", "douze", "1.5", "121"):
        with pytest.raises(StoreError) as caught:
            retention_months({"CAP_RETENTION_MONTHS": wrong})
        assert caught.value.kind == "retention"


def test_a_wrong_retention_setting_is_said_on_the_page(monkeypatch, tmp_path):
    at = data_page(monkeypatch, tmp_path, months="douze")
    assert not at.exception and any("CAP_RETENTION_MONTHS" in e.value for e in at.error)
