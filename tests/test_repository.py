"""The two commands and the layout a newcomer relies on (README, Makefile, .ci/run, pins)."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_layout():
    for path in ("app.py", "wizard", "questionnaires", "tests", "requirements.txt", "README.md", "Makefile",
                 ".ci/run", "benchmarks/turn.py", "benchmarks/engine.py", "examples"):
        assert (ROOT / path).exists(), path
    assert len((ROOT / "app.py").read_text(encoding="utf-8").splitlines()) < 20  # page set-up only


def test_readme_starts_with_the_two_commands():
    lines = [line.strip() for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines() if line.strip()]
    assert lines[0].startswith("# ")
    assert lines[1].startswith("make run") and lines[2].startswith("make test")


def test_requirements_are_pinned():
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            line = line.split("#")[0].strip()
            if line and not line.startswith("-r"):
                assert re.match(r"^[A-Za-z0-9_.\[\]-]+==[0-9][0-9A-Za-z.]*$", line), f"{name}: {line}"


def test_make_targets_create_the_venv_and_run_the_app_on_sqlite():
    dry = subprocess.run(["make", "-n", "-B", "run"], cwd=ROOT, capture_output=True, text=True)
    assert dry.returncode == 0, dry.stderr
    assert "-m venv .venv" in dry.stdout and "pip install" in dry.stdout and "streamlit run app.py" in dry.stdout
    dry = subprocess.run(["make", "-n", "-B", "test"], cwd=ROOT, capture_output=True, text=True)
    assert "requirements-dev.txt" in dry.stdout and "-m pytest" in dry.stdout
    assert "data/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_ci_installs_browser_and_database_and_makes_their_tests_mandatory():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for needed in ("apt-get", "chromium", "postgresql", "CAP_REQUIRE_BROWSER=1", "CAP_REQUIRE_POSTGRES=1",
                   "CAP_TEST_POSTGRES_URL", "make test"):
        assert needed in ci, needed


def test_every_room_is_small_enough_to_read():
    """No module in wizard/ over 400 lines: a newcomer reads one in a sitting."""
    big = {str(p.relative_to(ROOT)): n for p in (ROOT / "wizard").rglob("*.py")
           if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert big == {}
