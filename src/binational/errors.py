"""The exception types users see.

Raise ``UserError`` with one clear sentence (what, where, what to do) wherever input
is refused; the CLI prints it without a traceback and exits with status 1, the web
app turns it into a 400 page or JSON error.

``Busy`` is not the user's mistake: something shared (the database's write lock)
stayed taken, nothing was changed, and the same request may work in a moment. The
CLI prints it like a ``UserError``; the web answers 503 with ``Retry-After``. It is
not a ``UserError``, so that a form that shows its own refusals does not show this
one as a mistake in the form.
"""


class UserError(Exception):
    """Bad input or a refused operation, explained in one sentence."""


class Busy(Exception):
    """A shared resource stayed busy; one sentence, and the seconds worth waiting."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after
