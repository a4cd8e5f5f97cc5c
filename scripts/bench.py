"""Benchmarks with figures in their output (budgets are reported, never asserted in tests).

  ./dev bench                 everything: import + classify (../shared/ctgov and a demo file),
                              then on a demo snapshot pages, export and the load check, then
                              refresh against a local API server
  ./dev bench --demo 600000   ... at registry scale (600k trials)
  ./dev bench --runs 5        more runs per figure (medians are quoted, with min and max)
  ./dev bench --only X        one part: import, refresh, pages, export, load
  ./dev bench --only pages --snapshot F   page times on an existing snapshot F

`refresh` serves ../shared/ctgov from the tests' local API server (testsupport/ctgov_server.py) on
127.0.0.1 with no delay and runs `trialscape refresh` against it: a full pull, then an
incremental one after 1,000 studies changed.

Each import runs in a fresh process so peak memory (max RSS) is that import's own.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # testsupport/: the fake registry and browser launch tests use
SHARED = ROOT.parent / "shared" / "ctgov" / "studies.jsonl.gz"
# the programs each measurement runs in a process of its own (scripts/bench_children/)
CHILDREN = Path(__file__).resolve().parent / "bench_children"

CHILD = CHILDREN / "import_once.py"

# `trialscape classify` end to end (read back, place in worker processes, rebuild the wide
# table, swap the file in), as an editor runs it after changing the rules.
CLASSIFY_CLI = CHILDREN / "classify_cli.py"

CLASSIFY = CHILDREN / "classify_once.py"


def _stats(values: list[float]) -> str:
    return (f"median {statistics.median(values):,.1f} (min {min(values):,.1f}, "
            f"max {max(values):,.1f}, n={len(values)})")


def _last_line(program: Path, *args: str) -> str:
    """Run a child Python; its last stdout line is the figure (DuckDB may print above it)."""
    out = subprocess.run([sys.executable, str(program), *args], check=True, capture_output=True,
                         text=True).stdout
    return out.strip().splitlines()[-1]


def _tree_rss_mb(root: int) -> float:
    """Resident memory of a process and all its descendants (workers, a fork server), MB."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents[int(stat.parent.name)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            continue
    tree, grew = {root}, True
    while grew:
        more = {pid for pid, ppid in parents.items() if ppid in tree} - tree
        tree |= more
        grew = bool(more)
    total = 0
    for pid in tree:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def _run_measured(program: Path, *args: str) -> tuple[str, float]:
    """A child Python's last stdout line, and the peak memory of its process tree (sampled
    every 0.2 s: worker processes are grandchildren, which getrusage does not see)."""
    proc = subprocess.Popen([sys.executable, str(program), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    peak = 0.0
    while proc.poll() is None:
        peak = max(peak, _tree_rss_mb(proc.pid))
        time.sleep(0.2)
    out = proc.stdout.read() if proc.stdout else ""
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, str(program))
    return out.strip().splitlines()[-1], peak


def bench_import(label: str, src: Path, runs: int) -> None:
    size_mb = src.stat().st_size / 1e6
    secs, rates, mbs, rss, worker_rss = [], [], [], [], []
    cli_s, cli_rss, cli_worker_rss = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        for _ in range(runs):
            line, tree = _run_measured(CHILD, str(src), str(db))
            out = line.split()
            s, n = float(out[0]), int(out[1])
            secs.append(s)
            rates.append(n / s)
            mbs.append(size_mb / s)
            rss.append(float(out[2]))
            worker_rss.append(tree)
        cls = [float(_last_line(CLASSIFY, str(db))) for _ in range(runs)]
        for _ in range(runs):
            line, tree = _run_measured(CLASSIFY_CLI, str(db))
            out = line.split()
            cli_s.append(float(out[0]))
            cli_rss.append(float(out[1]))
            cli_worker_rss.append(tree)
    print(f"\n## import: {label} ({n:,} trials, {size_mb:,.1f} MB gzip)")
    print(f"  wall time (s)          {_stats(secs)}")
    print(f"  studies/s              {_stats(rates)}")
    print(f"  MB/s (compressed)      {_stats(mbs)}")
    print(f"  peak memory (MB)       {_stats(rss)}   (main process)")
    print(f"  peak memory (MB)       {_stats(worker_rss)}   (main + workers at once, sampled)")
    print(f"  classifier, trials/s   {_stats(cls)}   (one core, cold cache; target >= 5,000)")
    print(f"  trialscape classify, s {_stats(cli_s)}   = "
          f"{n / statistics.median(cli_s):,.0f} trials/s end to end (workers, wide table, swap)")
    print(f"  ... peak memory (MB)   {_stats(cli_rss)} main; {_stats(cli_worker_rss)} with "
          "workers")


def bench_refresh(runs: int) -> None:
    import re

    from testsupport.ctgov_server import Registry, serve  # the tests' fake registry

    with gzip.open(SHARED, "rb") as fh:
        studies = [json.loads(line) for line in fh]
    full_s, full_rate, dl_rate, inc_s = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp, serve(Registry(studies)) as url:
        reg_changes = 1000
        for i in range(runs):
            db = Path(tmp) / f"r{i}.duckdb"
            cmd = [sys.executable, "-m", "trialscape", "refresh", "--db", str(db),
                   "--base-url", url, "--rate", "0"]
            env = {**os.environ, "TRIALSCAPE_DOWNLOADS": str(Path(tmp) / "dl")}
            t = time.perf_counter()
            out = subprocess.run([*cmd, "--full"], check=True, capture_output=True, text=True,
                                 env=env).stderr
            full_s.append(time.perf_counter() - t)
            full_rate.append(len(studies) / full_s[-1])
            m = re.search(r"downloaded now at ([\d,]+) studies/s", out)
            dl_rate.append(float(m.group(1).replace(",", "")) if m else 0.0)
            for s in studies[:reg_changes]:
                s["protocolSection"].setdefault("statusModule", {})[
                    "lastUpdatePostDateStruct"] = {"date": f"2026-11-{20 + i}", "type": "ACTUAL"}
            t = time.perf_counter()
            subprocess.run([*cmd, "--since", f"2026-11-{20 + i}"], check=True,
                           capture_output=True, env=env)
            inc_s.append(time.perf_counter() - t)
    print(f"\n## refresh against a local API server ({len(studies):,} real records, no delay)")
    print(f"  full refresh, wall (s)         {_stats(full_s)}")
    print(f"  full refresh, studies/s        {_stats(full_rate)}   (download + build + classify)")
    print(f"  download alone, studies/s      {_stats(dl_rate)}   (pages fetched, parsed, "
          "written)")
    print(f"  incremental of {reg_changes:,} changed (s) {_stats(inc_s)}   (merge into a copy, "
          "changes, re-place)")
    print("  for scale: the real API at 1 request/s serves at most 1,000 studies/s")


PAGES = CHILDREN / "pages.py"

EMPTY = CHILDREN / "empty_page.py"


def bench_pages(runs: int, db: Path) -> None:
    print(f"\n## pages on {db}; AppTest script runs, ms, median (min-max), n={runs}")
    floor = float(_last_line(EMPTY, "20"))
    print(f"  floor: Streamlit rerunning a one-line page: {floor:.0f} ms")
    out = subprocess.run([sys.executable, str(PAGES), str(ROOT / "app.py"), str(db),
                          str(runs)], check=True, capture_output=True, text=True).stdout
    print("  floors: 'duckdb' = the page's own queries run by DuckDB alone on the same file;"
          " page ÷ floor = uncached ÷ (duckdb + empty rerun)")
    print(f"  {'view':<10} {'page':<10} {'uncached':>20} {'cached':>20} {'queries':>7} "
          f"{'duckdb':>7} {'÷ floor':>7}  (budget 400 / 100)")
    for line in out.strip().splitlines():
        if line.count("|") != 9:
            continue
        view, page, *v = line.split("|")
        if page == "app.py":  # the shared part every rerun adds to a page below
            print(f"  {view:<10} {page:<10} {v[0]:>6}{'':>13} {v[3]:>6}{'':>22} -   "
                  "(shared; its uncached part, the filters' options, is paid once per "
                  "process and snapshot)")
            continue
        ratio = float(v[0]) / (float(v[6]) + floor)
        over = " !" if float(v[0]) > 400 or float(v[3]) > 100 else ""
        print(f"  {view:<10} {page:<10} {v[0]:>6} ({v[1]}-{v[2]}){'':>4} "
              f"{v[3]:>6} ({v[4]}-{v[5]}){'':>4} {v[7]:>7} {v[6]:>7} {ratio:>7.1f}{over}")
    print("  ! = over budget")


EXPORT = CHILDREN / "export_sizes.py"


def bench_export(snapshot: Path, runs: int) -> None:
    out = subprocess.run([sys.executable, str(EXPORT), str(snapshot), str(runs)], check=True,
                         capture_output=True, text=True).stdout
    print(f"\n## CSV export (query + Arrow CSV writer, in memory) on {snapshot.name}, "
          f"s, n={runs} after a warm-up")
    for line in out.strip().splitlines():
        if not line.startswith("{"):
            continue
        r = json.loads(line)
        print(f"  {r['rows']:>9,} rows {r['mb']:>7.1f} MB  median {r['median']:.2f} "
              f"(min {r['min']:.2f}, max {r['max']:.2f})  filters: {r['filters']}")
    print("  budget: export of all trials <= 3 s")


LOAD_VIEWS = [  # each reader gets its own filters, to check no session sees another's
    {"phase": "PHASE1"}, {"phase": "PHASE2"}, {"phase": "PHASE3"},
    {"status": "RECRUITING"}, {"status": "COMPLETED"}, {"study_type": "INTERVENTIONAL"},
    {"modality": "monoclonal_antibody"}, {"modality": "vaccine"}, {"sponsor_class": "INDUSTRY"},
    {"start_from": "2015"},
]


async def _reader(browser, base: str, view: dict[str, str], times: list[float],
                  errors: list[str]) -> None:
    from urllib.parse import urlencode

    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    page.set_default_timeout(180_000)  # a slow answer is measured, not counted as an error
    try:
        for path, charts, extra in (("", 4, {}), ("", 4, {"start_to": "2024"}),
                                    ("trials", 0, {})):
            url = f"{base}/{path}?{urlencode({**view, **extra})}"
            start = time.perf_counter()
            await page.goto(url)
            await page.wait_for_selector('[data-testid="stSidebarNav"]', state="attached",
                                         timeout=180_000)
            await page.wait_for_function(
                "n => !document.querySelector('[data-testid=\"stStatusWidget\"]') && "
                "document.querySelectorAll('[data-testid=\"stPlotlyChart\"] .main-svg')"
                ".length >= n && document.querySelector('[data-testid=\"stMain\"] "
                "[data-testid=\"stCaptionContainer\"]')", arg=charts, timeout=180_000)
            times.append(time.perf_counter() - start)
            if await page.locator('[data-testid="stException"]').count():
                errors.append(f"{url}: an exception is shown")
            caption = await page.locator(
                '[data-testid="stMain"] [data-testid="stCaptionContainer"]').first.inner_text()
            if "Filtered:" not in caption:
                errors.append(f"{url}: the page does not show this reader's filters")
            # the app writes the session's filters back into the URL: another session's
            # filters showing up here would be a leak between sessions
            if any(f"{k}={v}" not in page.url for k, v in view.items()):
                errors.append(f"{url}: the address shows other filters: {page.url}")
    except Exception as err:  # a reader that fails is a finding, not a crash of the bench
        errors.append(f"{view}: {type(err).__name__}: {str(err).splitlines()[0]}")
    finally:
        await context.close()


def bench_load(snapshot: Path) -> None:
    import asyncio
    import socket

    import httpx
    from playwright.async_api import async_playwright

    from testsupport.chromium import CHROMIUM, FLAGS  # the browser tests' launch

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    timings = Path(tempfile.mkdtemp()) / "timings.jsonl"  # the app's own script-run times
    env = {**os.environ, "TRIALSCAPE_DB": str(snapshot), "TRIALSCAPE_TIMINGS": str(timings)}
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port",
         str(port), "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/_stcore/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)

        async def run(readers: int) -> tuple[list[float], list[str]]:
            times: list[float] = []
            errors: list[str] = []
            async with async_playwright() as p:
                browser = await p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
                await asyncio.gather(*[_reader(browser, base, LOAD_VIEWS[i % len(LOAD_VIEWS)],
                                               times, errors) for i in range(readers)])
                await browser.close()
            return times, errors

        asyncio.run(run(1))  # warm-up: first script run, connection, caches
        print(f"\n## many readers: streamlit run on {snapshot.name}, headless Chromium "
              "sessions at once; each opens the landscape with its own filter, changes a "
              "filter, opens the trials page (time to the last chart drawn)")
        print("  browser = goto to the last chart drawn; server = the app's script runs in "
              "that round (TRIALSCAPE_TIMINGS), ms")
        print(f"  {'readers':>7} {'loads':>5} {'p50 (s)':>8} {'p95 (s)':>8} {'max (s)':>8}  "
              f"{'runs':>5} {'server p50':>10} {'p95':>6}  errors")
        for readers in (1, 5, 10):
            since = time.time()
            times, errors = asyncio.run(run(readers))
            ordered = sorted(times) or [float("nan")]
            p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
            script_ms = sorted(r["ms"] for r in map(json.loads, timings.read_text().splitlines())
                               if r["at"] >= since) or [float("nan")]
            s95 = script_ms[min(len(script_ms) - 1, int(0.95 * len(script_ms)))]
            print(f"  {readers:>7} {len(times):>5} {statistics.median(ordered):>8.2f} "
                  f"{p95:>8.2f} {ordered[-1]:>8.2f}  {len(script_ms):>5} "
                  f"{statistics.median(script_ms):>10.0f} {s95:>6.0f}  {len(errors)}")
            for e in errors[:5]:
                print(f"      - {e}")
        rss = subprocess.run(["ps", "-o", "rss=", "-p", str(server.pid)], capture_output=True,
                             text=True).stdout.strip()
        if rss:
            print(f"  app process memory after the run: {int(rss) / 1024:,.0f} MB "
                  "(budget 1,500 MB)")
    finally:
        server.terminate()
        server.wait(10)


def write_demo(n: int, path: Path) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from trialscape.demo import demo_studies

    with gzip.open(path, "wt", compresslevel=3) as fh:
        for study in demo_studies(n, seed=42):
            fh.write(json.dumps(study) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--demo", type=int, default=100_000,
                        help="trials in the demo file (600000 for registry scale)")
    parser.add_argument("--only", choices=("import", "refresh", "pages", "export", "load"))
    parser.add_argument("--snapshot", type=Path,
                        help="pages/load: use this snapshot instead of building a demo")
    args = parser.parse_args()
    print(f"# trialscape benchmark, {time.strftime('%Y-%m-%d %H:%M')}, "
          f"{resource.getpagesize()} B pages, python {sys.version.split()[0]}")
    if args.only == "refresh":
        bench_refresh(args.runs)
        return 0
    if args.only in ("pages", "export", "load"):
        with _snapshot(args.snapshot, args.demo) as db:
            {"pages": lambda: bench_pages(args.runs, db),
             "export": lambda: bench_export(db, args.runs),
             "load": lambda: bench_load(db)}[args.only]()
        return 0
    if SHARED.exists():
        bench_import("../shared/ctgov/studies.jsonl.gz (real records)", SHARED, args.runs)
    else:
        print(f"\n(skipping the real-record import: {SHARED} is absent)")
    with tempfile.TemporaryDirectory() as tmp:
        demo = Path(tmp) / "demo.jsonl.gz"
        t = time.perf_counter()
        write_demo(args.demo, demo)
        print(f"\n(demo file of {args.demo:,} trials written in {time.perf_counter() - t:.1f} s)")
        bench_import(f"demo file, {args.demo:,} fictional trials", demo, args.runs)
        if args.demo >= 600_000:
            print("  budget: import of the 600k file <= 90 s")
    if args.only is None:  # everything, on one demo snapshot of --demo trials
        with _snapshot(args.snapshot, args.demo) as db:
            bench_pages(args.runs, db)
            bench_export(db, args.runs)
            if Path("/usr/bin/chromium").exists():
                bench_load(db)
            else:
                print("\n(skipping the load check: no /usr/bin/chromium; apt-get install "
                      "chromium)")
        if SHARED.exists():
            bench_refresh(args.runs)
    return 0


@contextlib.contextmanager
def _snapshot(given: Path | None, trials: int) -> Iterator[Path]:
    """`given`, or a demo snapshot of `trials` built for this run and removed after it."""
    if given is not None:
        yield given
        return
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.duckdb"
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "trialscape", "demo", "--db", str(db),
                        "--studies", str(trials), "--quiet"], check=True, capture_output=True)
        print(f"\n(demo snapshot of {trials:,} trials built in {time.perf_counter() - t:.0f} s)")
        yield db


if __name__ == "__main__":
    sys.exit(main())
