"""``workbench docs`` and ``workbench claims``: what was loaded, and what was extracted from it.

The core is imported inside the commands, so that ``workbench --help`` and the TUI's first frame do not
wait for the date grammar to compile."""

from __future__ import annotations

import click

from workbench.commands.common import (
    config_from_context,
    corpus_paths,
    emit_json,
    emit_jsonl,
    emit_table,
    parse_published,
    progress_reporter,
    report_problems,
)

_PATHS = click.argument("paths", nargs=-1, type=click.Path())
_PUBLISHED = click.option(
    "--published", metavar="YYYY-MM-DD",
    help="Reference date for documents whose own date cannot be found (relative dates resolve against it).",
)


@click.command("docs")
@_PATHS
@_PUBLISHED
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table", show_default=True)
@click.pass_context
def docs_command(ctx: click.Context, paths: tuple[str, ...], published: str | None, fmt: str) -> None:
    """List the documents of a corpus with their own dates, titles and claim counts."""
    from workbench.extract import Extractor
    from workbench.pipeline import load_and_extract

    config = config_from_context(ctx)
    documents, claims, problems = load_and_extract(
        corpus_paths(paths, config), config, published=parse_published(published), progress=progress_reporter())
    report_problems(problems, loaded=len(documents))
    per_doc: dict[str, int] = {}
    for claim in claims:
        per_doc[claim.doc] = per_doc.get(claim.doc, 0) + 1
    extractor = Extractor.from_config(config)
    rows = [{
        "id": d.id, "path": d.path, "line": d.line, "title": d.title,
        "published": d.published.isoformat() if d.published else None, "published_from": d.published_source,
        "source": d.source, "url": d.url, "encoding": d.encoding, "claims": per_doc.get(d.id, 0),
        "chrome": [[s.start, s.end] for s in d.chrome],
        "chrome_dates": [m.to_json() for m in extractor.chrome_dates(d)],
    } for d in documents]
    if fmt == "json":
        emit_json({"documents": rows})
    elif fmt == "jsonl":
        emit_jsonl(rows)
    else:
        emit_table(
            ("id", "published", "from", "claims", "encoding", "title"),
            [(r["id"], r["published"] or "unknown", r["published_from"] or "-", r["claims"], r["encoding"], r["title"]) for r in rows],
        )


@click.command("claims")
@_PATHS
@_PUBLISHED
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table", show_default=True)
@click.pass_context
def claims_command(ctx: click.Context, paths: tuple[str, ...], published: str | None, fmt: str) -> None:
    """Split documents into claims and show the dates, numbers and entities each one states.

    Offsets (start, end) are character offsets into the document's decoded original text."""
    from workbench.pipeline import load_and_extract

    config = config_from_context(ctx)
    documents, claims, problems = load_and_extract(
        corpus_paths(paths, config), config, published=parse_published(published), progress=progress_reporter())
    report_problems(problems, loaded=len(documents))
    if fmt == "jsonl":
        emit_jsonl(c.to_json() for c in claims)
    elif fmt == "json":
        emit_json({"claims": [c.to_json() for c in claims]})
    else:
        emit_table(
            ("id", "doc", "dates", "numbers", "entities", "text"),
            [(
                c.id, c.doc, ", ".join(d.value for d in c.dates),
                ", ".join(f"{n.value:g}{' ' + n.unit if n.unit else ''}" for n in c.numbers),
                ", ".join(e.name or e.text for e in c.entities),
                c.text if len(c.text) <= 90 else c.text[:89] + "…",
            ) for c in claims],
        )
