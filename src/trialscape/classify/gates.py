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

import ahocorasick

MIN_GATE = 3
# GatedPatterns finds its literals with one automaton (LiteralIndex), where a two-letter
# literal costs no more than a long one, so its patterns may be gated by two letters ("ct", "il")
MIN_AUTOMATON_GATE = 2
# GatedRegex tests a short gate with `in` (C loops) and a longer one with its automaton
# (measured over every title and intervention name of ../shared/ctgov with random title words
# as literals: 4 literals, `in` 0.027 s against 0.036 s on titles; 8, 0.059 against 0.056; 16,
# 0.088 against 0.047)
AUTOMATON_FROM = 8


# A run of pattern items that matches only a few strings ("68[- ]?ga": "68ga", "68-ga", "68 ga")
# is read as those strings; more than this many and it is read item by item
MAX_STRINGS = 64


def _best(candidates: list[frozenset[str]], min_length: int) -> frozenset[str] | None:
    usable = [c for c in candidates if c and min(len(s) for s in c) >= min_length]
    return max(usable, key=lambda c: min(len(s) for s in c), default=None)


def _product(left: frozenset[str], right: frozenset[str]) -> frozenset[str] | None:
    if len(left) * len(right) > MAX_STRINGS:
        return None
    return frozenset(x + y for x in left for y in right)


def _finite(op: Any, av: Any) -> frozenset[str] | None:
    """Every string one parsed item can match, or None when they are many or unbounded.
    Assertions and anchors match the empty string: what is around them is still adjacent."""
    if op is sre_c.LITERAL:
        return frozenset([chr(av)])
    if op in (sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT):
        return frozenset([""])
    if op is sre_c.IN:
        chars: set[str] = set()
        for o, a in av:
            if o is sre_c.LITERAL:
                chars.add(chr(a))
            elif o is sre_c.RANGE and a[1] - a[0] < MAX_STRINGS:
                chars.update(map(chr, range(a[0], a[1] + 1)))
            else:  # a negated set or a category (\\d, \\w): many
                return None
        return frozenset(chars) if len(chars) <= MAX_STRINGS else None
    if op is sre_c.SUBPATTERN:
        return _finite_sequence(list(av[-1]))
    if op is sre_c.BRANCH:
        found: set[str] = set()
        for branch in av[1]:
            strings = _finite_sequence(list(branch))
            if strings is None:
                return None
            found |= strings
        return frozenset(found) if len(found) <= MAX_STRINGS else None
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT) and av[1] <= 3:
        inner = _finite_sequence(list(av[2]))
        if inner is None:
            return None
        repeated, found = frozenset([""]), set()
        for count in range(av[1] + 1):
            if count >= av[0]:
                found |= repeated
            if count < av[1]:
                step = _product(repeated, inner)
                if step is None:
                    return None
                repeated = step
        return frozenset(found) if len(found) <= MAX_STRINGS else None
    return None


def _finite_sequence(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    strings: frozenset[str] | None = frozenset([""])
    for op, av in items:
        item = _finite(op, av)
        if item is None or strings is None:
            return None
        strings = _product(strings, item)
    return strings


def _fewest(strings: frozenset[str]) -> frozenset[str]:
    """The strings none of the others contains: where "car" occurs, so may "cars"."""
    return frozenset(s for s in strings
                     if not any(t != s and t in s for t in strings))


def _sequence(items: list[tuple[Any, Any]], min_length: int) -> frozenset[str] | None:
    """A set of strings one of which must occur for this sequence to match (None if unknown)."""
    candidates: list[frozenset[str]] = []
    run = frozenset([""])  # the strings the items since the last unbounded one can match

    def flush() -> None:
        if run != frozenset([""]):
            candidates.append(_fewest(run))

    for op, av in items:
        strings = _finite(op, av)
        if strings is not None:
            if op in (sre_c.ASSERT, sre_c.BRANCH, sre_c.SUBPATTERN):
                # what a positive lookaround holds must occur beside the match, though the
                # match itself is empty ("(?<=\\b89zr[- ])[a-z]+" needs "89zr-" or "89zr ")
                inner = _required_within(op, av, min_length)
                if inner:
                    candidates.append(inner)
            joined = _product(run, strings)
            if joined is not None:
                run = joined
                continue
            flush()
            run = strings
            continue
        flush()
        run = frozenset([""])
        if op in (sre_c.SUBPATTERN, sre_c.BRANCH):
            inner = _required_within(op, av, min_length)
            if inner:
                candidates.append(inner)
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT) and av[0] >= 1:
            inner = _sequence(list(av[2]), min_length)
            if inner:
                candidates.append(inner)
    flush()
    return _best(candidates, min_length)


def _required_within(op: Any, av: Any, min_length: int) -> frozenset[str] | None:
    """Literals required inside a group, an alternation (one of each branch's) or a positive
    lookahead or lookbehind: read whether the item matches few strings or many."""
    if op is sre_c.ASSERT:
        return _sequence(list(av[1]), min_length)
    if op is sre_c.SUBPATTERN:
        return _sequence(list(av[-1]), min_length)
    alternatives = [_sequence(list(branch), min_length) for branch in av[1]]
    if all(alternatives):
        return frozenset().union(*alternatives)  # type: ignore[arg-type]
    return None


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


