"""'Numbers to quote': a few plain sentences with a modality's current figures, for an article
to cite with the link to the view they come from. Pure: numbers in, sentences out."""

from __future__ import annotations

from dataclasses import dataclass

from trialscape import enums


@dataclass(frozen=True)
class Figures:
    label: str  # "Gene therapy"
    data_date: str
    from_registry: bool  # the registry's own data date, or the newest record's
    trials: int
    recruiting: int
    active: int  # recruiting, not yet recruiting, enrolling by invitation, active
    phases: dict[str, int]  # phase id -> trials
    top_area: tuple[str, int] | None  # (area label, trials)
    top_country: tuple[str, int] | None
    started_last_5y: int
    started_5y_before: int


def _share(n: int, total: int) -> str:
    return f"{round(100 * n / total)}%" if total else "0%"


def sentences(f: Figures) -> list[str]:
    as_of = (f"As of {f.data_date}" if f.from_registry
             else f"In ClinicalTrials.gov records updated up to {f.data_date}")
    kind = f.label[0].lower() + f.label[1:]
    out = [f"{as_of}, {f.trials:,} {kind} trials are registered on ClinicalTrials.gov; "
           f"{f.recruiting:,} are recruiting and {f.active:,} are active in all."]
    staged = {p: n for p, n in f.phases.items() if p in enums.PHASES and p != "NA" and n}
    if staged:
        top = max(staged, key=lambda p: staged[p])
        late = sum(n for p, n in staged.items() if p in ("PHASE3", "PHASE2_PHASE3", "PHASE4"))
        out.append(f"Most are in {enums.PHASES[top].lower()} ({staged[top]:,}, "
                   f"{_share(staged[top], f.trials)}); {late:,} have reached phase 3 or later.")
    if f.top_area:
        area, n = f.top_area
        out.append(f"The most studied area is {area.lower()} ({n:,} trials, "
                   f"{_share(n, f.trials)}).")
    if f.top_country:
        country, n = f.top_country
        out.append(f"{country} hosts the most, with sites in {n:,} of them.")
    if f.started_5y_before:
        change = f.started_last_5y / f.started_5y_before - 1
        word = "more" if change >= 0 else "fewer"
        out.append(f"{f.started_last_5y:,} started in the last five years, "
                   f"{abs(change):.0%} {word} than in the five years before.")
    return out
