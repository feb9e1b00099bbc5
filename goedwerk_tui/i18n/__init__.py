"""UI strings in Dutch (default) and English. Every key exists in both (a test checks)."""

from __future__ import annotations

from goedwerk_tui.i18n import en, nl

DEFAULT_LANGUAGE = "nl"
CATALOGUES: dict[str, dict[str, str]] = {"nl": nl.MESSAGES, "en": en.MESSAGES}


def t(key: str, lang: str = DEFAULT_LANGUAGE, /, **values: object) -> str:
    """The message ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    messages = CATALOGUES.get(lang, CATALOGUES[DEFAULT_LANGUAGE])
    text = messages[key]
    return text.format(**values) if values else text
