"""What a person sees when the server cannot do its job: words, never a traceback.

The details (paths, driver messages) go to the server log, where the person who runs
Cap Réseaux can act on them; the page says what happened and what to do.
"""
from __future__ import annotations

import contextlib
import logging

import streamlit as st

from wizard.store import StoreError
from wizard.views.ui_text import t

log = logging.getLogger("cap_reseaux.app")


def startup(exc: StoreError, lang: str = "fr") -> None:
    log.error("the database cannot be used (%s): %s", exc.kind, exc.detail)
    key = "startup_read_only" if exc.kind == "read_only" else "startup_unavailable"
    st.error(t(key, lang), icon=":material/database:")
    st.button(t("retry", lang), type="primary")  # a rerun tries to open the database again


@contextlib.contextmanager
def guard(lang: str = "fr"):
    """Last resort around a page: an unexpected error is logged and said plainly."""
    try:
        yield
    except StoreError as exc:
        log.error("database error on a page (%s): %s", exc.kind, exc.detail)
        st.error(t("notice_unavailable", lang), icon=":material/cloud_off:")
    except Exception:  # noqa: BLE001 — Streamlit's own rerun/stop signals are BaseExceptions and pass
        log.exception("unexpected error on a page")
        st.error(t("unexpected", lang), icon=":material/error:")
