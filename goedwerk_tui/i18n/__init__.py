"""UI strings in Dutch (default) and English. Every key exists in both (a test checks).

Plurals: a message that depends on a number has two keys, ``KEY.one`` and
``KEY.other``; ``t(KEY, lang, count=n)`` (or ``tn(KEY, lang, n)``) picks the right one.
Dutch and English both use "one" for exactly 1 and "other" for every other number.

Numbers written ``{n:,}`` get the language's thousands separator (``16.777.216`` in
Dutch, ``16,777,216`` in English).
"""

from __future__ import annotations

import importlib
import string

DEFAULT_LANGUAGE = "nl"
LANGUAGES = ("nl", "en")


class _Catalogues(dict[str, dict[str, str]]):
    """The messages of each language, imported when a language is first asked for: a
    Dutch session or report never loads the English catalogue (start-up time)."""

    def __missing__(self, lang: str) -> dict[str, str]:
        if lang not in LANGUAGES:
            return self[DEFAULT_LANGUAGE]
        messages: dict[str, str] = importlib.import_module(f"goedwerk_tui.i18n.{lang}").MESSAGES
        self[lang] = messages
        return messages


CATALOGUES: dict[str, dict[str, str]] = _Catalogues()


def _plural_key(key: str, count: object) -> str:
    return f"{key}.one" if count == 1 else f"{key}.other"


def has_key(key: str) -> bool:
    """Whether ``key`` is a message (or a plural message) of the catalogue."""
    messages = CATALOGUES[DEFAULT_LANGUAGE]
    return key in messages or f"{key}.other" in messages


def t(key: str, lang: str = DEFAULT_LANGUAGE, /, **values: object) -> str:
    """The message ``key`` in ``lang``, with ``{placeholders}`` filled in.

    A plural message (``KEY.one``/``KEY.other``) is chosen by the ``count`` value.
    """
    messages = CATALOGUES[lang]
    text = messages.get(key)
    if text is None:
        text = messages[_plural_key(key, values["count"])]
    if not values:
        return text
    if lang == "nl" and ":," in text:
        return _DUTCH_NUMBERS.format(text, **values)
    return text.format(**values)


class _DutchNumbers(string.Formatter):
    """``str.format`` with ``.`` between thousands, as Dutch writes numbers."""

    def format_field(self, value: object, format_spec: str) -> str:
        text = format(value, format_spec)
        if "," in format_spec and isinstance(value, int):
            return text.replace(",", ".")
        return text


_DUTCH_NUMBERS = _DutchNumbers()


def tn(key: str, lang: str, count: int, /, **values: object) -> str:
    """The plural message ``key`` for ``count`` (also available as ``{count}``)."""
    return t(key, lang, count=count, **values)
