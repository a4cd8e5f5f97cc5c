"""Literal gates for regex rules: skip a pattern cheaply when its required text is absent.

The rules file holds hundreds of patterns; running each on every intervention costs far more than
checking first whether the text contains a literal the pattern cannot match without. The literal
is read from the pattern's own parse tree, so editors never have to write it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as sre_c  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

MIN_GATE = 3


def _best(candidates: list[frozenset[str]]) -> frozenset[str] | None:
    usable = [c for c in candidates if c and min(len(s) for s in c) >= MIN_GATE]
    return max(usable, key=lambda c: min(len(s) for s in c), default=None)


def _sequence(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """A set of strings one of which must occur for this sequence to match (None if unknown)."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is sre_c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            candidates.append(frozenset(["".join(run)]))
            run = []
        if op is sre_c.SUBPATTERN:
            inner = _sequence(list(av[-1]))
            if inner:
                candidates.append(inner)
        elif op is sre_c.BRANCH:
            alternatives = [_sequence(list(branch)) for branch in av[1]]
            if all(alternatives):
                candidates.append(frozenset().union(*alternatives))  # type: ignore[arg-type]
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT) and av[0] >= 1:
            inner = _sequence(list(av[2]))
            if inner:
                candidates.append(inner)
    if run:
        candidates.append(frozenset(["".join(run)]))
    return _best(candidates)


def lower_pattern(pattern: str) -> str:
    """Lower-case a regex's literals but not its escapes (\\D and \\d differ)."""
    out, i = [], 0
    while i < len(pattern):
        if pattern[i] == "\\" and i + 1 < len(pattern):
            out.append(pattern[i:i + 2])
            i += 2
        else:
            out.append(pattern[i].lower())
            i += 1
    return "".join(out)


def required_literals(pattern: str) -> frozenset[str] | None:
    """Strings of which at least one must occur in any text `pattern` matches, or None."""
    return _sequence(list(sre_parse.parse(pattern)))


class GatedPatterns:
    """Patterns per modality; `find` runs only those whose gate passes on lower-case text."""

    def __init__(self, groups: dict[str, list[str]]) -> None:
        self.rules: list[tuple[str, re.Pattern[str]]] = []
        self.ungated: list[int] = []
        index: dict[str, list[int]] = {}
        for mid, patterns in groups.items():
            for p in patterns:
                gate = required_literals(p)
                n = len(self.rules)
                self.rules.append((mid, re.compile(p)))
                if gate is None:
                    self.ungated.append(n)
                for literal in gate or ():
                    index.setdefault(literal, []).append(n)
        self.index = tuple(index.items())
        # literals by their first three characters: a text's trigrams pick the few literals
        # worth looking for (a title has ~300 trigrams; the rules hold hundreds of literals)
        self.by_trigram: dict[str, list[tuple[str, list[int]]]] = {}
        for literal, rules in self.index:
            self.by_trigram.setdefault(literal[:3], []).append((literal, rules))
        self.trigrams = frozenset(self.by_trigram)

    def find(self, lowered: str) -> dict[str, re.Match[str]]:
        candidates = set(self.ungated)
        grams = {lowered[i:i + 3] for i in range(len(lowered) - 2)}
        for gram in self.trigrams.intersection(grams):
            for literal, rules in self.by_trigram[gram]:
                if len(literal) == 3 or literal in lowered:
                    candidates.update(rules)
        hits: dict[str, re.Match[str]] = {}
        for n in sorted(candidates):
            mid, pattern = self.rules[n]
            if mid not in hits:
                match = pattern.search(lowered)
                if match:
                    hits[mid] = match
        return hits


class GatedRegex:
    """One case-insensitive alternation of rules, skipped when the text holds none of the
    literals its alternatives need ("placebo", "biopsy"...): most names and titles hold none,
    and a long IGNORECASE alternation costs far more than a few substring tests."""

    def __init__(self, patterns: list[str]) -> None:
        # no patterns: one that never matches (an optional rule list left unset)
        self.pattern = re.compile("|".join(patterns) or r"(?!x)x", re.IGNORECASE)
        literals: set[str] = set()
        loose: list[str] = []  # alternatives that need no literal ("^\s*CT\s*$")
        for p in patterns:
            found = required_literals(lower_pattern(p))
            if found is None:
                loose.append(p)
            else:
                literals |= found
        self.gate = tuple(sorted(literals))
        # The loose alternatives alone decide whether the whole alternation may match when no
        # literal is present; on their own they are a small, cheap regex, and one of them no
        # longer costs the whole list its gate. The match itself still comes from the whole
        # alternation, so what matches is unchanged.
        self.loose = re.compile("|".join(loose), re.IGNORECASE) if loose else None

    def _may_match(self, text: str) -> bool:
        # map over str.__contains__ keeps the loop in C: these gates run on every name
        if any(map(text.lower().__contains__, self.gate)):
            return True
        return self.loose is not None and self.loose.search(text) is not None

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self._may_match(text) else None

    def sub(self, repl: str, text: str) -> str:
        return self.pattern.sub(repl, text) if self._may_match(text) else text

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self._may_match(text) else iter(())
