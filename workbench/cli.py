"""The ``workbench`` command: a click group over the core.  With no subcommand it opens the TUI.

Exit codes follow hsql: 0 clean, 1 findings, 2 usage, configuration or input error (and then nothing
on stdout, one message on stderr, no traceback)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from workbench.errors import WorkbenchError


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="workbench")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path),
              help="With no command: the verdict database the workbench opens (as `workbench open --db`).")
@click.option("--bidi", type=click.Choice(["auto", "on", "off"]),
              help="With no command: how right-to-left lines are shown (as `workbench open --bidi`).")
@click.pass_context
def cli(ctx: click.Context, db: Path | None, bidi: str | None) -> None:
    """Fact-checking workbench for Arabic-language news.

    Run with no command to open the workbench on the configured corpus (the bundled sample when none
    is configured)."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(open_command, paths=(), db=db, bidi=bidi)


from workbench.commands.corpus import claims_command, docs_command  # noqa: E402
from workbench.commands.app import open_command, serve_command  # noqa: E402
from workbench.commands.check import check_command  # noqa: E402
from workbench.commands.xref import xref_command  # noqa: E402
from workbench.commands.verdicts import export_command, judge_command, verdict_group  # noqa: E402

for command in (docs_command, claims_command, xref_command, check_command, verdict_group, judge_command,
                export_command, open_command, serve_command):
    cli.add_command(command)


def main() -> None:
    """Entry point: user-facing errors become one line on stderr and exit code 2."""
    try:
        # Outside standalone mode click returns the code a command gave to ctx.exit() instead of exiting.
        code = cli.main(standalone_mode=False, prog_name="workbench")
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as err:
        err.show()
        sys.exit(2)
    except click.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except WorkbenchError as err:
        click.echo(f"workbench: error: {err}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    sys.exit(code if isinstance(code, int) else 0)
