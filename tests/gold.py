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
