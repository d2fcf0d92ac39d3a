"""entity-variant: one entity written in different ways, across or within documents.

Three signals:
- a mention the gazetteer matched only through spelling tolerance (``EntityMention.exact`` is False),
  such as the typo طقسد for قسد;
- a person the gazetteer does not list, named more often one way than a rarer way one letter off
  (أبو الغيط / أبو الغيظ, المغزاوي / المزغاوي, الحديدي / الحدبدي), when ``unlisted`` is on.  One long
  vowel for another (جوزيف / جوزاف عون) is a transliteration, not a typo;
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
    "unlisted": Option(bool, True, "report a rarer spelling, one letter off, of a person the gazetteer does not list"),
    "min_words": Option(int, 3, "the shortest name (in words) checked for reordering"),
}
_WORD = re.compile(r"\w+", re.UNICODE)
_RAW_WORD = re.compile(r"[\w\u064B-\u0652\u0640]+")  # with its diacritics and tatweel, for quoting
_VOWEL_LETTERS = frozenset("اوي")
_TYPO_MIN_LETTERS = 5  # "سامي" / "رامي" are two names; a typo in a longer word is rarely another name


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


def _consonant_typo(a: str, b: str) -> bool:
    """One letter for another, or two neighbours swapped, not both long vowels: what a slip of the
    keyboard does."""
    if len(a) != len(b) or min(len(a), len(b)) < _TYPO_MIN_LETTERS:
        return False
    differ = [i for i in range(len(a)) if a[i] != b[i]]
    if len(differ) == 1:
        return not {a[differ[0]], b[differ[0]]} <= _VOWEL_LETTERS
    if len(differ) == 2 and differ[1] == differ[0] + 1:
        i = differ[0]
        return a[i] == b[i + 1] and a[i + 1] == b[i] and not {a[i], a[i + 1]} <= _VOWEL_LETTERS
    return False


def _unlisted(rule: Rule, context: RuleContext) -> Iterator[Hit]:
    """One hit per document and unlisted person whose name it writes, less often than the usual way,
    with one word a letter off.  How often a name is written counts every place it stands, with its
    title or without ("وفق ما أعلن وزير الصحة في حكومة تصريف الأعمال فراس الأبيض")."""
    written: dict[tuple[str, ...], Counter[str]] = {}
    for claim in context.claims.values():
        for entity in claim.entities:
            if entity.id.startswith("person:"):
                written.setdefault(tuple(normalise(entity.text).split()), Counter())[entity.text] += 1
    by_word: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for name in written:
        if len(name) >= 2:
            for i, word in enumerate(name):
                by_word.setdefault(word, []).append((name, i))
    times: Counter[tuple[str, ...]] = Counter()
    seen: dict[tuple[str, tuple[str, ...]], list[tuple[Claim, str]]] = {}
    for claim in context.claims.values():
        raw = _RAW_WORD.findall(claim.text)
        words = [normalise(w) for w in raw]
        for i, word in enumerate(words):
            for name, at in by_word.get(word, ()):
                start = i - at
                window = tuple(words[start:start + len(name)]) if start >= 0 else ()
                if window == name and at == 0:
                    times[name] += 1
                elif len(window) == len(name) and window != name:
                    differing = [(w, n) for w, n in zip(window, name) if w != n]
                    if len(differing) == 1 and _consonant_typo(*differing[0]):
                        found = seen.setdefault((claim.doc, name), [])
                        if all(c.id != claim.id for c, _ in found):
                            found.append((claim, " ".join(raw[start:start + len(name)])))
    for (doc, name), found in seen.items():
        variant = tuple(normalise(found[0][1]).split())
        if times[variant] >= times[name]:
            continue  # as often written one way as the other: which is the slip is not told
        usual = written[name].most_common(1)[0][0]
        yield Hit(
            claims=tuple(c.id for c, _ in found),
            values={
                "doc": doc, "entity": f"person:{' '.join(name)}", "name": usual, "variant": found[0][1], "usual": [usual],
                "claim": excerpt(found[0][0].text),
                "items": [{"claim": c.id, "doc": doc, "mention": text, "value": usual} for c, text in found],
            },
            key=(f"person:{' '.join(name)}", *sorted({_words_key(text) for _, text in found})),
        )


def check(rule: Rule, context: RuleContext) -> Iterator[Hit]:
    if rule.options["fuzzy"]:
        yield from _fuzzy(rule, context)
    if rule.options["reordered"]:
        yield from _reordered(rule, context)
    if rule.options["unlisted"]:
        yield from _unlisted(rule, context)


KIND = Kind(
    name="entity-variant",
    check=check,
    options=OPTIONS,
    fields=frozenset({"doc", "entity", "name", "variant", "usual", "claim"}),
    summary="one entity under different spellings or word orders",
)
