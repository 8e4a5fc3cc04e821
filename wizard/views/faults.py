"""What a person sees when the server cannot do its job: words, never a traceback.

The details (paths, driver messages) go to the server log, where the person who runs
Cap Réseaux can act on them; the page says what happened and what to do.
"""
from __future__ import annotations

import contextlib
import functools
import logging

import streamlit as st

from wizard.store import StoreError
from wizard.views.ui_text import t

log = logging.getLogger("cap_reseaux.app")


def startup(exc: StoreError, lang: str = "fr") -> None:
    log.error("the database cannot be used (%s): %s", exc.kind, exc.detail)
    key = {"read_only": "startup_read_only", "retention": "startup_retention"}.get(exc.kind, "startup_unavailable")
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
    except Exception:
        log.exception("unexpected error on a page")
        st.error(t("unexpected", lang), icon=":material/error:")


CALLBACK_FAULT = "callback_fault"


def guarded(callback):
    """A widget callback runs before the page script, outside `guard`: an error there would show
    Streamlit's own English message. Caught, logged, and said on the page that follows."""
    @functools.wraps(callback)
    def run(*args, **kwargs):
        try:
            return callback(*args, **kwargs)
        except StoreError as exc:
            log.error("database error in a callback (%s): %s", exc.kind, exc.detail)
            st.session_state[CALLBACK_FAULT] = "notice_unavailable"
        except Exception:
            log.exception("unexpected error in a callback")
            st.session_state[CALLBACK_FAULT] = "unexpected"
    return run


def say_callback_fault(lang: str = "fr") -> None:
    key = st.session_state.pop(CALLBACK_FAULT, None)
    if key:
        st.error(t(key, lang), icon=":material/error:")
