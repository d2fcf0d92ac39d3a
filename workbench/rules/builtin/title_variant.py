"""title-variant: one person given different titles, across or within documents
(رئيس جهاز الاستخبارات السورية / رئيس جهاز الاستخبارات العامة for the same man).

Titles are compared after normalisation, without clitics and without ranks and honorifics (اللواء،
الدكتور، الشيخ …), which are another matter than the office.  A title that only adds words to another
(وزير الخارجية / وزير الخارجية والمغتربين, وزير الدفاع / وزير الدفاع السوري) is the short and the full
form of one office, not a contradiction: it is reported at ``subset_level`` (info by default, "off" to
drop it), while titles that name different things are reported at the rule's level.

Two titles that differ only in words that place the office rather than name it (الرئيس السوري /
رئيس الجمهورية / الرئيس) are one office and not reported.  Two titles with no word in common are two
roles, not two spellings of one: a person changes post (قائد إدارة العمليات العسكرية in December 2024,
الرئيس from 2025), so they are reported only when the documents are at most ``role_change_days`` apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from workbench.model import Claim
from workbench.rules.base import Hit, Kind, Option, Rule, RuleContext
from workbench.rules.mentions import STOPWORDS, excerpt
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
# Words that place an office rather than name it: the state and its nationality adjectives, and the
# transitional period (الرئيس السوري للمرحلة الانتقالية is رئيس الجمهورية).
PLACING = frozenset(normalise(w) for w in (
    "سوري سوريا جمهوري عربي حكوم انتقالي مرحل مؤقت أمريكي أميركي تركي روسي إيراني عراقي لبناني أردني "
    "سعودي قطري إماراتي مصري فرنسي بريطاني ألماني إسرائيلي فلسطيني صيني أوكراني").split())
_WORD = re.compile(r"\w+", re.UNICODE)


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
    return {HEADED[w] for w in key[1:] if w in HEADED} if key[:1] == (HEAD,) else set()


def _relation(a: tuple[str, ...], b: tuple[str, ...]) -> str:
    """"same" office, "subset" (a short and a full form), "variant" (one office named two ways) or
    "disjoint" (no word in common: two posts).  A head of government and a head of state are two
    offices even though their words differ only in placing words: one person given both is a variant;
    رئيس الحكومة and رئيس الوزراء name one."""
    heads_a, heads_b = _headed(a), _headed(b)
    if heads_a and heads_b:
        if not heads_a & heads_b:
            return "variant"
        a, b = tuple(w for w in a if w not in HEADED), tuple(w for w in b if w not in HEADED)
    office_a, office_b = {w for w in a if w not in PLACING}, {w for w in b if w not in PLACING}
    if office_a == office_b:
        return "same"
    if set(a) <= set(b) or set(b) <= set(a):
        return "subset"
    return "variant" if office_a & office_b else "disjoint"


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
    for claim in context.claims.values():
        for entity in claim.entities:
            if entity.type not in types or not entity.title:
                continue
            key = title_key(entity.title, ignore)
            if key:
                by_entity.setdefault(entity.id, {}).setdefault(key, []).append((claim, entity.title))
                names.setdefault(entity.id, entity.name or entity.text)
    for entity_id, titles in by_entity.items():
        keys = list(titles)
        variant: set[tuple[str, ...]] = set()
        subset: set[tuple[str, ...]] = set()
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                relation = _relation(a, b)
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
