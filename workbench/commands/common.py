"""What every command shares: configuration, corpus paths, the verdict store and output helpers."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import click

from workbench.config import BUNDLED_CORPUS, Config, load_config
from workbench.errors import InputError
from workbench.model import Problem


def config_from_context(ctx: click.Context) -> Config:
    """The configuration found upward from the current directory, loaded once per invocation."""
    root = ctx.find_root()
    if not isinstance(root.obj, dict):
        root.obj = {}
    if "config" not in root.obj:
        root.obj["config"] = load_config()
    return root.obj["config"]


def corpus_paths(paths: Sequence[str], config: Config) -> tuple[Path, ...]:
    """Paths given on the command line, else the configured corpus, else the bundled sample."""
    chosen = tuple(Path(p) for p in paths) or config.corpus or (BUNDLED_CORPUS,)
    missing = [str(p) for p in chosen if not p.exists()]
    if missing:
        raise InputError(f"no such file or folder: {', '.join(missing)}")
    return chosen


def parse_published(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD", param_hint="--published") from None


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def emit_jsonl(rows: Iterable[dict[str, Any]]) -> None:
    for row in rows:
        click.echo(json.dumps(row, ensure_ascii=False))


def emit_table(headers: Sequence[str], rows: Iterable[Sequence[Any]], *, wrap_last: bool = True) -> None:
    """A plain aligned table: greppable, pipe-friendly, no colour.  Arabic stays in logical order."""
    rows = [[("" if v is None else str(v)).replace("\n", " ") for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row[:-1] if wrap_last else row):
            widths[i] = min(max(widths[i], len(cell)), 40)
    def line(cells: Sequence[str]) -> str:
        parts = [cell[: widths[i]].ljust(widths[i]) for i, cell in enumerate(cells[:-1])]
        return "  ".join([*parts, cells[-1]]).rstrip()
    click.echo(line(headers))
    for row in rows:
        click.echo(line(row))


def progress_reporter() -> Any:
    """A progress callback that draws on stderr only when stderr is a terminal; else None."""
    if not sys.stderr.isatty():
        return None
    width = max(20, min(60, shutil.get_terminal_size().columns - 30))

    def report(stage: str, done: int, total: int) -> None:
        filled = int(width * done / total) if total else width
        sys.stderr.write(f"\r{stage:8} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return report


def report_problems(problems: Sequence[Problem], *, loaded: int) -> None:
    """Each unusable file (and line) on stderr; no document at all is an input error (exit 2)."""
    for problem in problems:
        click.echo(f"workbench: warning: {problem}", err=True)
    if loaded == 0:
        raise InputError("no documents could be loaded" + (f" ({len(problems)} problem(s) above)" if problems else ""))
