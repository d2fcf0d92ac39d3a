"""Numbers and ordinals in Arabic text: digits of either script and number words, with their unit.

Two regexes find candidates (digit groups; runs of number words) over the folded, mark-free view of
the text; a small grammar then reads a run of words the way Arabic composes them ("خمسمائة وخمسة
وعشرون", "التاسع والثمانين", "ثلاثة آلاف").  Counts and ranks are told apart: an ordinal word, a
definite tens word ("الدولة التسعين"), or a numeral after a rank noun ("كعضو رقم 90") is an ordinal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from workbench.extract import lexicon as lx
from workbench.extract.lexicon import MatchView, trie_pattern
from workbench.model import NumberMention
from workbench.text import MARKS

# Every number word form -> (kind, value, base).  ``base`` is what a multiplier multiplies by when a
# number precedes it ("ثلاثة آلاف"); a dual ("ألفين") alone is worth its value.
_FORMS: dict[str, tuple[str, int, int]] = {}
for _kind, _table in (("unit", lx.UNITS), ("ten", lx.TEN), ("tens", lx.TENS), ("hundred", lx.HUNDREDS),
                      ("ordinal", lx.ORDINAL_UNITS)):
    for _form, _value in _table.items():
        _FORMS[_form] = (_kind, _value, _value)
for _form, _value in lx.MULTIPLIERS.items():
    _FORMS[_form] = ("mult", _value, 10 ** (len(str(_value)) - 1))
for _form, _value in lx.PLURAL_MULTIPLIERS.items():
    _FORMS[_form] = ("plural", _value, _value)
# A counted noun in the dual is a number by itself: "أكثر من عامين" (2 years), "بعد عقدين".
for _form in lx.DUAL_NOUNS:
    _FORMS[_form] = ("dual", 2, 2)

_WORD = trie_pattern(_FORMS)
_TOKEN = rf"(?:ال)?{_WORD}(?!\w)"
# A run of number words joined by spaces or و, optionally behind a one-letter clitic (وخمسين، بثلاثة).
_PHRASE = re.compile(rf"(?<!\w)(?:[وفبلك]|وب|ول|فب|فل|وك)??(?P<p>{_TOKEN}(?:(?:\s+و\s*|\s+){_TOKEN})*)")
_MULT = trie_pattern({**lx.MULTIPLIERS, **lx.PLURAL_MULTIPLIERS})
_DIGITS = re.compile(
    r"(?<![0-9A-Za-z_.,/:])(?P<neg>(?<![^\s(])-)?"
    r"(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?:/(?P<den>\d+))?"
    rf"(?![0-9A-Za-z_/]|[.,:]\d)(?:\s*(?P<mult>{_MULT})(?!\w))?"
)
_A_DIGIT = re.compile(r"\d")
_FIRST_WORD = re.compile(_WORD)
_PERCENT = re.compile(rf"\s*[%٪]|\s+(?:{trie_pattern(lx.PERCENT_WORDS)})(?!\w)")
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")
_GLUED_WORD = re.compile(r"\s*([^\W\d_]+)")  # after digits a unit may be written on: "1000سنة"
_PREV_WORD = re.compile(r"([^\W\d_]+)\s+$")
_DECIMAL_WORD = re.compile(r"\s+فاصله\s+")
_FRACTION = trie_pattern(lx.FRACTIONS)
# "مليار ونصف (المليار)": a fraction of the multiplier the number ends with.
_AND_FRACTION = re.compile(rf"\s+و\s*(?P<f>{_FRACTION})(?!\w)(?:\s+(?:ال)?(?:{_MULT})(?!\w))?")
_FRACTION_BEFORE = re.compile(rf"(?<!\w)(?P<f>{_FRACTION})\s+$")
_ENDS_WITH_MULT = re.compile(rf"(?<!\S)(?:ال)?(?P<m>{_MULT})$")
_TANWEEN = "\u064b"
_CLITICS = re.compile(r"^(?:[وف]?[بك]?ال|[وف]?لل|[وف]?[بلك]|[وف])(?=\w\w\w)")
_DEFINITE = re.compile(r"^(?:[وف]?[بك]?ال|[وف]?لل)\w\w")
# Function words that never name what a number counts.
_STOP = frozenset(lx.fold(w) for w in (
    "في", "من", "إلى", "الى", "على", "عن", "مع", "منذ", "حتى", "بعد", "قبل", "خلال", "أو", "ثم", "أن",
    "إن", "لا", "لم", "لن", "ما", "قد", "هو", "هي", "هم", "هذا", "هذه", "ذلك", "تلك", "التي", "الذي",
    "الذين", "عند", "بين", "حول", "ضد", "نحو", "كما", "كان", "كانت", "تم", "أي", "كل", "بعض", "أكثر",
    "أقل", "حوالي", "فقط", "أيضا", "لدى", "عبر", "وفق", "إثر", "اثر", "بينما", "حيث", "لكن", "بل",
    "مقابل", "دون", "سوى", "غير", "منها", "منهم", "فيها", "فيه", "عليه", "عليها", "له", "لها", "ضمن",
))
# Words before an ordinal that make it part of a name, not a number (كانون الأول، ربيع الثاني).
_NAME_HEADS = frozenset(lx.fold(w) for w in ("كانون", "تشرين", "ربيع", "جمادى", "جمادي"))
# Single words that look like numbers but, alone, are something else: "one of", weekdays, "the two",
# "a second" of time, "eleventh" without its ten.
_NOT_ALONE = frozenset(lx.fold(w) for w in ("أحد", "إحدى", "الأحد", "الإحدى", "الاثنين", "الاثنان",
                                           "الإثنين", "حادي", "الحادي", "حادية", "الحادية", "ثانية",
                                           "الواحد"))


@dataclass(slots=True)
class _Read:
    """A number read from words: where it lies (view offsets), its value, and whether it ranks.  Not
    frozen (nothing changes one once made), as a frozen dataclass takes twice as long to make."""

    start: int
    end: int
    value: int
    ordinal: bool


def find_numbers(text: str, *, base: int = 0, exclude: Iterable[tuple[int, int]] = ()) -> list[NumberMention]:
    """Quantities and ordinals in ``text``; offsets are ``base`` + index.  Spans overlapping an
    ``exclude`` span (absolute offsets, e.g. dates already found) are left out."""
    view = MatchView.of(text)
    t = view.text
    digit, word = _A_DIGIT.search(t), _FIRST_WORD.search(t)
    if not digit and not word:
        return []
    blocked = [(s - base, e - base) for s, e in exclude]
    found: list[tuple[int, int, int | float, bool]] = []  # view start, end, value, ordinal
    # Numerals from the first digit, or the "." or "-" just before it ("[.-]?\d" finds the same place,
    # slowly: a pattern that begins with an optional character gives the engine nothing to skip to).
    first = at = digit.start() if digit else 0
    if at and t[at - 1] in ".-":
        first = at - 1
    for m in _DIGITS.finditer(t, first) if digit else ():
        value = _digit_value(m)
        if value is None:
            continue
        found.append((m.start(), m.end(), value, _ranks(t, m.start())))
    for m in _PHRASE.finditer(t, max(0, word.start() - 3)) if word else ():
        for read in _read_words(t, m):
            found.append((read.start, read.end, read.value, read.ordinal))
    if not found:  # most often a number word inside another word ("ألف" in "الفلسطينية"): no number
        return []
    found.sort()
    found = _join_fractions(t, _join_decimals(t, found))
    if len(found) > 1 and _AND_DIGIT.search(t):
        found = _join_mixed(t, found)
    mentions = []
    last_end = -1
    for s, e, value, ordinal in found:
        start, end = view.start(s), view.end(e)
        if s < last_end or any(start < b and a < end for a, b in blocked):
            continue
        percent = _PERCENT.match(t, e)
        last_end = percent.end() if percent else e  # "بالمئة" is the unit, not another number
        dual = None if percent or t[s].isdigit() else _dual_unit(t[s:e])
        unit = "%" if percent else dual or _unit(text, view, s, e, ordinal)
        if _dual_in_construct(text, view, s, e):
            value *= 2
        mentions.append(NumberMention(text=text[start:end], start=base + start, end=base + end,
                                      value=value, unit=unit, ordinal=ordinal))
    return mentions


def _digit_value(m: re.Match[str]) -> int | float | None:
    raw = m["n"].replace(",", "")
    value: int | float = float(raw) if "." in raw else int(raw)
    if m["den"]:
        denominator = int(m["den"])
        if denominator == 0:
            return None
        value = round(value / denominator, 6)
    if m["mult"]:
        kind, _, multiplier = _FORMS[m["mult"]]
        value = value * multiplier
        value = int(value) if float(value).is_integer() else value
    return -value if m["neg"] else value


# "ألف و500", "مليار و200 مليون": digits joined by و to a number that ends with a multiplier.
_AND_DIGITS = re.compile(r"\s*و\s*$")
_AND_DIGIT = re.compile(r"و\s*\d")


def _article_start(t: str, start: int) -> int:
    """Where the numeral starting at ``start`` begins with its article: "الدورة الـ45" ranks like
    "الدورة 45" (the noun before it is what it ranks)."""
    i = start - 1 if start and t[start - 1] == " " else start  # "الـ45", "الـ 3" (no tatweel in the view)
    if i >= 2 and t[i - 2:i] == "ال" and (i == 2 or t[i - 3].isspace()):
        return i - 2
    return start


def _join_mixed(t: str, found: list) -> list:
    """Words and digits in one number: "ألف و500" = 1500, "مليار و200 مليون" = 1.2e9, "3 آلاف و500"."""
    out: list = []
    for item in found:
        if out and out[-1][0] <= item[0] and item[1] <= out[-1][1]:
            continue  # the word "مليونا" of "16 مليونا", already read with its digits
        if out and not out[-1][3] and not item[3] and _AND_DIGITS.fullmatch(t, out[-1][1], item[0]):
            s, _, value, _ = out[-1]
            mult = _ENDS_WITH_MULT.search(t, s, out[-1][1])
            base = _FORMS[mult["m"]][2] if mult else 0
            if mult and isinstance(value, int) and value % base == 0 and 0 < item[2] < base:
                out[-1] = (s, item[1], value + item[2], False)
                continue
        out.append(item)
    return out


def _ranks(t: str, start: int) -> bool:
    """Whether the numeral at ``start`` is a position: after a rank noun ("الدورة الـ45", "كعضو 90"),
    or with the article after a definite noun phrase that counts nothing ("القمة العربية الـ32",
    "الألعاب الآسيوية الـ20")."""
    article = _article_start(t, start)
    if _after_rank_noun(t, article):
        return True
    prev = _PREV_WORD.search(t, max(0, article - 30), article) if article != start else None
    return prev is not None and prev[1].startswith("ال") and len(prev[1]) > 3 and not _after_plural(t, article)


# Broken plurals of the pattern فعائل (رهائن، رسائل، فصائل، وثائق), as the folded view writes them.
_FAALIL = re.compile(r"^[^\W\d_]{2}اي[^\W\d_]$")


def _after_plural(t: str, start: int) -> bool:
    """A definite number after a plural counts it ("الرهائن العشرين", "الرهائن الـ22", "عدد القتلى
    الـ50"): after a singular it ranks ("الدولة التسعين", "القمة العربية الـ32")."""
    prev = _PREV_WORD.search(t, max(0, start - 30), start)
    if prev is None:
        return False
    bare = _bare(prev[1])
    return (bare in lx.BROKEN_PLURALS or _FAALIL.match(bare) is not None
            or len(bare) > 4 and bare.endswith(("ين", "ون", "ات")))


def _after_rank_noun(t: str, start: int) -> bool:
    """A numeral after a rank noun is a position, not a count: "كعضو 90", "المرتبة 3"."""
    prev = _PREV_WORD.search(t, max(0, start - 30), start)
    return prev is not None and (prev[1] in lx.RANK_NOUNS or _bare(prev[1]) in lx.RANK_NOUNS)


def _bare(word: str) -> str:
    return _CLITICS.sub("", word)


_NON_SPACE = re.compile(r"\S+")


def _tokens(t: str, m: re.Match[str]) -> list[tuple[int, int, str, bool, bool]]:
    """(start, end, form, definite, joined-by-و) for each word of a matched run."""
    out = []
    for w in _NON_SPACE.finditer(m["p"]):
        s, e = m.start("p") + w.start(), m.start("p") + w.end()
        word, joined = w.group(), False
        if word == "و":
            continue
        if word not in _FORMS and not word.startswith("ال") and word.startswith("و"):
            word, joined = word[1:], True
        if out and t[out[-1][1]:s].strip() == "و":
            joined = True
        definite = word.startswith("ال") and word not in _FORMS
        form = word[2:] if definite else word
        if form not in _FORMS:
            return out
        out.append((s, e, form, definite, joined))
    return out


def _read_words(t: str, m: re.Match[str]) -> list[_Read]:
    """Read a run of number words as one or more numbers, splitting where the grammar breaks."""
    tokens = _tokens(t, m)
    reads: list[_Read] = []
    i = 0
    while i < len(tokens):
        j, value, ordinal = _compose(tokens, i)
        read = _judge(t, m, tokens[i:j], value, ordinal)
        if read is None and j - i > 1 and tokens[i][3]:
            j = i + 1  # "أمس الأحد ألفي قتيل": a definite first word (Sunday) is not the number's start
        elif read:
            reads.append(read)
        i = j
    return reads


def _compose(tokens: list[tuple[int, int, str, bool, bool]], i: int) -> tuple[int, int, bool]:
    """Combine tokens from ``i`` while they make one number; return where it stops, value, ordinal."""
    total = current = 0
    ordinal = False
    last = None
    j = i
    while j < len(tokens):
        _, _, form, _, joined = tokens[j]
        kind, value, base = _FORMS[form]
        first = j == i
        if kind == "dual":  # a whole number on its own: never joined to the words around it
            if first:
                current, j = value, j + 1
            break
        if kind in ("unit", "ordinal") and (first or joined and last in ("mult", "plural", "hundred")):
            current += value
            ordinal = ordinal or kind == "ordinal"
        elif kind == "ten" and (first or not joined and last in ("unit", "ordinal") and current < 10):
            current += value
        elif kind == "tens" and (first or joined and last in ("unit", "ordinal", "hundred", "mult", "plural")):
            current += value
        elif kind == "hundred" and not joined and last == "unit" and current < 10:
            current *= value
        elif kind == "hundred" and (first or joined and last in ("mult", "plural")):
            current += value
        elif kind == "mult" and (first or joined and last in ("mult", "plural")):
            total += value
        elif kind in ("mult", "plural") and not joined and last in ("unit", "ten", "tens", "hundred"):
            total += current * base
            current = 0
        else:
            break
        last = kind
        j += 1
    return max(j, i + 1), total + current, ordinal


_OXIDE_AFTER = re.compile(r"\s+اكسيد")  # "ثاني أكسيد الكربون": carbon dioxide


def _judge(t: str, m: re.Match[str], run: list, value: int, ordinal: bool) -> _Read | None:
    """Accept a composed number unless it is one of the look-alikes: a lone plural ("آلاف" =
    "thousands of"), a weekday, "أحد" ("one of"), ثانية (a second of time), part of a month name."""
    start, end = run[0][0], run[-1][1]
    form, definite = run[0][2], run[0][3]
    kind = _FORMS[form][0]
    surface = ("ال" if definite else "") + form
    if len(run) == 1:
        if kind == "plural" or surface in _NOT_ALONE:
            return None
        if kind == "ordinal" and form.endswith("ه") and not definite and form != "اوليه":
            return None
        if form == "ست" and start > m.start() and t[start - 1] == "ل":
            return None  # "لست": "I am not", not six (but "بست فئات"، "وست دول" are)
        head = _PREV_WORD.search(t, max(0, start - 12), start)
        if kind == "ordinal" and head and (head[1] in _NAME_HEADS or _bare(head[1]) in _NAME_HEADS):
            return None
        if form in ("ثاني", "ثان") and _OXIDE_AFTER.match(t[end:end + 8]):
            return None
    if len(run) > 1 and run[0][2] in ("احد", "احدي", "حادي", "حاديه") and _FORMS[run[1][2]][0] not in ("ten", "tens"):
        return None
    if value == 0 and kind != "unit":
        return None
    ranks = ordinal or (definite and 10 <= value < 100 and kind in ("ten", "tens", "unit", "ordinal")
                        and not _after_plural(t, start))
    return _Read(start, end, value, bool(ranks))


def _join_decimals(t: str, found: list[tuple[int, int, int | float, bool]]) -> list:
    """"1 فاصلة 5" / "واحد فاصلة خمسة": a spelled decimal point joins two numbers into one."""
    out: list = []
    for item in found:
        if out and _DECIMAL_WORD.fullmatch(t, out[-1][1], item[0]) and isinstance(item[2], int) and item[2] >= 0:
            s, _, whole, ordinal = out.pop()
            fraction = item[2] / 10 ** len(str(item[2]))
            out.append((s, item[1], round(whole + fraction, 6), ordinal))
        else:
            out.append(item)
    return out


def _join_fractions(t: str, found: list[tuple[int, int, int | float, bool]]) -> list:
    """A fraction of a multiplier: after it ("مليار ونصف المليار", "ثلاثة ملايين ونصف") it adds that
    part of the multiplier; before a lone multiplier ("نصف مليون") it takes that part of it."""
    if not any(fraction in t for fraction in lx.FRACTIONS):
        return found  # the cheap check: most sentences have no fraction word at all
    out: list = []
    for s, e, value, ordinal in found:
        if out and s < out[-1][1]:
            continue  # "المليار" of "مليار ونصف المليار" is already part of the number before it
        mult = _ENDS_WITH_MULT.search(t, s, e)
        if mult and not ordinal:
            unit = _FORMS[mult["m"]][2]
            after = _AND_FRACTION.match(t, e)
            if after:
                value, e = value + unit / lx.FRACTIONS[after["f"]], after.end()
            before = _FRACTION_BEFORE.search(t, max(0, s - 8), s)
            if before and mult.start() == s and _FORMS[mult["m"]][0] == "mult" and value == unit:
                value, s = value / lx.FRACTIONS[before["f"]], before.start()
            value = int(value) if float(value).is_integer() else value
        out.append((s, e, value, ordinal))
    return out


def _dual_unit(word: str) -> str | None:
    """The singular a dual counts ("عامين" -> "عام"), or None for any other number."""
    return lx.DUAL_NOUNS.get(word[2:] if word.startswith("ال") else word)


def _dual_in_construct(text: str, view: MatchView, s: int, e: int) -> bool:
    """"مليارا دولار": alone and before the noun it counts, ألفا/مليونا/مليارا is a dual (2e9); after a
    number ("عشرون مليارا") or with tanween ("ملياراً") it is the accusative of one."""
    if e - s > 6 or view.text[s:e] not in lx.DUAL_IN_CONSTRUCT or _TANWEEN in text[view.start(s):view.end(e)]:
        return False
    nxt = _NEXT_WORD.match(view.text, e)
    return nxt is not None and nxt[1] not in _STOP and nxt[1] not in _FORMS


def _unit(text: str, view: MatchView, s: int, e: int, ordinal: bool) -> str | None:
    """What the number counts: the noun that follows a count; for a
    rank, the noun it ranks ("الدولة التسعين" -> "دولة", "كعضو رقم 90" -> "عضو")."""
    t = view.text
    if ordinal:
        s = _article_start(t, s)
        # An indefinite ordinal word in construct ranks the noun after it ("اليوم الثلاثاء أول قافلة": the
        # first convoy), whatever definite word stands before it.
        nxt = _NEXT_WORD.match(t, e)
        if nxt and not t[s:e].startswith("ال") and _FORMS.get(t[s:e], ("",))[0] == "ordinal" \
                and nxt[1] not in _STOP and nxt[1] not in _FORMS:
            return _original(text, view, nxt.start(1), nxt.end(1))  # construct: "أول زيارة"
        prev = _PREV_WORD.search(t, max(0, s - 30), s)
        if prev and prev[1] == "رقم":
            prev = _PREV_WORD.search(t, max(0, prev.start() - 30), prev.start())
        if prev and _DEFINITE.match(prev[1]) and prev[1].endswith("يه") and "ال" + _bare(prev[1]) not in lx.IYYA_NOUNS:
            noun = _PREV_WORD.search(t, max(0, prev.start() - 30), prev.start())
            if noun and _DEFINITE.match(noun[1]):
                prev = noun  # "العقوبات الأميركية الأولى": the ordinal ranks the noun, not its nisba adjective
        if prev and (_DEFINITE.match(prev[1]) or prev[1] in lx.RANK_NOUNS or _bare(prev[1]) in lx.RANK_NOUNS):
            return _original(text, view, prev.start(1) + len(prev[1]) - len(_bare(prev[1])), prev.end(1))
        return None
    article = _article_start(t, s)
    if (article != s or t[s:s + 2] == "ال") and _after_plural(t, article):
        prev = _PREV_WORD.search(t, max(0, article - 30), article)  # "الرهائن العشرين": the plural it counts
        return _original(text, view, prev.start(1) + len(prev[1]) - len(_bare(prev[1])), prev.end(1))
    nxt = (_GLUED_WORD if t[e - 1].isdigit() else _NEXT_WORD).match(t, e)
    if not nxt:
        return None
    word = nxt[1]
    if word in lx.UNIT_WORDS or (
        word not in _STOP and word not in _FORMS and not word.startswith(("ال", "و", "ف", "ي")) and len(word) > 1
    ):
        return _original(text, view, nxt.start(1), nxt.end(1))
    return None


def _original(text: str, view: MatchView, s: int, e: int) -> str:
    """The original spelling of a view span, without its diacritics."""
    return MARKS.sub("", text[view.start(s):view.end(e)])
