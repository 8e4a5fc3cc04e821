"""Privacy a youth worker can explain (issue 14, point 1): « Supprimer mes réponses » deletes at
once and for good, an open tab cannot write the answers back, the retention period deletes what
is too old (`python -m wizard purge` and at start), and the SQLite file is the app user's only.
On SQLite and PostgreSQL (db_url)."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from conftest import ROOT
from sqlalchemy import func, select, update
from test_faults import _as_nobody, reachable  # noqa: F401  (a fixture)

from wizard.conversation import ConversationService, LinkProblem
from wizard.questionnaire.load import SHIPPED, load
from wizard.store import make_engine
from wizard.store.attempts import Attempts
from wizard.store.retention import months_before, purge
from wizard.store.schema import answers, attempts, gone, sessions
from wizard.store.schema import workshops as workshops_t
from wizard.store.workshops import WorkshopStore

Q = load(SHIPPED / "diagnostic.yaml")


def count(store, table) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar()


def age(store, days: int) -> None:
    """Make every stored conversation look `days` days old."""
    with store.engine.begin() as conn:
        conn.execute(update(sessions).values(updated_at=datetime.now(UTC) - timedelta(days=days)))


@pytest.fixture
def svc(store):
    return ConversationService(store, Q)


def started(svc, **answers):
    conv = svc.start()
    for key, value in (answers or {"structure_name": "PIJ de Millau", "structure_kind": "pij"}).items():
        svc.answer(conv, key, value)
    return conv


def test_delete_removes_the_conversation_and_its_answers_and_the_link_says_so(svc, store):
    conv = started(svc)
    token = conv.token
    svc.delete(conv)
    assert store.load(token) is None and count(store, answers) == 0 and count(store, sessions) == 0
    with store.engine.connect() as conn:  # only the token's hash and why: no answer kept
        assert [tuple(r)[1] for r in conn.execute(select(gone)).all()] == ["deleted"]
    with pytest.raises(LinkProblem) as caught:
        svc.resume(token)
    assert caught.value.reason == "deleted"


def test_another_tab_open_on_a_deleted_link_cannot_write_the_answers_back(svc, store):
    mine = started(svc)
    other = svc.resume(mine.token)  # a second tab, or the colleague's phone
    svc.delete(mine)
    notices = svc.answer(other, "structure_country", "fr")
    assert [n.code for n in notices] == ["deleted"]
    assert count(store, sessions) == 0 and count(store, answers) == 0  # not re-created under a new link
    assert other.answers == {} and other.pending == []
    assert [n.code for n in svc.sync(other)] == ["deleted"]


def test_a_conversation_without_activity_for_the_period_is_purged_and_its_link_says_it_expired(svc, store):
    old, recent = started(svc), started(svc)
    age(store, 400)
    svc.answer(recent, "structure_country", "fr")  # activity: the period starts again
    assert purge(store, 12) == 1
    assert store.load(recent.token) is not None and store.load(old.token) is None
    with pytest.raises(LinkProblem) as caught:
        svc.resume(old.token)
    assert caught.value.reason == "expired"
    assert purge(store, 12) == 0  # idempotent


def test_opening_a_link_is_activity(svc, store):
    conv = started(svc)
    age(store, 364)
    svc.resume(conv.token)  # a manager reads the results again
    assert purge(store, 12, now=datetime.now(UTC) + timedelta(days=30)) == 0


def test_purge_also_forgets_old_attempts_and_empty_old_workshops(store):
    workshops = WorkshopStore(store)
    Attempts(store, "link").failed("203.0.113.7")
    w, _ = workshops.create("Atelier de l’an dernier", "atelier")
    with store.engine.begin() as conn:
        conn.execute(update(attempts).values(last_at=datetime.now(UTC) - timedelta(days=2)))
        conn.execute(update(workshops_t).values(updated_at=datetime.now(UTC) - timedelta(days=400)))
    purge(store, 12)
    assert count(store, attempts) == 0 and workshops.by_id(w.id) is None


@pytest.mark.parametrize(("now", "months", "then"), [
    (datetime(2026, 3, 31, tzinfo=UTC), 1, datetime(2026, 2, 28, tzinfo=UTC)),
    (datetime(2026, 1, 15, tzinfo=UTC), 12, datetime(2025, 1, 15, tzinfo=UTC)),
    (datetime(2026, 1, 15, tzinfo=UTC), 13, datetime(2024, 12, 15, tzinfo=UTC)),
])
def test_months_are_calendar_months(now, months, then):
    assert months_before(now, months) == then


def test_the_command_line_purges_with_the_configured_period(tmp_path):
    url = f"sqlite:///{tmp_path}/p.sqlite"
    from wizard.store import SessionStore
    store = SessionStore(make_engine(url))
    token = store.create("diagnostic")
    store.save_answers(token, {"structure_kind": "pij"})
    age(store, 200)
    run = lambda months: subprocess.run([sys.executable, "-m", "wizard", "purge"], cwd=ROOT, capture_output=True,  # noqa: E731
                                        text=True, env={**os.environ, "DATABASE_URL": url, "CAP_RETENTION_MONTHS": months})
    done = run("12")
    assert done.returncode == 0 and store.load(token) is not None and "12" in done.stdout
    done = run("6")
    assert done.returncode == 0 and store.load(token) is None and done.stdout.startswith("1")
    wrong = run("douze")
    assert wrong.returncode != 0 and "CAP_RETENTION_MONTHS" in wrong.stderr and "Traceback" not in wrong.stderr


PEEK = """
import json, sys
try:
    open(sys.argv[1], "rb").read(16)
    print(json.dumps({"read": True}))
except PermissionError:
    print(json.dumps({"read": False}))
"""


def test_the_sqlite_file_and_its_folder_are_the_app_users_only(reachable):  # noqa: F811
    folder = reachable / "data"
    make_engine(f"sqlite:///{folder}/cap.sqlite").dispose()
    assert os.stat(folder).st_mode & 0o777 == 0o700
    assert os.stat(folder / "cap.sqlite").st_mode & 0o777 == 0o600
    os.chmod(folder, 0o755)  # even with a folder opened up, the file itself stays closed
    assert _as_nobody(PEEK, str(folder / "cap.sqlite")) == {"read": False}


def test_an_older_world_readable_file_is_closed_at_start(reachable):  # noqa: F811
    folder = reachable / "data"
    folder.mkdir(mode=0o755)
    make_engine(f"sqlite:///{folder}/cap.sqlite").dispose()
    os.chmod(folder / "cap.sqlite", 0o644)  # as an earlier version left it
    make_engine(f"sqlite:///{folder}/cap.sqlite").dispose()
    assert os.stat(folder / "cap.sqlite").st_mode & 0o777 == 0o600
