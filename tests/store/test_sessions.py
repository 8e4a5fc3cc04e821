"""wizard.store.SessionStore on SQLite and on PostgreSQL (the `db_url` fixture runs each test on both)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import select

from wizard.store import SessionStore, database_url, new_token
from wizard.store.schema import answers as answers_t
from wizard.store.schema import sessions as sessions_t

URL_SAFE = re.compile(r"^[A-Za-z0-9_-]+$")

ANSWERS = {
    "structure_name": "Maison des Jeunes « L’Étoile » — Saint-Affrique 🌟 مرحبا",
    "structure_kind": "mission_locale",
    "goals": ["individual_followup", "inform"],
    "nested": [[1, 2.5], {"a": [None, "b"], "ü": {"deep": ["x"]}}],
    "skipped": None,
    "hours_per_week": 2.5,
    "validation_required": True,
    "html": "<script>alert('x')</script> **gras** ' OR 1=1 --",
}


# --- tokens ------------------------------------------------------------------------

def test_create_returns_long_url_safe_unique_tokens(store):
    tokens = [store.create("diagnostic") for _ in range(200)]
    for token in tokens:
        assert isinstance(token, str)
        assert len(token) >= 32
        assert URL_SAFE.match(token), token
        assert len(token) * 6 >= 128  # base64url: 6 bits a character
    assert len(set(tokens)) == len(tokens)


def test_new_session_is_empty(store):
    token = store.create("diagnostic", lang="en")
    loaded = store.load(token)
    assert loaded is not None
    assert (loaded.token, loaded.questionnaire_id, loaded.lang) == (token, "diagnostic", "en")
    assert loaded.answers == {}
    assert loaded.profile is None


@pytest.mark.parametrize("bad", [
    "", "abc", "x" * 500, "é" * 40, " " * 40, "../" * 12,
    "' OR '1'='1", "x' OR 1=1 --" + "a" * 30, "a" * 30 + "'; DROP TABLE sessions; --",
    "%27%20OR%201%3D1" * 3, "a" * 31 + "\x00" + "b" * 10,
])
def test_load_malformed_or_hostile_token_returns_none(store, bad):
    existing = store.create("diagnostic")
    store.save_answers(existing, {"q": "v"})
    assert store.load(bad) is None
    assert store.load(existing).answers == {"q": "v"}  # nothing was damaged


def test_load_unknown_token_returns_none(store):
    token = store.create("diagnostic")
    assert store.load(new_token()) is None
    assert store.load(token[:-1] + ("A" if token[-1] != "A" else "B")) is None
    if token.swapcase() != token:
        assert store.load(token.swapcase()) is None
    assert store.load(None) is None  # type: ignore[arg-type]


def test_unknown_token_cannot_be_written(store):
    with pytest.raises(KeyError):
        store.save_answers(new_token(), {"q": 1})
    with pytest.raises(KeyError):
        store.save_profile(new_token(), {"structure": {}})


def test_token_itself_is_never_stored(store, db_url):
    token = store.create("diagnostic")
    store.save_answers(token, {"structure_name": "PIJ", "goals": ["inform"]})
    store.save_profile(token, {"structure": {"name": "PIJ"}})
    with store.engine.connect() as conn:
        rows = [*conn.execute(select(sessions_t)).all(), *conn.execute(select(answers_t)).all()]
    assert rows
    for row in rows:
        for value in row:
            assert token not in str(value)
    if db_url.startswith("sqlite"):
        # Not even in the bytes on disk (database, WAL and journal files).
        store.engine.dispose()
        folder = Path(db_url.removeprefix("sqlite:///")).parent
        files = list(folder.glob("t.sqlite*"))
        assert files
        for path in files:
            assert token.encode() not in path.read_bytes(), path.name


# --- answers -----------------------------------------------------------------------

def test_answers_round_trip(store):
    token = store.create("diagnostic")
    store.save_answers(token, ANSWERS)
    loaded = store.load(token)
    assert loaded.answers == ANSWERS
    assert loaded.answers["skipped"] is None
    assert "skipped" in loaded.answers  # a skipped question stays answered


def test_sessions_do_not_see_each_other(store):
    a, b = store.create("diagnostic"), store.create("diagnostic")
    store.save_answers(a, {"q": "a"})
    store.save_answers(b, {"q": "b", "r": 1})
    assert store.load(a).answers == {"q": "a"}
    assert store.load(b).answers == {"q": "b", "r": 1}


def test_save_answers_replaces_the_stored_set(store):
    token = store.create("diagnostic")
    store.save_answers(token, ANSWERS)
    smaller = {"structure_name": "Nouveau nom", "goals": ["mobilize"], "skipped": None}
    store.save_answers(token, smaller)
    assert store.load(token).answers == smaller
    store.save_answers(token, {})
    assert store.load(token).answers == {}
    store.save_answers(token, {"goals": ["inform"]})
    assert store.load(token).answers == {"goals": ["inform"]}


def test_large_and_long_answers(store):
    token = store.create("diagnostic")
    answers = {f"q{i:02d}": {"text": "é" * 2000, "list": list(range(50))} for i in range(40)}
    answers["long"] = "x" * 100_000
    store.save_answers(token, answers)
    assert store.load(token).answers == answers


def test_a_second_store_on_the_same_database_resumes(store, db_url, engines):
    """A server restart: new process, new engine, same database."""
    token = store.create("diagnostic")
    store.save_answers(token, ANSWERS)
    store.engine.dispose()
    restarted = SessionStore(engines.make(db_url))
    loaded = restarted.load(token)
    assert loaded is not None
    assert loaded.answers == ANSWERS
    assert loaded.questionnaire_id == "diagnostic"
    restarted.save_answers(token, {**ANSWERS, "after_restart": "oui"})
    assert store.load(token).answers["after_restart"] == "oui"


def test_set_lang(store):
    token = store.create("diagnostic")
    store.set_lang(token, "en")
    assert store.load(token).lang == "en"
    store.set_lang(new_token(), "en")  # unknown token: ignored, no error


# --- profile -----------------------------------------------------------------------

PROFILE = {"structure": {"name": "Mission Locale « X »", "kind": "mission_locale", "country": "fr"},
           "goals": ["individual_followup", "inform"], "audience": {"age_bands": ["18_25"]},
           "resources": {"hours_per_week": 10}}


def test_save_profile_then_load(store):
    token = store.create("diagnostic")
    store.save_answers(token, {"structure_name": "Mission Locale « X »"})
    store.save_profile(token, PROFILE)
    loaded = store.load(token)
    assert loaded.profile == PROFILE
    assert loaded.answers == {"structure_name": "Mission Locale « X »"}


def test_changing_answers_clears_the_profile(store):
    token = store.create("diagnostic")
    store.save_answers(token, {"structure_name": "A"})
    store.save_profile(token, PROFILE)
    store.save_answers(token, {"structure_name": "B"})
    loaded = store.load(token)
    assert loaded.profile is None
    with store.engine.connect() as conn:
        completed = conn.execute(select(sessions_t.c.completed_at)).scalar_one()
    assert completed is None


# --- configuration (no database needed) ----------------------------------------------

@pytest.mark.parametrize("given, expected", [
    ("postgres://u:p@db.example:5432/cap", "postgresql+psycopg://u:p@db.example:5432/cap"),
    ("postgresql://u:p@db.example/cap?sslmode=require", "postgresql+psycopg://u:p@db.example/cap?sslmode=require"),
    ("  postgresql://db/cap  ", "postgresql+psycopg://db/cap"),
    ("postgresql+psycopg://db/cap", "postgresql+psycopg://db/cap"),
    ("sqlite:////srv/cap.sqlite", "sqlite:////srv/cap.sqlite"),
])
def test_database_url_uses_psycopg_for_postgres(given, expected):
    assert database_url({"DATABASE_URL": given}) == expected


@pytest.mark.parametrize("env", [{}, {"DATABASE_URL": ""}, {"DATABASE_URL": "   "}])
def test_database_url_defaults_to_an_sqlite_file_under_data(env):
    url = database_url(env)
    assert url.startswith("sqlite:///")
    path = Path(url.removeprefix("sqlite:///"))
    assert path.is_absolute()
    assert path.parent.name == "data"
    assert path.parent.parent == Path(__file__).resolve().parents[2]
    assert path.suffix == ".sqlite"
