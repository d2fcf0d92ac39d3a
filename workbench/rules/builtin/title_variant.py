"""title-variant: one person given different titles, across or within documents
(رئيس جهاز الاستخبارات السورية / رئيس جهاز الاستخبارات العامة for the same man).

Titles are compared after normalisation, without clitics and without ranks and honorifics (اللواء،
الدكتور، الشيخ …), which are another matter than the office.  A title that only adds words to another
(وزير الخارجية / وزير الخارجية والمغتربين, وزير الدفاع / وزير الدفاع السوري) is the short and the full
form of one office, not a contradiction: it is reported at ``subset_level`` (info by default, "off" to
drop it), while titles that name different things are reported at the rule's level.

An organisation a title heads is one whether named by its alias or by the start of its full name
(رئيس الفيفا / رئيس الاتحاد الدولي, when the corpus names FIFA); a conjoined second portfolio (وزير
الخارجية والمغتربين) is left out of the short form of a title, and a body attached by ل is the body
in construct (القائد العام لقوات … / قائد قوات …).

A deputy's post and the post itself (نائب الأمين العام / الأمين العام) are two posts, the second often a
promotion: like titles with no word in common, they are reported only from documents close in time.
Two spellings of one nationality (الأميركي / الأمريكي) are one.

Heading a delegation (رئيس الوفد المفاوض) is a mission a person takes on beside his office (رئيس الحركة
في قطاع غزة), not a title to compare with it.

Two titles that differ only in words that place the office rather than name it (الرئيس السوري /
رئيس الجمهورية / الرئيس) are one office and not reported; a bare office noun, placed or not, is the short
form of any title that describes it further (المرشد الإيراني / المرشد الأعلى).  Two titles with no word in common are two
roles, not two spellings of one: a person changes post (قائد إدارة العمليات العسكرية in December 2024,
الرئيس from 2025), so they are reported only when the documents are at most ``role_change_days`` apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from workbench.model import Claim
from workbench.rules.base import Hit, Kind, Option, Rule, RuleContext
from workbench.rules.mentions import NATIONALITIES, NATIONALITY_SPELLINGS, STOPWORDS, excerpt
from workbench.text import normalise, strip_clitics

RANKS = ["اللواء", "العميد", "العقيد", "العماد", "الفريق", "الرائد", "المقدم", "النقيب", "الملازم", "الدكتور",
         "الشيخ", "السيد", "السيدة", "الأستاذ", "المهندس", "الحاج", "د"]

OPTIONS = {
    "subset_level": Option(str, "info", "level for a title that only adds words to another (or off)",
                           choices=("error", "warning", "info", "off")),
    "ignore": Option(list, RANKS, "ranks and honorifics left out of the comparison", item_type=str),
    "types": Option(list, ["person"], "entity types whose titles are compared", item_type=str),
    "role_change_days": Option(int, 30, "titles with no word in common are a change of post when their "
                                        "documents are further apart than this"),
}
# Words that place an office rather than name it: the state and its nationality adjectives, the
# transitional period (الرئيس السوري للمرحلة الانتقالية is رئيس الجمهورية), and the stage before taking
# it up (رئيس الحكومة المكلف, then رئيس الوزراء; الرئيس المنتخب).
PLACING = NATIONALITIES | frozenset(normalise(w) for w in "سوريا جمهوري عربي حكوم انتقالي مرحل مؤقت مكلف منتخب".split())
_WORD = re.compile(r"\w+", re.UNICODE)
_DEPUTY = (normalise("نائب"),)
_MISSIONS = frozenset({normalise("وفد")})  # title keys hold stems: "الوفد" is وفد there


def _stem(word: str) -> str:
    """Clitics off, and the feminine ending that only agrees with a noun (السورية / السوري)."""
    word = strip_clitics(word)
    return word[:-1] if word.endswith("ه") and len(word) > 3 else word


def title_key(title: str, ignore: frozenset[str]) -> tuple[str, ...]:
    words = _WORD.findall(normalise(title))
    return tuple(_stem(w) for w in words if _stem(w) not in ignore and w not in STOPWORDS)


# What a "head of" title heads, where the placing words tell two offices apart: رئيس الحكومة and رئيس
# الوزراء are the head of government, رئيس الجمهورية and رئيس الدولة the head of state.
HEAD = normalise("رئيس")
HEADED = {normalise(w): kind for kind, words in (("government", "حكوم حكومه وزراء الوزراء"),
                                                  ("state", "جمهوري جمهوريه دول دوله"))
          for w in words.split()}


def _headed(key: tuple[str, ...]) -> set[str]:
    """What a "head of" title heads; a placed head (الرئيس الفلسطيني) is the head of state.  A bare
    "الرئيس" is not told: Lebanese papers give it to former prime ministers and the speaker too."""
    if key[:1] != (HEAD,):
        return set()
    headed = {HEADED[w] for w in key[1:] if w in HEADED}
    return headed or ({"state"} if len(key) > 1 and all(w in PLACING for w in key[1:]) else set())


_CONJOINED = normalise("وال")


def conjoined(title: str, ignore: frozenset[str] = frozenset()) -> frozenset[str]:
    """The stems of a title's conjoined portfolios ("وزير الخارجية والمغتربين": المغتربين): a second
    office joined to the first by و, which the short form of the title leaves out."""
    return frozenset(_stem(w) for w in _WORD.findall(normalise(title)) if w.startswith(_CONJOINED) and len(w) > 4)


_LAM = normalise("ل")
# Words that qualify an office itself, between it and the body it heads: "القائد العام لـ…"، "الأمين العام لـ…".
_OFFICE_ADJECTIVES = frozenset(normalise(w) for w in "عام أعلى اعلى أعلي اول أول".split())


def _attached(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The body an office heads, attached by ل or put in construct ("القائد العام لقوات سوريا
    الديمقراطية" / "قائد قوات سوريا الديمقراطية"), is one word either way."""
    def fold(words: tuple[str, ...], other: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(w[1:] if w.startswith(_LAM) and w[1:] in other else w for w in words)

    return fold(a, b), fold(b, a)


def _relation(a: tuple[str, ...], b: tuple[str, ...], joined_a: frozenset[str] = frozenset(),
              joined_b: frozenset[str] = frozenset()) -> str:
    """"same" office, "subset" (a short and a full form), "variant" (one office named two ways) or
    "disjoint" (no word in common: two posts).  A head of government and a head of state are two
    offices even though their words differ only in placing words: one person given both is a variant;
    رئيس الحكومة and رئيس الوزراء name one.  A title that leaves out a conjoined portfolio (``joined_*``:
    وزير الخارجية السوري / وزير الخارجية والمغتربين) is the short form of the full one, whatever words
    place the office."""
    a, b = _attached(a, b)
    if (a[:1] == _DEPUTY) != (b[:1] == _DEPUTY):
        base_a, base_b = set(a) - set(_DEPUTY), set(b) - set(_DEPUTY)
        if base_a <= base_b or base_b <= base_a:
            return "disjoint"  # "نائب الأمين العام" / "الأمين العام": two posts, the second a promotion
    a, b = tuple(NATIONALITY_SPELLINGS.get(w, w) for w in a), tuple(NATIONALITY_SPELLINGS.get(w, w) for w in b)
    nations_a, nations_b = NATIONALITIES.intersection(a), NATIONALITIES.intersection(b)
    if nations_a and nations_b and not nations_a & nations_b:
        return "variant"  # "الوزير السوري" / "وزير الخارجية التركي": two states' offices
    heads_a, heads_b = _headed(a), _headed(b)
    if heads_a and heads_b:
        if not heads_a & heads_b:
            return "variant"
        a, b = tuple(w for w in a if w not in HEADED), tuple(w for w in b if w not in HEADED)
    office_a, office_b = {w for w in a if w not in PLACING}, {w for w in b if w not in PLACING}
    if office_a == office_b:
        return "same"
    shorter = min(office_a, office_b, key=len)
    if len(shorter) == 1 and HEAD not in shorter and (office_a < office_b or office_b < office_a):
        # a bare office noun and a described one: "المرشد الإيراني" / "المرشد الأعلى"; not a bare
        # "الرئيس", which is an office of its own (the head of state: not "رئيس الوزراء")
        return "subset"
    if set(a) <= set(b) or set(b) <= set(a):
        return "subset"
    if (office_a < office_b and office_b - office_a <= joined_b) or (
            office_b < office_a and office_a - office_b <= joined_a):
        return "subset"
    return "variant" if office_a & office_b else "disjoint"


def _bodies(context: RuleContext, ignore: frozenset[str]) -> tuple[dict[tuple[str, ...], str], dict[tuple[str, ...], set[str]]]:
    """The organisations the corpus names, as title words: each one's written forms (الفيفا) and the
    starts of its full name (الاتحاد الدولي لكرة القدم: الاتحاد الدولي …), two words at least."""
    forms: dict[tuple[str, ...], str] = {}
    starts: dict[tuple[str, ...], set[str]] = {}
    for claim in context.claims.values():
        for entity in claim.entities:
            if entity.type != "organisation":
                continue
            for written in {entity.text, entity.name} - {""}:
                key = title_key(written, ignore)
                if key:
                    forms.setdefault(key, entity.id)
            name = title_key(entity.name or "", ignore)
            for end in range(2, len(name) + 1):
                starts.setdefault(name[:end], set()).add(entity.id)
    return forms, starts


def _named_body(key: tuple[str, ...], forms, starts) -> tuple[str, ...]:
    """A title that is an office and the organisation it heads ("رئيس الفيفا" / "رئيس الاتحاد الدولي":
    both head FIFA), with all the words after the office (and one adjective of it: "القائد العام لقوات …")
    written as that organisation: a written form of it, or the start of one organisation's full name.  A
    title with more words is left as it is."""
    for skip in (1, 2):  # "قائد قسد"; "القائد العام لقوات سوريا الديمقراطية", an adjective of the office first
        if skip == 2 and key[1:2] and key[1] not in _OFFICE_ADJECTIVES:
            break
        rest = key[skip:]
        if rest[:1] and rest[0].startswith(_LAM) and rest[0][1:]:
            rest = (rest[0][1:], *rest[1:])
        found = forms.get(rest)
        if found is None and len(starts.get(rest, ())) == 1:
            found = next(iter(starts[rest]))
        if found is not None:
            return (*key[:skip], "e:" + found)
    return key


def _one_body(a: tuple[str, ...], b: tuple[str, ...], forms, starts) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Two titles that both name an organisation, each written as the organisation it names; else as
    they are (one title naming a body and the other not is for the words to tell)."""
    a, b = _attached(a, b)
    named_a, named_b = _named_body(a, forms, starts), _named_body(b, forms, starts)
    return (named_a, named_b) if named_a != a and named_b != b else (a, b)


def _close_in_time(context: RuleContext, left: list[tuple[Claim, str]], right: list[tuple[Claim, str]],
                   days: int) -> bool:
    """Some claim of each group comes from documents at most ``days`` apart (or of unknown date)."""
    def published(claim: Claim):
        document = context.documents.get(claim.doc)
        return document.published if document is not None else None

    for a, _ in left:
        for b, _ in right:
            pa, pb = published(a), published(b)
            if pa is None or pb is None or abs((pa - pb).days) <= days:
                return True
    return False


def check(rule: Rule, context: RuleContext) -> Iterator[Hit]:
    ignore = frozenset(_stem(normalise(w)) for w in rule.options["ignore"])
    types = set(rule.options["types"])
    by_entity: dict[str, dict[tuple[str, ...], list[tuple[Claim, str]]]] = {}
    names: dict[str, str] = {}
    joined: dict[tuple[str, ...], frozenset[str]] = {}
    forms, starts = _bodies(context, ignore)
    for claim in context.claims.values():
        for entity in claim.entities:
            if entity.type not in types or not entity.title:
                continue
            key = title_key(entity.title, ignore)
            if key and not _MISSIONS.intersection(key):
                by_entity.setdefault(entity.id, {}).setdefault(key, []).append((claim, entity.title))
                joined[key] = joined.get(key, frozenset()) | conjoined(entity.title)
                names.setdefault(entity.id, entity.name or entity.text)
    for entity_id, titles in by_entity.items():
        keys = list(titles)
        variant: set[tuple[str, ...]] = set()
        subset: set[tuple[str, ...]] = set()
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                relation = _relation(*_one_body(a, b, forms, starts), joined.get(a, frozenset()),
                                     joined.get(b, frozenset()))
                if relation == "disjoint" and _close_in_time(context, titles[a], titles[b],
                                                             rule.options["role_change_days"]):
                    relation = "variant"
                if relation in ("variant", "subset"):
                    (variant if relation == "variant" else subset).update((a, b))
        involved = variant or subset
        level = rule.level if variant else rule.options["subset_level"]
        if not involved or level == "off":
            continue
        shown = {k: titles[k] for k in keys if k in involved}
        ranked = sorted(shown.values(), key=len)
        items = [{"claim": c.id, "doc": c.doc, "mention": t, "value": names[entity_id]}
                 for found in shown.values() for c, t in found]
        yield Hit(
            claims=tuple(c.id for found in shown.values() for c, _ in found),
            values={
                "entity": entity_id, "name": names[entity_id],
                "title_a": ranked[0][0][1], "title_b": ranked[-1][0][1],
                "doc_a": ranked[0][0][0].doc, "doc_b": ranked[-1][0][0].doc,
                "titles": list(dict.fromkeys(t for found in shown.values() for _, t in found)),
                "subset": not variant, "claim": excerpt(ranked[0][0][0].text), "items": items,
            },
            key=(entity_id, *sorted(" ".join(k) for k in shown)),
            level=level,
        )


KIND = Kind(
    name="title-variant",
    check=check,
    options=OPTIONS,
    fields=frozenset({"entity", "name", "title_a", "title_b", "doc_a", "doc_b", "titles", "subset", "claim"}),
    summary="one person under different titles",
)
