"""Normalise raw records and stage them, column-wise, in DuckDB temp tables.

Normalising is most of an import's time and is pure Python, so a large import hands it to
worker processes: the main process reads and parses the files (keeping every report in order),
passes records on as compact JSON, and inserts the Arrow tables the workers send back. The
staged rows are the same as one process would stage (each record is normalised on its own, and
carries its sequence number for the newest-wins rule).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from functools import partial
from itertools import chain, islice
from typing import Any

import duckdb
import orjson
import pyarrow as pa

from trialscape.ingest.areas import TherapeuticAreas
from trialscape.ingest.countries import CountryNames
from trialscape.ingest.files import RawRecord
from trialscape.ingest.normalise import STUDY_COLUMNS, BadRecord, StudyRows, normalise
from trialscape.workers import count as worker_count
from trialscape.workers import done, in_order
from trialscape.workers import pool as worker_pool

BATCH_STUDIES = 20_000  # rows handed to DuckDB at once by the serial path
CHUNK_STUDIES = 5_000  # records per task for a worker; smaller imports stay in-process

S, I64, I32, D, B, F = pa.string(), pa.int64(), pa.int32(), pa.date32(), pa.bool_(), pa.float64()
LS = pa.list_(pa.string())

_STUDY_TYPES = {
    "enrollment": I64, "has_results": B, "areas": LS, "registry_phases": LS,
    "lead_sponsor_class_inferred": B, "status_verified_date": D,
    **{c: D for c in ("start_date", "primary_completion_date", "completion_date", "first_posted",
                      "last_update_posted", "results_first_posted")},
}
# table -> Arrow schema, column names beside their types; the attribute of StudyRows that feeds
# a table has the table's name, and its rows hold the schema's columns in order.
TABLES: dict[str, pa.Schema] = {
    "studies": pa.schema([(c, _STUDY_TYPES.get(c, S)) for c in STUDY_COLUMNS]),
    "conditions": pa.schema([("nct_id", S), ("condition", S)]),
    "keywords": pa.schema([("nct_id", S), ("keyword", S)]),
    "condition_mesh": pa.schema([("nct_id", S), ("mesh_id", S), ("term", S),
                                 ("is_ancestor", B)]),
    "intervention_mesh": pa.schema([("nct_id", S), ("mesh_id", S), ("term", S),
                                    ("is_ancestor", B)]),
    "interventions": pa.schema([("nct_id", S), ("idx", I32), ("type", S), ("name", S),
                                ("other_names", LS), ("description", S),
                                ("arm_group_labels", LS)]),
    "arm_groups": pa.schema([("nct_id", S), ("label", S), ("type", S), ("description", S),
                             ("intervention_names", LS)]),
    "sponsors": pa.schema([("nct_id", S), ("name", S), ("class", S), ("role", S),
                           ("class_inferred", B)]),
    "locations": pa.schema([("nct_id", S), ("facility", S), ("city", S), ("state", S),
                            ("country", S), ("country_raw", S), ("lat", F), ("lon", F),
                            ("status", S)]),
}


class Columns:
    """Rows of many studies, collected per table and turned into Arrow tables."""

    def __init__(self) -> None:
        self.rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in TABLES}
        self.seqs: dict[str, list[int]] = {t: [] for t in TABLES}
        self.studies = 0

    def add(self, seq: int, rows: StudyRows) -> None:
        self.rows["studies"].append(rows.study)
        self.seqs["studies"].append(seq)
        for table in TABLES:
            if table == "studies":
                continue
            items = getattr(rows, table)
            self.rows[table].extend(items)
            self.seqs[table].extend([seq] * len(items))
        self.studies += 1

    def take(self) -> dict[str, pa.Table]:
        """The collected rows as one Arrow table per non-empty table (with `_seq`); clears."""
        out = {}
        for table, schema in TABLES.items():
            rows = self.rows[table]
            if not rows:
                continue
            arrays = [pa.array(col, type=field.type)
                      for col, field in zip(zip(*rows, strict=True), schema, strict=True)]
            arrays.append(pa.array(self.seqs[table], type=I64))
            out[table] = pa.Table.from_arrays(arrays, schema=schema.append(pa.field("_seq", I64)))
            rows.clear()
            self.seqs[table].clear()
        self.studies = 0
        return out


def create_stage(con: duckdb.DuckDBPyConnection) -> None:
    for table in TABLES:
        con.execute(f"CREATE TEMP TABLE stage_{table} AS "
                    f"SELECT *, 0::BIGINT AS _seq FROM main.{table} LIMIT 0")


def insert_stage(con: duckdb.DuckDBPyConnection, tables: dict[str, pa.Table]) -> None:
    for table, batch in tables.items():  # noqa: B007 (DuckDB reads `batch` by name)
        con.execute(f"INSERT INTO stage_{table} BY NAME SELECT * FROM batch")


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Parsed JSON and normalised rows hold no reference cycles, so Python's cyclic collector
    would only walk every live record again and again (measured: 9.4 -> 7.4 s per 100k
    records); plain reference counting frees them all the same."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def stage_records(con: duckdb.DuckDBPyConnection, records: Iterable[RawRecord],
                  countries: CountryNames, areas: TherapeuticAreas,
                  progress: Callable[[int], None] | None = None,
                  first_seq: int = 0, workers: int | None = None
                  ) -> tuple[int, int, dict[str, int]]:
    """Normalise and stage every record; return (records read, broken, values kept but not
    recognised: "country: Gaul" -> count).

    Broken records are reported on their file's FileReport, in input order, either way.
    """
    create_stage(con)
    workers = worker_count(workers)
    state = _Progress(first_seq, progress)
    it = iter(records)
    first = list(islice(it, CHUNK_STUDIES))
    records = chain(first, it)

    def here(first_seq: int, chunk: list[RawRecord]) -> Future[_ChunkResult]:
        return done(_normalise_records(first_seq, [raw.parsed for raw in chunk], countries,
                                       areas))

    with _no_cycle_collection():
        if workers <= 1 or len(first) < CHUNK_STUDIES:  # a small import: workers cost more
            _stage_chunks(con, records, state, BATCH_STUDIES, here, 1)
            return state.read, state.broken, state.unknown
        with worker_pool(workers, _init_worker, (countries, areas)) as pool:
            def in_worker(first_seq: int, chunk: list[RawRecord]) -> Future[_ChunkResult]:
                try:
                    texts = [raw.text if raw.text is not None else orjson.dumps(raw.record)
                             for raw in chunk]
                except (orjson.JSONEncodeError, TypeError):
                    # something JSON cannot carry (a record from an odd source): this chunk
                    # is normalised here instead, with the same result
                    return here(first_seq, chunk)
                return pool.submit(_normalise_chunk, first_seq, texts)

            _stage_chunks(con, records, state, CHUNK_STUDIES, in_worker, 2 * workers)
    return state.read, state.broken, state.unknown


def _stage_chunks(con: duckdb.DuckDBPyConnection, records: Iterator[RawRecord],
                  state: _Progress, size: int,
                  start: Callable[[int, list[RawRecord]], Future[_ChunkResult]],
                  limit: int) -> None:
    """Read `size` records at a time, `start` normalising each chunk (here or in a worker),
    and stage the results in input order, reporting broken records on their files."""
    def jobs() -> Iterator[tuple[list[RawRecord], Future[_ChunkResult]]]:
        while chunk := list(islice(records, size)):
            first_seq = state.seq + 1
            for raw in chunk:
                state.read_one(raw)
            yield chunk, start(first_seq, chunk)

    for chunk, (tables, problems, unknown) in in_order(jobs(), limit):
        for i, reason in problems:
            state.broken_one(chunk[i], reason)
        for name, n in unknown.items():
            state.unknown[name] = state.unknown.get(name, 0) + n
        insert_stage(con, tables)


class _Progress:
    """Counts, sequence numbers and reports, kept by the main process in input order."""

    def __init__(self, first_seq: int, progress: Callable[[int], None] | None) -> None:
        self.first_seq = first_seq
        self.progress = progress
        self.read = self.broken = 0
        self.unknown: dict[str, int] = {}

    @property
    def seq(self) -> int:
        return self.first_seq + self.read

    def read_one(self, raw: RawRecord) -> None:
        self.read += 1
        raw.report.records += 1
        if self.progress and self.read % 1000 == 0:
            self.progress(self.read)

    def broken_one(self, raw: RawRecord, reason: str) -> None:
        self.broken += 1
        raw.report.problem(f"{raw.where}: {reason}")


_ChunkResult = tuple[dict[str, pa.Table], list[tuple[int, str]], dict[str, int]]
_worker_refs: tuple[CountryNames, TherapeuticAreas] | None = None


def _init_worker(countries: CountryNames, areas: TherapeuticAreas) -> None:
    global _worker_refs
    _worker_refs = (countries, areas)
    gc.disable()  # see _no_cycle_collection


def _normalise_chunk(first_seq: int, texts: list[bytes]) -> _ChunkResult:
    """In a worker: normalise a chunk of records sent as JSON texts."""
    assert _worker_refs is not None
    return _normalise_records(first_seq, [partial(orjson.loads, t) for t in texts],
                              *_worker_refs)


def _normalise_records(first_seq: int, records: list[Callable[[], Any]],
                       countries: CountryNames, areas: TherapeuticAreas) -> _ChunkResult:
    """A chunk's staged tables, its broken records (index in chunk, reason) and values kept but
    not recognised. Each record is a callable that parses it (so a bad one is reported)."""
    columns = Columns()
    problems: list[tuple[int, str]] = []
    unknown: dict[str, int] = {}
    for i, parse in enumerate(records):
        try:
            rows = normalise(parse(), countries, areas)
        except orjson.JSONDecodeError as err:
            problems.append((i, f"invalid JSON ({err})"))
            continue
        except BadRecord as err:
            problems.append((i, str(err)))
            continue
        for name in rows.unrecognised:
            unknown[name] = unknown.get(name, 0) + 1
        columns.add(first_seq + i, rows)
    return columns.take(), problems, unknown
