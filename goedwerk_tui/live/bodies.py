"""The request bodies the API accepts, declared as msgspec Structs, and reading a body
with its size capped: a body is shape-checked here before the session sees it.

Whether a stance, an option or a value is allowed is the rules' decision
(``domain/rules.py``), not this module's: a body of the right shape goes to the same
``Game`` intent the keyboard uses, which refuses what the keyboard would.
"""

from __future__ import annotations

from typing import Annotated, Final, TypeVar

import msgspec
from starlette.requests import Request

from goedwerk_tui.domain.measure import Moment
from goedwerk_tui.live.security import MAX_BODY

RequestId = Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
Short = Annotated[str, msgspec.Meta(max_length=200)]
Text = Annotated[str, msgspec.Meta(max_length=4000)]
ValueIds = Annotated[list[Short], msgspec.Meta(max_length=200)]


class JoinBody(msgspec.Struct, forbid_unknown_fields=True):
    code: Short
    team: Short


class Submitted(msgspec.Struct, forbid_unknown_fields=True):
    """A device's answer: the client's own id for it, so a repeat is applied once."""

    request_id: RequestId


class PickedValues(msgspec.Struct, forbid_unknown_fields=True):
    a: ValueIds = []
    b: ValueIds = []


class ChoiceBody(Submitted):
    card: Short
    stance: int
    values: PickedValues
    option: Short | None = None
    rationale: Text = ""


class ActionBody(Submitted):
    text: Text


class StanceBody(Submitted):
    card: Short
    variation: int
    stance: int
    reason: Text = ""


class ScoresBody(msgspec.Struct, forbid_unknown_fields=True):
    ownership: int
    meaningfulness: int
    identification: int


class MeasureBody(Submitted):
    moment: Moment
    scores: ScoresBody


B = TypeVar("B", bound=msgspec.Struct)
S = TypeVar("S", bound=Submitted)


class TooLarge(Exception):
    """The body is over ``MAX_BODY`` bytes."""


class BadShape(Exception):
    """The body is not JSON of the expected shape (the detail is msgspec's)."""


_DECODERS: Final[dict[type[msgspec.Struct], msgspec.json.Decoder[msgspec.Struct]]] = {}


async def read_capped(request: Request, limit: int = MAX_BODY) -> bytes:
    """The request's body; ``TooLarge`` as soon as it passes ``limit`` bytes (also
    when a Content-Length says so before anything is read)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise TooLarge
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise TooLarge
    return bytes(body)


async def read_body(request: Request, kind: type[B]) -> B:
    """The body as a ``kind``: ``TooLarge`` or ``BadShape`` when it is not one."""
    raw = await read_capped(request)
    decoder = _DECODERS.get(kind)
    if decoder is None:
        decoder = _DECODERS[kind] = msgspec.json.Decoder(kind)
    try:
        body = decoder.decode(raw)
    except msgspec.DecodeError as exc:  # ValidationError is a DecodeError
        raise BadShape(str(exc)) from None
    assert isinstance(body, kind)
    return body
