"""Literal gates for regex rules: skip a pattern cheaply when its required text is absent.

The rules file holds hundreds of patterns; running each on every intervention costs far more than
checking first whether the text contains a literal the pattern cannot match without. The literal
is read from the pattern's own parse tree, so editors never have to write it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from re import _constants as sre_c  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

MIN_GATE = 3
# GatedPatterns finds its literals with one trie search per text, where a two-letter literal
# costs no more than a long one, so its patterns may be gated by two letters ("ct", "il")
MIN_TRIE_GATE = 2
# GatedRegex tests a short gate with `in` (C loops, cheaper than a search on a short list) and
# a longer one with its trie (cheaper than a hundred `in` scans)
# (measured: with 13 literals, title_population's `in` tests over every title of ../shared/ctgov
# take 0.079 s against its trie's 0.103 s)
TRIE_FROM = 14


def _best(candidates: list[frozenset[str]], min_length: int) -> frozenset[str] | None:
    usable = [c for c in candidates if c and min(len(s) for s in c) >= min_length]
    return max(usable, key=lambda c: min(len(s) for s in c), default=None)


def _sequence(items: list[tuple[Any, Any]], min_length: int) -> frozenset[str] | None:
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
            inner = _sequence(list(av[-1]), min_length)
            if inner:
                candidates.append(inner)
        elif op is sre_c.BRANCH:
            alternatives = [_sequence(list(branch), min_length) for branch in av[1]]
            if all(alternatives):
                candidates.append(frozenset().union(*alternatives))  # type: ignore[arg-type]
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT) and av[0] >= 1:
            inner = _sequence(list(av[2]), min_length)
            if inner:
                candidates.append(inner)
    if run:
        candidates.append(frozenset(["".join(run)]))
    return _best(candidates, min_length)


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


def required_literals(pattern: str, min_length: int = MIN_GATE) -> frozenset[str] | None:
    """Strings (each at least `min_length` long) of which at least one must occur in any text
    `pattern` matches, or None."""
    return _sequence(list(sre_parse.parse(pattern)), min_length)


def literal_trie(literals: Iterable[str], longest: bool = False) -> str:
    """A regex that matches where one of `literals` starts: the literals merged by their
    leading characters, so each position of a text is tried against one branch per next
    character rather than against every literal (sre does not merge an alternation's
    literals itself). With `longest`, the longest literal at that position (every shorter one
    there is a prefix of it); without, the first literal that ends."""
    trie: dict[str, Any] = {}
    for literal in literals:
        node = trie
        for ch in literal:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: dict[str, Any]) -> str:
        ends = "" in node
        if ends and not longest:
            return ""
        alts = [re.escape(ch) + branch(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if ends else body

    return branch(trie)


class GatedPatterns:
    """Patterns per modality; `find` runs only those whose gate passes on lower-case text."""

    def __init__(self, groups: dict[str, list[str]]) -> None:
        self.rules: list[tuple[str, re.Pattern[str]]] = []
        self.ungated: list[int] = []
        index: dict[str, list[int]] = {}
        for mid, patterns in groups.items():
            for p in patterns:
                gate = required_literals(p, MIN_TRIE_GATE)
                n = len(self.rules)
                self.rules.append((mid, re.compile(p)))
                if gate is None:
                    self.ungated.append(n)
                for literal in gate or ():
                    index.setdefault(literal, []).append(n)
        # One zero-width search per position finds the longest literal starting there; the
        # literals that are its prefixes start there too. Together: every literal the text
        # holds, in one pass of the regex engine.
        self.trie = re.compile(f"(?=({literal_trie(index, longest=True)}))") if index else None
        # literal -> the rules gated by it or by a literal that is its prefix
        self.opens: dict[str, frozenset[int]] = {
            literal: frozenset(n for k in range(MIN_TRIE_GATE, len(literal) + 1)
                               for n in index.get(literal[:k], ()))
            for literal in index}

    def find(self, lowered: str) -> dict[str, re.Match[str]]:
        candidates = set(self.ungated)
        for found in self.trie.finditer(lowered) if self.trie is not None else ():
            candidates |= self.opens[found.group(1)]
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
        self.trie = re.compile(literal_trie(self.gate)) if len(self.gate) >= TRIE_FROM else None
        # The loose alternatives alone decide whether the whole alternation may match when no
        # literal is present; on their own they are a small, cheap regex, and one of them no
        # longer costs the whole list its gate. The match itself still comes from the whole
        # alternation, so what matches is unchanged.
        self.loose = re.compile("|".join(loose), re.IGNORECASE) if loose else None

    def _may_match(self, text: str) -> bool:
        lowered = text.lower()
        # map over str.__contains__ keeps the loop in C: these gates run on every name
        has_literal = (self.trie.search(lowered) is not None if self.trie is not None
                       else any(map(lowered.__contains__, self.gate)))
        return has_literal or (self.loose is not None and self.loose.search(text) is not None)

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self._may_match(text) else None

    def sub(self, repl: str, text: str) -> str:
        return self.pattern.sub(repl, text) if self._may_match(text) else text

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self._may_match(text) else iter(())
