"""Lighthouse on a phone: the results page against the bare chat app (issue 12, point 8).

Two Streamlit servers are started in this run, each on a free port of 127.0.0.1 (each first
serves one uncounted warm-up page, its score printed: a fresh server is slower once):

- the bare chat app, benchmarks/floor_app.py (benchmarks/turn.py FLOOR, or CAP_FLOOR_APP),
  run from its own folder (no Cap Réseaux config);
- Cap Réseaux, `streamlit run app.py` with a temporary SQLite DATABASE_URL, holding one
  finished conversation (benchmarks/turn.py ANSWERS plus the three last maturity answers),
  whose results page is opened through its resume link `/?s=<token>`.

Lighthouse (npm lighthouse@12.2.3, the last release that runs on Node 20) measures both,
with its defaults: mobile form factor and simulated mobile throttling, in Debian's chromium
(--headless=new --no-sandbox and the flags of tests/conftest.py). It is installed on first
use with `npm install --prefix` into ~/.cache/cap-reseaux/lighthouse (CAP_LIGHTHOUSE_CACHE
to change it; never inside the repository). The JSON reports are kept in its reports/ folder.

Printed per page: performance score, total bytes transferred, DOM elements, total blocking
time; then the two targets (results score within 10 points of the bare app, results bytes
at most 1.5× the bare app's) and the largest requests of the results page. Scores move by a
few points between runs: --runs 3 takes the median run of each page (by score).

    .venv/bin/python benchmarks/lighthouse.py [--runs 3]

Exit 0 whatever the figures (it is a measure); 1 when node, npm or chromium is missing,
Lighthouse cannot be installed, a server does not start or Lighthouse fails.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LIGHTHOUSE = "12.2.3"
NODE, NPM = "/usr/bin/node", "/usr/bin/npm"
CHROMIUM = os.environ.get("CAP_CHROMIUM", "/usr/bin/chromium")
CACHE = Path(os.environ.get("CAP_LIGHTHOUSE_CACHE",
                            Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
                            / "cap-reseaux" / "lighthouse")).expanduser().resolve()
# As tests/conftest.py CHROMIUM_ARGS (not imported: conftest needs pytest), plus headless.
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
LAST_ANSWERS = {"maturity_measurement": 1, "maturity_organisation": 3, "maturity_safety": 2}
SERVER_START_TIMEOUT = 60  # seconds
LIGHTHOUSE_TIMEOUT = 300  # seconds per run
TARGET_POINTS, TARGET_BYTES = 10, 1.5
# Streamlit's lazily loaded chunks keep their component's name (static/js/PlotlyChart.<hash>.js).
HEAVY_CHUNKS = {"PlotlyChart": "Plotly", "StreamlitSyntaxHighlighter": "syntax highlighter (code/JSON)",
                "DeckGlJsonChart": "deck.gl", "EChartsChart": "ECharts", "GraphVizChart": "Graphviz",
                "DataFrame": "data frame grid", "rehype-katex": "KaTeX"}


class Missing(Exception):
    """Something the benchmark needs is not there: said in one message, exit 1."""


# --- tools -------------------------------------------------------------------------------------

def check_tools() -> str:
    """The tools' versions in one line; Missing when node, npm or chromium is not there."""
    absent = [p for p in (NODE, NPM, CHROMIUM) if not (Path(p).is_file() and os.access(p, os.X_OK))]
    if absent:
        raise Missing(f"missing: {', '.join(absent)} — Lighthouse needs Node.js 18.20+ with npm "
                      "(apt-get install nodejs npm) and Debian's chromium (apt-get install chromium)")
    node = subprocess.run([NODE, "--version"], check=False, capture_output=True, text=True).stdout.strip()
    try:
        major = int(node.lstrip("v").split(".")[0])
    except ValueError:
        raise Missing(f"{NODE} --version said {node!r}: not a Node.js version") from None
    if major < 18:
        raise Missing(f"{NODE} is {node}: lighthouse@{LIGHTHOUSE} needs Node.js 18.20 or newer")
    chromium = subprocess.run([CHROMIUM, "--version"], check=False, capture_output=True, text=True).stdout.strip()
    return f"node {node}, {chromium or CHROMIUM}"


