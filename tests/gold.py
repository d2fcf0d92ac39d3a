"""The hand-made gold for the sample corpus (tests/data/gold/corpus.yaml), loaded once."""

from __future__ import annotations

from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data"
GOLD = yaml.safe_load((DATA / "gold" / "corpus.yaml").read_text(encoding="utf-8"))


def locate(text: str, needle: str, after: str | None = None) -> int:
    """Offset of the first occurrence of ``needle`` at or after ``after`` (gold's convention)."""
    start = text.index(after) if after else 0
    return text.index(needle, start)


def check_date_found(document, mentions, item) -> None:
    """A gold date: some mention covering its text has its value."""
    where = locate(document.text, item["text"], item.get("after"))
    covering = [m for m in mentions if m.start <= where < m.end or where <= m.start < where + len(item["text"])]
    assert covering, f"{item['text']!r} not found as a date"
    assert item["value"] in {m.value for m in covering}, [m.to_json() for m in covering]


def check_not_a_date(document, claims, text: str) -> None:
    """A gold non-date: no date mention overlaps any occurrence of it.  A Hijri date may contain its
    year (1447): that is the date, not a year of its own."""
    start = 0
    while (where := document.text.find(text, start)) >= 0:
        end = where + len(text)
        for mention in (m for c in claims for m in c.dates):
            inside_larger = mention.start < where or mention.end > end
            overlapping = mention.start < end and where < mention.end
            assert not overlapping or (inside_larger and mention.calendar == "hijri"), mention.to_json()
        start = end


def check_number_found(document, claims, item) -> None:
    """A gold number: a number mention overlapping its text has its value (and unit, when given)."""
    where = locate(document.text, item["text"], item.get("after"))
    end = where + len(item["text"])
    found = [n for c in claims for n in c.numbers if n.start < end and where < n.end]
    assert item["value"] in [n.value for n in found], [n.to_json() for n in found]
    if "unit" in item:
        assert item["unit"] in [n.unit for n in found if n.value == item["value"]]
