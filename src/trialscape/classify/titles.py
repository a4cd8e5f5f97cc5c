"""Title reading: what the trial's title says when its interventions do not.

A bare code ("ABC-123") takes the kind its title names; a record with no interventions (a fifth
of ../shared/ctgov) is read from its title part by part, each part like an intervention name,
with setting and measure phrases blanked first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trialscape.classify.gates import GatedRegex
from trialscape.classify.inputs import Intervention, Trial
from trialscape.classify.model import (
    CODE,
    WORDY,
    Field,
    Hit,
    Layer,
    code_spans,
    code_words,
    normalise,
    title_text,
)
from trialscape.classify.names import NEVER, NameReader

# what a title writes in parentheses right after a code ("JYB1904 (an Anti-immunoglobulin E
# Antibody)") or the name a code in parentheses follows ("Otilimab (GSK3196165)")
_PAREN_AFTER = re.compile(r"\s*\(([^()]{3,80})\)")
# ... or in an appositive right after it ("AZD5492, a T Cell-engaging Antibody Targeting CD20
# in ..."), up to the next punctuation or the words that start the population or setting
_APPOSITIVE = re.compile(r",\s+(?:an?|the)\s+([^,;:()]{3,80}?)(?=\s*[,;:(]|\s*$|\s+(?:in|for|to|"
                         r"on|with|among|versus|vs)\s)", re.I)
_CLOSE = re.compile(r"\s*\)")
_NUMBER_NAME = re.compile(r"\s*(\d{3,})\s*")  # a name that is a number alone ("162")
_OPEN_AT_END = re.compile(r"([^()|,;:]{3,80}?)\s*\(\s*$")
# a name that starts with a word of capitals alone, maybe shortening a medicine the title
# names ("DAXI for injection" in a trial of DaxibotulinumtoxinA)
_ABBREVIATION = re.compile(r"^\s*([A-Z]{3,8})(?![\w-])")
_TITLE_WORD = re.compile(r"(?<![\w-])[A-Za-z]{6,}(?![\w-])")
# words of a name that say how much or how, not what
_DOSE_WORDS = frozenset({"low", "high", "dose", "doses", "injection", "infusion", "solution",
                         "placebo", "system", "soluble", "produced", "therapy", "treatment"})


def _without(text: str, codes: frozenset[str]) -> str:
    """A text with the words holding the given development codes left out, however each code
    is written ("Anti-CD74 (hLL1) Antibody" -> "Anti-CD74 Antibody")."""
    cut = [False] * len(text)
    for code, start, end in code_spans(text):
        if code not in codes:
            continue
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        cut[start:end] = [True] * (end - start)
    kept = "".join(" " if gone else c for c, gone in zip(text, cut, strict=True))
    return " ".join(kept.split())


_MARKER_CODE = re.compile(r"cd\d+[a-z]?")  # a cluster of differentiation, written like a code


def _opens_with_code(title: str) -> bool:
    """Whether a title's first word is a development code, not a marker ("CD34+ Stem Cell
    Selection")."""
    spans = code_spans(title)
    return (bool(spans) and not title[:spans[0][1]].strip()
            and _MARKER_CODE.fullmatch(spans[0][0]) is None)


