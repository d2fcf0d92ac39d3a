"""Page chrome: the parts of a saved web page that are not the article.

"شاهد أيضًا" teasers, "منذ 34 ثانية", "آخر تحديث", share lines, source lists, contact lines and the tag
lines at the foot of a page would otherwise become claims: a teaser's "لقاءً أمس" is another article's
yesterday.  Chrome is found line by line, so the article's own text is never cut mid-sentence."""

from __future__ import annotations

import re

from workbench.model import Span
from workbench.text import fold


def _folded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Patterns are written in ordinary spelling and matched against folded lines (أ->ا, ة->ه)."""
    return re.compile(fold(pattern), flags)


_SEE_ALSO = _folded(r"^\W*(?:شاهد|اقرا|إقرأ|اقرأ|طالع|تابع)\s+(?:ايضا|أيضا|أيضًا|ايضًا|المزيد)|^\W*(?:مواضيع|اخبار|أخبار|مقالات)\s+(?:ذات صلة|متعلقة|مشابهة)|^\W*(?:ذات صلة|الأكثر قراءة|اقرأ المزيد|يهمك أيضا|قد يهمك)\W*$")
# Headers of the lists of other stories at a page's foot (short lines only).
_LIST_HEADER = _folded(r"^\W*(?:(?:مواضيع|أخبار|مقالات|قصص)\s+(?:أخرى|اخرى|قد تهمك)|الأكثر (?:قراءة|مشاهدة|تداولا)(?:\s+\S+){0,3}"
                       r"|(?:آخر|اخر|أحدث|احدث) الأخبار|اقرأ التالي|اخترنا لك|المزيد من الأخبار|قد يعجبك أيضا|قد يعجبك)\W*$")
_AGO = _folded(r"^\W*منذ\s+(?:(?:ساعتين|يومين|دقيقتين|أسبوعين|اسبوعين|شهرين|ساعة|ساعه|يوم|دقيقة|دقيقه)|\d+\s+(?:ثانيه|ثانية|ثوان|ثواني|ثوانٍ|دقيقه|دقيقة|دقائق|ساعه|ساعة|ساعات|يوم|ايام|أيام|اسبوع|أسبوع|اسابيع|أسابيع|شهر|اشهر|أشهر))\W*$")
_UPDATED = _folded(r"^\W*(?:اخر|آخر)\s+تحديث|^\W*(?:تاريخ\s+)?(?:التحديث|تم التحديث)\s*:")
_SHARE = _folded(r"(?:^|\s)(?:شارك|شاركها|شاركوا|مشاركة|انشر)(?:\s|:|$)|\b(?:share|tweet)\b", re.IGNORECASE)
# What makes a short "share" line chrome rather than a sentence about someone taking part (شارك في ...).
_SHARE_OBJECT = _folded(r"فيسبوك|فيس بوك|تويتر|واتساب|واتس اب|تلغرام|تيليجرام|لينكد|facebook|twitter|whatsapp|telegram|الموضوع|المقال|الخبر|المنشور|الرابط|غرد|غرّد|(?:على|عبر|:|\|)\s*$", re.IGNORECASE)
_SOURCES = _folded(r"^\W*(?:المصدر|المصادر|مصدر الخبر|المراجع)\s*:?\s*$")
_BULLET = _folded(r"^\s*(?:[•·▪●◦*\-]|\d+[.)])\s*\S")
_CONTACT = _folded(r"^\W*(?:للاستفسار|للتواصل|للاتصال|لمزيد من المعلومات|للنشر الفوري)\b|^\s*\S+@\S+|^\s*(?:https?://|www\.)\S+\s*$")
_PROTECTED_EMAIL = _folded(r"\[email\s*protected\]", re.IGNORECASE)

# Lines of the page around the article: menus and breadcrumbs, bylines, photo captions, tag lists,
# "المصدر: …" with its source on the same line, newsletter and notification prompts, comment and view counts.
_PIPE = re.compile(r"\s[|›»>∣]\s")
_NAV_SEPARATORS = re.compile(r"\s[|›»>/∣\"]\s|\s{2,}")
_HOME = _folded(r"^\W*(?:الرئيسية|الصفحة الرئيسية)\b")
_HOME_WORDS = (fold("الرئيسية"), fold("الصفحة الرئيسية"))
_BYLINE = _folded(r"^\W*(?:كتب|كتبت|بقلم|إعداد|اعداد|تقرير|تحرير|حرر بواسطة|حررته|المحرر|متابعة)\s*:")
# "دمشق - خاص", "الكويت – مكتب الخليج اليوم · الأحد ١٢ مايو ٢٠٢٤": a place and who reports from it, then
# at most a date (a few words with a digit); an office only with that date or the separator before it
# ("دمشق - مكتب الرئاسة ينفي" is a headline).
_DATE_TAIL = r"\s*[·|•]\s*(?=[^\n]*\d)(?:\S+\s*){1,5}"
_REPORTER = _folded(rf"^[^\W\d_]+(?:\s+[^\W\d_]+)?\s*-\s*(?:(?:خاص|مراسلنا|مراسل\s+\S+|وكالات)(?:{_DATE_TAIL})?"
                    rf"|مكتب(?:\s+[^\W\d_]+){{1,3}}(?:{_DATE_TAIL}|\s*[·|•]))\s*$")
_CAPTION = _folded(r"^\W*\(?\s*(?:صورة|الصورة|صور|أرشيفية|ارشيفية|صورة أرشيفية)\b[^()]*\)?\s*$|\((?:صورة|الصورة|أرشيفية|ارشيفية)\b[^()]*\)\s*$")
_TAGS = _folded(r"^\W*(?:الوسوم|وسوم|الكلمات الدالة|الكلمات المفتاحية|كلمات مفتاحية|كلمات دلالية|تصنيفات|التصنيفات|التصنيف|تاغ|تاغات|الأقسام)\s*:|^\s*#\S+(?:\s+#\S+)*\s*$")
_SOURCE_LINE = _folded(r"^\W*(?:المصدر|المصادر|مصدر الخبر)\s*:\s*\S")
_PROMPT = _folded(r"اشترك|إشترك|فعّل الإشعارات|فعل الإشعارات|تابعونا|تابع قناتنا|النشرة البريدية|النشرة الإخبارية|نشرتنا|هل أعجبك|لا تفوت|لا تفوّت")
_COUNTS = _folded(r"^\W*(?:(?:عدد\s+)?(?:التعليقات|تعليقات(?:\s+القراء)?|المشاهدات|القراءات|المشاهدة)\s*[:(]?\s*[\d,٠-٩]*\s*\)?|[\d,٠-٩]+\s+(?:تعليقا|تعليقاً|تعليق|تعليقات|مشاهدة|مشاهدات|قراءة))\s*$")

_DIGIT_OR_STOP = re.compile(r"[\d.،؟?!]")
_FULL_STOP_END = re.compile(r"\.\s*[\"”»]?$")
_SENTENCE_END = re.compile(r"[.!؟?]\s*[\"”»]?$")
_TAG_LINE_MARKS = re.compile(r"[.؟?!:،\d]")

_CAPTION_WORDS = tuple(fold(w) for w in ("صور", "أرشيف", "ارشيف"))
_PROMPT_WORDS = tuple(fold(w) for w in ("اشترك", "إشترك", "الإشعارات", "تابع", "نشرة", "نشرتنا", "أعجبك", "تفوت", "تفوّت"))
_NAV_MARKS = ("|", "›", ">", "/", "∣", "  ", '"')


def _is_page_line(line: str) -> bool:
    """A menu, breadcrumb, byline, caption, tag, source, prompt or counter line (folded, stripped)."""
    if len(line) > 200 or len(line) > 40 and line[-1] in ".!؟?":
        return False  # a paragraph, a sentence
    words = len(line.split())
    marked = ":" in line or "(" in line or "#" in line
    if marked and (_TAGS.search(line) or _BYLINE.search(line) and words <= 8
                   or _SOURCE_LINE.search(line) and words <= 14 and not line.endswith(".")):
        return True
    if words <= 25 and any(w in line for w in _CAPTION_WORDS) and _CAPTION.search(line):
        return True
    if words <= 5 and _COUNTS.search(line) or words <= 12 and _REPORTER.search(line):
        return True
    if words <= 15 and not line.endswith(".") and any(w in line for w in _PROMPT_WORDS) and _PROMPT.search(line):
        return True
    if any(mark in line for mark in _NAV_MARKS) or line.startswith(_HOME_WORDS):
        if not _DIGIT_OR_STOP.search(line):  # menus carry no dates, no sentences
            segments = [seg for seg in _NAV_SEPARATORS.split(line) if seg.strip()]
            short = all(len(seg.split()) <= 4 for seg in segments)
            if short and (len(segments) >= 3 or len(segments) == 2 and _PIPE.search(line)):
                return True  # a menu, a breadcrumb, "site name | section"
            if _HOME.search(line) and len(segments) >= 2:
                return True
    return False


def _is_teaser_line(line: str) -> bool:
    """A line under a "read also" marker that belongs to the teaser: a title, a date, an "ago" stamp,
    rather than the article's next paragraph (a long line ending as a sentence does)."""
    if line.endswith(("…", "...")):
        return True
    return len(line) <= 160 and not _SENTENCE_END.search(line)


