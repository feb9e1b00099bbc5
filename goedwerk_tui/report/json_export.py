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
        "plays": [{"table": 1, "round": 1, "status": "revealed",   # table rounds
                   "dealt": "<time stamp>", "notes": ["..."]}],
        "spread": 3 | null,              # highest - lowest counted stance
        "contested_values": ["..."],     # pulled toward A by one team, B by another
        "different_options": 2,
        "entries": [{                    # answers: a team's last choice on this card
          "team": "1.t1", "round": 1, "status": "revealed",
          "stance": -2,                  # -2..2, negative toward pole A
          "option": "B" | null, "values_a": ["..."], "values_b": ["..."],
          "rationale": "...", "seconds": 42.0 | null, "ts": "<time stamp>",
          "changes": [{...same keys from stance to ts...}]   # earlier, oldest first
        }],
        # only on a card with "Maar wat als...?" variations played:
        "variations": [{
          "number": 1, "text": {...} | null,          # the card's variations[number-1]
          "plays": [{"table": 1, "round": 1, "played": "<time stamp>", "revealed": true}],
          "moves": [{                    # per team that gave a new stance
            "team": "1.t1", "round": 1, "card_stance": -1 | null, "stance": 1,
            "steps": 2 | null,           # stance - card_stance; > 0 toward pole B
            "toward": "a" | "b" | null, "reason": "...",
            "decided": ["..."],          # values named on the card toward that pole
            "via": "keyboard", "ts": "<time stamp>", "revealed": true,
            "earlier": [{"stance": 0, "reason": "...", "via": "...", "ts": "..."}]
          }]
        }],
        "span": 4,                       # the spread over the card and its variations
        "movers": 2                      # teams that moved under a variation
      }],
      "warnings": ["..."],               # what reading the saves recovered from (in the
                                         # report's language)
      # only when a table took the before/after measure:
      "measures": {
        "statements": {"ownership": {"nl": "...", "en": "..."}, ...},  # what teams scored
        "teams": [{"team": "1.t1",
                   "before": {"ownership": 2, "meaningfulness": 3, "identification": 4} | null,
                   "after": {...} | null, "change": {...} | null}],
        "goals": [{"goal": "ownership", "before": [0, 1, 1, 0, 0],   # teams per score 1..5
                   "after": [...], "mean_before": 2.5, "mean_after": 3.5,
                   "paired": 2, "mean_change": 1.0}]                 # teams with both
      }
    }

The keys of variations and of the measure are written only when there are any, so
the report of a session without them is the same as before. Deck text keeps every
language it has. All text is sanitized like everywhere else:
control and bidirectional characters appear as visible ``\\uXXXX`` escapes.

The document is declared once, as the msgspec Structs of ``report/json_data.py`` (their
fields are the keys, in order), and encoded by ``msgspec.json.encode``; the layout
above (indented down to the rounds and teams, each of those on one line, with ``", "``
and ``": "`` between items as Python's ``json`` writes them) is ``_layout`` over the
same Structs.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import msgspec

from goedwerk_tui.domain.debrief import Debrief
from goedwerk_tui.domain.text import sanitize
from goedwerk_tui.report.json_data import DEBRIEF_FORMAT, report_data

__all__ = ["DEBRIEF_FORMAT", "render_json", "report_data"]


# ----- writing -------------------------------------------------------------------

# What sanitize would replace, as it appears in the UTF-8 JSON msgspec writes: DEL and
# the C1 controls, U+061C, U+200E/F, U+202A-E and U+2066-9 raw, the C0 controls but
# \n and \t escaped (a few false alarms, like an escaped backslash before "r", only
# cost the slow path). A lone surrogate never gets here: msgspec refuses to encode it.
_UNSAFE_JSON = re.compile(
    rb"\x7f|\xc2[\x80-\x9f]|\xd8\x9c|\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]"
    rb"|\\(?:[rbf]|u00[01][0-9a-fA-F]|u007[fF])"
)
# Every byte but those the matches above start with: deleting them (``bytes.translate``,
# at memory speed) leaves nothing when the text has none of those characters.
_OTHER_BYTES = bytes(b for b in range(256) if b not in b"\x7f\xc2\xd8\xe2\\")


def _needs_cleaning(data: bytes) -> bool:
    """Whether the written JSON holds a character, raw or escaped, that sanitize replaces."""
    if not data.translate(None, _OTHER_BYTES):  # the usual case, without a regex
        return False
    return _UNSAFE_JSON.search(data) is not None


def _cleaned(value: object) -> object:
    """The same data with every string (dictionary keys too) sanitized."""
    if isinstance(value, str):
        return sanitize(value)
    if isinstance(value, msgspec.Struct):
        fields = value.__struct_fields__
        return type(value)(*[_cleaned(getattr(value, name)) for name in fields])
    if isinstance(value, (list, tuple)):
        return [_cleaned(item) for item in value]
    if isinstance(value, dict):
        return {sanitize(key): _cleaned(item) for key, item in value.items()}
    return value  # numbers, None, msgspec.Raw


_encode: Callable[[object], bytes] = msgspec.json.Encoder().encode


def _one_line(value: object) -> bytes:
    """``json.dumps(value, ensure_ascii=False)``: one line, ``", "`` and ``": "``."""
    return msgspec.json.format(_encode(value), indent=0)


def _layout(value: object, depth: int = 0) -> bytes:
    """Indented to the level of rounds and teams, each of those on one line.

    Full indentation would make a long session's report many times longer.
    """
    pad = b"  " * (depth + 1)
    end = b"\n" + b"  " * depth
    if isinstance(value, msgspec.Struct) and depth < 2:
        items = [
            pad + _encode(name) + b": " + _layout(getattr(value, name), depth + 1)
            for name in _written(value)
        ]
        return b"{\n" + b",\n".join(items) + end + b"}"
    if isinstance(value, list) and value and depth < 3 and isinstance(value[0], msgspec.Struct):
        return b"[\n" + b",\n".join([pad + _one_line(item) for item in value]) + end + b"]"
    return _one_line(value)


def _written(value: msgspec.Struct) -> list[str]:
    """The fields msgspec writes: with ``omit_defaults``, those not at their default."""
    if not value.__struct_config__.omit_defaults:
        return list(value.__struct_fields__)
    names = []
    for field in msgspec.structs.fields(value):
        if field.default is not msgspec.NODEFAULT:
            default = field.default
        elif field.default_factory is not msgspec.NODEFAULT:
            default = field.default_factory()
        else:
            names.append(field.name)
            continue
        if getattr(value, field.name) != default:
            names.append(field.name)
    return names


def render_json(debrief: Debrief, lang: str) -> bytes:
    """The debrief as UTF-8 JSON; text keeps all its languages, warnings in ``lang``."""
    data = report_data(debrief, lang)
    try:
        text = _layout(data)
    except UnicodeEncodeError:  # a lone surrogate, which sanitize makes visible
        text = b""
    if not text or _needs_cleaning(text):
        text = _layout(_cleaned(data))  # rare: sanitize every string, then write again
    return text + b"\n"
