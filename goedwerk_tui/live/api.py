"""The live session's HTTP API (Starlette routes), as docs/live-api.md describes it.

Every route is a thin translation: it checks the code or the token, reads a capped,
shape-checked body (``bodies``), calls the same ``Game`` intent as the keyboard and
turns a refusal of the rules into a status code and one line in the session's
language. Every response carries the security headers (``security.HEADERS``).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Final

import msgspec
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from goedwerk_tui.domain.errors import GoedwerkError, RuleError, SaveError
from goedwerk_tui.i18n import CATALOGUES
from goedwerk_tui.live import bodies, security
from goedwerk_tui.live.devices import Devices
from goedwerk_tui.live.events import event_stream
from goedwerk_tui.live.hub import LiveHub

STATIC: Final = Path(__file__).resolve().parent / "static"
_STATIC_NAME: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,80}")
_TYPES: Final = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".json": "application/json",
    ".txt": "text/plain; charset=utf-8",
}
_ENCODE: Final = msgspec.json.Encoder().encode


def json(data: object, status: int = 200) -> Response:
    return Response(_ENCODE(data), status_code=status, media_type="application/json")


class LiveApi:
    """The routes, bound to one hub."""

    def __init__(self, hub: LiveHub, *, tls: bool, limit: security.RateLimit) -> None:
        self.hub = hub
        self.tls = tls
        self.limit = limit
        self.devices = Devices(hub)

    @property
    def lang(self) -> str:
        return self.hub.game.session.language

    def error(self, status: int, problem: GoedwerkError) -> Response:
        return json({"error": problem.message(self.lang)}, status)

    def limited(self, request: Request) -> bool:
        client = request.client.host if request.client else "?"
        return not self.limit.allow(client)

    # ----- the page -------------------------------------------------------------------
    async def page(self, request: Request) -> Response:
        if self.limited(request):
            return Response(b"", status_code=429)
        if not self.hub.code_ok(request.path_params["code"]):
            return Response(b"", status_code=404)  # no detail: a code is not guessed here
        return _static_file("index.html") or Response(b"", status_code=404)

    async def static(self, request: Request) -> Response:
        name = request.path_params["name"]
        found = _static_file(name) if _STATIC_NAME.fullmatch(name) else None
        return found or Response(b"", status_code=404)

    async def texts(self, request: Request) -> Response:
        messages = CATALOGUES[self.lang]
        texts = {k: v for k, v in messages.items() if k.startswith("live.page.")}
        return json({"language": self.lang, "texts": texts})

    # ----- joining --------------------------------------------------------------------
    async def join_info(self, request: Request) -> Response:
        if self.limited(request):
            return self.error(429, GoedwerkError("live.too_many_attempts"))
        if not self.hub.code_ok(request.path_params["code"]):
            return self.error(403, GoedwerkError("live.wrong_code"))
        session = self.hub.game.session
        teams = [
            {"id": t.id, "name": t.name, "claimed": self.hub.joined(t.id)} for t in session.teams
        ]
        title = session.deck.title.get(self.lang)
        return json({"title": title, "language": self.lang, "teams": teams})

    async def join(self, request: Request) -> Response:
        if self.limited(request):
            return self.error(429, GoedwerkError("live.too_many_attempts"))
        try:
            body = await bodies.read_body(request, bodies.JoinBody)
        except bodies.TooLarge:
            return self.error(413, GoedwerkError("live.too_large", most=security.MAX_BODY))
        except bodies.BadShape as exc:
            return self.error(400, GoedwerkError("live.bad_request", detail=str(exc)))
        if not self.hub.code_ok(body.code):
            return self.error(403, GoedwerkError("live.wrong_code"))
        if body.team not in self.hub.game.session.team_ids_set:
            return self.error(400, RuleError("rule.unknown_team", team=body.team))
        if self.hub.live != "open":
            if self.hub.live == "paused":
                return self.error(409, GoedwerkError("live.paused"))
            return self.error(409, GoedwerkError("live.ended"))
        token = self.hub.claim(body.team)
        if token is None:
            return self.error(409, GoedwerkError("live.claimed"))
        team = self.hub.game.session.team(body.team)
        response = json({"token": token, "team": {"id": team.id, "name": team.name}})
        response.set_cookie(
            security.TOKEN_COOKIE,
            token,
            path="/",
            secure=self.tls,
            httponly=True,
            samesite="strict",
        )
        return response

    # ----- a team's device ------------------------------------------------------------
    def token_of(self, request: Request) -> str:
        header = request.headers.get("authorization", "")
        if header[:7].lower() == "bearer ":
            return header[7:].strip()
        return request.cookies.get(security.TOKEN_COOKIE, "")

    def team_of(self, request: Request) -> str | None:
        token = self.token_of(request)
        return self.hub.team_of(token) if token else None

    def unauthorized(self) -> Response:
        return self.error(401, GoedwerkError("live.no_token"))

    async def state(self, request: Request) -> Response:
        team = self.team_of(request)
        if team is None:
            return self.unauthorized()
        return Response(self.hub.state_of(team), media_type="application/json")

    async def events(self, request: Request) -> Response:
        token = self.token_of(request)
        team = self.hub.team_of(token) if token else None
        if team is None:
            return self.unauthorized()
        return event_stream(self.hub, team, token)

    def submit(
        self, kind: type[bodies.S], act: Callable[[str, bodies.S], Response]
    ) -> Callable[[Request], Awaitable[Response]]:
        """A POST route: the token, the capped and checked body, a repeat answered as
        the first time, then ``act`` (which calls the Game)."""

        async def route(request: Request) -> Response:
            team = self.team_of(request)
            if team is None:
                return self.unauthorized()
            try:
                body = await bodies.read_body(request, kind)
            except bodies.TooLarge:
                return self.error(413, GoedwerkError("live.too_large", most=security.MAX_BODY))
            except bodies.BadShape as exc:
                return self.error(400, GoedwerkError("live.bad_request", detail=str(exc)))
            request_id = f"{request.url.path} {body.request_id}"
            earlier = self.hub.answer_for(team, request_id)
            if earlier is not None:
                return Response(earlier[1], status_code=earlier[0], media_type="application/json")
            try:
                response = act(team, body)
            except RuleError as exc:
                return self.error(self.devices.status_of(exc), exc)
            except SaveError:
                return self.error(503, GoedwerkError("live.save_failed"))
            self.hub.remember(team, request_id, (response.status_code, bytes(response.body)))
            return response

        return route

    def routes(self) -> list[Route]:
        d = self.devices
        return [
            Route("/j/{code}", self.page),
            Route("/static/{name}", self.static),
            Route("/api/texts", self.texts),
            Route("/api/join/{code}", self.join_info),
            Route("/api/join", self.join, methods=["POST"]),
            Route("/api/state", self.state),
            Route("/api/events", self.events),
            Route("/api/choice", self.submit(bodies.ChoiceBody, d.choice), methods=["POST"]),
            Route("/api/action", self.submit(bodies.ActionBody, d.action), methods=["POST"]),
            Route("/api/stance", self.submit(bodies.StanceBody, d.stance), methods=["POST"]),
            Route("/api/measure", self.submit(bodies.MeasureBody, d.measure), methods=["POST"]),
        ]


def _static_file(name: str) -> Response | None:
    path = STATIC / name
    kind = _TYPES.get(path.suffix)
    if kind is None or not path.is_file():
        return None
    return Response(path.read_bytes(), media_type=kind)


class SecureHeaders:
    """ASGI middleware: the security headers on every response, and ``no-store``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.extra = [(k.lower().encode(), v.encode()) for k, v in security.HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                headers += [h for h in self.extra if h[0] not in names]
                if b"cache-control" not in names:
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, secured)


def create_app(
    hub: LiveHub, *, tls: bool = False, limit: security.RateLimit | None = None
) -> ASGIApp:
    """The ASGI app for one live session."""
    api = LiveApi(hub, tls=tls, limit=limit or security.RateLimit())
    return SecureHeaders(Starlette(routes=api.routes()))
