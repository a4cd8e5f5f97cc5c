"""Local inputs -> raw study objects, one at a time, with problems reported per file.

Formats: API v2 JSON pages ({"studies": [...]}) or single studies (.json), JSON lines
(.jsonl, .ndjson, optionally .gz), the registry's bulk `ctg-studies.json.zip` (one JSON file per
study) and the website's `ctg-studies.csv` export. Folders are walked in name order.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from trialscape.ingest.countries import CountryNames, default_country_names
from trialscape.ingest.csv_export import KNOWN_COLUMNS, REQUIRED_COLUMNS, row_to_study

JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
SUPPORTED = (*JSON_SUFFIXES, *JSONL_SUFFIXES, ".zip", ".csv")
MAX_REASONS = 5
# A zip member bigger than this is no single study or page of the registry's bulk download (its
# members are one study each, tens of kB): reading it would let a small archive fill memory.
MAX_MEMBER_BYTES = 256 * 1024 * 1024
# csv's default field limit (131,072 characters) stops the whole file at one long field; real
# summaries stay far below this one.
CSV_FIELD_LIMIT = min(sys.maxsize, 64 * 1024 * 1024)
CHECKPOINT_NAME = "checkpoint.json"  # a refresh download's bookkeeping, not a study


@dataclass
class FileReport:
    """What one input file gave: how many records, how many were broken and why."""

    path: str
    records: int = 0
    broken: int = 0
    reasons: list[str] = field(default_factory=list)
    fatal: str | None = None  # the file as a whole could not be read (to the end)
    notes: list[str] = field(default_factory=list)  # imported, but worth saying

    def problem(self, reason: str) -> None:
        self.broken += 1
        if len(self.reasons) < MAX_REASONS:
            self.reasons.append(reason)

    def note(self, text: str) -> None:
        if len(self.notes) < MAX_REASONS:
            self.notes.append(text)

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "records": self.records, "broken": self.broken,
                "reasons": self.reasons, "fatal": self.fatal, "notes": self.notes}


@dataclass
class RawRecord:
    record: Any  # the parsed study, or None while `text` is not parsed yet
    where: str  # "file:line" or "archive!member", for messages
    report: FileReport
    # A JSON line as read: parsed where it is normalised (possibly a worker process), so a
    # large import does not parse every record twice. An invalid one is reported then.
    text: bytes | None = None

    def parsed(self) -> Any:
        """The study; orjson.JSONDecodeError when `text` is not JSON."""
        return orjson.loads(self.text) if self.text is not None else self.record


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for suffix in sorted(SUPPORTED, key=len, reverse=True):
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()


def expand_paths(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Files to read (folders walked), and the inputs that name nothing readable."""
    files: list[Path] = []
    problems: list[str] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and _suffix(p) in SUPPORTED
                           and p.name != CHECKPOINT_NAME)
            if not found:
                problems.append(f"{path}: folder holds no .json, .jsonl(.gz), .zip or .csv file")
            files.extend(found)
        elif path.is_file():
            if _suffix(path) in SUPPORTED:
                files.append(path)
            else:
                problems.append(f"{path}: unsupported file type (want .json, .jsonl, .jsonl.gz, "
                                ".zip or .csv)")
        else:
            problems.append(f"{path}: no such file or folder")
    return files, problems


def _studies_in_json(doc: Any) -> list[Any] | None:
    """A page holds "studies"; a single study holds "protocolSection"; a list holds studies."""
    if isinstance(doc, dict):
        if isinstance(doc.get("studies"), list):
            studies: list[Any] = doc["studies"]
            return studies
        if "protocolSection" in doc:
            return [doc]
    if isinstance(doc, list):
        return doc
    return None


def _read_json(path: Path, data: bytes, report: FileReport, where: str) -> Iterator[RawRecord]:
    try:
        doc = orjson.loads(data)
    except orjson.JSONDecodeError as err:
        report.records += 1
        report.problem(f"{where}: invalid JSON ({err})")
        return
    studies = _studies_in_json(doc)
    if studies is None:
        report.records += 1
        report.problem(f"{where}: neither a study nor an API page of studies")
        return
    for i, study in enumerate(studies):
        yield RawRecord(study, f"{where}#{i}" if len(studies) > 1 else where, report)


def _read_jsonl(path: Path, report: FileReport) -> Iterator[RawRecord]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    line_no = 0
    try:
        with opener(path, "rb") as fh:
            for line_no, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                yield RawRecord(None, f"{path}:{line_no}", report, line)
    except (EOFError, OSError, zlib.error) as err:
        report.fatal = f"truncated or corrupt file after line {line_no}: {err}"


