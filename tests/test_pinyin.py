"""Chinese herbal formulae named in pinyin (classify/pinyin.py)."""

import pytest

from trialscape.classify.pinyin import pinyin_name, syllables


@pytest.mark.parametrize(("name", "words"), [
    ("Lianhua Qingwen", "lianhua qingwen"),
    ("Fuzheng Huayu Tablet", "fuzheng huayu"),
    ("Bu-Zhong-Yi-Qi-Tang", "bu zhong yi qi"),
    ("Yin Hu Qing Wen Granula(low does)", "yin hu qing wen"),
    ("Susu Xiao'er Zhike Granules", "susu xiao er zhike"),
    ("Liuwei Dihuang Pill（placebo ）", "liuwei dihuang"),
    ("Qinggongshoutao Bolus", "qinggongshoutao"),  # one long word, several marked syllables
    ("Anluohuaxian", "anluohuaxian"),
])
def test_formula_names_in_pinyin_are_read(name, words):
    assert pinyin_name(name) == words


@pytest.mark.parametrize("name", [
    # INNs and English words that happen to spell syllables
    "Tamoxifen", "Mexiletine", "Quetiapine", "Memantine Tablets", "Rifaximin",
    "Chidamide and Decitabine", "Saline and Saline", "Routine care", "Anemia",
    # a vowel-initial syllable inside a word needs an apostrophe in pinyin
    "Neo-DIANA",
    # too short to tell, or nothing marked as pinyin
    "Xiaojin Pill", "Tai Chi", "Wei Li Bai capsules",
    # a code or a dose is no pinyin
    "HR17031 injection", "Placebo", "",
])
def test_other_names_are_not(name):
    assert pinyin_name(name) is None


def test_syllables_are_the_fewest_that_spell_the_word():
    assert syllables("xiyanping") == ("xi", "yan", "ping")
    assert syllables("tamoxifen") == ("ta", "mo", "xi", "fen")
    assert syllables("xian") == ("xian",)  # one syllable, not xi-an
    assert syllables("diana") is None
    assert syllables("metformin") is None
