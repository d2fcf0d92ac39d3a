"""Word lists for cross-referencing, kept as data so a reader can see (and extend) what is ignored.

Written in ordinary Arabic spelling; every list is folded with :func:`workbench.text.tokens` and
:func:`stem` at import time, so the lists and the claims meet in the same normalised form."""

from __future__ import annotations

import re
from functools import lru_cache

from workbench.text import normalise, strip_clitics

# Words that say nothing about which fact a claim states: particles, pronouns, reporting verbs,
# connectives, and time words whose meaning the extracted dates already carry.
STOP_WORDS_TEXT = """
في من إلى الى على عن مع أن إن ان أنّ إنّ كان كانت يكون تكون كانوا التي الذي الذين اللذين اللتين اللواتي
هذا هذه ذلك تلك هؤلاء هناك هنا بين بعد قبل حتى أو او ثم قد لقد لم لن لا ما ماذا هل كل جميع أي اي أيضا أيضاً
وقد حيث عند منذ خلال ضد دون غير بعض كما إذا اذا إذ لكن لكنّ بل أما إما سوف ليس ليست تم يتم وتم
هو هي هم هما نحن أنا انت أنت له لها لهم به بها بهم فيه فيها منه منها عليه عليها إليه إليها عنه عنها
قال وقال قالت يقول تقول أكد أكدت يؤكد أضاف أضافت يضيف أعلن أعلنت يعلن أشار أشارت يشير ذكر ذكرت
أوضح أوضحت تابع تابعت شدد شددت لفت أفاد أفادت بحسب حسب وفق وفقا وفقاً نقلا نقلاً بشأن حول عبر لدى نحو ضمن
وذلك وهو وهي ومن وفي كذلك أيضا بينما فيما إلا الا سواء مثل عدة عدد بعدما وسط أمام خلف فوق تحت جانب
يوم اليوم أمس غدا غداً الماضي الماضية المقبل المقبلة الجاري الحالي حاليا حالياً الآن مساء صباح ليلة ظهر
الأحد الإثنين الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت
يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر ديسمبر
كانون الثاني شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين الأول
عام سنة شهر أسبوع ساعة دقيقة تاريخ بتاريخ
"""

# Nouns and verbs that name the kind of event a claim reports.  Two claims that each name an event
# kind, but no kind in common (a conference and a meeting, an attack and an agreement), are about
# different events, however many names and places they share.  Each line: kind, then word stems.
EVENT_KINDS_TEXT = """
agreement: اتفاق اتفاقية اتفاقيات معاهدة تفاهم صفقة هدنة
meeting: اجتماع اجتماعات اجتمع اجتمعوا لقاء لقاءات التقى يلتقي قمة محادثات مباحثات مشاورات
conference: مؤتمر مؤتمرات ندوة منتدى ملتقى
attack: هجوم هجمات قصف غارة غارات تفجير انفجار اشتباك اشتباكات ضربة ضربات استهداف
killing: مقتل قتل اغتيال وفاة
arrest: اعتقال احتجاز توقيف حبس سجن
election: انتخابات انتخاب اقتراع
visit: زيارة زار يزور
membership: انضمام انضمت ينضم تنضم عضو عضوية عضوا عضواً
sanction: عقوبات عقوبة
"""

# What a figure counts or ranks decides whether it is a lasting fact.  A rank (the 90th member) and a
# count of these (210 seats, 90 member states) describe a state of things that many reports, made at
# different times, restate; a count of casualties, strikes or dollars belongs to one event or one day
# and does not.  Names are the unit groups of workbench.rules.mentions.unit_key (what number-conflict
# counts as one unit), or the counted noun itself.
LASTING_COUNTS = frozenset("member state seat minister".split())
# Nouns a rank may be given under, for one and the same rank: "the 90th state / member / partner".
RANK_NOUNS_TEXT = """
member: عضو أعضاء عضوا دولة دول بلد شريك
"""
# Ranks that are not figures: "the first" is an adjective of everything, "the second time" a habit.
NOT_RANKS_TEXT = "مرة مرات"