def _read_zip(path: Path, report: FileReport) -> Iterator[RawRecord]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as err:
        report.fatal = f"not a readable zip (truncated download?): {err}"
        return
    with archive:
        for info in archive.infolist():
            if info.is_dir() or not info.filename.lower().endswith(".json"):
                continue
            where = f"{path}!{info.filename}"
            if info.file_size > MAX_MEMBER_BYTES:
                report.records += 1
                report.problem(f"{where}: member of {info.file_size:,} bytes, more than any "
                               f"study (limit {MAX_MEMBER_BYTES:,}); skipped")
                continue
            try:
                with archive.open(info) as member:  # never more than the limit, whatever
                    data = member.read(MAX_MEMBER_BYTES + 1)  # the header claims
            except (zipfile.BadZipFile, OSError, EOFError, zlib.error, RuntimeError,
                    NotImplementedError) as err:
                # RuntimeError: encrypted; NotImplementedError: an unsupported compression
                report.records += 1
                report.problem(f"{where}: unreadable member ({err})")
                continue
            if len(data) > MAX_MEMBER_BYTES:
                report.records += 1
                report.problem(f"{where}: member expands past {MAX_MEMBER_BYTES:,} bytes; "
                               "skipped")
                continue
            yield from _read_json(path, data, report, where)


def _read_csv(path: Path, report: FileReport, countries: CountryNames) -> Iterator[RawRecord]:
    # errors="replace": a file saved in another encoding still imports; the rows it touched
    # are counted below (a U+FFFD where a character could not be read).
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as fh:
        yield from _csv_rows(path, fh, report, countries)


def _csv_rows(path: Path, fh: io.TextIOBase, report: FileReport,
              countries: CountryNames) -> Iterator[RawRecord]:
    previous = csv.field_size_limit(CSV_FIELD_LIMIT)
    try:
        reader = csv.DictReader(fh)
        header = reader.fieldnames or []
        if not all(col in header for col in REQUIRED_COLUMNS):
            known = [c for c in header if c in KNOWN_COLUMNS]
            report.fatal = ("no ctg-studies.csv header (want a first line naming 'NCT Number', "
                            f"'Study Title', ...; found {len(known)} known columns)")
            return
        undecodable = long_fields = 0
        try:
            for row in reader:
                where = f"{path}:{reader.line_num}"
                cells = len(header) + len(row.get(None) or ())
                if None in row or None in row.values():  # more or fewer cells than columns
                    report.records += 1
                    have = cells if None in row else sum(v is not None for v in row.values())
                    report.problem(f"{where}: {have} cells for {len(header)} columns")
                    continue
                values = [v for v in row.values() if isinstance(v, str)]
                if any("\ufffd" in v for v in values):
                    undecodable += 1
                if any(len(v) > 131_072 for v in values):
                    long_fields += 1
                yield RawRecord(row_to_study(row, countries), where, report)
        except csv.Error as err:
            report.fatal = f"malformed CSV at line {reader.line_num}: {err}"
        if undecodable:
            report.note(f"{undecodable:,} rows hold text that is not UTF-8 (the website's "
                        "export is UTF-8; was the file re-saved?); unreadable characters "
                        "became \ufffd")
        if long_fields:
            report.note(f"{long_fields:,} rows hold a field over 131,072 characters "
                        "(imported whole; the dashboard shows such text cut)")
    finally:
        csv.field_size_limit(previous)


def read_records(files: list[Path], reports: list[FileReport],
                 countries: CountryNames | None = None) -> Iterator[RawRecord]:
    """Every raw record in every file, in order; each file's FileReport is appended first."""
    countries = countries or default_country_names()
    for path in files:
        report = FileReport(str(path))
        reports.append(report)
        suffix = _suffix(path)
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path, report)
        elif suffix == ".zip":
            yield from _read_zip(path, report)
        elif suffix == ".csv":
            yield from _read_csv(path, report, countries)
        else:
            try:
                data = path.read_bytes()
            except OSError as err:
                report.fatal = f"unreadable: {err}"
                continue
            yield from _read_json(path, data, report, str(path))




def incremental_download(folder: Path) -> str | None:
    """If `folder` is a refresh's download of changed studies only (its checkpoint.json asks
    for a LastUpdatePostDate range), say so: importing it alone would replace a whole snapshot
    with the few studies that changed."""
    try:
        checkpoint = json.loads((folder / CHECKPOINT_NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    params = checkpoint.get("params") if isinstance(checkpoint, dict) else None
    advanced = params.get("filter.advanced", "") if isinstance(params, dict) else ""
    if "LastUpdatePostDate" in str(advanced):
        return (f"{folder} is an incremental refresh download ({checkpoint.get('studies', '?')} "
                f"studies changed, {advanced}), not a whole registry: importing it would "
                "replace the snapshot with just those studies. `trialscape refresh` applies "
                "changes; import a full download or the registry's ctg-studies.json.zip instead")
    return None
