"""Named entities: people, organisations and places from a gazetteer, and the title a claim gives a person.

Matching runs on normalised tokens (alef/hamza, ya, ta marbuta, diacritics, tatweel folded), so one alias
covers many spellings.  A token may carry clitics (و ف ب ل ك and the article, as in وقسد، للتحالف) and the
longest alias wins (قوات سوريا الديمقراطية, not سوريا inside it).  Small spelling variants are found too and
marked ``exact=False`` so the entity-variant rule can flag them; they are kept precise on purpose:

* a stray letter before a whole alias (طقسد for قسد) when that letter is not one Arabic grammar puts there;
* one misspelt letter in one long word of a multi-word alias, or of a person's long name, with the first
  and last letters right (endings and prefixes are grammar, not typos), or a person's surname with one
  stray letter at its end after two exact words of the name (عبد الفتاح البرهاني);
* the words of a multi-word name in another order (التحالف السوري الوطني for التحالف الوطني السوري).

Speed matters (``find`` runs on every sentence of every document): aliases are indexed by their first
normalised token, every distinct token is analysed once and cached, and fuzzy lookups use a one-deletion
index instead of comparing with every alias.

Titles come from a small grammar: a head noun (وزير، رئيس، المبعوث، اللواء …) and its complement
(definite words, construct nouns such as جهاز، قوات، prepositions such as في، باسم, and named entities)
right before the name, or after it following a comma.  A title followed by a given name and one or two
more name words is a person even when nobody listed them (id ``person:<normalised name>``).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from itertools import accumulate
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from rapidfuzz.distance import OSA

from workbench.errors import InputError
from workbench.model import EntityMention
from workbench.text import MARKS, fold, normalise, offset_map

__all__ = ["Entry", "Gazetteer", "TYPES"]

TYPES = ("person", "organisation", "place", "country")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_WORD = re.compile(r"[^\W_]+")
_SPLIT = re.compile(r"([^\W_]+)")


def _words(text: str) -> list[str]:
    """The matching tokens of a phrase, exactly as :meth:`Gazetteer.find` tokenises a sentence."""
    folded, _ = offset_map(text)
    return [m.group().lower() for m in _WORD.finditer(folded)]


def _word_set(text: str) -> frozenset[str]:
    return frozenset(_words(text))


# --- The title grammar's word lists (written in ordinary spelling, folded at import) -------------------

# Offices: the head of a title that names a post.  Feminine forms are listed where they are not also a
# common noun (محافظة is a governorate, مساعدة is aid).
_OFFICES = _word_set(
    "وزير وزيرة رئيس رئيسة نائب نائبة قائد قائدة مدير مديرة سكرتير سكرتيرة مبعوث مبعوثة ناطق ناطقة متحدث "
    "متحدثة سفير سفيرة مستشار مستشارة محافظ مندوب مندوبة ممثل ممثلة منسق منسقة مفوض مفوضة مساعد زعيم "
    "زعيمة حاكم قاضي عضو مسؤول مسؤولة وكيل مرشد أمين ملك ملكة أمير أميرة قائم ولي مفتي مراقب عاهل "
    "سيناتور قيادي"
)
# Offices that are also given names or common nouns without the article: only "الأمير", "الملك" …
_OFFICES_NEED_ARTICLE = _word_set("أمين ملك ملكة أمير أميرة قائم مرشد قيادي")
# Offices that only head a title with a fixed next word: ولي العهد.
_OFFICES_NEED_NEXT = {w: n for w, n in zip(_words("ولي"), _words("العهد"))}
# Ranks and honorifics: a title only when nothing better is given, and always with the article
# (لواء alone is a brigade, فريق a team).
_RANKS = _word_set(
    "لواء عقيد عميد فريق عماد مقدم رائد نقيب ملازم مشير جنرال أدميرال دكتور دكتورة شيخ سيد سيدة"
)
# Nouns of time an adjective follows ("العام الهجري", "التقويم الهجري"): a one-word name right after one is
# that adjective, not the person or place it also names.
_CALENDAR_NOUNS = _word_set("العام السنة التقويم الشهر التاريخ القرن عام سنة تقويم شهر قرن")
# Words that complete a military rank: الفريق أول، اللواء الركن، العميد ركن.
_RANK_QUALIFIERS = _word_set("أول ركن الركن")
# Construct nouns and ministry names that continue a title without the article (رئيس جهاز …، وزير خارجية …).
_CONSTRUCTS = _word_set(
    "جهاز قوات قوة هيئة مجلس وزارة إدارة مديرية مكتب لجنة قيادة جيش حركة حزب شؤون عملية بعثة منظمة مؤسسة "
    "دائرة فرع شعبة فرقة كتيبة تجمع اتحاد ائتلاف تحالف جبهة غرفة مركز وكالة صندوق برنامج مفوضية مصرف بنك "
    "جامعة محكمة نقابة أمانة رئاسة حكومة دولة جمهورية إقليم محافظة مدينة منطقة بلدية ولاية هيئة أركان "
    "خارجية دفاع داخلية إعلام اقتصاد مالية عدل صحة تربية استخبارات مخابرات أمن شرطة ملف قسم وفد "
    "مجموعة شركة انتخابات تحقيق تقصي حقوق عمليات تنسيق اتصالات طوارئ إعمار تنمية"
)
_PREPOSITIONS = _word_set("في لدى إلى الى باسم عن ل")  # ل: "لـ" written apart ("الأمين العام لـ"حزب الله"")
# Function words, common verbs of reporting and time words: never part of a name.
_STOPWORDS = _word_set(
    "في من إلى الى على عن مع أن إن أنه إنه الذي التي الذين اللذين اللتين اللواتي هذا هذه هذان ذلك تلك "
    "هؤلاء هو هي هم هن نحن أنا كان كانت كانوا يكون تكون قد لقد لا لم لن ما ماذا لماذا كيف متى أين كل بعض "
    "غير سوى بعد قبل خلال منذ حول ضد بين عند لدى حتى أو ثم كما أيضا اليوم أمس غدا يوم عام شهر أسبوع مساء ليلة ظهيرة "
    "الأسبوع الماضي الجاري الحالي المقبل القادم السابق الأخير إذ إذا لكن لكنه بل ليس ليست عبر نحو وفق "
    "وفقا حيث بينما فيما مما ممن عما دون تحت فوق أمام وراء عدة نفس ذاته ذاتها نظيره نظيرته نظيريه "
    "قال قالت يقول تقول أكد أكدت يؤكد تؤكد أعلن أعلنت يعلن تعلن أشار أشارت يشير تشير أضاف أضافت يضيف "
    "تضيف التقى التقت يلتقي تلتقي بحث بحثت يبحث تبحث دعا دعت يدعو تدعو وصل وصلت يصل تصل زار زارت يزور "
    "تزور استقبل استقبلت يستقبل تستقبل أوضح أوضحت يوضح توضح شدد شددت يشدد تشدد اعتبر اعتبرت يعتبر "
    "تعتبر رحب رحبت يرحب ترحب ناقش ناقشت يناقش تناقش كشف كشفت يكشف تكشف نفى نفت ينفي تنفي طالب "
    "طالبت يطالب تطالب صرح صرحت يصرح تصرح أدان أدانت يدين تدين أعرب أعربت يعرب تعرب وقع وقعت يوقع "
    "عقد عقدت يعقد تعقد أجرى أجرت يجري تجري تلقى تلقت يتلقى قام قامت يقوم تقوم أصدر أصدرت يصدر "
    "تصدر أمر أمرت يأمر هدد هددت يهدد تهدد اتهم اتهمت يتهم تتهم حذر حذرت يحذر تحذر لفت لفتت يلفت "
    "تابع تابعت يتابع أفاد أفادت يفيد تفيد ذكر ذكرت يذكر تذكر أجاب رد ردت يرد ترد شارك شاركت يشارك "
    "تشارك ترأس ترأست يترأس غادر غادرت يغادر قاد يقود تقود أعاد يعيد عاد يعود جدد جددت يجدد"
)
# Name particles that join the next word into one name word: عبد الله، أبو محمد، بن سلمان.
_PARTICLES = _word_set("عبد أبو أبي ابن بن بنت آل أم ذو")
# Letters Arabic grammar puts before a word (clitics, the imperfect, participles, the future): a stray
# letter before an alias is only a typo when it is none of these.
_GRAMMAR_PREFIXES = frozenset(fold("وفبلكاأإيتنمس"))
_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITION_CLITICS = ("", "ب", "ل", "ك")
# Each conjunction + preposition a token may begin with, as (letters, how many, ends with ل), fewest
# letters first; listed under the first letter, so a token is tried only against those it begins with.
_CLITIC_RUNS = sorted(((conj + prep, len(conj + prep), prep == "ل") for conj in _CONJUNCTIONS
                       for prep in _PREPOSITION_CLITICS), key=lambda run: run[1])
_NO_CLITIC = tuple(run for run in _CLITIC_RUNS if not run[0])
_CLITICS_FROM: dict[str, tuple[tuple[str, int, bool], ...]] = {
    letter: tuple(run for run in _CLITIC_RUNS if run[0][:1] in ("", letter))
    for letter in {run[0][0] for run in _CLITIC_RUNS if run[0]}
}
_ARTICLE = "ال"
_LONG = 6  # letters a word needs (without the article) before one misspelt letter is tolerated

# Gaps between tokens: what lies between two words decides whether a name or a title runs on.
_SPACE, _DASH, _COMMA, _BREAK = 0, 1, 2, 3
_DASHES = frozenset("-–—‐‑−")
_COMMAS = frozenset("،,")


_QUOTES = str.maketrans("", "", "\"“”«»")


@lru_cache(maxsize=4096)  # few distinct gaps: a space, a comma, a dash, a full stop …
def _gap_kind(gap: str) -> int:
    """Quote marks around a name ("الأمين العام لـ"حزب الله" الشيخ نعيم قاسم") do not break a title."""
    stripped = "".join(gap.split()).translate(_QUOTES)
    if not stripped:
        return _SPACE
    if len(stripped) == 1:
        if stripped in _DASHES:
            return _DASH
        if stripped in _COMMAS:
            return _COMMA
    return _BREAK


# --- Records ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entity: what a mention resolves to."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()  # the titles the person is known by (for reference and the title rules)


@dataclass(frozen=True, slots=True)
class _Alias:
    """One alias as the index holds it: its first token (without the article) is the index key."""

    entity: str
    article: bool  # the first token carries the article
    rest: tuple[str, ...]  # normalised tokens after the first
    caps: bool  # an all-capitals Latin acronym (SDF): matches only in capitals
    person: bool
    size: int  # tokens in all: 1 + len(rest), read in the matcher's inner loop
    # A person's two-word name may be matched with its surname one letter off (see _rest_fixes), which
    # keeps the surname's first and last letters: these, for the matcher's quick test; else None.
    surname_ends: tuple[str, str] | None


# The records below are made for every new token (and _Match for every alias that fits): they are not
# frozen, as a frozen dataclass takes twice as long to make, but nothing changes one once it is made.


@dataclass(slots=True)
class _Reading:
    """One way to read a token: which clitics come off it, and whether a spelling fix was needed."""

    bare: str  # the token without clitics and article
    article: bool
    skip: int  # clitic letters before the entity or title starts (و، ب، ل …)
    elided: bool  # the article's alef was dropped after ل (للتحالف)
    fuzzy: str = ""  # "", "stray" (طقسد) or "spelling" (one letter)


@dataclass(slots=True)
class _Head:
    kind: str  # "office" or "rank"
    reading: _Reading
    needs_next: str | None


@dataclass(slots=True)
class _Word:
    """Everything the matcher needs to know about one distinct token, computed once and cached."""

    key: str
    hits: tuple[tuple[_Reading, tuple[_Alias, ...]], ...]  # readings that begin an alias
    fixed: str | None  # the alias word this token is a one-letter misspelling of
    reorder: tuple[_Reading, ...]  # readings whose bare form is a word of a reorderable alias
    function: bool  # a function word, preposition or common verb
    head: _Head | None
    definite: bool  # carries the article (after و، ب، ل …)
    linker: bool  # a construct noun or preposition that continues a title
    given: bool  # a known given name
    particle: bool  # عبد، أبو، بن …
    name_like: bool  # could be a word of a person's name


class _Sentence:
    """A sentence as parallel lists, one entry per token (sentences make millions of tokens, so no
    object per token).  Offsets are computed on demand, into the original text."""

    __slots__ = ("text", "words", "gaps", "raws", "size", "_bounds", "_shifts")

    def __init__(self, text: str, raws: list[str], words: list[_Word], gaps: list[int],
                 bounds: list[int], shifts: list[int]):
        self.text = text
        self.raws = raws  # the tokens as written, for the capitals test
        self.words = words
        self.size = len(words)
        self.gaps = gaps  # what separates each token from the one before
        self._bounds = bounds  # running lengths of gap, token, gap, token … in the mark-free text
        self._shifts = shifts  # where each dropped mark sat in the mark-free text

    def start(self, i: int, skip: int = 0) -> int:
        """Where token ``i`` starts, or the part of it after ``skip`` clitic letters."""
        at = self._bounds[2 * i] + skip
        return at + bisect_right(self._shifts, at) if self._shifts else at

    def end(self, i: int) -> int:
        at = self._bounds[2 * i + 1]
        if not self._shifts:
            return at
        at += bisect_right(self._shifts, at - 1)
        while at < len(self.text) and unicodedata.category(self.text[at]) == "Mn":
            at += 1  # a vowel mark on the last letter belongs to the word
        return at


@dataclass(slots=True)
class _Match:
    """A candidate mention (not frozen, as the records above)."""

    first: int  # token indices, inclusive
    last: int
    entity: str
    skip: int
    exact: bool


def _readings(key: str) -> list[_Reading]:
    """Every way of taking clitics off a token, fewest letters taken first."""
    if not key or key.isascii():
        return [_Reading(key, False, 0, False)]
    found: list[_Reading] = []
    for clitics, skip, before_lam in _CLITICS_FROM.get(key[0], _NO_CLITIC):
        if not key.startswith(clitics):
            continue
        rest = key[skip:]
        if len(rest) < 2:
            continue
        if rest.startswith(_ARTICLE) and len(rest) > 3:
            found.append(_Reading(rest[2:], True, skip, False))
        if before_lam and rest.startswith("ل") and len(rest) > 2:
            found.append(_Reading(rest[1:], True, skip, True))
        found.append(_Reading(rest, False, skip, False))
    return found


def _office_or_plural(key: str) -> bool:
    """Words a name does not take: an office in the accusative of a list of appointments ("ياسين جابر
    وزيراً للمالية") and a long definite plural in -ات ("يقود ياسين جابر المفاوضات"); a short one may be
    a family name (الزيات)."""
    return (key.endswith("ا") and key[:-1] in _OFFICES) or (
        key.startswith(_ARTICLE) and key.endswith("ات") and len(key) >= 8)


def _nisba(word: str, noun: str) -> bool:
    """``word`` is the adjective of ``noun`` ("الحكومية" of "الحكومة", "السورية" of "سوريا"), not a
    misspelling of it."""
    stem = noun[:-1] if noun[-1:] in ("ه", "ا") else noun
    return word in (stem + "ي", stem + "يه")


def _split_article(token: str) -> tuple[str, bool]:
    if not token.isascii() and token.startswith(_ARTICLE) and len(token) > 3:
        return token[2:], True
    return token, False


# --- Loading ---------------------------------------------------------------------------------------------


class _LineLoader(yaml.SafeLoader):
    """Records the line of every mapping so an error can point at the entry."""

    def construct_mapping(self, node, deep=False):  # type: ignore[override]
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


@dataclass
class _Draft:
    id: str
    type: str
    name: str
    aliases: list[str]
    titles: list[str]


def _read_yaml(path: Path) -> dict:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: gazetteer file not found") from None
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read the gazetteer: {err}") from None
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        problem = getattr(err, "problem", None) or str(err)
        raise InputError(f"{where}: not valid YAML: {problem}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(f"{path}: a gazetteer is a mapping with 'entities' (and optionally 'given_names')")
    unknown = set(data) - {"entities", "given_names", "__line__"}
    if unknown:
        raise InputError(f"{path}: unknown key(s) {', '.join(sorted(map(str, unknown)))}; "
                         "known: entities, given_names")
    return data


def _strings(value, where: str, field: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise InputError(f"{where}: '{field}' must be a list of non-empty strings")
    return [v.strip() for v in value]


def _check_alias(where: str, alias: str, words: tuple[str, ...]) -> None:
    """An alias too short to match safely would turn common words into entities."""
    if not words:
        raise InputError(f"{where}: alias {alias!r} has no letters to match")
    if len(words) > 1:
        return
    word = words[0]
    if word.isascii():
        acronym = alias.upper() == alias
        if len(word) < (2 if acronym else 3):
            raise InputError(f"{where}: alias {alias!r} is too short (a Latin alias needs 3 letters, "
                             "or 2 in capitals)")
    elif len(_split_article(word)[0]) < 3:
        raise InputError(f"{where}: alias {alias!r} is too short to match safely (3 letters at least, "
                         "not counting the article)")


def _gazetteer_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given; a folder stands for the .yaml and .yml files in it, in name order."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            yield from sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml"))
        else:
            yield path


# --- The gazetteer ---------------------------------------------------------------------------------------


class Gazetteer:
    """Entities by id, an index of their aliases, and the matcher.  Build it with :meth:`load`."""

    def __init__(self, drafts: dict[str, _Draft], owners: dict[tuple[str, ...], str], given: set[str]):
        self._entries = {
            d.id: Entry(d.id, d.type, d.name,
                        tuple(a for a in dict.fromkeys(d.aliases) if owners.get(tuple(_words(a))) == d.id),
                        tuple(dict.fromkeys(d.titles)))
            for d in drafts.values()
        }
        self._given = frozenset(given)
        self._first: dict[str, list[_Alias]] = {}
        self._reorder: dict[tuple[str, ...], list[_Alias]] = {}
        vocabulary: set[str] = set()
        for words, entity_id in owners.items():
            entry = self._entries[entity_id]
            bare, article = _split_article(words[0])
            surface = next((a for a in (entry.name, *entry.aliases) if tuple(_words(a)) == words), "")
            caps = surface.isascii() and surface.upper() == surface and any(c.isalpha() for c in surface)
            person = entry.type == "person"
            surname_ends = (words[1][0], words[1][-1]) if person and len(words) == 2 and len(words[1]) >= 4 else None
            alias = _Alias(entity_id, article, words[1:], caps, person, len(words), surname_ends)
            self._first.setdefault(bare, []).append(alias)
            vocabulary.update(_split_article(w)[0] for w in words if not w.isascii())
            if len(words) >= 3 and entry.type != "person":
                self._reorder.setdefault(tuple(sorted(words)), []).append(alias)
        for aliases in self._first.values():
            aliases.sort(key=lambda a: -a.size)
        self._reorder_sizes = sorted({len(k) for k in self._reorder}, reverse=True)
        self._reorder_keys = {w for k in self._reorder for w in k}
        self._reorder_words = {_split_article(w)[0] for w in self._reorder_keys}
        self._vocabulary = frozenset(vocabulary)
        self._deletions: dict[str, set[str]] = {}
        for word in vocabulary:
            if len(word) >= _LONG:
                for i in range(len(word)):
                    self._deletions.setdefault(word[:i] + word[i + 1:], set()).add(word)
        self._cache: dict[str, _Word] = {}
        self._nearest_of: dict[str, str | None] = {}

    # -- building --

    @classmethod
    def load(cls, paths: Iterable[Path]) -> "Gazetteer":
        """Merge gazetteer files in order.  A later file may add aliases and titles to an entry by
        repeating its id, and an alias it gives another entry moves there; within one file, an id or an
        alias used twice is an error.  Any malformed entry raises :class:`InputError` naming file and line."""
        drafts: dict[str, _Draft] = {}
        owners: dict[tuple[str, ...], str] = {}
        given: set[str] = set()
        for path in _gazetteer_files(paths):
            data = _read_yaml(path)
            given.update(w for name in _strings(data.get("given_names"), str(path), "given_names")
                         for w in _words(name))
            entries = data.get("entities") or []
            if not isinstance(entries, list):
                raise InputError(f"{path}: 'entities' must be a list of entries")
            seen_ids: set[str] = set()
            claimed: dict[tuple[str, ...], tuple[str, int]] = {}
            for number, raw in enumerate(entries, 1):
                cls._merge(path, number, raw, drafts, owners, seen_ids, claimed)
        return cls(drafts, owners, given)

    @staticmethod
    def _merge(path: Path, number: int, raw, drafts: dict[str, _Draft], owners: dict[tuple[str, ...], str],
               seen_ids: set[str], claimed: dict[tuple[str, ...], tuple[str, int]]) -> None:
        if not isinstance(raw, dict):
            raise InputError(f"{path}: entry {number} must be a mapping with id, type, name, aliases")
        line = raw.pop("__line__", None)
        where = f"{path}:{line}" if line else str(path)
        entity_id = raw.get("id")
        if not isinstance(entity_id, str) or not _ID.match(entity_id):
            raise InputError(f"{where}: entry {number}: 'id' must be a lower-case ascii slug "
                             f"(letters, digits, hyphens), not {entity_id!r}")
        where = f"{where}: entity '{entity_id}'"
        unknown = set(raw) - {"id", "type", "name", "aliases", "titles"}
        if unknown:
            raise InputError(f"{where}: unknown field(s) {', '.join(sorted(map(str, unknown)))}; "
                             "known: id, type, name, aliases, titles")
        if entity_id in seen_ids:
            raise InputError(f"{where}: the id is used twice in this file")
        seen_ids.add(entity_id)
        kind, name = raw.get("type"), raw.get("name")
        if kind is not None and kind not in TYPES:
            raise InputError(f"{where}: 'type' must be one of {', '.join(TYPES)}, not {kind!r}")
        if name is not None and (not isinstance(name, str) or not name.strip()):
            raise InputError(f"{where}: 'name' must be a non-empty string")
        aliases = _strings(raw.get("aliases"), where, "aliases")
        titles = _strings(raw.get("titles"), where, "titles")
        draft = drafts.get(entity_id)
        if draft is None:
            if kind is None or name is None:
                raise InputError(f"{where}: a new entry needs 'type' and 'name'")
            draft = drafts[entity_id] = _Draft(entity_id, kind, name.strip(), [], [])
        else:  # extending an entry from an earlier file
            draft.type = kind or draft.type
            draft.name = name.strip() if name else draft.name
        if titles and draft.type != "person":
            raise InputError(f"{where}: only a person has 'titles'")
        draft.aliases += aliases
        draft.titles += titles
        for alias in ([name.strip()] if name else []) + aliases:
            words = tuple(_words(alias))
            _check_alias(where, alias, words)
            other = claimed.get(words)
            if other is not None and other[0] != entity_id:
                raise InputError(f"{where}: alias {alias!r} also names '{other[0]}' (line {other[1]}); "
                                 "an alias must name one entity")
            claimed[words] = (entity_id, line or 0)
            owners[words] = entity_id

    # -- reading --

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(self._entries.values())

    def entry(self, entity_id: str) -> Entry:
        """The entry for an id; an unlisted person (``person:…``) gets an entry built from the id."""
        found = self._entries.get(entity_id)
        if found is not None:
            return found
        if entity_id.startswith("person:"):
            return Entry(entity_id, "person", entity_id.removeprefix("person:"))
        raise KeyError(entity_id)

    def __len__(self) -> int:
        return len(self._entries)

    # -- matching --

    def find(self, text: str, *, base: int = 0) -> list[EntityMention]:
        """Entity mentions in one sentence, in text order, with offsets ``base + index into text``."""
        tokens = self._tokens(text)
        if not tokens.size:
            return []
        matches = self._match(tokens)
        covered = [False] * tokens.size  # tokens inside a mention of a non-person (complement of a title)
        taken = [False] * tokens.size  # tokens inside any mention
        for m in matches:
            for i in range(m.first, m.last + 1):
                taken[i] = True
                covered[i] = self._entries[m.entity].type != "person"
        people: dict[int, tuple[int, str | None]] = {}  # first token -> (last token, title) of unknown people
        for i, word in enumerate(tokens.words):
            if word.head and not taken[i]:
                found = self._unlisted_person(text, tokens, i, covered, taken)
                if found is not None:
                    first, last, title = found
                    people[first] = (last, title)
                    for k in range(first, last + 1):
                        taken[k] = True
        mentions = []
        for m in matches:
            entry = self._entries[m.entity]
            start = tokens.start(m.first, m.skip)
            end = tokens.end(m.last)
            title = None
            if entry.type == "person":
                title = self._title_of(text, tokens, m.first, m.last, covered, taken, m.skip)
            mentions.append(EntityMention(text[start:end], base + start, base + end, entry.id, entry.type,
                                          title, entry.name, m.exact))
        for first, (last, title) in people.items():
            start, end = tokens.start(first), tokens.end(last)
            surface = " ".join(text[start:end].split())
            mentions.append(EntityMention(text[start:end], base + start, base + end,
                                          f"person:{normalise(surface)}", "person", title, surface, True))
        mentions.sort(key=lambda m: m.start)
        return mentions

    def _tokens(self, text: str) -> _Sentence:
        """Split a sentence into tokens.  Marks (diacritics, tatweel, bidi controls) are dropped first
        so that they never split a word; each distinct token is folded and analysed once."""
        marks = [m.start() for m in MARKS.finditer(text)] if MARKS.search(text) else []  # most have none
        source = MARKS.sub("", text) if marks else text
        parts = _SPLIT.split(source)  # gap, token, gap, token, …, gap
        raws = parts[1::2]
        cache = self._cache
        if len(cache) > 200_000:  # bounded: a long run sees an open-ended vocabulary
            cache.clear()
            self._nearest_of.clear()
        words = [cache.get(raw) or self._remember(raw) for raw in raws]
        gaps = [_SPACE if gap == " " else _gap_kind(gap) for gap in parts[0:-1:2]]
        if gaps:
            gaps[0] = _SPACE
        return _Sentence(text, raws, words, gaps, list(accumulate(map(len, parts))),
                         [at - n for n, at in enumerate(marks)])

    def _remember(self, raw: str) -> _Word:
        word = self._cache[raw] = self._analyse(fold(raw).lower())
        return word

    def _analyse(self, key: str) -> _Word:
        readings = _readings(key)
        hits = []
        for reading in readings:
            aliases = self._first.get(reading.bare)
            if aliases and (opened := tuple(a for a in aliases if a.article == reading.article)):
                hits.append((reading, opened))
        if not hits:
            hits = self._fuzzy_hits(readings)
        head = None  # the first reading that heads a title
        definite = linker = False
        for reading in readings:
            if reading.article:
                definite = True
            elif reading.bare in _CONSTRUCTS:
                linker = True
            if head is None and reading.bare in _OFFICES and (reading.article or reading.bare not in _OFFICES_NEED_ARTICLE):
                head = _Head("office", reading, _OFFICES_NEED_NEXT.get(reading.bare))
            elif head is None and reading.bare in _RANKS and reading.article:
                head = _Head("rank", reading, None)
        linker = linker or key in _PREPOSITIONS
        stop = key in _STOPWORDS or (key[:1] in ("و", "ف") and key[1:] in _STOPWORDS)
        letters = key.isalpha() and len(key) >= 2
        return _Word(
            key=key,
            hits=tuple(hits),
            fixed=self._fix_spelling(key),
            reorder=tuple(r for r in readings if r.bare in self._reorder_words and not r.fuzzy),
            function=stop or key in _PREPOSITIONS,
            head=head,
            definite=definite,
            linker=linker,
            given=key in self._given,
            particle=key in _PARTICLES,
            name_like=letters and not stop and not head and not linker and key not in _PREPOSITIONS
            and not (key.startswith("و" + _ARTICLE) or key.startswith("ب" + _ARTICLE))
            and not _office_or_plural(key),
        )

    def _fuzzy_hits(self, readings: list[_Reading]) -> list[tuple[_Reading, tuple[_Alias, ...]]]:
        """Readings of a token that is no alias word, as a misspelling of one."""
        hits = []
        for reading in readings:
            bare = reading.bare
            if len(bare) >= 4 and bare[0] not in _GRAMMAR_PREFIXES and not bare.isascii():
                rest = bare[1:]  # without the stray letter, read with its article and without
                strays = ((rest[2:], True), (rest, False)) if rest.startswith(_ARTICLE) and len(rest) > 3 else ((rest, False),)
                for stray, article in strays:
                    aliases = self._first.get(stray)
                    if aliases and (opened := tuple(a for a in aliases if a.size == 1 and a.article == article)):
                        hits.append((_Reading(stray, article, reading.skip, False, "stray"), opened))
            fixed = self._nearest(bare)
            if fixed:
                aliases = tuple(a for a in self._first.get(fixed, ())
                                if a.article == reading.article and (a.size > 1 or a.person))
                if aliases:
                    hits.append((_Reading(fixed, reading.article, reading.skip, reading.elided, "spelling"),
                                 aliases))
        return hits

    def _nearest(self, bare: str) -> str | None:
        """The one alias word ``bare`` misspells by one letter inside the word, if there is exactly one.
        Remembered: the readings of many tokens (الحكومة، والحكومة، بالحكومة …) ask for the same word."""
        if len(bare) < _LONG or bare in self._vocabulary or bare.isascii():
            return None
        if bare not in self._nearest_of:
            self._nearest_of[bare] = self._nearest_by_deletions(bare)
        return self._nearest_of[bare]

    def _nearest_by_deletions(self, bare: str) -> str | None:
        deletions, vocabulary = self._deletions, self._vocabulary
        candidates = set(deletions.get(bare, ()))
        for i in range(len(bare)):
            shorter = bare[:i] + bare[i + 1:]
            if shorter in vocabulary:
                candidates.add(shorter)
            if shorter in deletions:
                candidates.update(deletions[shorter])
        good = [c for c in candidates
                if c[0] == bare[0] and c[-1] == bare[-1] and OSA.distance(c, bare) == 1 and not _nisba(bare, c)]
        return good[0] if len(good) == 1 else None

    def _fix_spelling(self, key: str) -> str | None:
        bare, article = _split_article(key)
        fixed = self._nearest(bare)
        if fixed is None:
            return None
        return _ARTICLE + fixed if article else fixed

    def _match(self, tokens: _Sentence) -> list[_Match]:
        """Leftmost-longest matching; at equal length an exact match beats a fuzzy one."""
        found: list[_Match] = []
        words, gaps, count = tokens.words, tokens.gaps, tokens.size
        i = 0
        while i < count:
            word = words[i]
            # A reordered name has three words at least: the next two tokens must be able to continue it.
            reorders = (word.reorder and i + 2 < count and words[i + 1].key in self._reorder_keys
                        and words[i + 2].key in self._reorder_keys and gaps[i + 1] <= _DASH and gaps[i + 2] <= _DASH)
            if not word.hits and not reorders:
                i += 1
                continue
            best: tuple[int, bool, int] | None = None  # (size, exact, -skip)
            best_match: _Match | None = None
            after = words[i + 1].key if i + 1 < count else ""
            following = (after, words[i + 1].fixed) if after else ()
            after_ends = (after[0], after[-1]) if len(after) >= 4 else None
            for reading, aliases in word.hits:
                for alias in aliases:
                    if best and alias.size < best[0]:
                        break
                    if alias.caps and not tokens.raws[i].isupper():
                        continue
                    fixes = 1 if reading.fuzzy else 0
                    if alias.rest:  # most aliases are one word: nothing has to follow
                        if alias.rest[0] not in following and (alias.surname_ends is None
                                                               or alias.surname_ends != after_ends):
                            continue  # the second word cannot follow (what _rest_fixes finds first, slower)
                        fixes = self._rest_fixes(tokens, i, alias.rest, fixes, alias.person)
                    if fixes is None:
                        continue
                    score = (alias.size, fixes == 0, -reading.skip)
                    if best is None or score > best:
                        best = score
                        best_match = _Match(i, i + alias.size - 1, alias.entity, reading.skip, fixes == 0)
            if reorders:
                reordered = self._reordered(tokens, i, word, best[0] if best else 0)
                if reordered:
                    best_match = reordered
            if best_match is None or self._is_adjective(tokens, best_match):
                i += 1
                continue
            found.append(best_match)
            i = best_match.last + 1
        return found

    def _reordered(self, tokens: _Sentence, i: int, word: _Word, longer_than: int) -> _Match | None:
        """The words of a multi-word name in another order, starting at token ``i``."""
        run = 1  # how many tokens from i on could belong to a reorderable alias
        while (i + run < tokens.size and tokens.gaps[i + run] <= _DASH
               and tokens.words[i + run].key in self._reorder_keys):
            run += 1
        for size in self._reorder_sizes:
            if size > run or size <= longer_than:
                continue
            rest = [w.key for w in tokens.words[i + 1:i + size]]
            for reading in word.reorder:
                first = _ARTICLE + reading.bare if reading.article else reading.bare
                aliases = self._reorder.get(tuple(sorted([first, *rest])))
                if aliases:
                    return _Match(i, i + size - 1, aliases[0].entity, reading.skip, False)
        return None

    def _is_adjective(self, tokens: _Sentence, match: _Match) -> bool:
        """A one-word place name ending in ة right after an indefinite feminine noun is the adjective
        that agrees with it: منظمة سورية is "a Syrian organisation", not Syria."""
        if match.first != match.last or match.skip or match.first == 0 or tokens.gaps[match.first] != _SPACE:
            return False
        word, before = tokens.words[match.first], tokens.words[match.first - 1]
        if before.key in _CALENDAR_NOUNS and word.definite == before.definite:
            return True  # العام الهجري
        return (word.key.endswith("ه") and not word.definite and self._entries[match.entity].type != "person"
                and not before.definite and not before.function
                and (before.key.endswith("ه") or before.key.endswith("ات")))

    @staticmethod
    def _rest_fixes(tokens: _Sentence, i: int, rest: tuple[str, ...], fixes: int, person: bool = False) -> int | None:
        """How many misspelt words it takes for the alias words after the first to follow token ``i``
        (at most one in all), or None when they do not follow.  A person's surname after two exact words
        may also carry one stray letter at its end (عبد الفتاح البرهاني): the name is beyond doubt."""
        if i + len(rest) >= tokens.size:
            return None
        for k, expected in enumerate(rest, i + 1):
            if tokens.gaps[k] > _DASH:
                return None
            word = tokens.words[k]
            if word.key == expected:
                continue
            if word.fixed == expected and fixes == 0:
                fixes = 1
                continue
            if (person and fixes == 0 and k == i + len(rest) and k - i >= 2 and len(expected) >= 4
                    and len(word.key) == len(expected) + 1 and word.key.startswith(expected)):
                fixes = 1
                continue
            if (person and fixes == 0 and k == i + len(rest) and len(expected) >= 4 and len(word.key) >= 4
                    and word.key[0] == expected[0] and word.key[-1] == expected[-1]
                    and OSA.distance(word.key, expected) == 1):
                fixes = 1  # a surname one letter off after the exact given name(s): مظلوم عبيدي
                continue
            return None
        return fixes

    # -- titles and unlisted people --

    def _head_at(self, tokens: _Sentence, i: int) -> _Head | None:
        head = tokens.words[i].head
        if head is None:
            return None
        if head.needs_next and (i + 1 >= tokens.size or tokens.words[i + 1].key != head.needs_next):
            return None
        return head

    def _title_text(self, text: str, tokens: _Sentence, first: int, last: int, head: _Head) -> str:
        start = tokens.start(first, head.reading.skip)
        phrase = " ".join(text[start:tokens.end(last)].translate(_QUOTES).split())
        return "ا" + phrase if head.reading.elided else phrase

    def _title_before(self, tokens: _Sentence, p: int, covered: list[bool],
                      taken: list[bool]) -> tuple[int, int, _Head] | None:
        """The title right before the name at token ``p``: walk back over the complement to a head.
        An office wins over a rank between it and the name (وزير الدفاع السوري اللواء …)."""
        rank: tuple[int, _Head] | None = None
        j = p - 1
        while j >= 0 and p - j <= 12:
            gap = tokens.gaps[j + 1]
            if not (gap <= _DASH or (gap == _COMMA and j + 1 == p)):
                break
            if taken[j] and not covered[j]:
                break  # another person
            head = self._head_at(tokens, j)
            if head and head.kind == "office":
                first = j
                while (first > 0 and tokens.gaps[first] == _SPACE and not tokens.words[first - 1].definite
                       and (earlier := self._head_at(tokens, first - 1)) and earlier.kind == "office"):
                    first -= 1  # نائب وزير، مساعد وزير
                    head = earlier
                last = (rank[0] - 1) if rank else p - 1
                while last > j and tokens.words[last].key in _PREPOSITIONS:
                    last -= 1
                return first, last, head
            if head and head.kind == "rank":
                if rank is None or rank[0] == j + 1 or j + 1 == p:
                    rank = (j, head)
            elif not (tokens.words[j].definite or tokens.words[j].linker or covered[j] or self._rank_qualifier(tokens, j)):
                break
            j -= 1
        if rank and (rank[0] == p - 1 or rank[0] == p - 2 and self._rank_qualifier(tokens, p - 1)):
            return rank[0], p - 1, rank[1]
        return None

    def _rank_qualifier(self, tokens: _Sentence, j: int) -> bool:
        """"أول" of "الفريق أول", "الركن" of "اللواء الركن": part of the rank before it."""
        if j == 0 or tokens.words[j].key not in _RANK_QUALIFIERS:
            return False
        head = self._head_at(tokens, j - 1)
        return head is not None and head.kind == "rank"

    def _title_after(self, tokens: _Sentence, q: int, covered: list[bool],
                     taken: list[bool]) -> tuple[int, int, _Head] | None:
        """A title in apposition after the name ending at token ``q``: "…، وزير الدفاع في الحكومة السورية،"."""
        k = q + 1
        if k >= tokens.size or tokens.gaps[k] != _COMMA or taken[k]:
            return None
        head = self._head_at(tokens, k)
        if head is None or head.kind != "office" or head.reading.skip:
            return None
        last = k + (1 if head.needs_next else 0)
        i = last + 1
        while i < tokens.size and tokens.gaps[i] <= _DASH and not (taken[i] and not covered[i]):
            word = tokens.words[i]
            if not (word.definite or word.linker or covered[i]):
                break
            last = i
            i += 1
        while last > k and tokens.words[last].key in _PREPOSITIONS:
            last -= 1
        if last == k:
            return None
        if i < tokens.size and tokens.gaps[i] == _SPACE and (taken[i] or tokens.words[i].given):
            return None  # the title of the next person, not this one's
        return k, last, head

    def _title_of(self, text: str, tokens: _Sentence, first: int, last: int, covered: list[bool],
                  taken: list[bool], skip: int) -> str | None:
        before = self._title_before(tokens, first, covered, taken) if skip == 0 else None
        if before and before[2].kind == "office":
            return self._title_text(text, tokens, *before)
        after = self._title_after(tokens, last, covered, taken)
        chosen = after or before
        return self._title_text(text, tokens, *chosen) if chosen else None

    def _unlisted_person(self, text: str, tokens: _Sentence, h: int, covered: list[bool],
                         taken: list[bool]) -> tuple[int, int, str | None] | None:
        """A head, its complement, then a name nobody listed: a given name and one or two more words."""
        head = self._head_at(tokens, h)
        if head is None:
            return None
        title_end = h + (1 if head.needs_next else 0)
        i = title_end + 1
        office = head if head.kind == "office" else None
        while i < tokens.size and tokens.gaps[i] <= _DASH and not (taken[i] and not covered[i]):
            word = tokens.words[i]
            inner = self._head_at(tokens, i)
            if inner and inner.kind == "rank":
                i += 1
                if i < tokens.size and tokens.words[i].key in _RANK_QUALIFIERS:
                    i += 1  # الفريق أول
                continue
            if not (word.definite or word.linker or covered[i]) or word.given:
                break
            title_end = i
            i += 1
        if i >= tokens.size or tokens.gaps[i] not in (_SPACE, _COMMA):
            return None
        if tokens.gaps[i] == _COMMA and h > 0 and _office_or_plural(tokens.words[h - 1].key):
            return None  # "طارق متري نائباً لرئيس الحكومة، ياسين جابر وزيراً": the office is the one before's
        last = self._name_end(tokens, i, taken)
        if last is None:
            return None
        while title_end > h and tokens.words[title_end].key in _PREPOSITIONS:
            title_end -= 1
        if office is None:
            after = self._title_after(tokens, last, covered, taken)
            if after:
                return i, last, self._title_text(text, tokens, *after)
        return i, last, self._title_text(text, tokens, h, title_end if office else h, head)

    @staticmethod
    def _name_end(tokens: _Sentence, i: int, taken: list[bool]) -> int | None:
        """The last token of a person's name starting at ``i``: a known given name (or عبد/أبو + a word),
        then up to two more name words; a word with the article ends the name (الشيباني)."""
        first = tokens.words[i]
        if not (first.given or first.particle):
            return None
        words, j, last = 0, i, None
        while j < tokens.size and words < 3:
            if (j > i and tokens.gaps[j] != _SPACE) or taken[j]:
                break
            word = tokens.words[j]
            if word.particle and j + 1 < tokens.size and tokens.gaps[j + 1] == _SPACE \
                    and tokens.words[j + 1].name_like and not taken[j + 1]:
                words, last, j = words + 1, j + 1, j + 2  # عبد الله: the article here is the name's own
                continue
            if not word.name_like or (j == i and not word.given):
                break
            words, last, j = words + 1, j, j + 1
            if word.definite:
                break
        return last if words >= 2 else None
