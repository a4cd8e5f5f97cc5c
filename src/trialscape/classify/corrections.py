"""Editors' corrections: data/corrections.csv, applied after the rules.

One row per trial an editor has checked by hand and found placed wrongly:
`nct_id, modalities, primary, reason, editor, date` (modalities separated by ';'). The row
replaces the rules' placements for that trial; its evidence reads "editor correction: <reason>
(<editor>, <date>)", so readers see who decided and why. `trialscape evaluate` never counts a
correction: it measures the rules (classify/evaluate.py re-places corrected trials by rule).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from trialscape import settings
from trialscape.enums import NCT_ID

COLUMNS = ("nct_id", "modalities", "primary", "reason", "editor", "date")
RULE = "editor correction"


class CorrectionsError(ValueError):
    """corrections.csv cannot be used; the message names the line and the problem."""


@dataclass(frozen=True)
class Correction:
    nct_id: str
    modalities: tuple[str, ...]
    primary: str
    reason: str
    editor: str
    date: str

    @property
    def evidence(self) -> str:
        return f"{RULE}: {self.reason} ({self.editor}, {self.date})"

    def as_line(self) -> str:
        """The row as it is written in corrections.csv."""
        from io import StringIO
        sink = StringIO()
        csv.writer(sink, lineterminator="").writerow(
            [self.nct_id, ";".join(self.modalities), self.primary, self.reason, self.editor,
             self.date])
        return sink.getvalue()


def default_path() -> Path:
    return settings.corrections_path()


def load_corrections(path: Path | None = None, known: set[str] | None = None
                     ) -> dict[str, Correction]:
    """nct_id -> Correction; an empty dict when the file does not exist. Every row is checked:
    an NCT id, modalities `known` (when given), a primary among them, a reason, an editor and
    an ISO date; a second row for one trial is an error too."""
    where = path or default_path()
    if not where.exists():
        return {}
    out: dict[str, Correction] = {}
    with open(where, newline="", encoding="utf-8") as fh:
        lines = (line for line in fh if not line.startswith("#"))
        reader = csv.DictReader(lines)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise CorrectionsError(f"{where.name}: the header must be {','.join(COLUMNS)}")
        for n, row in enumerate(reader, 2):
            at = f"{where.name} row {n}"
            nct = (row["nct_id"] or "").strip().upper()
            mods = tuple(m.strip() for m in (row["modalities"] or "").split(";") if m.strip())
            primary = (row["primary"] or "").strip()
            if not NCT_ID.match(nct):
                raise CorrectionsError(f"{at}: {row['nct_id']!r} is not an NCT id")
            if nct in out:
                raise CorrectionsError(f"{at}: {nct} is corrected twice")
            if not mods or primary not in mods:
                raise CorrectionsError(f"{at}: primary {primary!r} must be one of the "
                                       f"modalities {list(mods)}")
            unknown = [m for m in mods if known is not None and m not in known]
            if unknown:
                raise CorrectionsError(f"{at}: unknown modality {', '.join(unknown)}")
            for field in ("reason", "editor"):
                if not (row[field] or "").strip():
                    raise CorrectionsError(f"{at}: no {field}")
            try:
                day = date.fromisoformat((row["date"] or "").strip()).isoformat()
            except ValueError:
                raise CorrectionsError(f"{at}: date {row['date']!r} is not YYYY-MM-DD"
                                       ) from None
            out[nct] = Correction(nct, mods, primary, row["reason"].strip(),
                                  row["editor"].strip(), day)
    return out


def suggested(nct_id: str, modalities: list[str], primary: str) -> Correction:
    """The row an editor would add for this trial, filled in with today's placement: they
    change the modalities and write the reason."""
    return Correction(nct_id, tuple(modalities), primary, "what is wrong, and why",
                      "your name", date.today().isoformat())
