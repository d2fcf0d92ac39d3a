"""Run every benchmark, each printing its table of workbench against a baseline measured in the same run.

    .venv/bin/python -m bench            # full sizes (several minutes)
    .venv/bin/python -m bench --quick    # smaller sizes, for a fast look
    .venv/bin/python -m bench claims xref --quick
"""

from __future__ import annotations

import subprocess
import sys

BENCHMARKS = ("claims", "xref", "ans", "store", "tui")


def main() -> int:
    args = sys.argv[1:]
    flags = [a for a in args if a.startswith("-")]
    chosen = [a for a in args if not a.startswith("-")] or list(BENCHMARKS)
    unknown = [name for name in chosen if name not in BENCHMARKS]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}", file=sys.stderr)
        return 2
    status = 0
    for name in chosen:
        status |= subprocess.call([sys.executable, "-m", f"bench.bench_{name}", *flags])
    return status


if __name__ == "__main__":
    sys.exit(main())
