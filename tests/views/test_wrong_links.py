"""Wrong resume links from one client are slowed down after five (issue 14, point 2), counted in
the database (a refresh, a new tab, another replica see the same count); the client's address
comes from X-Forwarded-For only when the app is reached through a local proxy."""
from __future__ import annotations

from types import SimpleNamespace

from test_chat import db, start  # noqa: F401  (db is a fixture)

from wizard.store import new_token
from wizard.store.attempts import Attempts
from wizard.views import chat, client


def test_wrong_links_are_counted_and_the_sixth_waits(db, monkeypatch):  # noqa: F811
    waited: list[float] = []
    monkeypatch.setattr(chat, "slow_down", waited.append)
    for _ in range(5):
        at = start(new_token())  # a well-formed link that resumes nothing: a guess, each in a new tab
        assert at.warning
    assert Attempts(db, "link").failures("unknown") == 5 and not any(waited)
    start(new_token())
    assert waited[-1] == 1.0  # the sixth try waited, on the server, whatever the page
    good = db.create("diagnostic")
    db.save_answers(good, {"structure_kind": "pij"})
    start(good)
    assert waited[-1] == 2.0 and Attempts(db, "link").failures("unknown") == 6  # a right link does not reset it


def fake_context(monkeypatch, peer: str, forwarded: str | None):
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    monkeypatch.setattr(client, "st", SimpleNamespace(context=SimpleNamespace(ip_address=peer, headers=headers)))


def test_the_forwarded_address_is_trusted_from_the_local_proxy_only(monkeypatch):
    fake_context(monkeypatch, "127.0.0.1", "198.51.100.4")
    assert client.client_address() == "198.51.100.4"
    fake_context(monkeypatch, "127.0.0.1", "10.0.0.1, 198.51.100.4")  # a client-written first entry
    assert client.client_address() == "198.51.100.4"  # the proxy's own entry, last
    fake_context(monkeypatch, "203.0.113.9", "198.51.100.4")  # straight to the app: the header is a lie
    assert client.client_address() == "203.0.113.9"
    fake_context(monkeypatch, "::1", None)
    assert client.client_address() == "::1"
