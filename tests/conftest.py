"""Shared fixtures: databases (SQLite and PostgreSQL), a live Streamlit server, a phone browser.

External services are optional locally and mandatory in CI:
- PostgreSQL: CAP_TEST_POSTGRES_URL (start one with `export CAP_TEST_POSTGRES_URL=$(.ci/start-postgres)`);
- browser: Debian's `chromium` on PATH, driven by the pip `playwright` package (no download).
Without them the tests that need them are skipped, unless CAP_REQUIRE_POSTGRES=1 /
CAP_REQUIRE_BROWSER=1 is set (.ci/run sets both), which turns the skip into a failure.
"""
from __future__ import annotations

import contextlib

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from datetime import date
from functools import cache
from pathlib import Path
from typing import NoReturn

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `wizard` importable from a plain `pytest` run too
    sys.path.insert(0, str(ROOT))

# --- shared helpers: the example profiles, the reference date, their strategies -------------
# (imported by test modules: `from conftest import TODAY, EXAMPLE_NAMES, example_profile, example_strategy`)

TODAY = date(2026, 11, 26)
EXAMPLE_NAMES = tuple(sorted(p.stem for p in (ROOT / "examples").glob("*.json")))


def example_data(name: str) -> dict:
    return json.loads((ROOT / "examples" / f"{name}.json").read_text(encoding="utf-8"))



def changed_data(name: str, **changes) -> dict:
    """An example's data with some fields changed, by dotted name: changed_data("pij", **{"structure.country": "be"})."""
    d = example_data(name)
    for dotted, value in changes.items():
        *path, last = dotted.split(".")
        target = d
        for part in path:
            target = target.setdefault(part, {})
        target[last] = value
    return d

def example_profile(name: str, **changes):
    """An example profile, optionally with top-level parts replaced (goals=…, resources=…)."""
    from wizard.profile import parse_profile
    return parse_profile({**example_data(name), **changes})


@cache
def _strategy(name: str, lang: str):
    from wizard.engine import build_strategy
    from wizard.knowledge import default
    return build_strategy(example_profile(name), default(), TODAY, lang=lang)


def example_strategy(name: str, lang: str = "fr"):
    """The Strategy of an example (built once per language; a copy, so a test may change it)."""
    return _strategy(name, lang).model_copy(deep=True)

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2,
         "is_mobile": True, "has_touch": True, "locale": "fr-FR"}
SERVER_START_TIMEOUT = 60  # seconds

# --- a copy of the knowledge base to break (the loader's refusals) -------------------------------

