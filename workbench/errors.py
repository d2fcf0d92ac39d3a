"""Errors a user can act on.  The CLI turns each into one message on stderr and exit code 2;
the TUI shows it in a notification.  Never a traceback for bad input."""


class WorkbenchError(Exception):
    """Base: the message names the file (and line, and field) at fault."""


class InputError(WorkbenchError):
    """A corpus path or option that cannot be used."""


class RuleError(WorkbenchError):
    """A malformed rule file: names the file, the rule id and the field."""


class StoreError(WorkbenchError):
    """A verdict database that cannot be read or written safely (it is left untouched)."""
