"""``workbench check PATH…``: the whole flow for CI, printing findings as text, JSON, SARIF, JUnit XML or
GitHub workflow annotations.

Exit codes: 0 when no unreviewed finding is at or above ``--fail-on``; 1 when one is; 2 for a usage,
configuration or input error, with one message on stderr and nothing on stdout.

Input problems: every file that cannot be used is named on stderr.  A file named on the command line
that cannot be loaded is an input error (exit 2): the user asked for exactly that file.  A file met
inside a folder that cannot be decoded is a warning and the rest are checked, unless no document at all
could be loaded (exit 2).
"""

from __future__ import annotations

from pathlib import Path

import click

from workbench.commands.common import (
    config_from_context, corpus_paths, parse_published, progress_reporter, report_problems,
)
from workbench.errors import InputError
from workbench.report import FAIL_ON, FORMATS, Report, render


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("workbench")
    except PackageNotFoundError:
        return "0"


def _open_store(db: str | None, config, corpus: tuple[Path, ...]):
    """The verdict store when there is one: ``--db`` must exist; the configured or default database is
    used only if it exists (a check never creates one)."""
    path = Path(db) if db else config.db_path(corpus)
    if not path.exists():
        if db:
            raise InputError(f"{path}: no such verdict database (--db)")
        return None
    from workbench.store import RatingScale, VerdictStore

    return VerdictStore(path, reviewer=config.reviewer_name(), scale=RatingScale.from_config(config.ratings))


def _named_files_failed(paths: tuple[Path, ...], documents) -> list[str]:
    """Files named on the command line from which no document could be loaded."""
    loaded = {Path(d.path).resolve() for d in documents if d.path}
    return [str(p) for p in paths if p.is_file() and p.resolve() not in loaded]


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(), metavar="DIR",
              help="A directory of rule files, after the configured ones (default: the bundled rules); "
                   "a rule there replaces one with the same id. Repeatable.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
              help="Exit 1 when an unreviewed finding is at or above this level [default: configured, else error].")
@click.option("--db", type=click.Path(dir_okay=False), default=None,
              help="Verdict database: its reviews mark findings reviewed; its verdicts feed contradicts-verdict.")
@click.option("--published", metavar="YYYY-MM-DD",
              help="Reference date for documents whose own date cannot be found.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None,
              help="Write the report to this file instead of standard output.")
@click.pass_context
def check_command(ctx: click.Context, paths: tuple[str, ...], rules_dirs: tuple[str, ...], fail_on: str | None,
                  db: str | None, published: str | None, fmt: str, output: str | None) -> None:
    """Check documents for inconsistencies and print the findings (for CI).

    Exit 0: no unreviewed finding at or above --fail-on; 1: there are; 2: usage, configuration or
    input error."""
    from workbench.pipeline import analyse
    from workbench.rules import load_rules

    config = config_from_context(ctx)
    config = config.with_overrides(rules=config.rules + tuple(Path(d) for d in rules_dirs), fail_on=fail_on)
    reference = parse_published(published)
    corpus = corpus_paths(paths, config)
    rules = load_rules(config.rules, levels=config.levels)
    store = _open_store(db, config, corpus)
    analysis = analyse(corpus, config, store=store, published=reference, progress=progress_reporter())
    report_problems(analysis.problems, loaded=len(analysis.documents))
    failed = _named_files_failed(corpus, analysis.documents)
    if failed:
        raise InputError(f"could not load {', '.join(failed)}")
    report = Report(
        findings=analysis.findings, documents={d.id: d for d in analysis.documents},
        claims={c.id: c for c in analysis.claims}, rules=rules, problems=analysis.problems,
        fail_on=config.fail_on, version=_version(),
    )
    text = render(report, fmt)
    if output:
        try:
            Path(output).write_text(text + "\n", encoding="utf-8")
        except OSError as err:
            raise InputError(f"{output}: cannot write the report: {err.strerror}") from None
    else:
        click.echo(text)
    if report.failing:
        ctx.exit(1)
