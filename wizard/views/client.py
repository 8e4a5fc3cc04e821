"""The client's address, for counting wrong guesses (resume links, workshop codes). Behind the
shipped proxy (deploy/nginx), which sets X-Forwarded-For to the address it saw, the app is
reached from the loopback only: the header is trusted then, and only then — a browser talking
to the app directly could otherwise write any address there and never be slowed down."""
from __future__ import annotations

import ipaddress

import streamlit as st


def client_address() -> str:
    peer = st.context.ip_address
    peer = peer if isinstance(peer, str) else ""  # None when Streamlit does not know it
    forwarded = (st.context.headers or {}).get("X-Forwarded-For", "")
    try:
        local = ipaddress.ip_address(peer).is_loopback
    except ValueError:
        local = False
    if local and forwarded:
        return forwarded.split(",")[-1].strip()  # the address the proxy itself appended
    return peer or "unknown"
