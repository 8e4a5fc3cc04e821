"""Every benchmark, one after the other, and one table of the figures that matter.

Each benchmark runs as its own process (`python benchmarks/<name>.py`), its baseline measured in
that same process, as when it is run alone; its full output is kept in a log folder. The table
takes each figure from the benchmark's own printed line, so the benchmarks stay the one place
where a figure is defined. Lighthouse (a browser and npm) runs only with --lighthouse.

    .venv/bin/python benchmarks/run_all.py [--quick] [--lighthouse] [--logs DIR]

--quick passes fewer samples and a smaller room (for a look, not for the note). Exit 0 when every
benchmark ran and printed its figures (met or not: a benchmark is a measure), 1 otherwise.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


@dataclass(frozen=True)
class Figure:
    label: str
    pattern: str  # a regular expression whose first group is the number
    target: str = ""
    met: object = None  # a function of the number -> bool, or None (reported without a target)
    scale: float = 1.0  # printed value = number × scale
    unit: str = ""


@dataclass(frozen=True)
class Bench:
    script: str
    figures: tuple[Figure, ...]
    quick: tuple[str, ...] = ()
    timeout: int = 1800


BENCHES = (
    Bench("turn.py", (Figure("chat turn / bare chat app", r"ratio wizard / floor\s*:\s*([\d.]+)", "≤ 1.5",
                             lambda x: x <= 1.5, unit="×"),), quick=("--samples", "5")),
    Bench("engine.py", (Figure("engine, per profile (median)", r"median over profiles\s*:\s*([\d.]+) ms", "≤ 20 ms",
                               lambda x: x <= 20, unit=" ms"),), quick=("--rounds", "5")),
    Bench("pdf.py", (Figure("strategy PDF", r"strategy PDF\s*:\s*(\d+) ms", "", None, 0.001, " s"),
                     Figure("strategy PDF / ReportLab", r"strategy / ReportLab\s*:\s*([\d.]+)", "≤ 3",
                            lambda x: x <= 3, unit="×")), quick=("--rounds", "3")),
    Bench("results.py", (Figure("last answer → results / chat turn", r"last answer -> results.*?ratio ([\d.]+)",
                                "≤ 3", lambda x: x <= 3, unit="×"),
                         Figure("resume link → results / chat turn", r"resume link -> results.*?ratio ([\d.]+)",
                                "≤ 3", lambda x: x <= 3, unit="×")), quick=("--samples", "3")),
    Bench("save.py", (Figure("save, 10 devices / 1 (SQLite)", r"SQLite\s*: ratio \d+ devices / 1 device\s*:\s*([\d.]+)",
                             "", None, unit="×"),
                      Figure("save, answers lost (SQLite)", r"SQLite\s*: answers lost or errors shown\s*:\s*(\d+)",
                             "0", lambda x: x == 0)), quick=("--answers", "10")),
    Bench("workshop.py", (Figure("workshop p95 / one participant", r"ratio p95 ([\d.]+)", "≤ 2",
                                 lambda x: x <= 2, unit="×"),
                          Figure("workshop answers lost", r"answers lost\s*:\s*(\d+)", "0", lambda x: x == 0)),
          quick=("--participants", "20", "--reading", "1", "3")),
)
LIGHTHOUSE = Bench("lighthouse.py", (
    Figure("Lighthouse results page score", r"^results page\s+(\d+)", "", None),
    Figure("Lighthouse bare chat app score", r"^bare chat app\s+(\d+)", "", None),
    Figure("Lighthouse points (results − bare)", r"score: results ([+-]\d+) points", "≥ −10", lambda x: x >= -10)),
    quick=("--runs", "1"))


def run(bench: Bench, quick: bool, logs: Path) -> tuple[list[tuple[Figure, float | None]], float, str | None]:
    cmd = [sys.executable, str(HERE / bench.script), *(bench.quick if quick else ())]
    started = time.perf_counter()
    try:
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=bench.timeout)
    except subprocess.TimeoutExpired:
        return [(f, None) for f in bench.figures], time.perf_counter() - started, f"timed out after {bench.timeout} s"
    elapsed = time.perf_counter() - started
    (logs / f"{bench.script}.log").write_text(done.stdout + "\n--- stderr ---\n" + done.stderr, encoding="utf-8")
    found = []
    for figure in bench.figures:
        m = re.search(figure.pattern, done.stdout, re.MULTILINE)
        found.append((figure, float(m.group(1)) if m else None))
    problem = None if done.returncode == 0 else f"exit {done.returncode}"
    if any(v is None for _, v in found):
        problem = (problem + "; " if problem else "") + "figure not printed"
    return found, elapsed, problem


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer samples, a smaller room")
    parser.add_argument("--lighthouse", action="store_true", help="also Lighthouse (needs node, npm, chromium)")
    parser.add_argument("--logs", type=Path, help="folder for each benchmark's output (default: a temporary one)")
    args = parser.parse_args()
    logs = args.logs or Path(tempfile.mkdtemp(prefix="cap-bench-"))
    logs.mkdir(parents=True, exist_ok=True)
    rows, failed = [], []
    for bench in (*BENCHES, *((LIGHTHOUSE,) if args.lighthouse else ())):
        print(f"running {bench.script} …", file=sys.stderr, flush=True)
        found, elapsed, problem = run(bench, args.quick, logs)
        if problem:
            failed.append(f"{bench.script}: {problem}")
        for figure, value in found:
            shown = "—" if value is None else f"{value * figure.scale:g}{figure.unit}"
            verdict = "" if value is None or figure.met is None else ("met" if figure.met(value) else "NOT MET")
            rows.append((figure.label, shown, figure.target, verdict, f"{bench.script} ({elapsed:.0f} s)"))
    widths = [max(len(r[i]) for r in rows + [("figure", "value", "target", "", "from")]) for i in range(5)]
    print("  ".join(h.ljust(w) for h, w in zip(("figure", "value", "target", "", "from"), widths, strict=True)))
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))
    print(f"\nlogs: {logs}")
    for line in failed:
        print(f"problem: {line}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
