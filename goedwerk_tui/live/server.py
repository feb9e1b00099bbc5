"""The live session's server: a socket bound before anything else, then uvicorn
serving the API as a task on the TUI's asyncio loop.

``prepare`` binds the socket and loads the TLS context at once, so a port in use, a
bad address or an unreadable certificate is one clear line (``LiveError``, exit 1)
before a save exists. ``LiveServer.serve`` runs uvicorn on that socket with its
signal handling disabled (the TUI owns the terminal and its signals) and its logging
off the terminal: no access log, no IP address or token anywhere.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import ipaddress
import logging
import socket
import ssl
from collections.abc import Generator
from pathlib import Path
from typing import Final

import uvicorn

from goedwerk_tui.domain.errors import GoedwerkError
from goedwerk_tui.live.api import create_app
from goedwerk_tui.live.hub import LiveHub
from goedwerk_tui.live.security import RateLimit

DEFAULT_PORT: Final = 8765
DEFAULT_BIND: Final = f"0.0.0.0:{DEFAULT_PORT}"
# how long open connections get to finish once the server stops, in seconds
GRACE: Final = 1


class LiveError(GoedwerkError):
    """The live part cannot start: one clear line, exit 1 (keys ``live.*``)."""


def parse_bind(bind: str) -> tuple[str, int]:
    """``HOST:PORT`` (``[::1]:8765`` for IPv6; ``HOST`` alone takes the default port)."""
    text = bind.strip()
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        port_text = rest[1:] if rest.startswith(":") else ("" if not rest else "x")
    elif text.count(":") == 1:
        host, port_text = text.split(":")
    else:
        host, port_text = text, ""
    if not host:
        raise LiveError("live.bad_bind", bind=bind)
    if not port_text:
        return host, DEFAULT_PORT
    if not port_text.isdigit() or int(port_text) > 65535:
        raise LiveError("live.bad_bind", bind=bind)
    return host, int(port_text)


def _tls_context(cert: Path, key: Path) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    try:
        context.load_cert_chain(certfile=str(cert), keyfile=str(key))
    except FileNotFoundError as exc:
        raise LiveError("live.tls_missing", path=exc.filename or str(cert)) from None
    except PermissionError as exc:
        raise LiveError("live.tls_unreadable", path=exc.filename or str(cert)) from None
    except (ssl.SSLError, OSError, ValueError):
        raise LiveError("live.tls_bad", cert=str(cert), key=str(key)) from None
    return context


def _bind(host: str, port: int, shown: str) -> socket.socket:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError):
        raise LiveError("live.bad_address", host=host) from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise LiveError("live.port_in_use", bind=shown) from None
        if exc.errno in (errno.EACCES, errno.EPERM):
            raise LiveError("live.port_denied", bind=shown) from None
        raise LiveError("live.cannot_bind", bind=shown, reason=exc.strerror or str(exc)) from None
    sock.setblocking(False)
    return sock


def lan_address() -> str | None:
    """The address other machines on the local network reach this one at: the one
    the system would send from (a UDP socket is connected, nothing is sent), else one
    of the host name's addresses that is not a loopback (a hotspot without a route
    to the internet)."""
    with contextlib.suppress(OSError):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed, never sent to
            address: str = probe.getsockname()[0]
            if address and not address.startswith(("0.", "127.")):
                return address
    with contextlib.suppress(OSError, UnicodeError):
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found = str(info[4][0])
            if not ipaddress.ip_address(found).is_loopback:
                return found
    return None


class Listener:
    """A bound socket (and its TLS context) waiting for the server to serve it."""

    def __init__(self, sock: socket.socket, host: str, tls: ssl.SSLContext | None) -> None:
        self.socket = sock
        self.host = host
        self.port: int = sock.getsockname()[1]
        self.tls = tls is not None
        self.tls_context = tls

    def join_url(self, code: str) -> str:
        """``http(s)://<LAN address or bound host>:<port>/j/<code>``."""
        host = self.host
        try:
            unspecified = ipaddress.ip_address(host).is_unspecified
        except ValueError:
            unspecified = False
        if unspecified:
            host = lan_address() or "127.0.0.1"
        if ":" in host:
            host = f"[{host}]"
        return f"{'https' if self.tls else 'http'}://{host}:{self.port}/j/{code}"

    def close(self) -> None:
        """Give the port back (when the session does not start after all)."""
        self.socket.close()


def prepare(bind: str | None, tls_cert: Path | None, tls_key: Path | None) -> Listener:
    """Bind the socket and load the TLS context now; ``LiveError`` when either fails."""
    if (tls_cert is None) != (tls_key is None):
        raise LiveError("live.tls_pair")
    host, port = parse_bind(bind or DEFAULT_BIND)
    context = _tls_context(tls_cert, tls_key) if tls_cert and tls_key else None
    return Listener(_bind(host, port, bind or DEFAULT_BIND), host, context)


def _quiet_logging() -> None:
    """uvicorn's loggers to nowhere: nothing on the TUI's terminal, no access log."""
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "uvicorn.asgi", "sse_starlette"):
        logger = logging.getLogger(name)
        logger.handlers = [logging.NullHandler()]
        logger.propagate = False


class _Server(uvicorn.Server):
    """``uvicorn.Server`` without its signal handlers: uvicorn 0.54 has no setting for
    that (``serve`` always calls ``capture_signals``), and the TUI owns the signals."""

    @contextlib.contextmanager
    def capture_signals(self) -> Generator[None, None, None]:
        yield


class LiveServer:
    def __init__(self, listener: Listener, hub: LiveHub, *, limit: RateLimit | None = None) -> None:
        self.listener = listener
        self.hub = hub
        self.app = create_app(hub, tls=listener.tls, limit=limit)
        tls = listener.tls_context
        config = uvicorn.Config(
            self.app,
            http="h11",
            ws="none",
            lifespan="off",
            log_config=None,
            log_level="warning",  # below it uvicorn formats a trace line per connection
            access_log=False,
            server_header=False,
            timeout_graceful_shutdown=GRACE,
            ssl_context_factory=(lambda _config, _default: tls) if tls else None,
        )
        _quiet_logging()
        self._server = _Server(config)
        self._task: asyncio.Task[None] | None = None

    async def serve(self) -> None:
        """Serve until ``stop``: run it as a task on the TUI's loop."""
        self._task = asyncio.current_task()
        await self._server.serve(sockets=[self.listener.socket])

    @property
    def started(self) -> bool:
        return self._server.started

    async def stop(self) -> None:
        """Devices are told "ended" first (unless paused), then the server stops."""
        if self.hub.live == "open":
            self.hub.end()
        self.hub.close_streams()
        await asyncio.sleep(0)  # the streams send their last event
        self._server.should_exit = True
        task = self._task
        if task is not None and task is not asyncio.current_task() and not task.done():
            await task
        self.listener.close()
        self.hub.detach()
