"""Extraction speed and memory: `workbench claims` over synthetic corpora of 1,000 and 10,000 documents,
against `dateparser.search_dates` over the same documents in the same run.

    .venv/bin/python -m bench.bench_claims            # 1,000 and 10,000 documents
    .venv/bin/python -m bench.bench_claims --quick    # 200 and 1,000

dateparser is far too slow to run over 10,000 documents, so it runs over a fixed sample of the same
documents and its per-document rate is compared with ours (the ratio column)."""

from __future__ import annotations

import argparse
import tempfile
import warnings
from pathlib import Path

from bench.common import Row, cpu_count, peak_memory_mib, print_table, synthetic_corpus, timed
from workbench.config import Config
from workbench.pipeline import load_and_extract

TARGET_SECONDS_10K = 10.0
TARGET_SPEEDUP = 20.0
DATEPARSER_SAMPLE = 40


def _dateparser_seconds_per_document(folder: Path) -> float:
    from dateparser.search import search_dates

    warnings.filterwarnings("ignore")
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:DATEPARSER_SAMPLE]]
    settings = {"PREFER_DATES_FROM": "past"}
    seconds, _ = timed(lambda: [search_dates(t, languages=["ar"], settings=settings) for t in texts])
    return seconds / len(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller corpora, for a fast look")
    args = parser.parse_args()
    sizes = (200, 1_000) if args.quick else (1_000, 10_000)
    config = Config()
    load_and_extract([], config)  # warm the gazetteer and regex caches once, as a running session would
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="workbench-bench-") as tmp:
        baseline = None
        for size in sizes:
            folder = synthetic_corpus(Path(tmp) / f"corpus-{size}", size)
            if baseline is None:
                baseline = _dateparser_seconds_per_document(folder)
            seconds, (documents, claims, _) = timed(lambda: load_and_extract([folder], config))
            memory, _ = peak_memory_mib(lambda: load_and_extract([folder], config)) if size == sizes[0] else (None, None)
            per_doc = seconds / len(documents)
            rows.append(Row(f"{size:,} docs: wall time", seconds, "s", baseline * len(documents), "dateparser, extrapolated",
                            f"< {TARGET_SECONDS_10K:.0f} s" if size == 10_000 else "",
                            seconds < TARGET_SECONDS_10K if size == 10_000 else None))
            rows.append(Row(f"{size:,} docs: documents/s", len(documents) / seconds, "docs/s"))
            rows.append(Row(f"{size:,} docs: claims/s", len(claims) / seconds, "claims/s"))
            rows.append(Row(f"{size:,} docs: seconds per document", per_doc * 1000, "ms", baseline * 1000,
                            "dateparser.search_dates", f">= {TARGET_SPEEDUP:.0f}x", baseline / per_doc >= TARGET_SPEEDUP))
            if memory is not None:
                rows.append(Row(f"{size:,} docs: peak Python heap", memory, "MiB"))
    print_table(f"workbench claims vs dateparser.search_dates ({cpu_count()} cores)", rows)


if __name__ == "__main__":
    main()
