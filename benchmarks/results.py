"""Server time to the full results page, against the bare chat app's turn (issue 12, point 6).

Two paths, driven with Streamlit's AppTest in this one process, each sample with the
strategy cache emptied first (the cold path: what a person waits for the first time):

- last answer: a conversation resumed at its last question, then the answer typed: the run
  that stores it, builds the strategy and draws the whole results page;
- resume link: a finished conversation's link opened in a new session: the first run.

The baseline is the floor of benchmarks/turn.py: one chat turn of the bare chat app
(benchmarks/floor_app.py) after 30 turns. Ratios matter (target ≤ 3 for both), absolute
times depend on the machine.

    python benchmarks/results.py [--samples 7]
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

import streamlit as st
from streamlit.testing.v1 import AppTest

from benchmarks.turn import ANSWERS, FLOOR, floor_sample
from wizard.questionnaire import flow
from wizard.questionnaire.load import SHIPPED, load
from wizard.store import SessionStore, make_engine

_COMPONENTS: list = []  # AppTest scans installed packages for components on each new instance's first
# run (about 0.5 s here); a server does it once at start: the samples share the first scan.


def _app() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if _COMPONENTS:
        at._bidi_component_manager = _COMPONENTS[0]
    return at


def _keep_components(at: AppTest) -> None:
    if not _COMPONENTS and getattr(at, "_bidi_component_manager", None) is not None:
        _COMPONENTS.append(at._bidi_component_manager)


LAST = {"maturity_measurement": 1, "maturity_organisation": 3}  # then maturity_safety, the last question
LAST_KEY, LAST_ANSWER = "maturity_safety", "2"


def _results_drawn(at: AppTest) -> None:
    assert not at.exception, at.exception
    assert any(h.value == "Votre stratégie" for h in at.header)
    assert at.get("download_button") and any(p.key == "section" for p in at.pills)


def last_answer_sample(store: SessionStore, q) -> float:
    token = store.create(q.id)
    store.save_answers(token, {**ANSWERS, **LAST})
    at = _app()
    at.query_params["s"] = token
    at.run()
    _keep_components(at)
    assert flow.current(q, at.session_state["chat_state"].answers).key == LAST_KEY
    st.cache_data.clear()
    at.chat_input[0].set_value(LAST_ANSWER)
    t0 = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - t0
    _results_drawn(at)
    return elapsed


def resume_sample(store: SessionStore, q) -> float:
    token = store.create(q.id)
    store.save_answers(token, {**ANSWERS, **LAST, LAST_KEY: 2})
    st.cache_data.clear()
    at = _app()
    at.query_params["s"] = token
    t0 = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - t0
    _results_drawn(at)
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=7)
    args = parser.parse_args()
    if not FLOOR.exists():
        print(f"floor app not found: {FLOOR} (set CAP_FLOOR_APP)", file=sys.stderr)
        return 1
    warnings.filterwarnings("ignore")
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.sqlite"
        os.environ["DATABASE_URL"] = url
        store, q = SessionStore(make_engine(url)), load(SHIPPED / "diagnostic.yaml")
        last_answer_sample(store, q), resume_sample(store, q), floor_sample()  # warm-up: imports
        last, resume, floor = [], [], []
        for _ in range(args.samples):  # interleaved, so background noise hits all three
            last.append(last_answer_sample(store, q))
            resume.append(resume_sample(store, q))
            floor.append(floor_sample())
    la, re_, f = (statistics.median(x) for x in (last, resume, floor))
    print(f"samples                        : {args.samples}")
    print(f"floor chat turn (median)       : {f * 1000:.1f} ms")
    print(f"last answer -> results (median): {la * 1000:.1f} ms   ratio {la / f:.2f}   (target ≤ 3)")
    print(f"resume link -> results (median): {re_ * 1000:.1f} ms   ratio {re_ / f:.2f}   (target ≤ 3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
