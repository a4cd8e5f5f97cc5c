"""The `trialscape` command. Exit 0 on success, 1 with a one-line error, 2 for usage errors."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from trialscape import settings
from trialscape.snapshot.lock import SnapshotBusy

if TYPE_CHECKING:
    from trialscape.ingest.download import Checkpoint, DownloadStats
    from trialscape.ingest.files import FileReport


class CommandError(Exception):
    """A failure the user can act on: printed as one line, exit status 1."""


class UsageError(Exception):
    """A command line that asks for something that cannot be: one line, exit status 2."""


def _report_files(result_reports: list[FileReport], out: TextIO = sys.stderr) -> None:
    for r in result_reports:
        if r.broken or r.fatal:
            line = f"  {r.path}: {r.records:,} records, {r.broken:,} skipped"
            if r.fatal:
                line += f"; {r.fatal}"
            out.write(line + "\n")
            for reason in r.reasons:
                out.write(f"    - {reason}\n")
        for note in r.notes:
            out.write(f"  {r.path}: note: {note}\n")


def cmd_import(args: argparse.Namespace) -> int:
    from trialscape.ingest.files import (
        expand_paths,
        incremental_download,
        read_records,
    )
    from trialscape.progress import Progress
    from trialscape.snapshot.build import NothingToImport, build_snapshot
    from trialscape.snapshot.lock import writing

    paths = [Path(p) for p in args.paths]
    files, problems = expand_paths(paths)
    if problems:  # a mistyped path beside a good one would silently shrink the snapshot
        raise CommandError("; ".join(problems) + "; nothing imported, the snapshot is unchanged")
    for folder in (p for p in paths if p.is_dir()):
        refusal = incremental_download(folder)
        if refusal:
            raise CommandError(refusal)
    target = settings.db_path(args.db)
    reports: list[FileReport] = []
    progress = Progress("importing studies", enabled=not args.quiet)
    try:
        with writing(target, "an import"):
            result = build_snapshot(target, read_records(files, reports), reports,
                                    source=f"import of {len(files)} local file(s)",
                                    progress=progress)
    except NothingToImport as err:
        _report_files(reports)
        raise CommandError(f"{err}; the previous snapshot (if any) is unchanged") from err
    progress.done(f"imported {result.studies:,} trials into {result.path} "
                  f"({result.records_read:,} records read, {result.broken:,} skipped as broken, "
                  f"{result.duplicates:,} older duplicates dropped)")
    _report_files(reports)
    _report_unrecognised(result.unrecognised)
    return 0


def _report_unrecognised(found: dict[str, int]) -> None:
    """Values the records carry that this trialscape does not know (a new registry enum value,
    an unknown country spelling): the records are kept; said once per run."""
    if not found:
        return
    top = sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
    sys.stderr.write("  not recognised (records kept; the value is stored as written where "
                     "the column allows, else as unknown): "
                     + ", ".join(f"{k!r} x{v}" for k, v in top)
                     + (f", and {len(found) - len(top)} more" if len(found) > len(top) else "")
                     + "\n")


def cmd_demo(args: argparse.Namespace) -> int:
    from trialscape.demo import demo_studies
    from trialscape.ingest.files import FileReport, RawRecord
    from trialscape.progress import Progress
    from trialscape.snapshot.build import build_snapshot
    from trialscape.snapshot.lock import writing

    target = settings.db_path(args.db)
    report = FileReport("demo generator")

    def records() -> Iterator[RawRecord]:
        for i, study in enumerate(demo_studies(args.studies, args.seed)):
            yield RawRecord(study, f"demo#{i}", report)

    progress = Progress("generating demo trials", total=args.studies, enabled=not args.quiet)
    with writing(target, "a demo build"):
        result = build_snapshot(target, records(), [report], source="fictional demo data",
                                is_demo=True, progress=progress)
    progress.done(f"wrote a fictional demo snapshot of {result.studies:,} trials to {target}")
    return 0


def _download_progress(enabled: bool) -> Callable[[Checkpoint, DownloadStats, float], None]:
    last = [0.0]

    def show(cp: Checkpoint, stats: DownloadStats, elapsed: float) -> None:
        import time
        now = time.monotonic()
        if not enabled or (now - last[0] < 0.5 and not cp.complete):
            return
        last[0] = now
        rate = stats.studies / max(elapsed, 1e-9)
        of = f" of {cp.total:,}" if cp.total else ""
        left = ""
        if cp.total and rate > 0 and not cp.complete:
            left = f", about {max(cp.total - cp.studies, 0) / rate:,.0f} s left"
        sys.stderr.write(f"\rdownloading: page {cp.pages:,}, {cp.studies:,}{of} studies "
                         f"({rate:,.0f}/s{left})   ")
        sys.stderr.flush()
    return show


def cmd_refresh(args: argparse.Namespace) -> int:
    db = settings.db_path(args.db)
    since = None
    if args.since:
        try:
            since = date.fromisoformat(args.since)
        except ValueError as err:
            raise CommandError(f"--since wants a date like 2026-11-01, not {args.since!r}"
                               ) from err
    from trialscape.snapshot.lock import writing

    # The lock covers reading the old snapshot, the shared download folder and the swap.
    with writing(db, "a refresh"):
        return _refresh(args, db, since)


def _refresh(args: argparse.Namespace, db: Path, since: date | None) -> int:
    from trialscape.ingest.api import ApiClient, ApiError, RetryPolicy
    from trialscape.progress import Progress
    from trialscape.refresh import (
        DownloadDamaged,
        RefreshRefused,
        Scope,
        plan_refresh,
        read_existing,
        run_refresh,
    )
    from trialscape.snapshot.build import NothingToImport

    quiet = args.quiet

    def log(message: str) -> None:
        if not quiet:
            sys.stderr.write("\r" + message + " " * 10 + "\n")

    try:
        scope = None
        if args.study_type or args.filter:
            scope = Scope(tuple(t.upper() for t in args.study_type or ()), args.filter)
        existing = read_existing(db)
        plan = plan_refresh(existing, full=args.full, since=since, scope=scope)
    except RefreshRefused as err:
        raise CommandError(str(err)) from err
    log(f"{plan.reason}; scope: {plan.scope.describe()}")
    retry = RetryPolicy(attempts=args.max_retries + 1, backoff=args.backoff)
    downloads = settings.downloads_dir(db)
    build_progress = Progress("building the snapshot", enabled=not quiet)
    try:
        with ApiClient(args.base_url, rate=args.rate, timeout=args.timeout, retry=retry,
                       on_retry=lambda m: log(f"  {m}")) as client:
            result = run_refresh(db, plan, client, downloads, existing=existing,
                                 page_size=args.page_size, explicit_since=since is not None,
                                 progress=_download_progress(not quiet),
                                 build_progress=build_progress, log=log)
    except ApiError as err:
        raise CommandError(f"{err}. The snapshot at {db} is unchanged; the next run resumes "
                           f"from the pages kept in {downloads}, if any") from err
    except DownloadDamaged as err:
        raise CommandError(f"{err}. The snapshot at {db} is unchanged") from err
    except NothingToImport as err:
        raise CommandError(f"the API served no valid study for this query; the snapshot at "
                           f"{db} is unchanged") from err
    if result.up_to_date:
        build_progress.done(f"{db} is up to date: the registry's data has not changed since "
                            f"{existing.info.get('data_timestamp') if existing else ''}")
        return 0
    b, d = result.build, result.download
    assert b is not None and result.checkpoint is not None
    rate = d.studies / d.seconds if d.seconds else 0
    verb = "merged" if plan.mode == "incremental" else "built"
    build_progress.done(
        f"{verb} {b.studies:,} trials into {db} from {result.checkpoint.pages:,} pages "
        f"({d.pages:,} downloaded now at {rate:,.0f} studies/s"
        + (f", resumed after page {d.resumed_from_page}" if d.resumed_from_page else "")
        + f"; {b.broken:,} broken records skipped) in {result.seconds:.0f} s; "
        f"registry data of {result.checkpoint.data_timestamp}; pages kept in {result.kept_in}")
    _report_files(b.reports)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from urllib.parse import parse_qs, urlsplit

    from trialscape import export
    from trialscape.filters import URL_NAMES, Filters
    from trialscape.ids import own_vocabularies
    from trialscape.snapshot.info import SnapshotMissing, open_readonly, snapshot_info

    params: dict[str, list[str]] = {}
    if args.from_url:
        params = {k: v for k, v in parse_qs(urlsplit(args.from_url).query).items()
                  if k in URL_NAMES}
    for name in URL_NAMES:
        value = getattr(args, name)
        if value:
            params[name] = value if isinstance(value, list) else [str(value)]
    vocabularies = own_vocabularies()
    rejected = Filters.rejected(params, vocabularies)
    if rejected:
        raise UsageError("invalid filter value(s): " + "; ".join(rejected))
    filters = Filters.from_params(params, vocabularies)
    out = Path(args.out)
    kind = out.suffix.lower().lstrip(".")
    if kind not in ("csv", "xlsx"):
        raise CommandError(f"--out must end in .csv or .xlsx, not {out.name!r}")
    path = settings.db_path(args.db)
    try:
        con = open_readonly(path)
    except SnapshotMissing as err:
        raise CommandError(str(err)) from err
    try:
        info = snapshot_info(con)
        table = export.export_table(con, filters)
    finally:
        con.close()
    tmp = out.with_name(f".{out.name}.partial")
    try:
        if kind == "csv":
            export.write_csv(table, tmp)
        else:
            try:
                export.write_xlsx(table, export.provenance(filters, info, table.num_rows), tmp)
            except ValueError as err:
                raise CommandError(str(err)) from err
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    sys.stderr.write(f"wrote {table.num_rows:,} trials to {out} "
                     f"({filters.caption()}; data of {info.get('data_timestamp', '')[:10]})\n")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    from trialscape.snapshot.info import (
        SnapshotMissing,
        modality_counts,
        open_readonly,
        snapshot_info,
        table_counts,
    )

    path = settings.db_path(args.db)
    try:
        con = open_readonly(path)
        try:
            facts = {"path": str(path), **snapshot_info(con), "tables": table_counts(con),
                     "modalities": modality_counts(con),
                     "editor_corrections": [
                         {"nct_id": n, "modalities": m, "evidence": e} for n, m, e in con.execute(
                             "SELECT nct_id, list(modality ORDER BY NOT is_primary, modality), "
                             "any_value(evidence) FROM study_modalities WHERE rule = "
                             "'editor correction' GROUP BY 1 ORDER BY 1").fetchall()]}
        finally:
            con.close()
    except SnapshotMissing as err:
        raise CommandError(f"{err}; build one with `trialscape import`, `trialscape refresh` "
                           "or `trialscape demo`") from err
    print(json.dumps(facts, indent=2, ensure_ascii=False))
    return 0


def _require_current_schema(path: Path) -> None:
    from trialscape.snapshot.build import SCHEMA_VERSION
    from trialscape.snapshot.info import SnapshotMissing, open_readonly, snapshot_info

    try:
        con = open_readonly(path)
        try:
            found = snapshot_info(con).get("schema_version")
        finally:
            con.close()
    except SnapshotMissing as err:
        raise CommandError(str(err)) from err
    if found != SCHEMA_VERSION:
        raise CommandError(f"{path} has snapshot schema {found}, this trialscape writes "
                           f"{SCHEMA_VERSION}: rebuild it with `trialscape import` or "
                           "`trialscape refresh --full` (docs/schema.md)")


def cmd_classify(args: argparse.Namespace) -> int:
    import time

    from trialscape.classify.corrections import CorrectionsError, load_corrections
    from trialscape.classify.rules import load_classifier
    from trialscape.snapshot.build import new_version
    from trialscape.snapshot.derive import derive_all
    from trialscape.snapshot.lock import writing

    path = settings.db_path(args.db)
    if not path.exists():
        raise CommandError(f"no snapshot at {path}; build one first with `trialscape import`")
    try:
        classifier = load_classifier(Path(args.modalities) if args.modalities else None)
    except (ValueError, KeyError, OSError) as err:
        raise CommandError(f"cannot read the modality rules: {err}") from err
    try:
        load_corrections(known={m.id for m in classifier.modalities})
    except (CorrectionsError, OSError) as err:
        raise CommandError(f"cannot use the editors' corrections: {err}") from err
    _require_current_schema(path)
    start = time.perf_counter()
    with writing(path, "a classify"), new_version(path, from_current=True) as con:
        derive_all(con, classifier)
        counts = con.execute("SELECT primary_modality, count(*) FROM trials GROUP BY 1 "
                             "ORDER BY 2 DESC").fetchall()
        total = sum(n for _, n in counts)
    elapsed = time.perf_counter() - start
    sys.stderr.write(f"classified {total:,} trials in {elapsed:.1f} s with rules version "
                     f"{classifier.version}\n")
    for modality, n in counts:
        sys.stderr.write(f"  {modality:<26} {n:>9,}\n")
    return 0


def cmd_check_links(args: argparse.Namespace) -> int:
    from trialscape.classify.rules import load_classifier
    from trialscape.ingest.links import check_links

    modalities = [m for m in load_classifier().modalities if m.explainer_url]
    results = {r.url: r for r in check_links([m.explainer_url or "" for m in modalities],
                                             args.timeout)}
    if results and all(r.status is None for r in results.values()):
        first = next(iter(results.values()))
        raise CommandError(f"could not reach any explainer link ({first.problem}); this "
                           "machine may have no internet: run the check where there is")
    for m in modalities:
        r = results[m.explainer_url or ""]
        state = (f"HTTP {r.status}" if r.status is not None else f"unreachable ({r.problem})")
        mark = "ok  " if r.ok else "FAIL"
        kind = "article" if m.explainer_verified else "index (article not confirmed)"
        print(f"{mark} {m.id:<26} {state:<10} {kind:<30} {m.explainer_url}")
    broken = [r for r in results.values() if not r.ok]
    if broken:
        sys.stderr.write(f"trialscape check-links: {len(broken)} of {len(results)} links do not "
                         "answer 2xx\n")
        return 1
    return 0


DEFAULT_LABELS = settings.PROJECT_ROOT.parent / "shared" / "gold" / "dev_labels.csv"


def cmd_evaluate(args: argparse.Namespace) -> int:
    from trialscape.classify.evaluate import evaluate_snapshot, format_errors, format_report

    path = settings.db_path(args.db)
    files = [Path(p) for p in (args.labels or [str(DEFAULT_LABELS)])]
    for labels in files:
        if not labels.exists():
            raise CommandError(f"no labels file at {labels}")
    reports = {}
    if len(files) > 1:  # each file on its own, then all together
        for labels in files:
            reports[labels.name] = evaluate_snapshot(path, labels, args.part)
    together = evaluate_snapshot(path, files, args.part)
    reports[" + ".join(f.name for f in files)] = together
    scope = f" ({_part_words(args.part)} of each file)" if args.part else ""
    if args.json:
        print(json.dumps({name: r.as_dict() for name, r in reports.items()}, indent=2))
    else:
        print("\n\n".join(f"== {name}{scope}\n{format_report(r)}" for name, r in reports.items()))
    if args.errors:
        print("\n" + format_errors(together, path, files))
    if args.record:
        record_accuracy(Path(args.record), args.title or " + ".join(f.name for f in files),
                        files, args.part, together)
    return 0


def _part_words(part: str) -> str:
    return f"half {part}" if len(part) == 1 else f"part {part[1]} of half {part[0]}"


def record_accuracy(target: Path, title: str, files: list[Path], part: str | None,
                    report: Any) -> None:
    """Keep a measurement where the About page reads it (data/accuracy.json): one entry per
    title, with the rules version and what was measured, so the page never quotes figures
    by hand and a test can re-measure each one."""
    from trialscape.classify.rules import load_classifier

    data = json.loads(target.read_text("utf-8")) if target.exists() else {"entries": []}
    entry = {"title": title, "rules_version": load_classifier().version,
             "recorded": date.today().isoformat(),
             "labels": [str(f.resolve()).split("/shared/", 1)[-1] for f in files],
             "part": part, **report.as_dict()}
    entry.pop("confusion", None)
    entry.pop("missing_from_snapshot", None)
    data["entries"] = [e for e in data["entries"] if e["title"] != title] + [entry]
    target.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", "utf-8")


def _demo_is_current(demo: Path) -> bool:
    """Whether the demo snapshot was built by this code and placed by these rules (a demo is
    cheap to rebuild; a real snapshot is re-placed with `trialscape classify` instead)."""
    from trialscape.classify.rules import load_classifier
    from trialscape.snapshot.derive import DERIVED_VERSION
    from trialscape.snapshot.info import SnapshotMissing, open_readonly, snapshot_info

    try:
        con = open_readonly(demo)
    except SnapshotMissing:
        return False
    try:
        info = snapshot_info(con)
        return (info.get("derived_version") == DERIVED_VERSION
                and info.get("classifier_version") == load_classifier().version)
    except SnapshotMissing:
        return False
    finally:
        con.close()


def _ensure_demo_snapshot() -> Path:
    demo = settings.demo_db_path()
    if not demo.exists() or not _demo_is_current(demo):
        sys.stderr.write(f"no snapshot at {settings.db_path()}: building the fictional demo "
                         f"snapshot at {demo} (about a minute)\n")
        cmd_demo(argparse.Namespace(db=str(demo), studies=20_000, seed=42, quiet=False))
    return demo


def cmd_serve(args: argparse.Namespace) -> int:
    env = dict(os.environ)
    path = settings.db_path(args.db)
    if not path.exists():
        path = _ensure_demo_snapshot()
        sys.stderr.write("serving the FICTIONAL DEMO snapshot (the dashboard says so on every "
                         "page); import or refresh real data to replace it\n")
    env["TRIALSCAPE_DB"] = str(path.resolve())
    app = settings.PROJECT_ROOT / "app.py"
    cmd = [sys.executable, "-m", "streamlit", "run", str(app), "--server.port", str(args.port),
           "--server.address", args.address, "--browser.gatherUsageStats", "false",
           "--server.enableStaticServing", "true"]
    sys.stderr.flush()
    # exec, not a child process: SIGTERM from systemd, docker or `kill` reaches Streamlit
    # itself, and nothing is left running when this command is stopped. The project root is
    # the working directory so .streamlit/config.toml applies.
    os.chdir(settings.PROJECT_ROOT)
    os.execve(sys.executable, cmd, env)


def _number(kind: Callable[[str], float], low: float, high: float) -> Callable[[str], float]:
    """An argparse type: a number of `kind` within [low, high]; anything else is a usage
    error (exit 2) naming the allowed range."""
    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{text} is outside {low:g} to {high:g}")
        return value
    return parse


def _parser() -> argparse.ArgumentParser:
    from trialscape.filters import LIST_FILTERS

    parser = argparse.ArgumentParser(prog="trialscape", description=__doc__)
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name: str, func: Callable[[argparse.Namespace], int], help_: str
            ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        p.set_defaults(func=func)
        return p

    p = add("import", cmd_import, "build a snapshot from local files (API pages, JSON, JSONL(.gz), "
            "ctg-studies.json.zip, ctg-studies.csv); folders are walked")
    p.add_argument("paths", nargs="+")
    p.add_argument("--db", help="snapshot file (default: $TRIALSCAPE_DB or data/trials.duckdb)")
    p.add_argument("--quiet", action="store_true", help="no progress line")

    p = add("demo", cmd_demo, "write a fictional demo snapshot")
    p.add_argument("--db")
    p.add_argument("--studies", type=int, default=20_000)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--quiet", action="store_true")

    p = add("refresh", cmd_refresh, "pull from the ClinicalTrials.gov API v2: incremental when "
            "a snapshot exists, resumable, atomic")
    p.add_argument("--db")
    p.add_argument("--base-url", help="API base URL (default: $TRIALSCAPE_API_URL or "
                   f"{settings.DEFAULT_API_URL})")
    when = p.add_mutually_exclusive_group()
    when.add_argument("--full", action="store_true", help="pull every study, not just updates")
    when.add_argument("--since", metavar="DATE",
                      help="pull studies updated on or after DATE (YYYY-MM-DD)")
    p.add_argument("--study-type", action="append", metavar="TYPE",
                   help="scope: only interventional / observational / expanded_access studies "
                   "(repeatable; kept for later incremental refreshes)")
    p.add_argument("--filter", metavar="ESSIE", help="scope: an extra filter.advanced "
                   "expression, e.g. 'AREA[InterventionType]GENETIC'")
    p.add_argument("--rate", type=_number(float, 0, 100), default=1.0,
                   help="at most this many requests per second (default 1; 0 = no pacing)")
    p.add_argument("--page-size", type=_number(int, 1, 1000), default=1000,
                   help="studies per page (1 to 1000)")
    p.add_argument("--timeout", type=_number(float, 0.1, 3600), default=60.0,
                   help="seconds per request (0.1 to 3600)")
    p.add_argument("--max-retries", type=_number(int, 0, 100), default=7,
                   help="retries per request on 429, 5xx, timeouts and broken answers (0-100)")
    p.add_argument("--backoff", type=_number(float, 0, 600), default=2.0,
                   help="seconds before the first retry; doubles each time, with jitter")
    p.add_argument("--quiet", action="store_true")

    p = add("export", cmd_export, "write the filtered trials to CSV or Excel (the dashboard's "
            "export; filter names as in the dashboard's URL)")
    p.add_argument("--db")
    p.add_argument("--out", required=True, help="FILE.csv or FILE.xlsx")
    p.add_argument("--from-url", metavar="LINK", help="take the filters from a dashboard link")
    for spec in LIST_FILTERS:  # one flag per filter row (filters.py)
        p.add_argument(f"--{spec.name.replace('_', '-')}", dest=spec.name, action="append",
                       metavar="VALUE", help=f"{spec.label} (repeatable; values as in the URL"
                       + (f": {', '.join(spec.closed)})" if spec.closed else ")"))
    p.add_argument("--start-from", dest="start_from", type=int, metavar="YEAR")
    p.add_argument("--start-to", dest="start_to", type=int, metavar="YEAR")
    p.add_argument("--q", help="free text: every word must appear")

    p = add("info", cmd_info, "print the snapshot's facts as JSON")
    p.add_argument("--db")

    p = add("classify", cmd_classify, "re-place every trial after data/modalities.toml changes")
    p.add_argument("--db")
    p.add_argument("--modalities", help="rules file (default: data/modalities.toml)")

    p = add("evaluate", cmd_evaluate, "measure the classifier against hand-labelled trials")
    p.add_argument("--db")
    p.add_argument("--labels", action="append", metavar="CSV",
                   help="hand-labelled trials (repeatable: each file, then all together; "
                        "default ../shared/gold/dev_labels.csv)")
    p.add_argument("--record", metavar="JSON",
                   help="keep this measurement (all files together) in JSON, e.g. "
                        "data/accuracy.json, which the About page quotes")
    p.add_argument("--title", help="with --record: what the measurement is, in words")
    p.add_argument("--part", "--half", dest="part", choices=("1", "2", "1a", "1b", "2a", "2b"),
                   help="only part of each file, by a fixed hash of the NCT id: a half (1, 2) "
                        "or a half's part (1a, 1b, 2a, 2b); write rules from one part, measure "
                        "on another no rule was written from")
    p.add_argument("--json", action="store_true")
    p.add_argument("--errors", action="store_true",
                   help="also list every trial placed differently, with the labeller's note "
                        "and the evidence of each placement")

    p = add("check-links", cmd_check_links, "ask each explainer link in modalities.toml for its "
            "HTTP status (needs internet; says so when there is none)")
    p.add_argument("--timeout", type=_number(float, 0.5, 120), default=10.0)

    p = add("serve", cmd_serve, "start the dashboard (on the demo snapshot if none exists)")
    p.add_argument("--db")
    p.add_argument("--port", type=int, default=8501)
    p.add_argument("--address", default="127.0.0.1")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except (CommandError, SnapshotBusy) as err:
        sys.stderr.write(f"trialscape {args.command}: {err}\n")
        return 1
    except UsageError as err:
        sys.stderr.write(f"trialscape {args.command}: error: {err}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write(f"trialscape {args.command}: interrupted; the previous snapshot is "
                         "unchanged\n")
        return 1
    except Exception as err:
        if args.debug:
            raise
        sys.stderr.write(f"trialscape {args.command}: {type(err).__name__}: {err} "
                         "(run with --debug for details)\n")
        return 1
