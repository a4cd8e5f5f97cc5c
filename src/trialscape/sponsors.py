"""One name per organisation: spelling variants of a sponsor count as one.

The rule, shown on the Sponsors page: two names are the same organisation when they are equal
after case-folding, turning "&" into "and", dropping punctuation, and removing legal-form words
at the end ("Inc", "Ltd", "GmbH", "S.A.", "Co., Ltd." ...) and a leading "The". The group is
shown under its most frequent spelling. Deliberately conservative: subsidiaries and renamed
companies ("Genentech" / "Hoffmann-La Roche") stay apart, because telling them apart needs facts,
not spelling.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

LEGAL_FORMS = frozenset([
    "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "lc",
    "plc", "lp", "llp", "pllc", "gmbh", "mbh", "ag", "kg", "kgaa", "se", "sa", "sas", "sarl",
    "spa", "srl", "sl", "bv", "nv", "oy", "oyj", "ab", "asa", "as", "aps", "kk", "pty", "pvt",
    "private", "sdn", "bhd",
])
_PUNCT = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")


def sponsor_key(name: str) -> str:
    """The comparison key of a sponsor name (empty for a name with no letters)."""
    text = unicodedata.normalize("NFKC", name).casefold().replace("&", " and ")
    # "S.A." and "B.V." lose their dots before punctuation goes, so they become "sa", "bv".
    text = re.sub(r"\b(\w)\.(?=\w\b)", r"\1", text)
    text = re.sub(r"\b(\w)/(\w)\b", r"\1\2", text)  # "A/S" -> "as"
    text = _SPACE.sub(" ", _PUNCT.sub(" ", text)).strip()
    words = text.split(" ")
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    while len(words) > 1 and words[-1] in LEGAL_FORMS:
        words.pop()
        if len(words) > 1 and words[-1] == "and":  # "Eli Lilly and Company"
            words.pop()
    return " ".join(words)


def canonical_names(counts: Iterable[tuple[str, int]]) -> dict[str, str]:
    """Every spelling -> the group's display name (its most frequent spelling, then the
    shortest, then alphabetical, so the choice is stable)."""
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    for name, n in counts:
        if name and name.strip():
            groups[sponsor_key(name) or name][name] += n
    out: dict[str, str] = {}
    for spellings in groups.values():
        display = min(spellings, key=lambda s: (-spellings[s], len(s), s))
        for spelling in spellings:
            out[spelling] = display
    return out
