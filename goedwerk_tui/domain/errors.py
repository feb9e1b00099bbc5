"""One family of errors: a message key, its parameters and an exit code.

The domain never builds sentences for people. It raises ``GoedwerkError`` (or a
subclass) with a key of the i18n catalogue and the values the message needs; the UI
and the CLI call ``message(lang)`` to say it in the session's language. ``str(exc)``
is the English message, for logs and tracebacks in development.

A key that is not (yet) in the catalogue is shown as it is, so a literal sentence
still reads; a test checks that every key raised in the package has a translation.
"""

from __future__ import annotations


class GoedwerkError(Exception):
    """Root of every error goedwerk explains to a user."""

    exit_code = 1

    def __init__(self, code: str, /, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def message(self, lang: str = "en") -> str:
        """The one line a user reads, in ``lang``; nested errors are translated too.

        Said through ``messages.render``, the one sanitising path for messages built
        from file content: every text parameter (a value from a save, a deck, a path)
        has its control characters made visible, so no escape sequence reaches the
        terminal.
        """
        from goedwerk_tui.domain.messages import render

        return render(self.code, self.params, lang)

    def __str__(self) -> str:
        return self.message("en")


class RuleError(GoedwerkError, ValueError):
    """An intent the rules of play do not allow now."""


class SaveError(GoedwerkError):
    """A save cannot be created, written, opened or read."""


class SnapshotError(GoedwerkError, ValueError):
    """The deck snapshot in a save is not usable."""


class CommandError(GoedwerkError):
    """A command cannot go on (bad arguments, unusable files)."""


class DebriefError(SaveError):
    """Saves that cannot be debriefed together (other decks, no saves)."""
