"""What the classifier reads about a trial, and how it is read back from a snapshot."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import duckdb
import pyarrow as pa


@dataclass(frozen=True, slots=True)
class Intervention:
    idx: int
    type: str | None
    name: str
    other_names: tuple[str, ...] = ()
    description: str | None = None
    arm_group_labels: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ArmGroup:
    label: str
    type: str | None
    intervention_names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Trial:
    nct_id: str
    brief_title: str | None = None
    official_title: str | None = None
    study_type: str | None = None
    interventions: tuple[Intervention, ...] = ()
    arm_groups: tuple[ArmGroup, ...] = ()
    # the registry's MeSH index terms for the interventions (not their ancestors)
    intervention_mesh: tuple[str, ...] = ()


TRIALS_SQL = """
WITH i AS (
    SELECT nct_id, list(struct_pack(idx := idx, type := type, name := name,
                                    other_names := other_names, description := description,
                                    arm_group_labels := arm_group_labels) ORDER BY idx) AS items
    FROM interventions GROUP BY nct_id
), a AS (
    SELECT nct_id, list(struct_pack(label := label, type := type,
                                    intervention_names := intervention_names)) AS arms
    FROM arm_groups GROUP BY nct_id
), m AS (
    SELECT nct_id, list(DISTINCT term ORDER BY term) AS terms FROM intervention_mesh
    WHERE NOT coalesce(is_ancestor, false) GROUP BY nct_id
)
SELECT s.nct_id, s.brief_title, s.official_title, s.study_type::VARCHAR AS study_type,
       i.items, a.arms, m.terms
FROM studies s LEFT JOIN i USING (nct_id) LEFT JOIN a USING (nct_id) LEFT JOIN m USING (nct_id)
{where}
ORDER BY s.nct_id
"""


def trial_batches(con: duckdb.DuckDBPyConnection, batch_rows: int = 50_000,
                  only: str | None = None) -> Iterator[pa.RecordBatch]:
    """The classifier's input as Arrow batches (cheap to hand to another process)."""
    where = f"WHERE s.nct_id IN (SELECT nct_id FROM {only})" if only else ""
    yield from con.sql(TRIALS_SQL.format(where=where)).to_arrow_reader(batch_rows)


# full-width forms (U+FF01 to U+FF5E) as the ASCII they stand for, the ideographic space and
# comma as a space and a comma; not the rest of NFKC, which would spell "haNK™" "haNKTM"
_FULL_WIDTH: dict[int, int | str] = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FULL_WIDTH |= {0x3000: " ", 0x3001: ","}


def plain(text: str | None) -> str | None:
    """Text with full-width characters in their plain form: records typed with an East Asian
    input method write full-width punctuation ("JK500 cell injection，cyclophosphamide，
    Fludarabine", "（"), which no rule's comma or parenthesis matches. Most text is ASCII and
    passes untouched."""
    if text is None or text.isascii():
        return text
    return text.translate(_FULL_WIDTH)


def trials_from_batch(batch: pa.RecordBatch) -> Iterator[Trial]:
    for row in batch.to_pylist():
        yield Trial(
            nct_id=row["nct_id"], brief_title=plain(row["brief_title"]),
            official_title=plain(row["official_title"]), study_type=row["study_type"],
            interventions=tuple(
                Intervention(it["idx"], it["type"], plain(it["name"]) or "",
                             tuple(plain(o) or "" for o in it["other_names"] or ()),
                             plain(it["description"]),
                             tuple(plain(g) or "" for g in it["arm_group_labels"] or ()))
                for it in row["items"] or ()),
            arm_groups=tuple(ArmGroup(plain(a["label"]) or "", a["type"],
                                      tuple(plain(n) or "" for n in a["intervention_names"] or ()))
                             for a in row["arms"] or ()),
            intervention_mesh=tuple(row["terms"] or ()),
        )


def read_trials(con: duckdb.DuckDBPyConnection, batch_rows: int = 50_000,
                only: str | None = None) -> Iterator[Trial]:
    """Every trial in the snapshot (or those whose nct_id is in table `only`), as classifier
    input, streamed in Arrow batches."""
    for batch in trial_batches(con, batch_rows, only):
        yield from trials_from_batch(batch)
