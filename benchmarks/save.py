"""Time of one answer's save on one resume link: one device alone, then ten at once.

Drives the app's own save path (wizard.conversation.ConversationService → SessionStore.update)
on SQLite, and on PostgreSQL when CAP_TEST_POSTGRES_URL is set. The baseline is the same
save by a single device in the same process; the figure that matters is the ratio (ten
devices take turns on one row lock, so some waiting is expected) and the answers lost,
which must be 0. Then the parser's time on a 1 kB and a 10 kB answer (benchmarks/parsers.py):
the chat refuses over 2 000 characters, but no parser may be worse than linear.

    python benchmarks/save.py [--answers 30] [--devices 10]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.devices import lost_answers, run_device
from benchmarks.parsers import KINDS, time_parser
from wizard.conversation import ConversationService
from wizard.questionnaire.load import SHIPPED, load
from wizard.store import SessionStore, database_url, make_engine


def devices_on_one_link(store: SessionStore, devices: int, answers: int) -> tuple[list[float], int, int]:
    """(seconds per save, answers acknowledged, answers lost, errors shown) for `devices` at once."""
    svc = ConversationService(store, load(SHIPPED / "diagnostic.yaml"))
    conv = svc.start()
    svc.answer(conv, "structure_name", "banc d'essai")
    start = threading.Barrier(devices)
    with ThreadPoolExecutor(devices) as pool:
        runs = list(pool.map(lambda d: run_device(svc, conv.token, d, answers, start), range(devices)))
    written = [w for r in runs for w in r.written]
    errors = sum(len(r.errors) for r in runs)
    return [s for r in runs for s in r.seconds], len(written), len(lost_answers(store, conv.token, written)) + errors


def backend(name: str, url: str, devices: int, answers: int) -> None:
    store = SessionStore(make_engine(url))
    devices_on_one_link(store, 1, 5)  # warm-up: pool, caches
    alone, n1, bad1 = devices_on_one_link(store, 1, answers)
    crowd, n10, bad10 = devices_on_one_link(store, devices, answers)
    m1, m10 = statistics.median(alone), statistics.median(crowd)
    p95 = sorted(crowd)[int(len(crowd) * 0.95) - 1]
    print(f"{name}: one save, 1 device (median)      : {m1 * 1000:7.2f} ms   ({n1} saves)")
    print(f"{name}: one save, {devices} devices (median)    : {m10 * 1000:7.2f} ms   ({n10} saves, p95 {p95 * 1000:.2f} ms)")
    print(f"{name}: ratio {devices} devices / 1 device        : {m10 / m1:7.2f}")
    print(f"{name}: answers lost or errors shown       : {bad1 + bad10}   (must be 0)")
    store.engine.dispose()


def _postgres_url(base: str) -> tuple[str, object]:
    """A throwaway schema on the test server, so the benchmark leaves nothing behind."""
    from sqlalchemy import create_engine, make_url, text
    url = database_url({"DATABASE_URL": base})
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))

    def drop():
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()
    return make_url(url).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
        hide_password=False), drop


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=30, help="answers per device")
    parser.add_argument("--devices", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        backend("SQLite    ", f"sqlite:///{tmp}/bench.sqlite", args.devices, args.answers)
    pg = os.environ.get("CAP_TEST_POSTGRES_URL", "").strip()
    if pg:
        url, drop = _postgres_url(pg)
        try:
            backend("PostgreSQL", url, args.devices, args.answers)
        finally:
            drop()
    else:
        print("PostgreSQL: skipped (set CAP_TEST_POSTGRES_URL)")
    print()
    for kind in KINDS:
        small, large = time_parser(kind, 1_000), time_parser(kind, 10_000)
        print(f"parser {kind:7}: 1 kB {small * 1000:7.2f} ms   10 kB {large * 1000:7.2f} ms   ratio {large / small:5.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
