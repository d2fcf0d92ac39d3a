"""Shared by the benchmarks: timing, peak memory, synthetic corpora and the results table.

Every benchmark measures workbench and a baseline in the same run and prints the ratio, so the numbers
mean the same on any machine."""

from __future__ import annotations

import gc
import os
import random
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CORPUS = ROOT / "data" / "corpus"


@dataclass(frozen=True)
class Row:
    """One line of a benchmark table: what, our figure, the baseline's, and the target it must meet."""

    measure: str
    ours: float
    unit: str
    baseline: float | None = None
    baseline_name: str = ""
    target: str = ""
    ok: bool | None = None
    higher_is_better: bool = False  # a rate or a share: the ratio is then ours / baseline

    @property
    def ratio(self) -> float | None:
        """How many times better than the baseline."""
        if self.baseline is None or not self.ours or not self.baseline:
            return None
        return self.ours / self.baseline if self.higher_is_better else self.baseline / self.ours


def timed(fn: Callable[[], Any], *, repeat: int = 1) -> tuple[float, Any]:
    """Best wall time of ``repeat`` runs, and the last result."""
    best = float("inf")
    result = None
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def peak_memory_mib(fn: Callable[[], Any]) -> tuple[float, Any]:
    """Peak Python heap allocation while ``fn`` runs (tracemalloc), in MiB."""
    gc.collect()
    tracemalloc.start()
    try:
        result = fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 2**20, result


def synthetic_corpus(folder: Path, count: int, *, seed: int = 7) -> Path:
    """Write ``count`` documents made from the sample corpus's paragraphs, shuffled and recombined
    (with their date lines kept first), so sizes and language match real articles."""
    folder.mkdir(parents=True, exist_ok=True)
    existing = sorted(folder.glob("*.txt"))
    if len(existing) == count:
        return folder
    for old in existing:
        old.unlink()
    rng = random.Random(seed)
    sources = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE_CORPUS.glob("*.txt"))]
    heads, paragraphs = [], []
    for text in sources:
        lines = [line for line in text.splitlines() if line.strip()]
        heads.append(lines[0])
        paragraphs.extend(line for line in lines[1:] if len(line) > 60)
    for i in range(count):
        body = rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(3, 8)))
        text = "\n\n".join([rng.choice(heads), *body]) + "\n"
        (folder / f"synthetic_{i:06d}.txt").write_text(text, encoding="utf-8")
    return folder


def print_table(title: str, rows: list[Row]) -> None:
    """A fixed-width table: measure, ours, baseline, ratio (times better than the baseline), target, ok."""
    headers = ("measure", "workbench", "baseline", "ratio", "target", "ok")
    lines = []
    for r in rows:
        base = f"{r.baseline:,.3f} {r.unit} ({r.baseline_name})" if r.baseline is not None else "-"
        ratio = f"{r.ratio:,.1f}x" if r.ratio is not None else "-"
        ok = "-" if r.ok is None else ("yes" if r.ok else "NO")
        lines.append((r.measure, f"{r.ours:,.3f} {r.unit}", base, ratio, r.target or "-", ok))
    widths = [max(len(h), *(len(l[i]) for l in lines)) for i, h in enumerate(headers)]
    print(f"\n{title}")
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths)))
    print("  ".join("-" * w for w in widths))
    for line in lines:
        print("  ".join(c.ljust(w) for c, w in zip(line, widths)))


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
