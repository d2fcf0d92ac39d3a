"""``workbench xref``: the clusters of claims that state the same fact, across documents."""

from __future__ import annotations

from pathlib import Path

import click

from workbench.commands.common import (
    config_from_context,
    corpus_paths,
    emit_json,
    emit_table,
    parse_published,
    progress_reporter,
    report_problems,
)
from workbench.config import DEFAULT_XREF_THRESHOLD, Config


@click.command("xref")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--published", metavar="YYYY-MM-DD",
              help="Reference date for documents whose own date cannot be found.")
@click.option("--threshold", type=click.FloatRange(0.0, 1.0), default=DEFAULT_XREF_THRESHOLD, show_default=True,
              help="Lowest pair score (0-1) that links two claims; higher gives fewer, tighter clusters.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def xref_command(ctx: click.Context, paths: tuple[str, ...], published: str | None, threshold: float, fmt: str) -> None:
    """Group the claims that state the same fact in different words.

    Pair judgements recorded with `workbench judge` are honoured: "same" always links two claims,
    "different" never lets them share a cluster."""
    from workbench.pipeline import load_and_extract
    from workbench.xref import cross_reference

    config = config_from_context(ctx)
    chosen = corpus_paths(paths, config)
    documents, claims, problems = load_and_extract(
        chosen, config, published=parse_published(published), progress=progress_reporter())
    report_problems(problems, loaded=len(documents))
    clusters = cross_reference(claims, judgements=_judgements(config, chosen), threshold=threshold)
    by_id = {c.id: c for c in claims}
    if fmt == "json":
        emit_json({"clusters": [
            {**cluster.to_json(), "members": [
                {"id": cid, "doc": by_id[cid].doc, "start": by_id[cid].start, "end": by_id[cid].end,
                 "text": by_id[cid].text} for cid in cluster.claims]}
            for cluster in clusters
        ]})
        return
    emit_table(
        ("cluster", "score", "doc", "claim", "text"),
        [(cluster.id, f"{cluster.score:.2f}", by_id[cid].doc, cid, by_id[cid].text)
         for cluster in clusters for cid in cluster.claims],
    )


def _judgements(config: Config, corpus: tuple[Path, ...]) -> dict[frozenset[str], str]:
    """The recorded pair judgements, if there is a verdict database; none is not an error here."""
    from workbench.store import VerdictStore

    path = config.db_path(corpus)
    if not path.exists():
        return {}
    return VerdictStore(path, reviewer=config.reviewer_name()).judgements()
