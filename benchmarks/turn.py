"""Server time of one chat turn after 30 answered questions, against the bare chat app.

Both apps are driven with Streamlit's AppTest in this one process, the same way, and
the figure that matters is the ratio (target ≤ 1.5): absolute times depend on the
machine and its load. Each sample starts from 30 answered questions (the wizard:
a stored conversation resumed from its token; the floor: 30 chat turns), then times
one more turn: typing an answer in the chat input and the page being redrawn.

    python benchmarks/turn.py [--samples 15]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
FLOOR = Path(os.environ.get("CAP_FLOOR_APP", ROOT / "benchmarks" / "floor_app.py"))  # the bare chat app

from streamlit.testing.v1 import AppTest

from wizard.questionnaire import flow
from wizard.questionnaire.load import SHIPPED, load
from wizard.store import SessionStore, make_engine

# 30 answers (two channels expand the presence questions, the follow-up goal adds its
# two questions), the 31st is timed.
ANSWERS = {
    "structure_name": "Mission Locale du Haut-Vallon", "structure_kind": "mission_locale",
    "structure_country": "fr", "structure_territory": "rural", "structure_parent_body": "intercommunalite",
    "structure_youth_per_year": 2800, "structure_staff": 25,
    "current_channels": ["facebook", "youtube"],
    "presence_followers.facebook": 900, "presence_followers.youtube": 600,
    "presence_posts.facebook": 2, "presence_posts.youtube": 1,
    "goals": ["individual_followup", "inform"], "age_bands": ["18_25"], "groups": ["insertion"],
    "hours_per_week": 10, "people": 3, "comms_in_job": None, "followup_counsellors": 3, "followup_youths": 45,
    "skills": ["video"], "equipment": ["pro_smartphone"],
    "budget": 0, "concerns": ["time"], "validation_required": True, "own_accounts_allowed": "unknown",
    "working_hours_only": True, "maturity_strategy": 2, "maturity_content": 3, "maturity_interaction": 2,
}
TIMED_KEY, TIMED_ANSWER = "maturity_measurement", "1"


def _time(at: AppTest, text: str) -> float:
    at.chat_input[0].set_value(text)
    t0 = time.perf_counter()
    at.run()
    return time.perf_counter() - t0


def wizard_sample(store: SessionStore, q) -> float:
    token = store.create(q.id)
    store.save_answers(token, ANSWERS)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["s"] = token
    at.run()
    assert flow.current(q, at.session_state["chat_state"].answers).key == TIMED_KEY
    elapsed = _time(at, TIMED_ANSWER)
    assert not at.exception and TIMED_KEY in at.session_state["chat_state"].answers
    return elapsed


def floor_sample() -> float:
    at = AppTest.from_file(str(FLOOR), default_timeout=60).run()
    for i in range(30):
        at.chat_input[0].set_value(f"réponse {i}").run()
    return _time(at, TIMED_ANSWER)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=15)
    args = parser.parse_args()
    if not FLOOR.exists():
        print(f"floor app not found: {FLOOR} (set CAP_FLOOR_APP)", file=sys.stderr)
        return 1
    warnings.filterwarnings("ignore")
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.sqlite"
        os.environ["DATABASE_URL"] = url
        store, q = SessionStore(make_engine(url)), load(SHIPPED / "diagnostic.yaml")
        assert len(ANSWERS) == 30 and flow.prune(q, ANSWERS) == ANSWERS
        wizard_sample(store, q), floor_sample()  # warm-up: imports, caches
        real, floor = [], []
        for _ in range(args.samples):  # interleaved, so background noise hits both
            real.append(wizard_sample(store, q))
            floor.append(floor_sample())
    r, f = statistics.median(real), statistics.median(floor)
    print(f"samples per app          : {args.samples}")
    print(f"floor turn (median)      : {f * 1000:.1f} ms   [{min(floor) * 1000:.1f}–{max(floor) * 1000:.1f}]")
    print(f"wizard turn (median)     : {r * 1000:.1f} ms   [{min(real) * 1000:.1f}–{max(real) * 1000:.1f}]")
    print(f"ratio wizard / floor     : {r / f:.2f}   (target ≤ 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