class LiteralIndex:
    """Which of a list of patterns a lower-case text may match, from the literals each needs
    (a pattern with no gate, None, is always a candidate)."""

    def __init__(self, gates: list[frozenset[str] | None], automaton_from: int) -> None:
        index: dict[str, list[int]] = {}
        for n, gate in enumerate(gates):
            for literal in gate or ():
                index.setdefault(literal, []).append(n)
        self.always = tuple(n for n, gate in enumerate(gates) if gate is None)
        self.literals = tuple(sorted(index))
        # literal -> the patterns it gates, in list order (a literal inside a longer one is
        # found on its own: both the automaton and the `in` tests report every literal)
        self.opens: dict[str, tuple[int, ...]] = {
            literal: tuple(numbers) for literal, numbers in index.items()}
        # Many literals: one Aho-Corasick pass (C) reports every literal the text holds,
        # overlapping ones included, each carrying the patterns it opens. A regex trie of the
        # literals searched again after each hit found the same at twice the cost (sre tries
        # the trie's branches anew at every position); a lookahead at every position, at six
        # times. Few literals: `in` tests, cheaper still.
        self.automaton: ahocorasick.Automaton | None = None
        if self.literals and len(self.literals) >= automaton_from:
            self.automaton = ahocorasick.Automaton()
            for literal in self.literals:
                self.automaton.add_word(literal, self.opens[literal])
            self.automaton.make_automaton()

    def opened(self, lowered: str) -> tuple[int, ...]:
        """The patterns `lowered` may match, in list order."""
        if self.automaton is not None:
            found = {opens for _, opens in self.automaton.iter(lowered)}
        # map over str.__contains__ keeps the common case (no literal) in C: these gates run
        # on every name
        elif any(map(lowered.__contains__, self.literals)):
            found = {self.opens[literal] for literal in self.literals if literal in lowered}
        else:
            return self.always
        if not found:
            return self.always
        if len(found) == 1 and not self.always:
            return next(iter(found))
        return tuple(sorted(set(self.always).union(*found)))


class GatedPatterns:
    """Patterns per modality; `find` runs only those whose gate passes on lower-case text."""

    def __init__(self, groups: dict[str, list[str]]) -> None:
        self.rules: list[tuple[str, re.Pattern[str]]] = [
            (mid, re.compile(p)) for mid, patterns in groups.items() for p in patterns]
        self.index = LiteralIndex([required_literals(p.pattern, MIN_AUTOMATON_GATE)
                                   for _, p in self.rules], automaton_from=1)

    def find(self, lowered: str) -> dict[str, re.Match[str]]:
        hits: dict[str, re.Match[str]] = {}
        for n in self.index.opened(lowered):
            mid, pattern = self.rules[n]
            if mid not in hits:
                match = pattern.search(lowered)
                if match:
                    hits[mid] = match
        return hits


class GatedRegex:
    """One case-insensitive alternation of rules that runs, on each text, only the
    alternatives whose literals the text holds ("placebo", "biopsy"...): most names and titles
    hold none, and a long IGNORECASE alternation costs far more than a few substring tests.

    An alternative whose literal is absent cannot match anywhere in the text, so leaving it out
    changes neither where the alternation matches nor which alternative wins there: the
    narrowed alternation finds, substitutes and iterates exactly as the whole one would."""

    def __init__(self, patterns: list[str]) -> None:
        # no patterns: one that never matches (an optional rule list left unset)
        self.pattern = re.compile("|".join(patterns) or r"(?!x)x", re.IGNORECASE)
        self.alternatives = tuple(patterns)
        # the loose alternatives (no literal: "^\s*CT\s*$") run on every text: on their own
        # they are a small, cheap regex, and one of them no longer costs the whole list its gate
        self.index = LiteralIndex([required_literals(lower_pattern(p)) for p in patterns],
                                  automaton_from=AUTOMATON_FROM)
        # which alternatives a text opened -> their alternation (None: nothing can match);
        # texts open few distinct sets, so this stays small
        self._narrowed: dict[tuple[int, ...], re.Pattern[str] | None] = {}
        self._met: set[tuple[int, ...]] = set()

    def narrowed(self, text: str) -> re.Pattern[str] | None:
        """An alternation that matches in `text` as the whole list does: the alternatives
        that may match there, or the whole list the first time a set of them is met (a
        compile costs about five searches of the whole list, and a third of the sets are met
        once), or None when nothing can match."""
        opened = self.index.opened(text.lower())
        try:
            return self._narrowed[opened]
        except KeyError:
            pass
        if opened and opened not in self._met:
            self._met.add(opened)
            return self.pattern
        if len(self._narrowed) > 10_000:  # a bound, never reached by real rules and text
            self._narrowed.clear()
            self._met.clear()
        compiled = (re.compile("|".join(self.alternatives[n] for n in opened), re.IGNORECASE)
                    if opened else None)
        self._narrowed[opened] = compiled
        return compiled

    def search(self, text: str) -> re.Match[str] | None:
        pattern = self.narrowed(text)
        return pattern.search(text) if pattern is not None else None

    def sub(self, repl: str, text: str) -> str:
        pattern = self.narrowed(text)
        return pattern.sub(repl, text) if pattern is not None else text

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        pattern = self.narrowed(text)
        return pattern.finditer(text) if pattern is not None else iter(())
