"""The one exception type users see.

Raise ``UserError`` with one clear sentence (what, where, what to do) wherever input
is refused; the CLI prints it without a traceback and exits with status 1, the web
app turns it into a 400 page or JSON error.
"""


class UserError(Exception):
    """Bad input or a refused operation, explained in one sentence."""
