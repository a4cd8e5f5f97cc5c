"""Development codes one record describes and another leaves bare (a rules editor's look-up).

A code such as "E7777" is bare where a record lists it alone and described where another
record's intervention name or description says what it is ("denileukin diftitox (E7777)"), or
its title explains it ("ORMD-0801 (Oral Insulin)").
`scripts/described_codes.py` prints this for a snapshot, so a `[products]` entry can name the
describing record as its source.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from trialscape.classify.engine import Classifier
from trialscape.classify.inputs import Intervention, Trial
from trialscape.classify.model import Layer, code_spans, code_words

# what a summary says right after a code: "XYZ-1 is a ...", "XYZ-1, an ...", "XYZ-1 (a ..."
_SAYS = re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?(?:,\s*|\s+is\s+|\s+\()(?:an?|the)\s+([^.;:]{5,120})",
                   re.IGNORECASE)


@dataclass(frozen=True)
class DescribedCode:
    code: str
    kind: str  # what the describing record's own words make it
    bare_in: tuple[str, ...]  # NCT ids listing the code with nothing a rule reads
    source: tuple[str, str]  # (NCT id, intervention name) of the first describing record


@dataclass(frozen=True)
class CodeReadings:
    """What one walk over a snapshot's interventions says of each development code."""
    kinds: dict[str, Counter[str]]  # code -> the kinds its describing records read it as
    source: dict[str, tuple[str, str]]  # code -> (NCT id, name) of the first describing record
    # code -> (NCT id, whether its title explains the code) for each record whose own words
    # (name, other names, description) place nothing
    unread: dict[str, list[tuple[str, bool]]]

    def described(self) -> list[DescribedCode]:
        """Codes that are bare in some records and described, as one kind only, in others. A
        code described as two kinds is left out: its records disagree. One kind is no proof
        either: two makers may use one code ("AT101" is a CAR-T where described and gossypol,
        AT-101, where bare), so the list is for reading, not for copying."""
        found = []
        for code, records in sorted(self.unread.items()):
            bare = tuple(nct_id for nct_id, explained in records if not explained)
            kinds = self.kinds.get(code)
            if bare and kinds and len(kinds) == 1:
                found.append(DescribedCode(code, next(iter(kinds)), bare, self.source[code]))
        return found

    def bare(self) -> dict[str, list[str]]:
        """Each code some record lists with nothing its own words place, and those records."""
        return {code: [nct_id for nct_id, _ in records]
                for code, records in self.unread.items()}


def read_codes(trials: Iterable[Trial], classifier: Classifier) -> CodeReadings:
    """One walk: each code's describing records (its intervention's own words place it, or the
    title explains it: "ORMD-0801 (Oral Insulin)") and the records whose own words do not."""
    kinds: defaultdict[str, Counter[str]] = defaultdict(Counter)
    source: dict[str, tuple[str, str]] = {}
    unread: defaultdict[str, list[tuple[str, bool]]] = defaultdict(list)
    for trial in trials:
        for item in trial.interventions:
            codes = code_words(item.name)
            if not codes:
                continue
            hits = [h for h in classifier.names.match(item) if h.layer != Layer.TYPE_PRIOR]
            if not hits:
                hits = classifier.titles.explained_code(item, trial, True)
                for code in codes:
                    unread[code].append((trial.nct_id, bool(hits)))
            for code in codes if hits else ():
                kinds[code].update({h.modality for h in hits})
                source.setdefault(code, (trial.nct_id, item.name))
    return CodeReadings(dict(kinds), source, dict(unread))


def said_in_summaries(summaries: Mapping[str, str], codes: Iterable[str],
                      classifier: Classifier) -> dict[str, tuple[str, str, str]]:
    """What a record's summary says each code is, in the words right after it ("EVER001 is a
    highly selective, oral ... BTK inhibitor"): code -> (kind, NCT id, the words), for codes
    whose first such sentence reads as one medicine kind."""
    wanted = set(codes)
    found: dict[str, tuple[str, str, str]] = {}
    for nct_id, text in summaries.items():
        for code, _, end in code_spans(text):
            if code not in wanted or code in found:
                continue
            says = _SAYS.match(text, end)
            if says is None:
                continue
            kinds = {h.modality for h in classifier.names.match(Intervention(-1, None, says[1]))
                     if h.layer != Layer.TYPE_PRIOR
                     and not classifier.names.by_id[h.modality].yields_to_medicine}
            if len(kinds) == 1:
                found[code] = (kinds.pop(), nct_id, says[1])
    return found
