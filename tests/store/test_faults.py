"""Database faults get words, not tracebacks, and lose nothing: PostgreSQL stopped and restarted,
the SQLite file deleted or replaced under a running server, a read-only folder at start."""
from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

import pytest

from wizard.conversation import ConversationService, LinkProblem
from wizard.questionnaire.load import SHIPPED, load
from wizard.store import SessionStore, StoreError, make_engine
from wizard.store.db import database_url

ROOT = Path(__file__).resolve().parents[2]
Q = load(SHIPPED / "diagnostic.yaml")
FIRST = [("structure_name", "PIJ de Rodez"), ("structure_kind", "pij"), ("structure_country", "fr")]
DURING = [("structure_territory", "rural"), ("structure_parent_body", "commune")]


def codes(notices):
    return [n.code for n in notices]


def test_users_never_see_error_details():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] in ("none", False)


# --- PostgreSQL stopped and restarted ---------------------------------------------------

@pytest.mark.postgres
@pytest.mark.timeout(180)
def test_answers_typed_during_an_outage_are_written_when_postgres_is_back(own_postgres, caplog):
    store, svc, conv = _answered(database_url({"DATABASE_URL": own_postgres.url}))
    token = conv.token
    own_postgres.pause()
    try:
        caplog.set_level(logging.ERROR, logger="cap_reseaux")
        for key, value in DURING:
            assert codes(svc.answer(conv, key, value)) == ["unavailable"]
        assert [k for k, _ in conv.pending] == [k for k, _ in DURING]  # kept in the page
        assert conv.answers["structure_parent_body"] == "commune"  # and shown
        with pytest.raises(StoreError) as exc:  # another device opening the link meanwhile
            svc.resume(token)
        assert exc.value.kind == "unavailable"
        assert "database error" in caplog.text and token not in caplog.text  # logged, without the token
    finally:
        own_postgres.resume()
    notices = svc.answer(conv, "structure_youth_per_year", 500)  # the next action, once it is back
    assert codes(notices) == ["saved_after_outage"]
    assert conv.pending == []
    fresh = SessionStore(make_engine(database_url({"DATABASE_URL": own_postgres.url})))
    stored = fresh.load(token).answers
    assert {k: stored[k] for k, _ in FIRST + DURING} == dict(FIRST + DURING)
    assert stored["structure_youth_per_year"] == 500


@pytest.mark.postgres
@pytest.mark.timeout(180)
def test_the_page_says_the_database_is_down_and_resumes_after(own_postgres, monkeypatch):
    from streamlit.testing.v1 import AppTest
    url = own_postgres.url
    monkeypatch.setenv("DATABASE_URL", url)
    _store, _svc, conv = _answered(database_url({"DATABASE_URL": url}))
    AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()  # the server is up: its store exists
    own_postgres.pause()
    try:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.query_params["s"] = conv.token
        at.run()
        assert not at.exception
        assert any("ne répond pas" in e.value for e in at.error)
        assert [b.label for b in at.button] == ["Réessayer"]
        at.button[0].click().run()  # still down: still words
        assert not at.exception and any("ne répond pas" in e.value for e in at.error)
    finally:
        own_postgres.resume()
    at.button[0].click().run()
    assert not at.exception and not at.error
    assert at.session_state["chat_state"].answers == dict(FIRST)


