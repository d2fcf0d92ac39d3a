"""``workbench open`` (also ``workbench`` alone) runs the TUI; ``workbench serve`` serves it to a browser."""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

import click

from workbench.commands.common import config_from_context, corpus_paths
from workbench.config import Config

_PATHS = click.argument("paths", nargs=-1, type=click.Path())
_DB = click.option("--db", type=click.Path(dir_okay=False, path_type=Path),
                   help="Verdict database (default: from the configuration, else a file beside the corpus).")
_BIDI = click.option(
    "--bidi", type=click.Choice(["auto", "on", "off"]),
    help="Reorder right-to-left lines for terminals that cannot (on), leave it to the terminal (off), or "
         "decide from the environment (auto: off in VTE terminals, Konsole and mlterm, on elsewhere).",
)


# Textual and the core are imported inside the commands so that `workbench --help` stays fast.


def _open_store(config: Config, paths: tuple[Path, ...]):
    from workbench.store import RatingScale, VerdictStore

    return VerdictStore(config.db_path(paths), reviewer=config.reviewer_name(),
                        scale=RatingScale.from_config(config.ratings))


def workbench_app(config: Config, paths: tuple[Path, ...]):
    """The app over ``paths``.  Only Textual and the store are imported here: the core (corpus,
    extraction, cross-referencing, rules) is imported by the app's loading worker after the first screen
    is drawn, and a broken rule file or database is reported there (ctrl+r tries again once fixed).
    Loading is ``analyse`` in two steps, so documents and claims are shown while they are checked."""
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.bidi import resolve_bidi

    store = _open_store(config, paths)

    def load(progress):
        from workbench.pipeline import Analysis, load_and_extract
        from workbench.rules import load_rules

        load_rules(config.rules, levels=config.levels)  # a broken rule is reported before a long extraction
        documents, claims, problems = load_and_extract(paths, config, progress=progress)
        return Analysis(documents, claims, problems=problems)

    def rejudge(analysis):
        from workbench.pipeline import recluster

        return recluster(analysis, config, store=store)

    return WorkbenchApp(load, rejudge=rejudge, store=store, reorder=resolve_bidi(config.bidi),
                        db_label=str(config.db_path(paths)))


@click.command("open")
@_PATHS
@_DB
@_BIDI
@click.pass_context
def open_command(ctx: click.Context, paths: tuple[str, ...], db: Path | None, bidi: str | None) -> None:
    """Open the workbench on PATHS (default: the configured corpus, else the bundled sample)."""
    config = config_from_context(ctx).with_overrides(db=db, bidi=bidi)
    app = workbench_app(config, corpus_paths(paths, config))
    app.run()
    if app.busy is not None:
        # Quit while the corpus was still being analysed: the worker thread cannot be interrupted, and
        # nothing is left to save (verdicts are written when they are made), so do not wait for it.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


@click.command("serve")
@_PATHS
@_DB
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.pass_context
def serve_command(ctx: click.Context, paths: tuple[str, ...], db: Path | None, host: str, port: int) -> None:
    """Serve the workbench to a web browser (one app per browser tab), on 127.0.0.1 unless told otherwise."""
    from textual_serve.server import Server

    config = config_from_context(ctx).with_overrides(db=db)
    chosen = corpus_paths(paths, config)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"workbench: warning: serving on {host}: anyone who can reach it can read and record verdicts",
                   err=True)
    # The browser terminal draws cells left to right, as kitty does: reorder Arabic lines for it.
    command = [sys.executable, "-c", "from workbench.cli import main; main()", "open", "--bidi", "on",
               "--db", str(config.db_path(chosen).resolve()), *(str(p.resolve()) for p in chosen)]
    Server(shlex.join(command), host=host, port=port, title="workbench").serve()
