"""Tables of trials as a reader sees them: missing values in words, dates as dates.

st.dataframe shows a missing cell as a grey "None" whatever its type, and a Styler's na_rep
does not change that; so a column with a missing value is shown as text. Dates stay sortable
as text (YYYY-MM-DD); a count column sorts as text, and the page's own "Order" sorts properly.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd
import streamlit as st
from streamlit.elements.lib.column_types import ColumnConfig

from trialscape import enums, words

TRIAL_URL = "https://clinicaltrials.gov/study/"
CELL_CHARS = 500  # a cell's text on screen; the CSV keeps it whole
# the registry's words for a trial's phase and status, as trial tables show them
TRIAL_ENUMS: Mapping[str, Mapping[str, str]] = {"phase": enums.PHASES, "status": enums.STATUSES}


def trial_links(nct_ids: pd.Series) -> pd.Series:
    """The registry page of each trial (shown as its NCT id by `trial_column`)."""
    return TRIAL_URL + nct_ids


def trial_column(label: str = "Trial") -> ColumnConfig:
    """A column of `trial_links`, each shown as the trial's NCT id."""
    return st.column_config.LinkColumn(label, display_text=r"study/(NCT\d+)")


def readable(df: pd.DataFrame, dates: Iterable[str] = (), counts: Iterable[str] = (),
             missing: str = words.NOT_GIVEN,
             enum_words: Mapping[str, Mapping[str, str]] | None = None) -> pd.DataFrame:
    """A copy with every missing cell as `missing`, `dates` as YYYY-MM-DD, `counts` with
    thousands separators and the registry values of `enum_words`' columns in words (e.g.
    TRIAL_ENUMS); columns without a missing value keep their type."""
    out = df.copy()
    dates, counts, enum_words = set(dates), set(counts), enum_words or {}
    for col in out.columns:
        if col in enum_words:
            out[col] = [words.enum(enum_words[col], v, missing) for v in out[col]]
        elif col in dates:
            out[col] = [words.day(v, missing) for v in out[col]]
        elif col in counts:
            out[col] = [words.count(v, missing) for v in out[col]]
        elif out[col].dtype == object:
            out[col] = [words.cut(v, CELL_CHARS, missing) for v in out[col]]
        elif out[col].isna().any():
            out[col] = [words.text(v, missing) for v in out[col]]
    return out


def fitted_height(rows: int, cap: int = 420) -> int:
    """A table's height in pixels: its rows and header, up to `cap` (then it scrolls)."""
    return min(cap, 35 * (rows + 1) + 3)
