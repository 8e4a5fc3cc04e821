"""A picture drawn on the server (PNG bytes) shown with a text alternative: st.image writes no
alt attribute, which leaves a screen-reader user with nothing (axe: image-alt)."""
from __future__ import annotations

import base64
import html

import streamlit as st


def picture(png: bytes, alt: str, width: int) -> None:
    data = base64.b64encode(png).decode()
    st.html(f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt, quote=True)}" '
            f'style="width: {width}px; max-width: 100%; height: auto">')