@pytest.fixture
def kb_copy(tmp_path):
    """wizard/knowledge/*.yaml copied to a temporary folder, for a test to break one file."""
    from wizard.knowledge.load import DIR
    target = tmp_path / "knowledge"
    shutil.copytree(DIR, target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return target


def knowledge_problems(kb_copy: Path, file: str, change, by_id: bool = False) -> list[str]:
    """Apply `change` to the YAML data of `file` in the copy (to {id: item} when `by_id`), load the
    copy, and return the loader's problems (no-break spaces as spaces); the copy must be refused."""
    import yaml

    from wizard.knowledge.load import check
    path = kb_copy / file
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change({item["id"]: item for item in data} if by_id else data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    kb, problems = check(kb_copy)
    assert kb is None
    return [p.replace("\u00a0", " ") for p in problems]



def unavailable(require_var: str, reason: str) -> NoReturn:
    """Skip the test, or fail it when the environment variable `require_var` is 1."""
    if os.environ.get(require_var, "").strip() == "1":
        pytest.fail(f"{reason} — and {require_var}=1 makes this mandatory", pytrace=False)
    pytest.skip(f"{reason} (set {require_var}=1 to make this a failure)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- PostgreSQL --------------------------------------------------------------------

@pytest.fixture(scope="session")
def postgres_url() -> str:
    """The test server's URL as given (postgresql://…), after checking that it answers."""
    url = os.environ.get("CAP_TEST_POSTGRES_URL", "").strip()
    if not url:
        unavailable("CAP_REQUIRE_POSTGRES",
                    "no PostgreSQL: CAP_TEST_POSTGRES_URL is not set (export CAP_TEST_POSTGRES_URL=$(.ci/start-postgres))")
    from sqlalchemy import create_engine, text

    from wizard.store.db import database_url
    engine = create_engine(database_url({"DATABASE_URL": url}), connect_args={"connect_timeout": 5})
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # any driver or network error means "not usable"
        unavailable("CAP_REQUIRE_POSTGRES", f"PostgreSQL at {url} does not answer: {type(exc).__name__}: {exc}")
    finally:
        engine.dispose()
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """A SQLAlchemy URL to an empty database, once per backend.

    PostgreSQL tests each get a fresh schema (search_path set through the connection
    options), dropped afterwards, so tests never see each other's rows.
    """
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/t.sqlite"
        return
    with fresh_schema(request.getfixturevalue("postgres_url")) as url:
        yield url


@contextlib.contextmanager
def fresh_schema(postgres: str):
    """A URL to a new, empty schema of the test server (search_path in the connection options),
    dropped afterwards: tests, and the servers they start, never see each other's rows."""
    from sqlalchemy import create_engine, make_url, text

    from wizard.store.db import database_url
    base = database_url({"DATABASE_URL": postgres})
    schema = f"test_{uuid.uuid4().hex[:16]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def engines():
    """Engines made by a test through `engines.make(url)`; all disposed at the end."""
    from wizard.store import make_engine

    class Engines(list):
        def make(self, url):
            engine = make_engine(url)
            self.append(engine)
            return engine

    made = Engines()
    yield made
    for engine in made:
        engine.dispose()


@pytest.fixture
def store(db_url, engines):
    from wizard.store import SessionStore
    return SessionStore(engines.make(db_url))


# --- live Streamlit server ---------------------------------------------------------

class AppServer:
    """`streamlit run app.py` on a free port of 127.0.0.1, with its own SQLite file (or the
    database it is given: several servers on one PostgreSQL)."""

    def __init__(self, workdir: Path, database_url: str | None = None):
        self.workdir = workdir
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.database_url = database_url or f"sqlite:///{workdir}/e2e.sqlite"
        self.proc: subprocess.Popen | None = None
        self._log = None
        self.starts = 0

    def start(self) -> None:
        self.starts += 1
        log_path = self.workdir / f"server-{self.starts}.log"
        self._log = open(log_path, "w+b")
        env = {**os.environ, "DATABASE_URL": self.database_url, "PYTHONUNBUFFERED": "1",
               "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
        cmd = [sys.executable, "-m", "streamlit", "run", "app.py",
               "--server.port", str(self.port), "--server.address", "127.0.0.1",
               "--server.headless", "true", "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none"]
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                                     stdout=self._log, stderr=subprocess.STDOUT,
                                     start_new_session=True)  # its own process group
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self._fail(f"exited with code {self.proc.returncode} while starting")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as resp:
                    if resp.read().decode().strip() == "ok":
                        return
            except OSError:
                pass
            time.sleep(0.2)
        self._fail(f"did not answer {self.url}/_stcore/health within {SERVER_START_TIMEOUT} s")

    def log(self) -> str:
        if self._log is None:
            return ""
        self._log.flush()
        self._log.seek(0)
        return self._log.read().decode(errors="replace")

    def _fail(self, what: str) -> NoReturn:
        output = self.log()
        self.stop()
        pytest.fail(f"Streamlit server {what}. Its output:\n{output[-6000:]}", pytrace=False)

    def stop(self) -> None:
        """Terminate the server and every process it started."""
        proc, self.proc = self.proc, None
        if proc is not None:
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGTERM)
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait(timeout=10)
                except ProcessLookupError:
                    pass
            else:
                proc.wait()
            # Children that outlived the leader (same group), if any.
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        if self._log is not None:
            self._log.close()
            self._log = None

    def restart(self) -> None:
        """Stop and start again on the same port and database (a redeploy or a crash)."""
        self.stop()
        self.start()

    def kill(self) -> None:
        """A crash: SIGKILL the whole process group (no shutdown, nothing flushed), then start
        again on the same port and database."""
        proc, self.proc = self.proc, None
        if proc is not None:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            proc.wait(timeout=10)
        if self._log is not None:
            self._log.close()
            self._log = None
        self.start()


@pytest.fixture(scope="module")
def app_server(tmp_path_factory):
    server = AppServer(tmp_path_factory.mktemp("e2e"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def replicas(tmp_path_factory, postgres_url):
    """Two `streamlit run` replicas sharing one PostgreSQL schema (a network of structures)."""
    with fresh_schema(postgres_url) as url:
        servers = [AppServer(tmp_path_factory.mktemp(f"replica-{n}"), url) for n in "ab"]
        try:
            for server in servers:
                server.start()
            yield servers
        finally:
            for server in servers:
                server.stop()


# --- browser -----------------------------------------------------------------------

@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = shutil.which("chromium")
    if not path:
        unavailable("CAP_REQUIRE_BROWSER", "no browser: `chromium` is not on PATH (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        unavailable("CAP_REQUIRE_BROWSER", "the playwright package is not installed (make test installs it)")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def new_page(browser):
    """Factory: a page in a fresh phone-sized browser context (its own cookies and storage)."""
    contexts = []

    def make():
        context = browser.new_context(**PHONE)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def browser_page(new_page):
    return new_page()


# --- qpdf ----------------------------------------------------------------------------

@pytest.fixture(scope="session")
def qpdf() -> str:
    """Debian's qpdf, to check the structure of generated PDFs (mandatory in CI: CAP_REQUIRE_QPDF=1)."""
    path = shutil.which("qpdf")
    if path is None:
        unavailable("CAP_REQUIRE_QPDF", "no qpdf on PATH (apt-get install qpdf)")
    return path


# --- a PostgreSQL server of the test's own, to stop and start (outages) -------------------

class OwnPostgres:
    """A throwaway server started by .ci/start-postgres, paused and resumed on the same port."""

    SCRIPT = ROOT / ".ci" / "start-postgres"

    def __init__(self, state: Path):
        self.state = state
        done = subprocess.run([str(self.SCRIPT), str(state)], capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            unavailable("CAP_REQUIRE_POSTGRES", f"could not start a PostgreSQL server: {done.stderr.strip()[-300:]}")
        self.url = done.stdout.strip()

    def _run(self, flag: str) -> None:
        subprocess.run([str(self.SCRIPT), flag, str(self.state)], check=True, capture_output=True, timeout=120)

    def pause(self) -> None:
        self._run("--pause")

    def resume(self) -> None:
        self._run("--resume")

    def stop(self) -> None:
        subprocess.run([str(self.SCRIPT), "--stop", str(self.state)], capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def own_postgres(tmp_path_factory):
    if not (shutil.which("initdb") or list(Path("/usr/lib/postgresql").glob("*/bin/initdb"))):
        unavailable("CAP_REQUIRE_POSTGRES", "no PostgreSQL server binaries (apt-get install postgresql)")
    server = OwnPostgres(tmp_path_factory.mktemp("own-pg") / "state")
    try:
        yield server
    finally:
        server.stop()
