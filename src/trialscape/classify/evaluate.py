"""Classifier accuracy against hand-labelled trials (../shared/gold/LABELING.md)."""

from __future__ import annotations

import csv
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from trialscape.classify.corrections import RULE as CORRECTION
from trialscape.classify.inputs import TRIALS_SQL

MODALITIES = ("gene_therapy", "gene_editing", "engineered_cell_therapy", "cell_therapy", "mrna",
              "oligonucleotide", "monoclonal_antibody", "bispecific_antibody",
              "antibody_drug_conjugate", "radiopharmaceutical", "vaccine", "small_molecule",
              "peptide", "protein", "other")


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    trials: int
    per_modality: dict[str, Scores]
    primary_match: float
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (gold, predicted)
    missing: list[str] = field(default_factory=list)
    errors: list[tuple[str, list[str], list[str]]] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "trials": self.trials, "primary_match": round(self.primary_match, 4),
            "per_modality": {m: {"precision": round(s.precision, 4), "recall": round(s.recall, 4),
                                 "f1": round(s.f1, 4), "support": s.tp + s.fn}
                             for m, s in self.per_modality.items()},
            "confusion": {f"{g} -> {p}": n for (g, p), n in self.confusion.most_common()},
            "missing_from_snapshot": self.missing,
        }


def half_of(nct_id: str) -> int:
    """1 or 2: a fixed split of any label file into halves, by a hash of the NCT id, so a rule
    can be written from one half and checked on the other (the one not read)."""
    return 1 + int(hashlib.sha1(nct_id.encode()).hexdigest(), 16) % 2


def part_of(nct_id: str) -> str:
    """The half, then "a" or "b" by a second, independent hash: once a half has been read
    while writing rules, its other half is still a check no rule was written from."""
    second = int(hashlib.sha1(f"part:{nct_id}".encode()).hexdigest(), 16) % 2
    return f"{half_of(nct_id)}{'ab'[second]}"


def read_labels(path: Path, part: str | int | None = None) -> dict[str, tuple[set[str], str]]:
    """nct_id -> (labels, primary); trials labelled `unknown` are left out, as the guide says.
    With `part` (a half, 1 or 2, or a half's part: 1a, 1b, 2a, 2b), only those trials."""
    out = {}
    with open(path, newline="") as fh:
        for row in csv.DictReader(fh):
            labels = {x for x in row["labels"].split(";") if x}
            if "unknown" in labels or row["primary"] == "unknown":
                continue
            if part is not None and not part_of(row["nct_id"]).startswith(str(part)):
                continue
            out[row["nct_id"]] = (labels, row["primary"])
    return out


def evaluate(predicted: dict[str, tuple[set[str], str]],
             gold: dict[str, tuple[set[str], str]]) -> Report:
    scores = {m: Scores() for m in MODALITIES}
    confusion: Counter[tuple[str, str]] = Counter()
    primary_ok = 0
    missing, errors = [], []
    n = 0
    for nct_id, (labels, primary) in gold.items():
        if nct_id not in predicted:
            missing.append(nct_id)
            continue
        n += 1
        got, got_primary = predicted[nct_id]
        for m in MODALITIES:
            if m in labels and m in got:
                scores[m].tp += 1
            elif m in got:
                scores[m].fp += 1
            elif m in labels:
                scores[m].fn += 1
        primary_ok += got_primary == primary
        confusion[(primary, got_primary)] += 1
        if got != labels or got_primary != primary:
            errors.append((nct_id, sorted(labels), sorted(got)))
    return Report(n, scores, primary_ok / n if n else 0.0, confusion, missing, errors)


def predictions(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[set[str], str]]:
    """What the rules place for each trial. A trial an editor corrected (corrections.csv) is
    placed again by the rules here: a correction is never counted as the rules' accuracy."""
    out: dict[str, tuple[set[str], str]] = {}
    corrected: set[str] = set()
    for nct_id, modality, is_primary, rule in con.execute(
            "SELECT nct_id, modality, is_primary, rule FROM study_modalities").fetchall():
        if rule == CORRECTION:
            corrected.add(nct_id)
            continue
        labels, primary = out.get(nct_id, (set(), ""))
        labels.add(modality)
        out[nct_id] = (labels, modality if is_primary else primary)
    if corrected:
        from trialscape.classify.inputs import trials_from_batch
        from trialscape.classify.rules import load_classifier

        classifier = load_classifier()
        batch = con.sql(TRIALS_SQL.format(where="WHERE list_contains($ids, s.nct_id)"),
                        params={"ids": sorted(corrected)}).to_arrow_table()
        for record in batch.to_batches():
            for trial in trials_from_batch(record):
                placed = classifier.classify(trial)
                out[trial.nct_id] = ({p.modality for p in placed},
                                     next(p.modality for p in placed if p.is_primary))
    return out


def evaluate_snapshot(db: Path, labels: Path | list[Path],
                      part: str | int | None = None) -> Report:
    """Scores against one label file, or several taken together (or a part of each: read_labels)."""
    files = labels if isinstance(labels, list) else [labels]
    gold: dict[str, tuple[set[str], str]] = {}
    for path in files:
        gold.update(read_labels(path, part))
    con = duckdb.connect(str(db), read_only=True)
    try:
        return evaluate(predictions(con), gold)
    finally:
        con.close()


def format_report(report: Report) -> str:
    lines = [f"{report.trials} labelled trials; primary modality matches "
             f"{report.primary_match:.1%}", "",
             f"{'modality':<26}{'precision':>10}{'recall':>8}{'F1':>7}{'support':>9}"]
    for m, s in report.per_modality.items():
        lines.append(f"{m:<26}{s.precision:>10.3f}{s.recall:>8.3f}{s.f1:>7.3f}"
                     f"{s.tp + s.fn:>9}")
    lines += ["", "primary modality, gold -> predicted (mismatches):"]
    for (g, p), n in report.confusion.most_common():
        if g != p:
            lines.append(f"  {g:<24} -> {p:<24} {n:>4}")
    if report.missing:
        lines.append(f"\n{len(report.missing)} labelled trials are not in the snapshot")
    return "\n".join(lines)


def format_errors(report: Report, db: Path, labels: Path | list[Path]) -> str:
    """Every trial placed differently from its label: what the label says (with the
    labeller's note) and what each placement rests on, for whoever edits the rules next."""
    notes = {}
    for path in labels if isinstance(labels, list) else [labels]:
        with open(path, newline="") as fh:
            for row in csv.DictReader(fh):
                notes[row["nct_id"]] = (row.get("primary", ""), row.get("note", ""))
    con = duckdb.connect(str(db), read_only=True)
    try:
        lines = [f"{len(report.errors)} labelled trials placed differently:"]
        for nct_id, gold, _placed in report.errors:
            gold_primary, note = notes.get(nct_id, ("", ""))
            title = con.execute("SELECT brief_title FROM studies WHERE nct_id = ?",
                                [nct_id]).fetchall()
            lines += ["", f"{nct_id}  {title[0][0] if title and title[0][0] else ''}",
                      f"  label:  {', '.join(gold)} (primary {gold_primary})"]
            if note:
                lines.append(f"  note:   {note}")
            for modality, is_primary, evidence in con.execute(
                    "SELECT modality, is_primary, evidence FROM study_modalities "
                    "WHERE nct_id = ? ORDER BY NOT is_primary, modality", [nct_id]).fetchall():
                mark = " (primary)" if is_primary else ""
                lines.append(f"  placed: {modality}{mark}: {evidence}")
        return "\n".join(lines)
    finally:
        con.close()
