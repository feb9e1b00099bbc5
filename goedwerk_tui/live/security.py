"""The live session's secrets and limits: the join code, team tokens, the per-client
rate limit of join attempts, and the headers every response carries.

Codes and tokens come from ``secrets`` and are compared with ``hmac.compare_digest``
(constant time), so neither can be learned from how long a refusal takes.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Callable
from typing import Final

# No look-alikes: no 0/O, 1/I/L (and no lower case: a code read aloud or typed from
# the projector is the same code in any capitals).
CODE_ALPHABET: Final = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH: Final = 6
TOKEN_BYTES: Final = 16  # 128 random bits
TOKEN_COOKIE: Final = "goedwerk_token"
MAX_BODY: Final = 16 * 1024  # bytes of a request body, at most

CSP: Final = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
HEADERS: Final = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def new_join_code() -> str:
    """A random join code: 6 characters of 31, about 8.9e8 codes."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normal_code(typed: str) -> str:
    """A code as typed (any capitals, spaces around it) in the form it is issued."""
    return typed.strip().upper()


def same_secret(given: str, expected: str) -> bool:
    """Whether two codes or tokens are equal, in time independent of where they differ."""
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def new_token() -> str:
    """A team's token: 128 random bits, URL-safe."""
    return secrets.token_urlsafe(TOKEN_BYTES)


class RateLimit:
    """A token bucket per client: ``burst`` attempts at once, then one every
    ``every`` seconds. Clients are kept in memory only (never logged or saved) and
    forgotten once their bucket is full again."""

    def __init__(
        self, burst: int = 10, every: float = 6.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.burst = burst
        self.every = every
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # client -> (tokens, when)

    def allow(self, client: str) -> bool:
        """Take one attempt for ``client``: False when it has none left."""
        now = self.clock()
        tokens, when = self._buckets.get(client, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - when) / self.every)
        if tokens < 1.0:
            self._buckets[client] = (tokens, now)
            return False
        self._buckets[client] = (tokens - 1.0, now)
        self._forget_full(now)
        return True

    def _forget_full(self, now: float) -> None:
        if len(self._buckets) < 256:
            return
        full = self.burst * self.every
        for client, (tokens, when) in list(self._buckets.items()):
            if tokens + (now - when) / self.every >= self.burst or now - when > full:
                del self._buckets[client]
