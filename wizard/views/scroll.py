"""Scrolling the page from the server: to the question being changed (« Modifier » far down the
results), or to the top when the results replace a long conversation."""
from __future__ import annotations

import streamlit as st


def to(key: str) -> None:
    """Bring the element of `key` to the top of the page (« Modifier » clicked far down the results).

    A chat page sticks to its bottom while its content grows, so the scroll is made again until
    the element has stayed in place for a moment (at most 8 s); never once the person touches,
    scrolls or types."""
    st.html("<script>(() => { const d = window.parent.document; let user = false, n = 0, still = 0;"
            "['wheel', 'touchstart', 'keydown', 'mousedown'].forEach(t => d.addEventListener(t, () => { user = true; },"
            " {once: true, passive: true}));"
            "const go = () => { const e = d.querySelector('.st-key-" + key + "'); if (user || !e) { return; }"
            "if (Math.abs(e.getBoundingClientRect().top) > 2) { e.scrollIntoView({block: 'start'}); still = 0; }"
            "else { still += 1; } if (still < 5 && ++n < 50) { setTimeout(go, 160); } }; setTimeout(go, 50); })();"
            "</script>", unsafe_allow_javascript=True)


def to_top() -> None:
    """The last answer was given at the bottom of a long chat: show the results from their top."""
    st.html("<script>const m = window.parent.document.querySelector('[data-testid=\"stMain\"]');"
            "if (m) { m.scrollTo(0, 0); }</script>", unsafe_allow_javascript=True)
