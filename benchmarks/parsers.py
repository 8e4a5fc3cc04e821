"""Parser time on long answers, per question kind (target: time(10 kB) / time(1 kB) ≤ ~12).

The chat refuses answers over 2 000 characters before parsing (parse.MAX_ANSWER_CHARS),
so this calls the parsers behind that guard (parse.PARSERS, the same functions on the
same steps of questionnaires/diagnostic.yaml) to check that none of them is worse than
linear in its input: the guard is a limit for people, not a cover for slow code.

Each kind is fed realistic and adversarial texts (commas, « et », digits, repeated
option names, long words, many numbers, powers…) cut to the size asked; a kind's time
is that of its slowest text. Absolute times depend on the machine: the ratio matters.

    python benchmarks/parsers.py [--sizes 1000 10000 100000]

From other code: `time_parser("multi", 10_000)` (seconds), `timings(kind, size)` (per text).
"""
from __future__ import annotations

import argparse
import gc
import sys
import time
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from wizard.questionnaire import flow
from wizard.questionnaire.load import SHIPPED, load
from wizard.questionnaire.parse import PARSERS, NotUnderstood

# kind -> the key of a step of diagnostic.yaml answered by that parser
STEPS = {
    "single": "structure_kind",
    "multi": "current_channels",
    "bands": "age_bands",  # multi choice over numeric bands (« 15–17 ans »)
    "ranked": "goals",
    "number": "structure_youth_per_year",
    "hours": "hours_per_week",
    "scale": "maturity_strategy",
    "text": "structure_name",
    "yes_no": "validation_required",
}
KINDS = tuple(STEPS)

# One unit of each text, repeated then cut to the size asked.
TEXTS: dict[str, str | tuple[str, str]] = {
    "prose": "Nous avons surtout Instagram et Facebook, un peu de TikTok pour les ados ; "
             "environ 2h30 par semaine, entre 3 et 5 personnes, à peu près 1 500 jeunes. ",
    "commas": "insta, fb, ",
    "et": "insta et fb et ",
    "names": "Facebook Instagram Snapchat Mission Locale Informer les jeunes ",
    "digits": "1234567890",
    "numbers": "12 3 45 6,5 ",
    "grouped": "1 000 000 ",
    "long_word": "facebookinstagramsnapchat",
    "bands": "15-17 18-25 ",
    "powers": "1e3 10**9 2^8 ",
    "hours": "2h30 et une demi-journée par jour, ",
    "words": "quatre-vingt-dix-sept mille et un ",
    "dashes": "- – / : ",
    "accents": "éèêàçôûœ ",
    "positions": "1 2 ",
    "every_other": "un jour sur deux ",
    "per_day": "2h par jour ",
    "equivalent": ("10 % d'un ", "équivalent "),  # (a start, then the unit repeated)
}


@cache
def _steps() -> dict[str, flow.Step]:
    q = load(SHIPPED / "diagnostic.yaml")
    by_key = {s.key: s for s in flow.steps(q, {"current_channels": ["youtube"], "structure_country": "fr"})}
    return {kind: by_key[key] for kind, key in STEPS.items()}


def text_of(name: str, size: int) -> str:
    """The text `name` of TEXTS, `size` characters long."""
    head, unit = ("", TEXTS[name]) if isinstance(TEXTS[name], str) else TEXTS[name]
    return (head + unit * (size // len(unit) + 1))[:size]


def _call(kind: str, text: str) -> None:
    step = _steps()[kind]
    try:
        PARSERS[step.question.kind](step, text)
    except NotUnderstood:
        pass


def _best(kind: str, text: str, budget: float = 0.2, rounds: int = 7) -> float:
    """The fastest of a few runs (at least one; more while under `budget` seconds),
    with the garbage collector off while timing, as timeit does."""
    best, spent, n = float("inf"), 0.0, 0
    while n < 1 or (n < rounds and spent < budget):
        gc.collect()
        gc.disable()
        try:
            t0 = time.perf_counter()
            _call(kind, text)
            dt = time.perf_counter() - t0
        finally:
            gc.enable()
        best, spent, n = min(best, dt), spent + dt, n + 1
    return best


def timings(kind: str, size: int) -> dict[str, float]:
    """Seconds to parse each text of `size` characters at the step of `kind`."""
    return {name: _best(kind, text_of(name, size)) for name in TEXTS}


def time_parser(kind: str, size: int) -> float:
    """Seconds for the slowest text of `size` characters at the step of `kind`."""
    return max(timings(kind, size).values())


def _worst_text_ratio(small: dict[str, float], big: dict[str, float]) -> tuple[float, str]:
    """The largest time ratio of one text between two sizes (texts under 1 ms at the
    larger size left out: their ratio is mostly timer noise)."""
    ratios = [(big[n] / small[n], n) for n in big if big[n] >= 1e-3 and small[n] > 0]
    return max(ratios, default=(0.0, "-"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--kinds", nargs="+", default=list(KINDS), choices=KINDS)
    args = parser.parse_args()
    sizes = args.sizes
    head = "".join(f"{f'{n // 1000} kB' if n % 1000 == 0 else n:>11}" for n in sizes)
    print(f"{'kind':8}{head}  ratio {sizes[1] if len(sizes) > 1 else ''}/{sizes[0]}  "
          "slowest text   worst ratio of one text")
    worst = 0.0
    for kind in args.kinds:
        rows = [timings(kind, n) for n in sizes]
        times = [max(r.values()) for r in rows]
        cells = "".join(f"{t * 1000:9.2f}ms" for t in times)
        slowest = max(rows[-1], key=rows[-1].get)
        if len(sizes) > 1:
            ratio = times[1] / times[0]
            worst = max(worst, ratio)
            text_ratio, text = _worst_text_ratio(rows[0], rows[1])
            print(f"{kind:8}{cells}  {ratio:9.1f}  {slowest:14} {text_ratio:5.1f} ({text})")
        else:
            print(f"{kind:8}{cells}  {'':9}  {slowest}")
    if len(sizes) > 1:
        print(f"worst ratio {sizes[1]} / {sizes[0]} characters: {worst:.1f} (target ≤ ~12)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
