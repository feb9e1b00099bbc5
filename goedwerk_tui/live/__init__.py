"""The live session: each team answers on its own phone or laptop, served from the
facilitator's process over the local network (issue 9).

``server`` binds the socket and runs uvicorn on Textual's loop; ``hub`` is the one
bridge between devices and the ``Game``; ``api`` holds the Starlette routes,
``state`` what one team's device may see (a pure function of the session), and
``security`` the join code, the tokens, the rate limit and the response headers.
Nothing here imports Textual, and nothing outside a ``--live`` session imports this
package. The HTTP API is documented in docs/live-api.md.
"""
