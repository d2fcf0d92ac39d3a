"""title-variant: one person given different titles, across or within documents
(رئيس جهاز الاستخبارات السورية / رئيس جهاز الاستخبارات العامة for the same man).

Titles are compared after normalisation, without clitics and without ranks and honorifics (اللواء،
الدكتور، الشيخ …), which are another matter than the office.  A title that only adds words to another
(وزير الخارجية / وزير الخارجية والمغتربين, وزير الدفاع / وزير الدفاع السوري) is the short and the full
form of one office, not a contradiction: it is reported at ``subset_level`` (info by default, "off" to
drop it), while titles that name different things are reported at the rule's level.
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
}
_WORD = re.compile(r"\w+", re.UNICODE)


def _stem(word: str) -> str:
    """Clitics off, and the feminine ending that only agrees with a noun (السورية / السوري)."""
    word = strip_clitics(word)
    return word[:-1] if word.endswith("ه") and len(word) > 3 else word


def title_key(title: str, ignore: frozenset[str]) -> tuple[str, ...]:
    words = _WORD.findall(normalise(title))
    return tuple(_stem(w) for w in words if _stem(w) not in ignore and w not in STOPWORDS)


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
        if len(titles) < 2:
            continue
        keys = list(titles)
        differ = any(not (set(a) <= set(b) or set(b) <= set(a)) for i, a in enumerate(keys) for b in keys[i + 1:])
        level = rule.level if differ else rule.options["subset_level"]
        if level == "off":
            continue
        ranked = sorted(titles.values(), key=len)
        items = [{"claim": c.id, "doc": c.doc, "mention": t, "value": names[entity_id]}
                 for found in titles.values() for c, t in found]
        yield Hit(
            claims=tuple(c.id for found in titles.values() for c, _ in found),
            values={
                "entity": entity_id, "name": names[entity_id],
                "title_a": ranked[0][0][1], "title_b": ranked[-1][0][1],
                "doc_a": ranked[0][0][0].doc, "doc_b": ranked[-1][0][0].doc,
                "titles": list(dict.fromkeys(t for found in titles.values() for _, t in found)),
                "subset": not differ, "claim": excerpt(ranked[0][0][0].text), "items": items,
            },
            key=(entity_id, *sorted(" ".join(k) for k in keys)),
            level=level,
        )


KIND = Kind(
    name="title-variant",
    check=check,
    options=OPTIONS,
    fields=frozenset({"entity", "name", "title_a", "title_b", "doc_a", "doc_b", "titles", "subset", "claim"}),
    summary="one person under different titles",
)
