"""Document and claim text with what was extracted highlighted in place.

Each kind has its own text attribute as well as a colour (dates underlined, numbers bold, entities
italic, conflicting values reversed), so the meaning survives NO_COLOR and monochrome terminals."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.style import Style
from rich.text import Text

from workbench.model import Claim, DateMention, Document, EntityMention, Finding, NumberMention
from workbench.tui.bidi import clean

DATE_STYLE = Style(underline=True, color="dodger_blue1")
NUMBER_STYLE = Style(bold=True, color="dark_orange")
ENTITY_STYLE = Style(italic=True, color="medium_purple1")
CONFLICT_STYLE = Style(reverse=True, bold=True)
CHROME_STYLE = Style(dim=True)

Mention = DateMention | NumberMention | EntityMention


def legend() -> Text:
    return Text.assemble(
        ("date", DATE_STYLE), " underlined · ", ("number", NUMBER_STYLE), " bold · ",
        ("entity", ENTITY_STYLE), " italic · ", ("conflict", CONFLICT_STYLE), " reversed · ",
        ("chrome", CHROME_STYLE), " dim",
    )


def mention_style(mention: Mention) -> Style:
    if isinstance(mention, DateMention):
        return DATE_STYLE
    if isinstance(mention, NumberMention):
        return NUMBER_STYLE
    return ENTITY_STYLE


def mentions(claim: Claim) -> list[Mention]:
    return sorted([*claim.dates, *claim.numbers, *claim.entities], key=lambda m: m.start)


def finding_values(finding: Finding) -> set[str]:
    """The texts and values a finding is about.  Rules list them under ``items`` (each with the claim,
    the mention's text and its value); without that list, every scalar of the finding's values counts."""
    items = finding.values.get("items")
    if isinstance(items, list) and all(isinstance(i, dict) for i in items):
        return {str(i[key]) for i in items for key in ("mention", "value") if i.get(key) is not None}
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, (list, tuple, set)):
            for v in value:
                walk(v)
        elif value is not None and not isinstance(value, bool):
            found.add(str(value))

    walk(finding.values)
    return found


def in_conflict(mention: Mention, values: set[str]) -> bool:
    if isinstance(mention, DateMention):
        return mention.value in values or mention.text in values
    if isinstance(mention, NumberMention):
        number = mention.value
        as_text = {str(number), str(int(number))} if float(number).is_integer() else {str(number)}
        return bool(as_text & values) or mention.text in values
    return mention.text in values or mention.id in values


def claim_text(claim: Claim, conflicts: set[str] = frozenset()) -> Text:
    """The claim's own text with its mentions styled; mentions whose value is in ``conflicts`` reversed."""
    text = Text(clean(claim.text))
    for mention in mentions(claim):
        start, end = mention.start - claim.start, mention.end - claim.start
        if 0 <= start < end <= len(claim.text):
            text.stylize(mention_style(mention), start, end)
            if in_conflict(mention, conflicts):
                text.stylize(CONFLICT_STYLE, start, end)
    return text


def document_text(document: Document, claims: Iterable[Claim], conflicts: set[str] = frozenset()) -> Text:
    """The whole document as written, page chrome dimmed, every extracted mention styled in place."""
    text = Text(clean(document.text))
    for span in document.chrome:
        text.stylize(CHROME_STYLE, span.start, span.end)
    for claim in claims:
        for mention in mentions(claim):
            text.stylize(mention_style(mention), mention.start, mention.end)
            if in_conflict(mention, conflicts):
                text.stylize(CONFLICT_STYLE, mention.start, mention.end)
    return text


def describe(mention: Mention) -> tuple[str, str, str, str]:
    """(kind, value, detail, relative) for the table of what was extracted."""
    if isinstance(mention, DateMention):
        # The calendar is named only when it is not the usual one, so the weekday fits the column.
        detail = " · ".join(x for x in (mention.granularity, "" if mention.calendar == "gregorian" else mention.calendar,
                                        mention.weekday or "") if x)
        return "◷ date", mention.value, detail, "relative" if mention.relative else "absolute"
    if isinstance(mention, NumberMention):
        detail = " · ".join(x for x in (mention.unit or "", "ordinal" if mention.ordinal else "") if x)
        return "# number", str(mention.value), detail, ""
    detail = mention.type + (f" · {mention.title}" if mention.title else "") + ("" if mention.exact else " · fuzzy")
    return "@ entity", mention.name or mention.id, detail, ""
