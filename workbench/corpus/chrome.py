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
_AGO = _folded(r"^\W*منذ\s+\d+\s+(?:ثانيه|ثانية|ثوان|ثواني|ثوانٍ|دقيقه|دقيقة|دقائق|ساعه|ساعة|ساعات|يوم|ايام|أيام|اسبوع|أسبوع|اسابيع|أسابيع|شهر|اشهر|أشهر)\W*$")
_UPDATED = _folded(r"^\W*(?:اخر|آخر)\s+تحديث|^\W*(?:تاريخ\s+)?(?:التحديث|تم التحديث)\s*:")
_SHARE = _folded(r"(?:^|\s)(?:شارك|شاركها|شاركوا|مشاركة|انشر)(?:\s|:|$)|\b(?:share|tweet)\b", re.IGNORECASE)
# What makes a short "share" line chrome rather than a sentence about someone taking part (شارك في ...).
_SHARE_OBJECT = _folded(r"فيسبوك|فيس بوك|تويتر|واتساب|واتس اب|تلغرام|تيليجرام|لينكد|facebook|twitter|whatsapp|telegram|الموضوع|المقال|الخبر|المنشور|الرابط|(?:على|عبر|:)\s*$", re.IGNORECASE)
_SOURCES = _folded(r"^\W*(?:المصدر|المصادر|مصدر الخبر|المراجع)\s*:?\s*$")
_BULLET = _folded(r"^\s*(?:[•·▪●◦*\-]|\d+[.)])\s*\S")
_CONTACT = _folded(r"^\W*(?:للاستفسار|للتواصل|للاتصال|لمزيد من المعلومات|للنشر الفوري)\b|^\s*\S+@\S+|^\s*(?:https?://|www\.)\S+\s*$")
_PROTECTED_EMAIL = _folded(r"\[email\s*protected\]", re.IGNORECASE)


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
    return 0 < len(words) <= 3 and not re.search(r"[.؟?!:،\d]", content)


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
        if _SEE_ALSO.search(line):
            # The marker, then its teasers: short lines or lines cut off with an ellipsis; near the
            # foot of the page everything after it is teaser.
            chrome.add(i)
            near_end = lines[i][0] > 0.6 * len(text)
            j, taken = i + 1, 0
            while j < n and (near_end or taken < 4):
                follow = folded[j]
                if follow and not near_end and len(follow) > 200 and not follow.endswith(("…", "...")):
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
        if _AGO.search(line) or _UPDATED.search(line) or _CONTACT.search(line) or _PROTECTED_EMAIL.search(line):
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