def lighthouse_cli() -> Path:
    """lighthouse's cli/index.js in the cache folder, installed there by npm on first use."""
    if CACHE == ROOT or ROOT in CACHE.parents:
        raise Missing(f"the Lighthouse cache {CACHE} is inside the repository: set CAP_LIGHTHOUSE_CACHE elsewhere")
    package = CACHE / "node_modules" / "lighthouse" / "package.json"
    cli = package.parent / "cli" / "index.js"
    try:
        installed = json.loads(package.read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError):
        installed = None
    if installed == LIGHTHOUSE and cli.is_file():
        return cli
    print(f"installing lighthouse@{LIGHTHOUSE} into {CACHE} (first use) …", file=sys.stderr)
    CACHE.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([NPM, "install", "--prefix", str(CACHE), "--no-audit", "--no-fund",
                           "--loglevel=error", f"lighthouse@{LIGHTHOUSE}"],
                          cwd=CACHE, check=False, capture_output=True, text=True)
    if done.returncode != 0 or not cli.is_file():
        raise Missing(f"npm could not install lighthouse@{LIGHTHOUSE} into {CACHE}:\n{done.stderr[-3000:]}")
    return cli


# --- servers -----------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`streamlit run <script>` on a free port, in its own process group (as tests/conftest.py AppServer)."""

    def __init__(self, name: str, script: Path, cwd: Path, log_dir: Path, env: dict | None = None):
        self.name, self.script, self.cwd, self.env = name, script, cwd, env or {}
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_dir / f"{name}.log"
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        env = {**os.environ, **self.env, "PYTHONUNBUFFERED": "1", "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
        cmd = [sys.executable, "-m", "streamlit", "run", str(self.script),
               "--server.port", str(self.port), "--server.address", "127.0.0.1",
               "--server.headless", "true", "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none"]
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen(cmd, cwd=self.cwd, env=env, stdin=subprocess.DEVNULL,
                                         stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
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

    def _fail(self, what: str):
        self.stop()
        output = self.log_path.read_text(encoding="utf-8", errors="replace")
        raise Missing(f"the {self.name} server {what}. Its output:\n{output[-4000:]}")

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        try:
            os.killpg(proc.pid, signal.SIGTERM)  # its group: streamlit and anything it started
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        except ProcessLookupError:
            proc.wait()
        try:  # children that outlived the leader (same group), if any
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def results_token(database_url: str) -> str:
    """A finished conversation in the store: its resume token."""
    from benchmarks.turn import ANSWERS
    from wizard.store import SessionStore, make_engine
    engine = make_engine(database_url)
    try:
        store = SessionStore(engine)
        token = store.create("diagnostic")
        store.save_answers(token, {**ANSWERS, **LAST_ANSWERS})
        return token
    finally:
        engine.dispose()


# --- Lighthouse --------------------------------------------------------------------------------

def run_lighthouse(cli: Path, url: str, out: Path) -> dict:
    """One Lighthouse run (performance only, its defaults: mobile, simulated throttling): its JSON."""
    cmd = [NODE, str(cli), url, "--only-categories=performance", "--output=json",
           f"--output-path={out}", "--quiet", f"--chrome-flags={' '.join(CHROMIUM_ARGS)}"]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    try:
        done = subprocess.run(cmd, check=False, env=env, capture_output=True, text=True, timeout=LIGHTHOUSE_TIMEOUT)
    except subprocess.TimeoutExpired:
        raise Missing(f"Lighthouse did not finish on {url} within {LIGHTHOUSE_TIMEOUT} s") from None
    if done.returncode != 0 or not out.is_file():
        raise Missing(f"Lighthouse failed on {url} (exit {done.returncode}):\n{(done.stderr or done.stdout)[-3000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise Missing(f"Lighthouse on {url}: {report['runtimeError'].get('code')} — "
                      f"{report['runtimeError'].get('message')}")
    return report


def figures(report: dict) -> dict:
    audits = report["audits"]
    score = report["categories"]["performance"]["score"]
    return {"score": None if score is None else round(score * 100),
            "bytes": audits["total-byte-weight"]["numericValue"],
            "dom": audits["dom-size"].get("numericValue"),
            "tbt": audits["total-blocking-time"]["numericValue"],
            "fcp": audits["first-contentful-paint"]["numericValue"],
            "lcp": audits["largest-contentful-paint"]["numericValue"]}


def median_run(reports: list[dict]) -> dict:
    """The run with the median score (Lighthouse's own advice for several runs)."""
    ranked = sorted(reports, key=lambda r: figures(r)["score"] or 0)
    return ranked[(len(ranked) - 1) // 2]


def requests(report: dict) -> list[dict]:
    items = report["audits"].get("network-requests", {}).get("details", {}).get("items", [])
    return sorted(items, key=lambda i: i.get("transferSize") or 0, reverse=True)


def heavy_chunk(url: str) -> str | None:
    name = url.rsplit("/", 1)[-1]
    for prefix, what in HEAVY_CHUNKS.items():
        if name.startswith(prefix + "."):
            return what
    return None


def mb(n: float) -> str:
    return f"{n / 1e6:.2f} MB" if n >= 1e5 else f"{n / 1e3:.1f} kB"


def describe_requests(report: dict, top: int = 10) -> list[str]:
    items = requests(report)
    total = sum(i.get("transferSize") or 0 for i in items) or 1
    lines = [f"  {'transferred':>11}  {'resource':>10}  share  request"]
    for i in items[:top]:
        sent, size = i.get("transferSize") or 0, i.get("resourceSize") or 0
        tag = heavy_chunk(i["url"])
        lines.append(f"  {mb(sent):>11}  {mb(size):>10}  {sent / total:5.0%}  {i['url'].split('?')[0]}"
                     + (f"   ← {tag}" if tag else ""))
    text = [i for i in items if (i.get("resourceSize") or 0) > 1400
            and i.get("resourceType") in ("Script", "Stylesheet", "Document", "Fetch", "XHR")]
    packed = [i for i in text if (i.get("transferSize") or 0) < 0.9 * i["resourceSize"]]
    lines.append(f"  compressed: {len(packed)} of {len(text)} text resources over 1.4 kB "
                 f"(transferred ≈ their size when not compressed)")
    audit = report["audits"].get("uses-text-compression", {})
    if audit.get("score") is not None and audit["score"] < 1:
        saving = audit.get("details", {}).get("overallSavingsBytes")
        if saving:
            lines.append(f"  Lighthouse « enable text compression »: would save {mb(saving)}")
    chunks = sorted({heavy_chunk(i["url"]) for i in items} - {None})
    lines.append(f"  heavy Streamlit chunks loaded: {', '.join(chunks) if chunks else 'none'}")
    return lines


# --- main --------------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page (median run kept)")
    args = parser.parse_args()
    from benchmarks.turn import FLOOR
    try:
        versions = check_tools()
        if not FLOOR.exists():
            raise Missing(f"floor app not found: {FLOOR} (set CAP_FLOOR_APP)")
        cli = lighthouse_cli()
    except Missing as exc:
        print(f"lighthouse benchmark: {exc}", file=sys.stderr)
        return 1
    reports_dir = CACHE / "reports"
    reports_dir.mkdir(parents=True, exist_ok=True)
    servers: list[Server] = []
    with tempfile.TemporaryDirectory(prefix="cap-lighthouse-") as tmp:
        try:
            database_url = f"sqlite:///{tmp}/lighthouse.sqlite"
            token, other = results_token(database_url), results_token(database_url)
            floor = Server("bare chat app", FLOOR, FLOOR.parent, Path(tmp))
            app = Server("Cap Réseaux", ROOT / "app.py", ROOT, Path(tmp), {"DATABASE_URL": database_url})
            servers += [floor, app]
            for server in servers:
                server.start()
            pages = {"bare chat app": f"{floor.url}/", "results page": f"{app.url}/?s={token}"}
            # A server in use has imported its modules: each server first serves one page that is
            # not counted (the results of another conversation: this one's strategy stays unbuilt).
            warm = {"bare chat app": f"{floor.url}/", "results page": f"{app.url}/?s={other}"}
            first: dict[str, dict] = {}
            for name, url in warm.items():
                print(f"warm-up: {name} …", file=sys.stderr)
                first[name] = run_lighthouse(cli, url, reports_dir / f"warmup-{name.split()[0]}.json")
            runs: dict[str, list[dict]] = {name: [] for name in pages}
            for n in range(args.runs):  # interleaved, so background noise hits both pages
                for name, url in pages.items():
                    slug = name.split()[0]
                    print(f"run {n + 1}/{args.runs}: {name} …", file=sys.stderr)
                    runs[name].append(run_lighthouse(cli, url, reports_dir / f"{slug}-{n + 1}.json"))
        except Missing as exc:
            print(f"lighthouse benchmark: {exc}", file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            return 130
        finally:
            for server in servers:
                server.stop()
    chosen = {name: median_run(rs) for name, rs in runs.items()}
    f = {name: figures(r) for name, r in chosen.items()}
    bare, res = f["bare chat app"], f["results page"]
    print(f"Lighthouse {chosen['results page'].get('lighthouseVersion', LIGHTHOUSE)}, mobile, default "
          f"throttling ({chosen['results page']['configSettings']['throttlingMethod']}); {versions}")
    print(f"runs per page: {args.runs}" + (" (median run by score)" if args.runs > 1 else "")
          + f"; Lighthouse CPU benchmark index {chosen['results page']['environment'].get('benchmarkIndex', '?')}")
    if any("slower CPU" in w for r in chosen.values() for w in r.get("runWarnings", [])):
        print("  (Lighthouse warns this machine's CPU is slower than it expects: both scores suffer; compare the two)")
    print(f"{'':16}{'score':>6}{'bytes':>11}{'DOM':>7}{'TBT':>9}{'FCP':>8}{'LCP':>8}")
    for name, x in f.items():
        score = "—" if x["score"] is None else str(x["score"])
        print(f"{name:16}{score:>6}{mb(x['bytes']):>11}{x['dom'] or 0:>7.0f}{x['tbt']:>7.0f} ms"
              f"{x['fcp'] / 1000:>6.1f} s{x['lcp'] / 1000:>6.1f} s")
    print("  first page served by each fresh server (warm-up, not counted): "
          + ", ".join(f"{name} {figures(r)['score']}" for name, r in first.items()))
    if args.runs > 1:
        for name, rs in runs.items():
            scores = [figures(r)["score"] or 0 for r in rs]
            print(f"  {name} scores: {scores} (median {statistics.median(scores):g})")
    if bare["score"] is not None and res["score"] is not None:
        gap = res["score"] - bare["score"]
        ok = gap >= -TARGET_POINTS
        print(f"score: results {gap:+d} points against the bare app "
              f"(target: within {TARGET_POINTS}) — {'met' if ok else 'not met'}")
    ratio = res["bytes"] / bare["bytes"] if bare["bytes"] else float("inf")
    print(f"bytes: results {ratio:.2f}× the bare app (target ≤ {TARGET_BYTES}×) — "
          f"{'met' if ratio <= TARGET_BYTES else 'not met'}")
    for name, report in chosen.items():
        print(f"\n{name}, largest requests ({report['finalDisplayedUrl']}):")
        print("\n".join(describe_requests(report)))
    print(f"\nreports: {reports_dir}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
