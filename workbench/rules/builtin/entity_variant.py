"""entity-variant: one entity written in different ways, across or within documents.

Two signals:
- a mention the gazetteer matched only through spelling tolerance (``EntityMention.exact`` is False),
  such as the typo طقسد for قسد;
- within one document, a name of three or more words whose words come in another order elsewhere
  (التحالف الوطني السوري / التحالف السوري الوطني), when ``reordered`` is on: same head word, same
  other words, different order.  Coordinated words (الأمن والاستقرار) are not names and are skipped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from workbench.model import Claim, EntityMention
from workbench.rules.base import Hit, Kind, Option, Rule, RuleContext
from workbench.rules.mentions import STOPWORDS, excerpt
from workbench.text import normalise, strip_clitics

OPTIONS = {
    "fuzzy": Option(bool, True, "report mentions matched only through spelling tolerance"),
    "reordered": Option(bool, True, "report multi-word names whose words are reordered within a document"),
    "min_words": Option(int, 3, "the shortest name (in words) checked for reordering"),
}
_WORD = re.compile(r"\w+", re.UNICODE)


def _fuzzy(rule: Rule, context: RuleContext) -> Iterator[Hit]:
    """One hit per document and entity written in a way the gazetteer matched only fuzzily."""
    usual: dict[str, Counter[str]] = {}
    variants: dict[tuple[str, str], list[tuple[Claim, EntityMention]]] = {}
    for claim in context.claims.values():
        for entity in claim.entities:
            if entity.exact:
                usual.setdefault(entity.id, Counter())[entity.text] += 1
            else:
                variants.setdefault((claim.doc, entity.id), []).append((claim, entity))
    for (doc, entity_id), found in variants.items():
        entity = found[0][1]
        common = [text for text, _ in usual.get(entity_id, Counter()).most_common(3)]
        name = entity.name or (common[0] if common else entity_id)
        spellings = list(dict.fromkeys(e.text for _, e in found))
        yield Hit(
            claims=tuple(dict.fromkeys(c.id for c, _ in found)),
            values={
                "doc": doc, "entity": entity_id, "name": name, "variant": spellings[0] if len(spellings) == 1 else spellings,
                "usual": common or [name], "claim": excerpt(found[0][0].text),
                "items": [{"claim": c.id, "doc": doc, "mention": e.text, "value": name} for c, e in found],
            },
            key=(entity_id, *sorted({_words_key(e.text) for _, e in found})),
        )


def _words_key(text: str) -> str:
    return " ".join(sorted(strip_clitics(w) for w in _WORD.findall(normalise(text))))


def _names(text: str, size: int) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Runs of ``size`` name-like words: (surface, clitic-free words).  A run breaks at a stop word, a
    number or a short word, and a name does not go on across "وال…" (a new conjunct)."""
    raw = _WORD.findall(normalise(text))
    name_like = [not (w in STOPWORDS or w.isdigit() or len(w) < 3) for w in raw]
    conjunct = [w.startswith("وال") for w in raw]
    stems = [strip_clitics(w) for w in raw]
    for i in range(len(raw) - size + 1):
        if all(name_like[i:i + size]) and not any(conjunct[i + 1:i + size]):
            yield " ".join(raw[i:i + size]), tuple(stems[i:i + size])


def _reordered(rule: Rule, context: RuleContext) -> Iterator[Hit]:
    size = max(2, rule.options["min_words"])
    for doc_id, claims in context.claims_by_doc.items():
        forms: dict[tuple[str, frozenset[str]], dict[tuple[str, ...], list[tuple[Claim | None, str]]]] = {}
        document = context.documents.get(doc_id)
        sources: list[tuple[Claim | None, str]] = [(c, c.text) for c in claims]
        if document is not None and document.title and not any(document.title in c.text for c in claims):
            sources.insert(0, (None, document.title))
        for claim, text in sources:
            for surface, words in _names(text, size):
                if len(set(words)) < size:
                    continue
                forms.setdefault((words[0], frozenset(words[1:])), {}).setdefault(words, []).append((claim, surface))
        known = {_words_key(e.text) for c in claims for e in c.entities}  # the gazetteer's (see _fuzzy)
        for (head, _), orders in forms.items():
            if len(orders) < 2 or " ".join(sorted(next(iter(orders)))) in known:
                continue
            ranked = sorted(orders.items(), key=lambda kv: len(kv[1]))
            variant, usual = ranked[0], ranked[-1]
            claims_of = [c for _, found in orders.items() for c, _ in found if c is not None]
            if not claims_of:
                continue
            yield Hit(
                claims=tuple(dict.fromkeys(c.id for c in claims_of)),
                values={
                    "doc": doc_id, "entity": usual[1][0][1], "name": usual[1][0][1], "variant": variant[1][0][1],
                    "usual": [usual[1][0][1]], "claim": excerpt(claims_of[0].text),
                    "items": [{"claim": c.id if c else None, "doc": doc_id, "mention": surface, "value": len(found)}
                              for found in orders.values() for c, surface in found[:1]],
                },
                key=("reordered", *sorted(" ".join(w) for w in orders)),
            )


def check(rule: Rule, context: RuleContext) -> Iterator[Hit]:
    if rule.options["fuzzy"]:
        yield from _fuzzy(rule, context)
    if rule.options["reordered"]:
        yield from _reordered(rule, context)


KIND = Kind(
    name="entity-variant",
    check=check,
    options=OPTIONS,
    fields=frozenset({"doc", "entity", "name", "variant", "usual", "claim"}),
    summary="one entity under different spellings or word orders",
)