@pytest.mark.postgres
@pytest.mark.timeout(180)
def test_a_server_started_while_postgres_is_down_says_so_and_recovers(own_postgres, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from wizard import app_resources
    monkeypatch.setenv("DATABASE_URL", own_postgres.url)
    app_resources.store.clear()
    own_postgres.pause()
    try:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
        assert not at.exception
        assert len(at.error) == 1 and "ne répond pas" in at.error[0].value
        assert "127.0.0.1" not in at.error[0].value  # no host, port or path on the page
    finally:
        own_postgres.resume()
    at.button[0].click().run()
    assert not at.exception and not at.error
    assert at.caption[0].value.startswith("Question 1 sur")


# --- SQLite file deleted or replaced under a running server ------------------------------

def _sqlite(tmp_path) -> tuple[str, Path]:
    path = tmp_path / "data" / "cap.sqlite"
    return f"sqlite:///{path}", path


def _answered(url: str) -> tuple[SessionStore, ConversationService, object]:
    """A store on `url` and a conversation with the FIRST answers given."""
    store = SessionStore(make_engine(url))
    svc = ConversationService(store, Q)
    conv = svc.start()
    for key, value in FIRST:
        assert svc.answer(conv, key, value) == []
    return store, svc, conv


def _remove(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        p.unlink(missing_ok=True)


def test_a_deleted_sqlite_file_is_said_and_nothing_typed_is_lost(tmp_path):
    url, path = _sqlite(tmp_path)
    store, svc, conv = _answered(url)
    backup = tmp_path / "backup.sqlite"
    store.engine.dispose()
    shutil.copy(path, backup)
    _remove(path)
    for key, value in DURING:
        assert codes(svc.answer(conv, key, value)) == ["missing_file"]  # said, not swallowed
    assert not path.exists()  # not silently recreated empty
    shutil.copy(backup, path)  # the administrator puts the file back
    assert codes(svc.answer(conv, "structure_youth_per_year", 500)) == ["saved_after_outage"]
    stored = SessionStore(make_engine(url)).load(conv.token).answers
    assert stored == {**dict(FIRST + DURING), "structure_youth_per_year": 500}


def test_a_replaced_sqlite_file_gets_every_answer_of_the_page_back(tmp_path):
    url, path = _sqlite(tmp_path)
    store, svc, conv = _answered(url)
    store.engine.dispose()
    _remove(path)
    make_engine(url).dispose()  # an empty database where the old one was
    notices = svc.answer(conv, "structure_territory", "rural")
    assert set(codes(notices)) >= {"db_replaced", "new_link"}
    stored = SessionStore(make_engine(url)).load(conv.token).answers
    assert stored == {**dict(FIRST), "structure_territory": "rural"}


def test_after_a_restart_on_a_new_database_an_old_link_is_not_called_badly_copied(tmp_path):
    url, path = _sqlite(tmp_path)
    svc = ConversationService(SessionStore(make_engine(url)), Q)
    conv = svc.start()
    svc.answer(conv, "structure_name", "PIJ")
    _remove(path)
    restarted = ConversationService(SessionStore(make_engine(url)), Q)
    with pytest.raises(LinkProblem) as exc:
        restarted.resume(conv.token)
    assert exc.value.reason == "unknown" and exc.value.database_created is not None


# --- a read-only data folder at start (privileges dropped: root ignores file modes) -------

PROBE = """
import json, sys
from wizard.store import StoreError, make_engine
try:
    make_engine(sys.argv[1])
    print(json.dumps({"ok": True}))
except StoreError as exc:
    print(json.dumps({"kind": exc.kind}))
"""

APP_PROBE = """
import json
from streamlit.testing.v1 import AppTest
at = AppTest.from_file("app.py", default_timeout=60).run()
print(json.dumps({"exception": [str(e.value) for e in at.exception], "error": [e.value for e in at.error]}))
"""


def _as_nobody(code: str, *args: str, env: dict | None = None) -> dict:
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("setpriv (util-linux) is needed to drop privileges")
        prefix = [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    else:
        prefix = []
    done = subprocess.run([*prefix, sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "HOME": "/tmp", **(env or {})})
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture
def reachable(tmp_path):
    """A folder the unprivileged user can reach (pytest's own temporary root is private)."""
    base = Path(tempfile.mkdtemp(prefix="cap-ro-"))
    os.chmod(base, 0o755)
    yield base
    for p in [base, *base.rglob("*")]:
        os.chmod(p, 0o755)
    shutil.rmtree(base)


@pytest.fixture
def read_only_folder(reachable):
    folder = reachable / "data"
    folder.mkdir()
    os.chmod(folder, 0o555)
    return folder


@pytest.fixture
def read_only_file(reachable):
    folder = reachable / "data"
    folder.mkdir()
    make_engine(f"sqlite:///{folder}/cap.sqlite").dispose()
    for p in folder.iterdir():
        os.chmod(p, 0o444)
    os.chmod(folder, 0o777)
    return folder / "cap.sqlite"


def test_a_read_only_folder_is_said_at_start(read_only_folder):
    assert _as_nobody(PROBE, f"sqlite:///{read_only_folder}/cap.sqlite") == {"kind": "read_only"}


def test_a_read_only_file_is_said_at_start(read_only_file):
    assert _as_nobody(PROBE, f"sqlite:///{read_only_file}") == {"kind": "read_only"}


def test_the_app_says_a_read_only_folder_in_words(read_only_folder):
    shown = _as_nobody(APP_PROBE, env={"DATABASE_URL": f"sqlite:///{read_only_folder}/cap.sqlite"})
    assert shown["exception"] == []
    assert len(shown["error"]) == 1 and "lecture seule" in shown["error"][0]
    assert str(read_only_folder) not in shown["error"][0]  # the path is for the server log, not the page


def test_a_restored_backup_of_the_same_database_gets_the_page_answers_back(tmp_path):
    """Same instance id, but the stored revision went back: the page writes back what it holds."""
    import sqlite3
    url, path = _sqlite(tmp_path)
    store, svc, conv = _answered(url)
    backup = tmp_path / "backup.sqlite"
    with sqlite3.connect(path) as live, sqlite3.connect(backup) as copy:
        live.backup(copy)  # what `sqlite3 cap.sqlite ".backup backup.sqlite"` does
    for key, value in DURING:
        assert codes(svc.answer(conv, key, value)) == []
    with sqlite3.connect(backup) as copy, sqlite3.connect(path) as live:
        copy.backup(live)  # the administrator restores it (`.restore`)
    notices = svc.answer(conv, "structure_youth_per_year", 500)
    assert "db_replaced" in codes(notices)
    stored = SessionStore(make_engine(url)).load(conv.token).answers
    assert stored == {**dict(FIRST + DURING), "structure_youth_per_year": 500}


def test_a_fresh_page_during_an_outage_says_nothing_was_lost():
    class Down:
        def identity(self):
            raise StoreError("unavailable")
    conv = ConversationService(Down(), Q).start()
    assert ConversationService(Down(), Q).sync(conv) == []  # nothing typed yet: nothing « kept in this page »


def test_postgres_waits_are_bounded_and_keep_the_url_options():
    from wizard.store.db import postgres_args
    args = postgres_args("postgresql+psycopg://u@h/db?options=-csearch_path%3Dtest_1")
    assert args["connect_timeout"] and args["keepalives"] == 1 and args["tcp_user_timeout"] > 0
    assert "-csearch_path=test_1" in args["options"] and "statement_timeout=" in args["options"]
    assert "lock_timeout=" in args["options"]
