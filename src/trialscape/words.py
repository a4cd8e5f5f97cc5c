"""Values as words a reader sees. Pure: no streamlit.

Registry fields are often missing, and pandas hands a missing value back as None, NaN, NaT or
pd.NA depending on the column's type; none of them may reach the screen as "nan" or "None",
and `pd.NA` cannot even be compared (`NA == NA` raises in a boolean context). Every value a page
shows from a query goes through one of these.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

import pandas as pd

from trialscape import enums

NOT_GIVEN = enums.UNKNOWN_LABEL


def is_missing(value: Any) -> bool:
    """True for None, NaN, NaT, pd.NA and blank text (never raises on a missing value)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or an array: present
        return False


def text(value: Any, missing: str = NOT_GIVEN) -> str:
    return missing if is_missing(value) else str(value)


def count(value: Any, missing: str = NOT_GIVEN) -> str:
    """A whole number with thousands separators."""
    return missing if is_missing(value) else f"{int(value):,}"


def day(value: Any, missing: str = NOT_GIVEN) -> str:
    """A date as YYYY-MM-DD."""
    if is_missing(value):
        return missing
    if isinstance(value, datetime | pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)[:10]


def items(values: Any) -> list[str]:
    """A list column's present values as text (a missing list is an empty one)."""
    if values is None or (not isinstance(values, list | tuple) and is_missing(values)):
        return []
    return [str(v) for v in values if not is_missing(v)]


def enum(mapping: Mapping[str, str], value: Any, missing: str = NOT_GIVEN) -> str:
    """Plain words for a registry enum value; a value we do not know is shown as written."""
    return missing if is_missing(value) else mapping.get(str(value), str(value))


def phase_list(phases: Any) -> str:
    """The registry's own phase list in words ("Phase 1 + Phase 3")."""
    raw = items(phases)
    return " + ".join(enums.PHASES.get(p, p) for p in raw) if raw else NOT_GIVEN


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|$~<>&])")


def literal(value: Any) -> str:
    """Text from the registry or a URL, made safe for an element that renders markdown
    (titles, captions, page links): every markdown character is escaped, '$' cannot start
    LaTeX, and ':' is written as an entity so ':material/icon:' and ':red[...]' stay text.
    Shown exactly as written; nothing in it becomes a link, an image or a format."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(value)).replace(":", "&#58;")


def cut(value: Any, limit: int, missing: str = NOT_GIVEN) -> str:
    """Text cut to `limit` characters for the screen, saying how long it was. The snapshot and
    the exports keep it whole; a browser tab must not freeze on a 10 MB title."""
    text_ = text(value, missing)
    if len(text_) <= limit:
        return text_
    return f"{text_[:limit].rstrip()}… (cut: {len(text_):,} characters in all)"
