"""Showing document text safely and, for terminals that cannot, in visual right-to-left order.

The model keeps text in logical order.  Terminals differ: VTE (GNOME Terminal, Tilix), Konsole and mlterm
reorder right-to-left runs themselves; kitty, Windows Terminal, xterm and most others draw cells left to
right as they arrive.  For those, every line is reordered *after* it has been wrapped (reordering a whole
paragraph and then wrapping would scramble the line order) and Arabic letters are shaped into their
joined presentation forms.  Nothing here changes the model: it only builds what is drawn.

``--bidi auto`` (the default, also ``bidi = "auto"`` in the configuration) reads the environment:
``VTE_VERSION``, ``KONSOLE_VERSION`` or ``MLTERM`` set means the terminal reorders by itself (off);
anything else gets the reordering (on).
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Mapping

from bidi import algorithm
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

# Terminals known to apply the Unicode bidi algorithm themselves.
_SELF_REORDERING = ("VTE_VERSION", "KONSOLE_VERSION", "MLTERM")


def resolve_bidi(mode: str, environ: Mapping[str, str] | None = None) -> bool:
    """Whether to reorder lines for display: "on", "off", or "auto" (decided from the terminal)."""
    if mode == "on":
        return True
    if mode == "off":
        return False
    env = os.environ if environ is None else environ
    return not any(env.get(name) for name in _SELF_REORDERING)


# ---- escaping -------------------------------------------------------------------------------------

def _control_pictures() -> dict[int, str]:
    """C0 controls, DEL and C1 controls mapped to a visible stand-in of the same length (one
    character), so offsets into the text stay valid for highlighting.  Newlines and tabs are kept."""
    table = {c: chr(0x2400 + c) for c in range(0x20) if c not in (0x09, 0x0A)}
    table[0x7F] = "\u2421"
    table |= {c: "\ufffd" for c in range(0x80, 0xA0)}
    # Bidi embedding controls would fight the display reordering: show them as a replacement mark.
    table |= {c: "\ufffd" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
    return table


_CONTROLS = _control_pictures()


def clean(text: str) -> str:
    """Document text made safe to draw: control characters (escape sequences start with one) become
    visible symbols, tabs become a space.  Same length as the input."""
    return text.translate(_CONTROLS).replace("\t", " ")


def plain(text: str, style: str = "") -> Text:
    """Untrusted text as a Rich Text: never parsed as markup, control characters escaped."""
    return Text(clean(text), style=style, no_wrap=False)


# ---- shaping --------------------------------------------------------------------------------------

def _shaping_tables() -> tuple[dict[str, dict[str, str]], dict[tuple[str, str, str], str]]:
    """Presentation forms read from the Unicode database: for each letter its isolated, final,
    initial and medial glyphs, and the lam-alef ligatures."""
    forms: dict[str, dict[str, str]] = {}
    ligatures: dict[tuple[str, str, str], str] = {}
    for code in range(0xFE70, 0xFEFD):
        glyph = chr(code)
        parts = unicodedata.decomposition(glyph).split()
        if len(parts) < 2 or not parts[0].startswith("<"):
            continue
        form = parts[0].strip("<>")
        letters = [chr(int(p, 16)) for p in parts[1:]]
        if len(letters) == 1:
            forms.setdefault(letters[0], {})[form] = glyph
        elif len(letters) == 2 and form in ("isolated", "final"):
            ligatures[(letters[0], letters[1], form)] = glyph
    return forms, ligatures


_FORMS, _LIGATURES = _shaping_tables()


TATWEEL = "\u0640"


def _joins_forward(ch: str) -> bool:
    """A letter that connects to the letter after it (it has an initial or medial form)."""
    forms = _FORMS.get(ch, {})
    return "initial" in forms or "medial" in forms or ch == TATWEEL


def _neighbour_index(text: str, i: int, step: int) -> int:
    """The next character in direction ``step``, skipping diacritics (they do not break joining)."""
    j = i + step
    while 0 <= j < len(text) and unicodedata.category(text[j]) == "Mn":
        j += step
    return j


def _letter_at(text: str, j: int) -> str | None:
    """The joining letter at ``j``, or None for anything that breaks a join."""
    if 0 <= j < len(text) and (text[j] in _FORMS or text[j] == TATWEEL):
        return text[j]
    return None


def shape(text: str) -> list[tuple[str, int]]:
    """Arabic letters in their contextual forms, in logical order, each with the index of the
    character it came from.  Lam followed by alef becomes one ligature (the alef is dropped)."""
    out: list[tuple[str, int]] = []
    skip = -1
    for i, ch in enumerate(text):
        if i == skip:
            continue
        forms = _FORMS.get(ch)
        if not forms:
            out.append((ch, i))
            continue
        prev = _letter_at(text, _neighbour_index(text, i, -1))
        nxt_index = _neighbour_index(text, i, +1)
        nxt = _letter_at(text, nxt_index) or ""
        joined_before = prev is not None and _joins_forward(prev)
        if ch == "\u0644" and nxt in ("\u0622", "\u0623", "\u0625", "\u0627"):
            ligature = _LIGATURES.get((ch, nxt, "final" if joined_before else "isolated"))
            if ligature:
                out.append((ligature, i))
                skip = nxt_index
                continue
        joined_after = bool(nxt) and _joins_forward(ch)
        if joined_before and joined_after:
            form = "medial"
        elif joined_before:
            form = "final"
        elif joined_after:
            form = "initial"
        else:
            form = "isolated"
        out.append((forms.get(form) or forms.get("isolated") or ch, i))
    return out


# ---- reordering -----------------------------------------------------------------------------------

def base_is_rtl(text: str) -> bool:
    """The paragraph direction by the first strong character (rule P2/P3 of the bidi algorithm)."""
    return algorithm.get_base_level(text) == 1


def visual_order(text: str, *, rtl: bool) -> list[tuple[str, int]]:
    """One display line, shaped and reordered: (glyph, index into ``text``) from left to right.
    This is python-bidi's algorithm with each character carrying its source index, so styles
    (highlighted dates and numbers) follow their characters."""
    shaped = shape(text)
    storage = algorithm.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    algorithm.get_embedding_levels("".join(g for g, _ in shaped), storage)
    for entry, (_, index) in zip(storage["chars"], shaped):
        entry["index"] = index
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    algorithm.reorder_resolved_levels(storage, False)
    algorithm.apply_mirroring(storage, False)
    return [(entry["ch"], entry["index"]) for entry in storage["chars"]]


def _is_rtl(token: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in token)


_QUOTES = "'\"‘’“”«»"


def _is_number(token: str) -> bool:
    """A number or date, perhaps quoted ('8 مارس' opens with one); not in brackets, which an English
    line uses for its own notes: "10 آذار 2025 (2025-03-10)"."""
    core = token.strip(_QUOTES)
    return bool(core) and core[0].isdigit() and all(ch.isdigit() or ch in ".,:/-" for ch in core)


def rtl_islands(text: str) -> list[tuple[int, int]]:
    """The right-to-left phrases of a left-to-right line: runs of space-separated words that are
    Arabic or numbers, holding at least one Arabic word ("8 مارس", "10 آذار/مارس 2025").

    The workbench's own lines (rule messages, value lists) quote Arabic inside English.  Under the plain
    bidi algorithm a number or date after an Arabic word joins its run ("8 مارس (2025-03-08); 101_x"
    shows as "101 ;(08-03-2025) مارس 8"); treating each phrase as an isolate, as its author meant, keeps
    the English in order around it."""
    islands: list[tuple[int, int]] = []
    run: list[tuple[int, int, bool]] = []  # (start, end, arabic) of the words in the current run

    def close() -> None:
        if any(arabic for _, _, arabic in run):
            islands.append((run[0][0], run[-1][1]))
        run.clear()

    for word in re.finditer(r"\S+", text):
        token = word.group()
        arabic = _is_rtl(token)
        if arabic or _is_number(token):
            run.append((word.start(), word.end(), arabic))
        else:
            close()
    close()
    return islands


def _ltr_order(text: str) -> list[tuple[str, int]]:
    """A left-to-right line in display order, each right-to-left phrase reordered on its own."""
    order: list[tuple[str, int]] = []
    done = 0
    for start, end in rtl_islands(text):
        order += [(text[i], i) for i in range(done, start)]
        order += [(glyph, start + i) for glyph, i in visual_order(text[start:end], rtl=True)]
        done = end
    return order + [(text[i], i) for i in range(done, len(text))]


def visual_line(line: Text, *, rtl: bool) -> Text:
    """A wrapped line of styled text in display order; each glyph keeps its source character's style."""
    text = line.plain
    if not _is_rtl(text):
        return line
    order = visual_order(text, rtl=True) if rtl else _ltr_order(text)
    result = Text("".join(glyph for glyph, _ in order), style=line.style, end=line.end)
    position: list[int | None] = [None] * len(text)  # None: merged into a ligature
    for at, (_, index) in enumerate(order):
        position[index] = at
    for span in line.spans:
        places = sorted(p for p in position[span.start:span.end] if p is not None)
        run_start = previous = None
        for p in places:
            if previous is not None and p != previous + 1:
                result.stylize(span.style, run_start, previous + 1)
                run_start = None
            if run_start is None:
                run_start = p
            previous = p
        if run_start is not None:
            result.stylize(span.style, run_start, previous + 1)
    return result


