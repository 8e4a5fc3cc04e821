"""The page's language: French by default, English on request, remembered.

Where it comes from, first found wins: the switch on the page (this browser session), the
`lang` query parameter (a shared or resumed link), the stored conversation's language
(adopted when a link is resumed without it), then French. The page declares it to the
browser (`<html lang>`: Streamlit hard-codes "en", streamlit#15726).
"""
from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from wizard.i18n import LANGS, phrases

KEY = "ui_lang"
PARAM = "lang"
_t = phrases("chat")


def current() -> str:
    if st.session_state.get(KEY) in LANGS:
        return st.session_state[KEY]
    asked = st.query_params.get(PARAM)
    return asked if asked in LANGS else "fr"


def adopt(lang: str) -> bool:
    """Take the language of a resumed conversation when the link did not say one; True if it changed."""
    if st.session_state.get(KEY) in LANGS or st.query_params.get(PARAM) in LANGS or lang not in LANGS:
        return False
    changed = lang != current()
    st.session_state[KEY] = lang
    return changed


def switch(lang: str, on_change: Callable[[str], None] | None = None) -> None:
    """Français | English, at the top of every page."""
    def changed() -> None:
        chosen = st.session_state.get("lang-switch") or lang
        st.session_state[KEY] = chosen
        st.query_params[PARAM] = chosen
        if on_change is not None:
            on_change(chosen)

    st.segmented_control(_t("language", lang), list(LANGS), default=lang, key="lang-switch",
                         format_func=lambda code: _t(f"language_{code}", lang), on_change=changed,
                         label_visibility="collapsed")


def declare(lang: str) -> None:
    """<html lang="…"> for screen readers and translation tools."""
    st.html(f"<script>window.parent.document.documentElement.lang = '{'en' if lang == 'en' else 'fr'}';</script>",
            unsafe_allow_javascript=True)
