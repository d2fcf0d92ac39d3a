"""Click commands, one module per area; ``workbench/cli.py`` registers them.  They stay thin: parse
options, call the core, print."""
