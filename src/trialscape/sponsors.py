"""One name per organisation: spelling variants of a sponsor count as one.

The rule, shown on the Sponsors page: two names are the same organisation when they are equal
after case-folding, turning "&" into "and", dropping punctuation, and removing legal-form words
at the end ("Inc", "Ltd", "GmbH", "S.A.", "Co., Ltd." ...) and a leading "The". The group is
shown under its most frequent spelling. Deliberately conservative: subsidiaries and renamed
companies ("Genentech" / "Hoffmann-La Roche") stay apart, because telling them apart needs facts,
not spelling. Those facts, where reviewed, are in data/sponsors.toml: spellings that name one
organisation ([same]) and spellings the rule would wrongly merge (distinct).

A record without a sponsor class (older exports) gets one read from the name
(`infer_sponsor_class`), marked as inferred in the snapshot.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from trialscape import settings

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
    words = sponsor_words(name)
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    while len(words) > 1 and words[-1] in LEGAL_FORMS:
        words.pop()
        if len(words) > 1 and words[-1] == "and":  # "Eli Lilly and Company"
            words.pop()
    return " ".join(words)


@dataclass(frozen=True)
class ReviewedNames:
    """data/sponsors.toml: keys merged by review, and spellings kept apart by review."""
    same: dict[str, str] = field(default_factory=dict)  # key -> key of the organisation
    distinct: frozenset[str] = frozenset()  # casefolded spellings that keep their own group

    def group_key(self, name: str) -> str:
        folded = _folded(name)
        if folded in self.distinct:
            return "=" + folded  # cannot collide with a rule key: those hold no "="
        key = sponsor_key(name) or name
        return self.same.get(key, key)


def _folded(name: str) -> str:
    """A whole spelling, compared as written apart from case and Unicode forms."""
    return unicodedata.normalize("NFKC", name).strip().casefold()


def load_reviewed_names(path: Path | None = None) -> ReviewedNames:
    where = path or settings.reference_path("sponsors.toml")
    data = tomllib.loads(where.read_text("utf-8"))
    unknown = set(data) - {"same", "distinct"}
    if unknown:
        raise ValueError(f"{where.name}: unknown key(s) {sorted(unknown)}")
    same = {sponsor_key(a): sponsor_key(b) for a, b in data.get("same", {}).items()}
    for a, b in same.items():
        if b in same and same[b] != b:
            raise ValueError(f"{where.name}: [same] {a!r} points to {b!r}, itself an alias")
    distinct = frozenset(_folded(d) for d in data.get("distinct", []))
    return ReviewedNames(same, distinct)


@cache
def default_reviewed_names() -> ReviewedNames:
    return load_reviewed_names()


def canonical_names(counts: Iterable[tuple[str, int]],
                    reviewed: ReviewedNames | None = None) -> dict[str, str]:
    """Every spelling -> the group's display name (its most frequent spelling, then the
    shortest, then alphabetical, so the choice is stable)."""
    reviewed = reviewed if reviewed is not None else default_reviewed_names()
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    for name, n in counts:
        if name and name.strip():
            groups[reviewed.group_key(name)][name] += n
    out: dict[str, str] = {}
    for spellings in groups.values():
        display = min(spellings, key=lambda s: (-spellings[s], len(s), s))
        for spelling in spellings:
            out[spelling] = display
    return out


# What a sponsor's name says about its kind, for records that give no class. Checked in this
# order: a US federal research institute's name, a public body's, an academic or clinical
# word, then a company's legal form or trade word. Words are whole words (\b), case-blind.
_NIH = re.compile(
    r"\b(national (cancer|eye|human genome research) institute|national institutes? (of|on) "
    r"|national (heart|library of medicine|center for (research resources|complementary|"
    r"advancing translational))|nih\b|\(nci\)|clinical center \(cc\))", re.I)
_FED = re.compile(r"\b(veterans affairs|va office of research|department of defense|"
                  r"u\.?s\.? army|walter reed|centers for disease control|"
                  r"food and drug administration|uniformed services university)", re.I)
_NETWORK = re.compile(r"\b(oncology group|cooperative group|consortium|trials group|"
                      r"study group|research network)\b", re.I)
_ACADEMIC = re.compile(
    r"\b(universit|universidad|universidade|université|università|universiteit|college|"
    r"hospital|hôpita|hopita|hospices?|klinik|clinic|clinique|medical (center|centre|school)|"
    r"health (system|network|sciences? cent)|school of|faculty|institut|foundation|fondazione|"
    r"fundación|fundação|centre hospitalier|assistance publique|cancer (center|centre)|"
    r"research (center|centre)|society|association|academy|ministry|council|health$)", re.I)
_COMPANY_WORDS = re.compile(
    r"(\w*pharma\w*|\bsubsidiary of|\ba \w+ company\b|\b(therapeutics|biotech\w*|"
    r"bioscience\w*|biologics|biopharma\w*|laborator(y|ies)|labs|biomedical inc|"
    r"medical devices?|healthcare|vaccines?)\b)", re.I)


def infer_sponsor_class(name: str) -> str | None:
    """A registry sponsor class read from the name alone, or None when the name does not say.
    Used only where the record gives no class; the snapshot marks the result as inferred."""
    if _NIH.search(name):
        return "NIH"
    if _FED.search(name):
        return "FED"
    if _NETWORK.search(name):
        return "NETWORK"
    if _ACADEMIC.search(name):
        return "OTHER"
    words = sponsor_words(name)
    if (len(words) > 1 and words[-1] in LEGAL_FORMS) or _COMPANY_WORDS.search(name):
        return "INDUSTRY"
    return None


def sponsor_words(name: str) -> list[str]:
    """The name's words as the spelling rule sees them, legal forms still on."""
    text = unicodedata.normalize("NFKC", name).casefold().replace("&", " and ")
    # "S.A." and "B.V." lose their dots before punctuation goes, so they become "sa", "bv".
    text = re.sub(r"\b(\w)\.(?=\w\b)", r"\1", text)
    text = re.sub(r"\b(\w)/(\w)\b", r"\1\2", text)  # "A/S" -> "as"
    return _SPACE.sub(" ", _PUNCT.sub(" ", text)).strip().split(" ")
