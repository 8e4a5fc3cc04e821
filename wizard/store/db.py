"""The database engine: an SQLite file unless DATABASE_URL names another server.

SQLite is used from Streamlit's threads, hence check_same_thread=False, WAL (readers
do not block the writer) and a busy timeout. Writes start with BEGIN IMMEDIATE (the
`cap_write` execution option): a read-then-write transaction in WAL mode would otherwise
fail at once when another device wrote in between, whatever the busy timeout.
SQL parameters are hidden from error messages, so the log never holds answers or hashes.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.exc import OperationalError

from wizard.store import migrate
from wizard.store.errors import StoreError

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "data" / "cap-reseaux.sqlite"


SUPPORTED = ("sqlite:", "sqlite+pysqlite:", "postgresql+psycopg:")  # after database_url's rewriting


def database_url(env: dict | None = None) -> str:
    env = os.environ if env is None else env
    url = env.get("DATABASE_URL", "").strip()
    if not url:
        return f"sqlite:///{DEFAULT_FILE}"
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL (None for a server or an in-memory database)."""
    if not url.startswith("sqlite"):
        return None
    path = url.split(":///", 1)[1] if ":///" in url else ""
    path = path.split("?", 1)[0]
    return Path(path) if path and path != ":memory:" else None


def check_writable(path: Path) -> None:
    """Say at start, in words, when the file or its folder cannot be written."""
    folder = path.parent
    try:
        if not folder.exists():
            folder.mkdir(mode=0o700, parents=True)  # made here: for the app's user only
    except FileExistsError:
        pass
    except OSError as exc:
        raise StoreError("read_only", f"cannot create folder {folder}: {exc.strerror}") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StoreError("read_only", f"folder {folder} is not writable by this user")
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if p.exists() and not os.access(p, os.R_OK | os.W_OK):
            raise StoreError("read_only", f"file {p} is not writable by this user")


def make_private(path: Path) -> None:
    """The answers readable by the app's user only: the file (and SQLite's -wal, -shm) 0600, its
    folder 0700 when it is Cap Réseaux's own (data/, or made by check_writable). A folder given
    in DATABASE_URL that others can read (/tmp…) is left as it is, and said in the log: changing
    a shared folder's mode would break other programs."""
    uid = os.geteuid()
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            if p.stat().st_uid == uid and p.stat().st_mode & 0o077:
                os.chmod(p, 0o600)
        except FileNotFoundError:
            continue
    folder = path.parent
    info = folder.stat()
    if info.st_mode & 0o077 and info.st_uid == uid and folder.resolve() == DEFAULT_FILE.parent.resolve():
        os.chmod(folder, 0o700)
    elif info.st_mode & 0o077:
        logging.getLogger("cap_reseaux.store").warning(
            "the database folder %s can be read by other users: give it mode 0700", folder)


def _sqlite_engine(url: str) -> Engine:
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 15},
                           hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # transactions are begun below, not by the driver
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA busy_timeout=15000")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("cap_write") else "BEGIN")

    return engine


STATEMENT_TIMEOUT_MS = 15_000  # a query, or a wait for a lock, longer than this is an outage
NETWORK_TIMEOUT_MS = 15_000  # sent data unacknowledged this long: the connection is dead


def postgres_args(url: str) -> dict:
    """Bounded waits, so a cut network or an overloaded server becomes a message, not a spinning
    page: connect timeout, TCP keepalives and user timeout, statement and lock timeouts (added to
    any `options` the URL already carries, such as a search_path)."""
    given = make_url(url).query.get("options", "")
    given = " ".join(given) if isinstance(given, tuple) else given
    timeouts = f"-c statement_timeout={STATEMENT_TIMEOUT_MS} -c lock_timeout={STATEMENT_TIMEOUT_MS}"
    return {"connect_timeout": 5, "keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 3,
            "keepalives_count": 3, "tcp_user_timeout": NETWORK_TIMEOUT_MS, "options": f"{given} {timeouts}".strip()}


def make_engine(url: str | None = None) -> Engine:
    """An engine on a database at the newest schema revision (migrated if needed)."""
    url = url or database_url()
    if not url.startswith(SUPPORTED):  # mysql://, a typo: said plainly, not a driver's ImportError
        raise StoreError("unsupported", url.split(":", 1)[0] if ":" in url else url[:40])
    path = sqlite_path(url)
    if path is not None:
        check_writable(path)
        try:
            make_private(path)
        except OSError as exc:
            raise StoreError("read_only", f"cannot create or protect {path}: {exc.strerror}") from None
        engine = _sqlite_engine(url)
    elif url.startswith("sqlite"):
        engine = _sqlite_engine(url)
    else:
        engine = create_engine(url, pool_pre_ping=True, hide_parameters=True,
                               connect_args=postgres_args(url) if url.startswith("postgresql") else {})
    try:
        migrate.upgrade(engine)
    except OperationalError as exc:
        engine.dispose()
        text = str(exc.orig).lower()
        if "readonly" in text or "read-only" in text:
            raise StoreError("read_only", str(exc.orig)) from None
        raise StoreError("unavailable", f"{type(exc.orig).__name__}: {exc.orig}") from None
    return engine
