"""A room of 60 participants through the conversation service, no browser (issue 13, point 9).

Each participant answers the short questionnaire (questionnaires/atelier.yaml) in its own
thread, waiting a seeded random reading time between answers (5–15 s: a real room), then all
60 answer once more within one second (a burst). Printed: p50 / p95 time per answer against a
single participant answering alone in the same run (target p95 ≤ 2× with reading time; the
burst reported without a target), the room view's refresh (participants read + aggregates)
with 60 participants, and the answers lost (must be 0).

    python benchmarks/workshop.py [--participants 60] [--reading 5 15] [--seed 7]
    DATABASE_URL=postgresql://… python benchmarks/workshop.py   # on PostgreSQL
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wizard.conversation import ConversationService
from wizard.knowledge import default
from wizard.questionnaire.load import SHIPPED, load
from wizard.store import SessionStore, make_engine
from wizard.store.workshops import WorkshopStore
from wizard.workshop import aggregates

Q = load(SHIPPED / "atelier.yaml")
ANSWERS = [("structure_kind", "pij"), ("structure_country", "fr"), ("goals", ["inform", "partners"]),
           ("age_bands", ["15_17", "18_25"]), ("hours_per_week", 6.0), ("people", 2), ("concerns", ["time"]),
           ("maturity_strategy", 2), ("maturity_content", 3), ("maturity_interaction", 2)]


def answer_timed(svc: ConversationService, conv, key, value, times: list[float]) -> None:
    t0 = time.perf_counter()
    svc.answer(conv, key, value)
    times.append(time.perf_counter() - t0)


def participant(sessions: SessionStore, wid: int, rng: random.Random, reading: tuple[float, float],
                times: list[float], convs: list, barrier: threading.Barrier | None) -> None:
    svc = ConversationService(sessions, Q, "fr", workshop_id=wid)
    conv = svc.start()
    for key, value in ANSWERS:
        time.sleep(rng.uniform(*reading))
        answer_timed(svc, conv, key, value, times)
    convs.append(conv)
    if barrier is not None:
        barrier.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=60)
    parser.add_argument("--reading", type=float, nargs=2, default=(5.0, 15.0))
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = os.environ.get("DATABASE_URL") or f"sqlite:///{tmp}/bench.sqlite"
        sessions = SessionStore(make_engine(url))
        workshops = WorkshopStore(sessions)
        alone_w, _ = workshops.create("seul", "atelier")
        alone: list[float] = []
        participant(sessions, alone_w.id, random.Random(args.seed), (0.0, 0.0), alone, [], None)
        w, _ = workshops.create("salle", "atelier")
        times: list[float] = []
        convs: list = []
        barrier = threading.Barrier(args.participants + 1)
        threads = [threading.Thread(target=participant, args=(sessions, w.id, random.Random(args.seed + n),
                                                              tuple(args.reading), times, convs, barrier))
                   for n in range(args.participants)]
        started = time.perf_counter()
        for th in threads:
            th.start()
        barrier.wait()  # every participant has answered everything: now the burst
        burst: list[float] = []
        svc = ConversationService(sessions, Q, "fr", workshop_id=w.id)
        bursters = [threading.Thread(target=answer_timed, args=(svc, c, "maturity_interaction", 4, burst))
                    for c in convs]
        for th in bursters:
            th.start()
        for th in bursters + threads:
            th.join()
        elapsed = time.perf_counter() - started
        kb = default()
        refresh = []
        for _ in range(5):
            t0 = time.perf_counter()
            aggregates.room(workshops.participants(w.id), Q, kb, "fr", lambda p: None)
            refresh.append(time.perf_counter() - t0)
        people = workshops.participants(w.id)
        expected = {k for k, _ in ANSWERS}
        lost = sum(len(expected - set(p.answers)) for p in people) + args.participants - len(people)
        lost += sum(1 for p in people if p.answers.get("maturity_interaction") != 4)
    q = lambda xs, f: statistics.quantiles(xs, n=100)[f - 1] if len(xs) > 1 else xs[0]  # noqa: E731
    base_p50, base_p95 = statistics.median(alone), q(alone, 95)
    print(f"database                     : {url.split(':')[0]}")
    print(f"participants                 : {args.participants} × {len(ANSWERS)} answers, reading "
          f"{args.reading[0]:g}–{args.reading[1]:g} s (seed {args.seed}), {elapsed:.0f} s in all")
    print(f"one participant alone        : p50 {base_p50 * 1000:.1f} ms   p95 {base_p95 * 1000:.1f} ms")
    print(f"in the room (reading time)   : p50 {statistics.median(times) * 1000:.1f} ms   "
          f"p95 {q(times, 95) * 1000:.1f} ms   ratio p95 {q(times, 95) / base_p95:.2f}   (target ≤ 2)")
    print(f"burst (all within a second)  : p50 {statistics.median(burst) * 1000:.1f} ms   p95 {q(burst, 95) * 1000:.1f} ms")
    print(f"room view refresh, {len(people)} people : median {statistics.median(refresh) * 1000:.1f} ms")
    print(f"answers lost                 : {lost}   (must be 0)")
    return 0 if lost == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
