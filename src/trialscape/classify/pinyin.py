"""Chinese patent medicines the registry lists by their pinyin names.

Herbal formulae registered from China are named in pinyin, often with a dosage form and typed
DRUG ("Lianhua Qingwen", "Fuzheng Huayu Tablet", "Bu-Zhong-Yi-Qi-Tang", "Qinggongshoutao
Bolus"): no word list can hold them all, but their names are made of Mandarin syllables, which
the names of synthesised medicines almost never are. LABELING.md counts botanicals as `other`.

A name counts when every word left, once dosage forms and the like are set aside, splits into
pinyin syllables and the name looks like a formula's, not an INN that happens to spell
syllables ("tamoxifen" is ta-mo-xi-fen, "mexiletine" me-xi-le-ti-ne):
- several short words (one or two syllables each, three or more in all), as formula names are
  written ("Yinhu Qingwen"), at least one syllable of a shape Western names rarely have; or
- one long word of three or more syllables, two of them of that shape ("Anluohuaxian").
"""

from __future__ import annotations

import re
from functools import lru_cache

# Standard Mandarin syllables without tones (ü written v, as in "lv"), by initial.
_TABLE = """
a ai an ang ao e ei en eng er o ou
ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu
pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu
ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu
fa fan fang fei fen feng fo fou fu
da dai dan dang dao de dei den deng di dian diao die ding diu dong dou du duan dui dun duo
ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo
na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo
nv nue
la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu long lou lu luan lun
luo lv lue
ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo
ka kai kan kang kao ke ken keng kong kou ku kua kuai kuan kuang kui kun kuo
ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo
ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun
qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun
xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun
zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui
zhun zhuo
cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun
chuo
sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun
shuo
ran rang rao re ren reng ri rong rou ru ruan rui run ruo
za zai zan zang zao ze zei zen zeng zi zong zou zu zuan zui zun zuo
ca cai can cang cao ce cen ceng ci cong cou cu cuan cui cun cuo
sa sai san sang sao se sen seng si song sou su suan sui sun suo
ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun
wa wai wan wang wei wen weng wo wu
"""
SYLLABLES = frozenset(_TABLE.split())
_LONGEST = max(map(len, SYLLABLES))

# Words beside a formula's name that are not part of it: dosage forms (English, or pinyin
# such as "tang", a decoction), doses, arms and joins.
_ASIDE = re.compile(
    r"tablets?|tabs?|capsules?|caps?|pills?|dropping|granules?|granula|formulae?|decoction|"
    r"bolus|injection|oral|liquid|powder|soup|tea|mixture|cream|ointment|paste|plaster|patch|"
    r"syrup|drops?|spray|suppository|tang|wan|placebo|and|with|plus|or|low|high|dose|does|"
    r"group|herbal|chinese|medicine|prescription|recipe|extract")
# syllable shapes common in pinyin and rare in Western drug names
_MARKED = re.compile(r"x|q|zh|sh|ch|ao|uo|ou|iu|ui|ua|ong|eng|ing")
_BRACKETS = re.compile(r"\(.*?\)|（.*?）|\[.*?\]")
_NOT_LETTERS = re.compile(r"[^a-z]+")


@lru_cache(maxsize=50_000)
def syllables(word: str) -> tuple[str, ...] | None:
    """The fewest pinyin syllables that spell `word` (lower case), or None."""
    best: list[tuple[str, ...] | None] = [None] * (len(word) + 1)
    best[0] = ()
    for start in range(len(word)):
        here = best[start]
        # inside a word pinyin marks a syllable that starts with a, o or e by an apostrophe
        # (Xi'an), so one never follows another unmarked: "neo" and "diana" are no pinyin
        if here is None or (start and word[start] in "aoe"):
            continue
        for end in range(start + 1, min(len(word), start + _LONGEST) + 1):
            if word[start:end] in SYLLABLES:
                there = best[end]
                if there is None or len(there) > len(here) + 1:
                    best[end] = (*here, word[start:end])
    return best[len(word)]


def pinyin_name(name: str) -> str | None:
    """The words of `name` that read as a Chinese medicine's pinyin name, or None."""
    text = _BRACKETS.sub(" ", name.lower())
    words = [w for w in _NOT_LETTERS.split(text) if w and not _ASIDE.fullmatch(w)]
    if not words:
        return None
    split: list[tuple[str, ...]] = []
    for word in words:
        spelled = syllables(word)
        if spelled is None:
            return None
        split.append(spelled)
    parts = [p for s in split for p in s]
    marked = sum(1 for p in parts if _MARKED.search(p))
    if len(words) > 1:
        short = all(len(s) <= 2 for s in split)
        return " ".join(words) if short and len(parts) >= 3 and marked >= 1 else None
    return words[0] if len(parts) >= 3 and marked >= 2 else None
