"""Median time to build a strategy, knowledge loaded once (target ≤ 20 ms per profile).

    python benchmarks/engine.py [--rounds 30]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wizard.engine import build_strategy
from wizard.knowledge import default
from wizard.profile import parse_profile


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    t0 = time.perf_counter()
    kb = default()
    load_ms = (time.perf_counter() - t0) * 1000
    profiles = {p.stem: parse_profile(json.loads(p.read_text(encoding="utf-8")))
                for p in sorted((ROOT / "examples").glob("*.json"))}
    today = date(2026, 11, 26)
    for prof in profiles.values():  # warm-up
        build_strategy(prof, kb, today)
    print(f"knowledge load (once)    : {load_ms:.1f} ms")
    medians = []
    for name, prof in profiles.items():
        times = []
        for _ in range(args.rounds):
            t = time.perf_counter()
            build_strategy(prof, kb, today)
            times.append((time.perf_counter() - t) * 1000)
        medians.append(statistics.median(times))
        print(f"{name:30s}: {medians[-1]:6.2f} ms (median of {args.rounds})")
    print(f"median over profiles     : {statistics.median(medians):.2f} ms   (target ≤ 20 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
