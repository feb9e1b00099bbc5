"""The debrief as JSON: the analysed data, for scripts and other tools.

The document (``format: "goedwerk-debrief/1"``; a new major number means a change
that breaks readers, new keys may appear in any version)::

    {
      "format": "goedwerk-debrief/1",
      "language": "nl",                  # the first session's language
      "deck": {
        "id": "...", "title": {"nl": "...", "en": "..."},
        "catalogue": {"id": "...", "title": {...},
                      "values": [{"id": "...", "name": {...}}, ...]}
      },
      "tables": [{                       # one per save, in the order given
        "number": 1, "path": "...", "session_id": "...", "language": "nl",
        "started": "2025-03-01T09:00:00.000Z", "ended": "..." | null,
        "cards_planned": 5, "rounds_dealt": 5, "rounds_played": 4, "resumed": 0,
        "teams": [{"key": "1.t1", "table": 1, "id": "t1", "name": "..."}]
      }],
      "overview": {
        "teams": [{
          "team": "1.t1",                # a key from tables[].teams[]
          "answered": 4,                 # counted answers (rounds not skipped)
          "changes": 2,                  # changes of mind in those answers
          "leans": [{"field": "inhoud-draagvlak", "a": 2, "neutral": 1, "b": 0}],
          "values": [{"value": "integriteit", "toward_a": 2, "toward_b": 1}],
          "action": "..." | null
        }],
        "furthest_apart": [3, 1],        # round numbers, most apart first
        "unused_values": ["..."]         # value ids nobody invoked, catalogue order
      },
      "rounds": [{
        "number": 1,                     # position in the debrief (cards in order)
        "card": {"id": "...", "title": {...}, "options": [{...}, ...]},
        "field": {"id": "...", "name": {...}, "pole_a": {...}, "pole_b": {...}},
        "status": "revealed" | "skipped" | "open",
        "plays": [{"table": 1, "round": 1, "status": "revealed",
                   "dealt": "<time stamp>", "notes": ["..."]}],
        "spread": 3 | null,              # highest - lowest counted stance
        "contested_values": ["..."],     # pulled toward A by one team, B by another
        "different_options": 2,
        "entries": [{                    # a team's last choice on this card
          "team": "1.t1", "round": 1, "status": "revealed",
          "stance": -2,                  # -2..2, negative toward pole A
          "option": "B" | null, "values_a": ["..."], "values_b": ["..."],
          "rationale": "...", "seconds": 42.0 | null, "ts": "<time stamp>",
          "changes": [{...same keys from stance to ts...}]   # earlier, oldest first
        }]
      }],
      "warnings": ["..."]                # what reading the saves recovered from (in the
                                         # report's language)
    }

Deck text keeps every language it has. All text is sanitized like everywhere else:
control and bidirectional characters appear as visible ``\\uXXXX`` escapes.
"""

from __future__ import annotations

import json
import re
from typing import Any

from goedwerk_tui.domain.debrief import Debrief
from goedwerk_tui.domain.text import UNSAFE_CHARS, sanitize

# What json.dumps writes for characters that sanitize would replace: \r, \b, \f and
# \u00XX below 0x20 (a few false alarms, like an escaped backslash before "r", only
# cost the slow path).
_CONTROL_ESCAPE = re.compile(r"\\(?:[rbf]|u00[01][0-9a-fA-F]|u007[fF])")
# The characters up to U+00FF that sanitize keeps, for a quick check of Latin-1 text
# (Dutch and English reports are): deleting them leaves the unsafe ones.
_SAFE_LATIN1 = bytes(b for b in range(256) if UNSAFE_CHARS.match(chr(b)) is None)


def _needs_cleaning(text: str) -> bool:
    """Whether the written text holds a character, raw or escaped, that sanitize replaces."""
    try:
        latin1 = text.encode("latin-1")  # a copy at memory speed when the text is Latin-1
    except UnicodeEncodeError:
        unsafe = UNSAFE_CHARS.search(text) is not None
    else:
        unsafe = bool(latin1.translate(None, _SAFE_LATIN1))  # many times faster than a regex
    return unsafe or ("\\" in text and _CONTROL_ESCAPE.search(text) is not None)


def _clean(data: Any) -> Any:
    if isinstance(data, str):
        return sanitize(data)
    if isinstance(data, dict):
        return {sanitize(k): _clean(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_clean(v) for v in data]
    return data


# check_circular=False: the data is fresh from Debrief.to_data, a tree by construction,
# and keeping track of every list and dict costs a tenth of the encoding time.
_dumps = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode


def _layout(data: Any, depth: int = 0) -> str:
    """Indented to the level of rounds and teams, each of those on one line.

    Full indentation would make a long session's report many times longer and
    slower to write (Python's indenting encoder is the slow one).
    """
    pad = "  " * (depth + 1)
    if isinstance(data, dict) and data and depth < 2:
        items = [f"{pad}{_dumps(k)}: {_layout(v, depth + 1)}" for k, v in data.items()]
        return "{\n" + ",\n".join(items) + "\n" + "  " * depth + "}"
    if isinstance(data, list) and data and depth < 3 and isinstance(data[0], dict):
        items = [f"{pad}{_dumps(v)}" for v in data]
        return "[\n" + ",\n".join(items) + "\n" + "  " * depth + "]"
    return _dumps(data)


def render_json(debrief: Debrief, lang: str) -> str:
    """The debrief as data; text keeps all its languages, warnings are said in ``lang``."""
    data = debrief.to_data(lang)
    text = _layout(data)
    if _needs_cleaning(text):
        text = _layout(_clean(data))  # rare: sanitize every string, then write again
    return text + "\n"