def _is_paragraph(line: str) -> bool:
    """A paragraph of the article: a long line that ends a sentence, or a shorter one ending with a full
    stop, which a teaser's title never has (a question mark it may)."""
    if len(line) > 60 and _FULL_STOP_END.search(line) and not line.endswith(".."):
        return True
    return len(line) > 160 and _SENTENCE_END.search(line) is not None


def _lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, content) of every line, end excluding the line break."""
    out, pos = [], 0
    for raw in text.splitlines(keepends=True):
        content = raw.rstrip("\r\n")
        out.append((pos, pos + len(content), content))
        pos += len(raw)
    return out


def _is_tag_line(content: str) -> bool:
    """A category or tag line at the foot of a page: one to three words, no sentence punctuation."""
    words = content.split()
    return 0 < len(words) <= 3 and not _TAG_LINE_MARKS.search(content)


def find_chrome(text: str) -> tuple[Span, ...]:
    lines = _lines(text)
    whole = fold(text)  # same length as text: one fold for the page, sliced per line
    folded = [whole[start:end].strip() for start, end, _ in lines]
    chrome: set[int] = set()
    n = len(lines)
    i = 0
    while i < n:
        line = folded[i]
        if not line:
            i += 1
            continue
        if _SEE_ALSO.search(line) or len(line) <= 40 and _LIST_HEADER.search(line):
            # The marker, then its teasers: short lines or lines cut off with an ellipsis; near the
            # foot of the page everything after it but a paragraph of the article (a long line that
            # ends a sentence: "اقرأ أيضاً" is often set between two paragraphs) is teaser.
            chrome.add(i)
            near_end = lines[i][0] > 0.6 * len(text)
            j, taken = i + 1, 0
            while j < n and (near_end or taken < 4):
                follow = folded[j]
                if follow and not _is_teaser_line(follow) and not (near_end and not _is_paragraph(follow)):
                    break
                if follow:
                    chrome.add(j)
                    taken += 1
                j += 1
            i = j
            continue
        if _SOURCES.search(line):
            chrome.add(i)
            j = i + 1
            while j < n and (not folded[j] or _BULLET.search(folded[j]) or len(folded[j].split()) <= 3):
                if folded[j]:
                    chrome.add(j)
                j += 1
            i = j
            continue
        if (_AGO.search(line) or _UPDATED.search(line) or _CONTACT.search(line) or _PROTECTED_EMAIL.search(line)
                or _is_page_line(line)):
            chrome.add(i)
        elif len(line) <= 60 and _SHARE.search(line) and _SHARE_OBJECT.search(line):
            chrome.add(i)
        i += 1
    # Tag and category lines at the foot of the page.
    for k in range(n - 1, -1, -1):
        if not folded[k] or k in chrome:
            continue
        if _is_tag_line(folded[k]):
            chrome.add(k)
            continue
        break
    return tuple(Span(lines[k][0], lines[k][1]) for k in sorted(chrome))


def overlaps(start: int, end: int, spans: tuple[Span, ...]) -> bool:
    return any(s.start < end and start < s.end for s in spans)
