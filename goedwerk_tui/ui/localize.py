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

D = TypeVar("D", bound=DOMNode)


def localized(cls: type[D], lang: str) -> type[D]:
    """A subclass of ``cls`` whose footer labels are in ``lang`` (made once per pair)."""
    made = _localized(cls, lang)
    assert issubclass(made, cls)  # always true: it is made from cls; tells mypy so
    return made


@cache
def _localized(cls: type[DOMNode], lang: str) -> type[DOMNode]:
    bindings = []
    messages = CATALOGUES[lang]
    own = [b for base in reversed(cls.__mro__) for b in base.__dict__.get("BINDINGS", [])]
    for binding in own:  # later (more derived) bindings win when Textual merges them
        if not isinstance(binding, Binding) or binding.description not in messages:
            continue
        description = t(binding.description, lang)
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
    namespace = {"BINDINGS": bindings, "__module__": cls.__module__}
    made: type = type(cls.__name__, (cls,), namespace)
    return made
