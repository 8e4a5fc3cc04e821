"""« Nouveau diagnostic » on the results page starts a new conversation; the old link still
resumes the old one (issue 12, point 4)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_chat import BY_BUTTONS, answer_with_buttons, current_key, start, state  # noqa: E402

from wizard.store import SessionStore, make_engine  # noqa: E402


@pytest.fixture
def db(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path}/new.sqlite"
    monkeypatch.setenv("DATABASE_URL", url)
    return SessionStore(make_engine(url))


def test_a_new_check_up_leaves_the_old_link_resuming_the_old_one(db):
    at = start()
    for _ in range(60):
        key = current_key(at)
        if key is None:
            break
        answer_with_buttons(at, BY_BUTTONS[key])
    old = state(at).token
    assert old and any(h.value == "Votre stratégie" for h in at.header)
    assert not at.get("code")  # the resume link as plain text: st.code would send a 1.5 MB highlighter
    assert any(old in x.value for x in at.text)
    next(b for b in at.button if b.label == "Nouveau diagnostic").click().run()
    assert not at.exception
    assert state(at).token is None and state(at).answers == {} and "s" not in at.query_params
    assert not any(h.value == "Votre stratégie" for h in at.header)  # back to the first question
    assert current_key(at) == "structure_name"
    again = start(old)
    assert any(h.value == "Votre stratégie" for h in again.header)  # the old link: the old results
    assert db.load(old).answers
