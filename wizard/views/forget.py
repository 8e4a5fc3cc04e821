"""« Supprimer mes réponses », in the conversation and on the results page: a confirmation, then
the conversation and its answers are gone at once (ConversationService.delete); the link then
says so, and another tab still open on it cannot write them back."""
from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from wizard.views.ui_text import t


def control(lang: str, on_delete: Callable[[], None]) -> None:
    """A switch, then what it does and a confirmation (drawn only when asked for: a folded
    expander would still be sent to the phone)."""
    if st.toggle(t("delete_title", lang), key="delete-on"):
        st.caption(t("delete_text", lang))
        sure = st.checkbox(t("delete_confirm", lang), key="delete-sure")
        st.button(t("delete_button", lang), on_click=on_delete, disabled=not sure, key="delete-answers",
                  icon=":material/delete_forever:")