@dataclass
class TitleReader:
    names: NameReader
    title_joins: GatedRegex  # where a title joins the things it tests ("and", "versus", ",")
    title_setting: GatedRegex = NEVER      # "... before surgery", "refractory to imatinib"
    title_measure: GatedRegex = NEVER      # "insulin resistance": a measure, not a medicine
    title_history: GatedRegex = NEVER  # "BCG-unresponsive": who takes part, not what is given
    comparison_in_title: GatedRegex = NEVER  # "versus", "biosimilar"
    title_programme: GatedRegex = NEVER  # "... to Increase Influenza Vaccination"
    programme_kind: str | None = None  # what such a programme is ([outcomes] no_medicine)
    # surgery or radiotherapy the title joins to the treatment ("Temozolomide Followed by
    # Radiation Therapy"): part of the regimen, of the programme kind
    procedure_in_title: GatedRegex = NEVER
    # a title calling its product recombinant, and the kind that makes a bare word it lists
    recombinant_in_title: GatedRegex = NEVER
    recombinant_kind: str | None = None
    # a title saying it tests a supplement, herbal medicine or probiotic, and that kind
    supplement_in_title: GatedRegex = NEVER
    supplement_kind: str | None = None

    def hits(self, trial: Trial, tested: bool, setting: bool = True,
             measure: bool = True) -> list[Hit]:
        """Advanced-modality signals in the title, for interventions that carry none; with
        setting=False, without what the title names as the setting ("... after CAR-T"); with
        measure=False, without what it names as measured ("Gene Polymorphism")."""
        text = title_text(trial)
        if not self.names_advanced_kind(text):
            # most titles name no advanced kind: skip blanking phrases (a blank is a space, so
            # it never joins words into a kind's) and reading them part by part
            return []
        if not setting:
            text = self.title_setting.sub(" ", text)
        if not measure:
            text = self.unmeasured(text)
        if (not setting or not measure) and not self.names_advanced_kind(text):
            return []
        if self.title_programme.search(text):
            return []  # "COVID-19 Vaccine Messaging": what is listed is the programme's parts
        by_id = self.names.by_id
        return [h for h in self.read(text, Field.TITLE, tested)
                if by_id[h.modality].title_fallback]

    def unmeasured(self, text: str) -> str:
        """The text without what it names as measured or as the participants' history."""
        return self.title_history.sub(" ", self.title_measure.sub(" ", text))

    def names_advanced_kind(self, text: str) -> bool:
        """Whether a text names a kind titles may name (`title_fallback`): a cheap, cached
        look (NameReader.names_kind)."""
        by_id = self.names.by_id
        return any(by_id[mid].title_fallback for mid in self.names.names_kind(text))

    def recombinant(self, item: Intervention, trial: Trial, tested: bool) -> list[Hit]:
        """A medicine-typed word no rule reads ("relaxin", "low-dose leptin") in a trial whose
        title calls its product recombinant ("Recombinant Human Leptin Therapy ..."): that
        recombinant protein."""
        if self.recombinant_kind is None or item.type not in ("DRUG", "BIOLOGICAL"):
            return []
        text = title_text(trial)
        found = self.recombinant_in_title.search(text)
        if found is None:
            return []
        # ... the product the title names, by a word of its own ("CD4 Antigens" in "Recombinant
        # CD4 (rCD4)"), not another medicine listed beside it (an adjuvant, a reagent)
        words = {w for w in normalise(item.name).split() if len(w) > 2} - _DOSE_WORDS
        if not words & set(normalise(text).split()):
            return []
        if self.names_advanced_kind(text):
            return []  # "Immunogenicity Trial of Recombinant ... rgp120": a vaccine's antigen
        return [Hit(self.recombinant_kind, Layer.NAME_PATTERN, Field.TITLE, text,
                    found.group(0).strip(), tested)]

    def supplement(self, item: Intervention, trial: Trial, tested: bool) -> list[Hit]:
        """A medicine-typed name no rule reads ("Cystone", "LIVACT", "TCI378") in a trial whose
        title says it tests a supplement, an herbal formula or a probiotic ("Use of an Herbal
        Preparation to ...", "... Probiotics on Weight-lowering"): that supplement
        (LABELING.md: supplements, botanicals and probiotics are `other`), not a small
        molecule by its DRUG type. Not where the title names an advanced kind, nor where it
        names a supplement only as what is measured or as the participants' history."""
        if self.supplement_kind is None or item.type not in ("DRUG", "BIOLOGICAL", None):
            return []
        whole = title_text(trial)
        if self.supplement_in_title.search(whole) is None:
            return []  # (most titles: the cheap look first)
        text = self.unmeasured(whole)
        found = self.supplement_in_title.search(text)
        if found is None or self.names_advanced_kind(text):
            return []
        return [Hit(self.supplement_kind, Layer.NAME_PATTERN, Field.TITLE, whole,
                    found.group(0).strip(), tested)]

    def abbreviated(self, item: Intervention, trial: Trial, tested: bool) -> list[Hit]:
        """A name that shortens a medicine the title names, by the first letters of its one
        word ("DAXI" for DaxibotulinumtoxinA, "TILD" for tildrakizumab, "OCR" for
        ocrelizumab): that medicine's kind. Codes with digits are development codes, read
        above; a hyphenated title word ("EPOCH-Rituximab") is a regimen, not the word."""
        found = _ABBREVIATION.match(item.name)
        if found is None:
            return []
        short = found.group(1).casefold()
        text = title_text(trial)
        for word in _TITLE_WORD.findall(text):
            if len(word) > len(short) + 2 and word.casefold().startswith(short):
                hits = [Hit(h.modality, h.layer, Field.TITLE, text, h.matched, tested)
                        for h in self.names.match(Intervention(-1, item.type, word))
                        if h.layer != Layer.TYPE_PRIOR]
                if hits:
                    return hits
        return []

    def procedure(self, trial: Trial) -> list[Hit]:
        """Surgery or radiotherapy the title names as part of what is given ("Trastuzumab and
        Chemotherapy Followed by Surgery", "Strontium Compared With Radiation Therapy"), which
        old records often do not list: counted (LABELING.md: surgery and external radiotherapy
        are `other`), never as the setting ("... After Surgery", blanked first)."""
        if self.programme_kind is None:
            return []
        text = title_text(trial)
        if self.procedure_in_title.search(text) is None:
            return []  # (most titles: the cheap test first, without blanking their settings)
        found = self.procedure_in_title.search(self.title_setting.sub(" ", text))
        if found is None:
            return []
        return [Hit(self.programme_kind, Layer.NAME_PATTERN, Field.TITLE, text,
                    found.group(0).strip(), True)]

    def observational(self, trial: Trial) -> list[Hit]:
        """An observational record with no interventions: the kinds its title names, except
        those whose words in such titles are mostly biology (`observational_title = false`)."""
        return [h for h in self.hits(trial, True, measure=False)
                if self.names.by_id[h.modality].observational_title]

    def in_setting(self, item: Intervention, trial: Trial) -> bool:
        """Whether a development code of this intervention is inside a setting phrase of the
        title."""
        codes = code_words(item.name)
        return bool(codes) and any(
            codes & code_words(m.group(0))
            for m in self.title_setting.finditer(title_text(trial)))

    def beside_code(self, item: Intervention, trial: Trial, tested: bool) -> list[Hit]:
        """The medicine a title names right beside a bare code, in the part of the title that
        holds it ("Anti-CD74 (hLL1) Antibody", "HLX71 (Recombinant Human ...)"), setting and
        measure phrases blanked; the code's own words are left out. Only medicines: a title's
        generic words ("imaging", "assessment", "care") name what is measured, not the code."""
        codes = code_words(item.name)
        if not codes:
            return []
        text = title_text(trial)
        for part in self.title_joins.pattern.split(self.title_setting.sub(" ", text)):
            if not part or not codes & code_words(part):
                continue
            rest = _without(self.unmeasured(part), codes)
            return [Hit(h.modality, h.layer, Field.TITLE, text, h.matched, tested)
                    for h in self.names.match(Intervention(-1, None, rest))
                    if h.layer != Layer.TYPE_PRIOR and len(h.matched) > 3
                    and not self.names.by_id[h.modality].yields_to_medicine]
        return []

    def explained_code(self, item: Intervention, trial: Trial, tested: bool) -> list[Hit]:
        """What the title says a bare code is, when it explains the code in parentheses beside
        it ("Study of JYB1904 (an Anti-immunoglobulin E Antibody) ...", "XmAb22841 (CTLA-4 X
        LAG3)", "Otilimab (GSK3196165)") or in an appositive ("AZD5492, a T Cell-engaging
        Antibody Targeting CD20, in ..."). The explanation is about this code, so it holds even
        when another listed medicine is of the same kind (the omalizumab it is compared with)."""
        codes = code_words(item.name)
        # ... or a product named by a bare number ("162"), which only the title's explanation
        # can read: "Phase 1 Study of 162, a Novel Neutralizing Antibody ..."
        number = None if codes else _NUMBER_NAME.fullmatch(item.name)
        if not codes and number is None:
            return []
        text = title_text(trial)
        if number is None:
            spans = code_spans(text)
        else:
            codes = frozenset([number.group(1)])
            spans = tuple((m.group(0), m.start(), m.end())
                          for m in re.finditer(rf"\b{number.group(1)}\b", text))
        for code, start, end in spans:
            if code not in codes:
                continue
            after = _PAREN_AFTER.match(text, end) or _APPOSITIVE.match(text, end)
            if after:
                explanation = after.group(1)
            elif _CLOSE.match(text, end) and (
                    before := _OPEN_AT_END.search(text, 0, start)):
                explanation = self.title_joins.pattern.split(before.group(1))[-1] or ""
            else:
                continue
            if codes & code_words(explanation):
                continue  # "(ABC123 Tablets)": the code again, not what it is
            found = [Hit(h.modality, h.layer, Field.TITLE, text, h.matched, tested)
                     for h in self.names.match(Intervention(-1, None, explanation))
                     if h.layer != Layer.TYPE_PRIOR and len(h.matched) > 3
                     and not self.names.by_id[h.modality].yields_to_medicine]
            if found:
                return found
        return []

    def code_kind(self, hits: list[Hit], item: Intervention, trial: Trial) -> list[Hit]:
        """What the title says a bare code is, unless another listed name holds the words and
        is read as another kind. A kind another listed intervention already is names that one
        ("1018 ISS, Following Rituxan": the code is no antibody), unless the title compares
        a code with it ("HLX02 versus Herceptin": a biosimilar is of its reference
        product's kind; `background.comparison_in_title`)."""
        if not hits:
            return hits
        # the kinds each other listed name is read as
        kinds_of = [(i.name.casefold(), {h.modality for h in self.names.match(i)
                                         if h.layer != Layer.TYPE_PRIOR})
                    for i in trial.interventions if i.idx != item.idx]
        # words another listed name holds, read there as another kind, name that one ("Stem
        # Cell Therapy for ..." listing "Hematopoietic Stem Cell Therapy", a transplant, beside a
        # generic "conventional drug")
        hits = [h for h in hits if not any(
            kinds and h.modality not in kinds and h.matched.casefold() in name
            for name, kinds in kinds_of)]
        if code_words(item.name) and self.comparison_in_title.search(title_text(trial)):
            return hits  # a code compared with a product: a biosimilar (a plain name is its own)
        others = set().union(*(kinds for _, kinds in kinds_of))
        return [h for h in hits if h.modality not in others]

    def title_only(self, trial: Trial, unplaced: bool = False) -> list[Hit]:
        """An interventional record that lists no intervention (study-level and flat exports:
        a fifth of ../shared/ctgov) is placed from its title alone, read like an intervention
        name: every named product and INN word is a medicine of its own, and the patterns of
        every kind count, since nothing else describes the trial. Setting and measure phrases
        are blanked first ("refractory to imatinib", "insulin resistance"), unless the setting
        is all the title names ("Long-term Follow-up of Participants Treated With CAR T"). A title
        about a programme promoting a medicine (`background.title_programme`) places the
        programme. With unplaced=True, for a record whose untyped names place nothing (flat
        exports), the setting is never read: what is listed is what is given."""
        whole = title_text(trial)
        field_name = Field.TITLE_UNPLACED if unplaced else Field.TITLE_ONLY
        programme = self.title_programme.search(whole)
        if programme and self.programme_kind:  # about a programme, not the medicine it promotes
            return [Hit(self.programme_kind, Layer.NAME_PATTERN, field_name, whole,
                        programme.group(0), True)]
        title = self.unmeasured(whole)
        unset = self.title_setting.sub(" ", title)
        # most titles name no setting: their second reading would repeat the first; nor is
        # the setting read where the title opens with a development code no rule knows, its
        # subject ("BSB-1001 in Patients Undergoing ... Stem Cell Transplant" tests the code,
        # not the transplant)
        return self.read(unset, field_name) or (
            self.read(title, field_name)
            if not unplaced and unset != title and not _opens_with_code(unset) else [])

    def read(self, text: str, field_name: Field = Field.TITLE_ONLY, tested: bool = True
             ) -> list[Hit]:
        # Each part of "Monoclonal Antibody and Vaccine Therapy" is read like an intervention
        # name, so one kind overrides another only within a part (a radiolabelled antibody is
        # one medicine; an antibody and a vaccine are two).
        found: dict[str, Hit] = {}
        for part in self.title_joins.pattern.split(text):
            # a part says something when it holds a word or a development code ("MK3475",
            # "FG-3019")
            if part and (WORDY.search(part) or CODE.search(part.lower().replace("-", ""))):
                item = Intervention(-1, None, part.strip())
                for h in self.names.match(item):
                    found.setdefault(h.modality, Hit(h.modality, h.layer, field_name, text,
                                                     h.matched, tested))
        return list(found.values())