# Possessive and plural endings, and the و of a plural before its noun (سائحو بريطانيا).
_SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "نا", "ها", "ات", "ون", "ين", "ان", "يه", "ه", "ي", "و")
_PURE_NUMBER = re.compile(r"^[\d.,]+$")


def stem(token: str) -> str:
    """A light stem for matching: one possessive or plural ending off a clitic-stripped token,
    never below three letters (اتفاقية -> اتفاق, مؤتمرها -> مؤتمر).  Collisions it makes stay within
    one root, which is what matching news wording needs."""
    if len(token) <= 3 or token.isascii():
        return token
    for suffix in _SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            return token[: -len(suffix)]
    return token


_PROCLITICS = re.compile(r"^(?:[وف]?[بلك]|[وف](?=[يت]))")
# A number written on to its article or preposition: "الــ60" (tatweel already gone), "بـ5".
_CLITIC_NUMBER = re.compile(r"^(?:[وف]?(?:[بلك]?ال|لل)|[وفبلك])(\d[\d.,]*)$")
# The prefixes of the imperfect verb (يتجاوز، تحتل) and of the nouns of forms V and VI (تجاوز، تحالف).
_VERB_PREFIX = re.compile(r"^(?:[يت]ت|[يت])")


@lru_cache(maxsize=1 << 20)
def word_stem(token: str) -> str:
    """The matching form of one normalised token: article and clitics off, the prefix of a verb off,
    then one ending off.  Beyond :func:`strip_clitics` (which needs the article), a leading و/ف and
    ب/ل/ك, or و/ف before the prefix of a verb, come off when four letters remain (بانضمام -> انضمام,
    ويصبح -> يصبح, كعضو stays).  A leading ي/ت (or يت/تت)
    comes off when three letters remain, so a verb meets its noun and its other persons (يتجاوز /
    تجاوز -> جاوز, يحتل / تحتل -> حتل).  The same word then meets itself whatever it carries, and a
    wrong cut is made the same way on both sides."""
    glued = _CLITIC_NUMBER.match(token)
    if glued:
        return glued.group(1)
    if token.isascii():
        return token
    stripped = strip_clitics(token)
    if stripped == token:
        m = _PROCLITICS.match(token)
        if m and len(token) - m.end() >= 4:
            stripped = token[m.end():]
    m = _VERB_PREFIX.match(stripped)
    if m and len(stripped) - m.end() >= 3:
        stripped = stripped[m.end():]
    return stem(stripped)


def stems(text: str) -> list[str]:
    """The stems of a text's normalised tokens, in order."""
    return [word_stem(t) for t in normalise(text).split()]


def is_number(token: str) -> bool:
    return bool(_PURE_NUMBER.match(token))


STOP_WORDS: frozenset[str] = frozenset(stems(STOP_WORDS_TEXT)) | frozenset(normalise(STOP_WORDS_TEXT).split())


def _event_kinds(text: str) -> dict[str, str]:
    kinds: dict[str, str] = {}
    for line in text.strip().splitlines():
        kind, _, words = line.partition(":")
        for word in words.split():
            kinds[word_stem(normalise(word))] = kind.strip()
            kinds[normalise(word)] = kind.strip()
    return kinds


EVENT_KINDS: dict[str, str] = _event_kinds(EVENT_KINDS_TEXT)


@lru_cache(maxsize=1 << 20)
def event_kind(token: str) -> str | None:
    """The event kind a normalised token names, if any, looking through a leading clitic (كعضو) and
    the alif of an accusative ending (اجتماعاً)."""
    m = _PROCLITICS.match(token)
    bare = token[m.end():] if m else token
    for form in (token, word_stem(token), bare, bare.removesuffix("ا"), token.removesuffix("ا")):
        kind = EVENT_KINDS.get(form)
        if kind:
            return kind
    return None


def _classes(text: str) -> dict[str, str]:
    classes: dict[str, str] = {}
    for line in text.strip().splitlines():
        name, _, words = line.partition(":")
        for word in words.split():
            classes[strip_clitics(normalise(word))] = name.strip()
    return classes


RANK_NOUNS: dict[str, str] = _classes(RANK_NOUNS_TEXT)
NOT_RANKS: frozenset[str] = frozenset(strip_clitics(w) for w in normalise(NOT_RANKS_TEXT).split())
