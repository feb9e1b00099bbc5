"""Footer labels in the session's language.

Screens declare ``BINDINGS`` with message keys as descriptions (``"key.reveal"``);
``localized(Screen, lang)`` makes a subclass whose bindings carry the translated
labels. Textual merges subclass bindings over the parent's, so this uses only the
public ``Binding`` API.
"""

from __future__ import annotations

from functools import cache
from typing import TypeVar

from textual.binding import Binding
from textual.dom import DOMNode

from goedwerk_tui.i18n import CATALOGUES, t

N = TypeVar("N", bound=type[DOMNode])


@cache
def localized(cls: N, lang: str) -> N:
    bindings = []
    messages = CATALOGUES[lang]
    for binding in cls.__dict__.get("BINDINGS", []):  # the class's own; Textual merges the rest
        if not isinstance(binding, Binding):
            continue
        description = binding.description
        if description in messages:
            description = t(description, lang)
        bindings.append(
            Binding(
                binding.key,
                binding.action,
                description,
                show=binding.show,
                key_display=binding.key_display,
                priority=binding.priority,
            )
        )
    return type(cls.__name__, (cls,), {"BINDINGS": bindings, "__module__": cls.__module__})  # type: ignore[return-value]