class BidiText:
    """A Rich renderable: wraps ``text`` to the width it is given, then, when ``reorder`` is set,
    reorders and shapes each line, right-aligning right-to-left paragraphs."""

    def __init__(self, text: Text, *, reorder: bool) -> None:
        self.text = text
        self.reorder = reorder

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        if not self.reorder:
            yield from self.text.wrap(console, width, overflow="fold")
            return
        for paragraph in self.text.split("\n", allow_blank=True):
            rtl = base_is_rtl(paragraph.plain)
            for line in paragraph.wrap(console, width, overflow="fold"):
                line.rstrip()
                shown = visual_line(line, rtl=rtl)
                if rtl:
                    shown.pad_left(max(0, width - shown.cell_len))
                yield shown

    def __rich_measure__(self, console: Console, options: ConsoleOptions):
        return self.text.__rich_measure__(console, options)


def one_line(text: Text, width: int, *, reorder: bool) -> Text:
    """A single table-cell line: truncated in logical order (the start of the text survives),
    then reordered for display when asked."""
    line = text.copy()
    line.plain = line.plain.replace("\n", " ")
    line.truncate(width, overflow="ellipsis")
    if not reorder:
        return line
    return visual_line(line, rtl=base_is_rtl(line.plain))


class OneLine:
    """:func:`one_line` made when drawn, for table cells: a table of thousands of rows draws only the
    rows on screen, and reordering every row's Arabic up front would take seconds."""

    def __init__(self, text: Text, width: int, *, reorder: bool) -> None:
        self.text = text
        self.width = width
        self.reorder = reorder

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield one_line(self.text, min(self.width, options.max_width), reorder=self.reorder)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        width = min(self.width, len(self.text.plain))  # a bound, without drawing it
        return Measurement(width, width)

