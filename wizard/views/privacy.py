"""« Vos données »: what is stored, for how long, who can see it, how to delete it — in words a
youth worker can repeat to a colleague or a board. The retention period is the configured one."""
from __future__ import annotations

import streamlit as st

from wizard.i18n import phrases
from wizard.views import language

_t = phrases("privacy")
PARTS = ("stored", "link", "kept", "who", "delete", "nothing_else")


def render(lang: str, months: int) -> None:
    language.switch(lang)
    st.header(_t("title", lang))
    for part in PARTS:
        st.subheader(_t(f"title.{part}", lang))
        st.markdown(_t(f"text.{part}", lang).format(months=months))
