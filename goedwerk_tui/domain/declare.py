"""The words the deck model is declared in: ``msgspec.Meta`` for a field, made readable.

Every field of the deck model (``deck.py``, ``catalogue.py``, the file forms in
``models.py``, the snapshot in ``snapshot.py``) is an ``Annotated[T, meta]``; these
helpers make the ``meta``. The description is msgspec's own; what only a *file* must
obey (the id pattern, an enum, list bounds, the message key that counts a list's
items) goes in ``Meta.extra``, which msgspec keeps for us but never checks.

Why not msgspec's ``pattern``/``min_length`` themselves: msgspec would then enforce them
on every decode, and the same types are decoded from saves, where a card without
options is stored as ``[]`` (the file's "2 to 6 options, when given") and where 0.1.0
never checked ids. The validator and the JSON Schema read the bounds from ``extra``
(``models.kind_of``); the save reader checks only types. Only msgspec is imported here,
so the runtime model stays free of YAML and the validator.
"""

from __future__ import annotations

from typing import Annotated, Any

from msgspec import Meta

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


def text(description: str = "") -> Meta:
    """A ``LocalText`` field: in a file a string in the file's language or ``{nl:, en:}``."""
    return _meta(description, {})


def plain(description: str = "", enum: tuple[str, ...] | None = None) -> Meta:
    """A string taken as it is (a citation, an author, a path), or one of ``enum``."""
    return _meta(description, {} if enum is None else {"enum": enum})


def block(description: str = "") -> Meta:
    """A mapping of its own keys (a Struct of the model), as in a deck's ``measure:``."""
    return _meta(description, {})


def slug(description: str = "") -> Meta:
    """An id: lower-case words joined by hyphens (``SLUG_PATTERN``)."""
    return _meta(description, {"pattern": SLUG_PATTERN})


def items(
    description: str = "",
    min_items: int | None = None,
    max_items: int | None = None,
    count: str = "check.count.items",
) -> Meta:
    """A list (a tuple at run time); ``count`` is the plural message key its bounds use."""
    extra: dict[str, Any] = {"count": count}
    if min_items is not None:
        extra["min_items"] = min_items
    if max_items is not None:
        extra["max_items"] = max_items
    return _meta(description, extra)


def _meta(description: str, extra: dict[str, Any]) -> Meta:
    if description:
        return Meta(description=description, extra=extra or None)
    return Meta(extra=extra or None)


Slug = Annotated[str, slug()]  # an id inside a list (a card's values, tags)
