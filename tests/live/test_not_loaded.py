"""The web server is loaded by a live session only: the commands that need none, and
the TUI's modules themselves, never import it (start-up of a session without --live
stays as it was)."""

from __future__ import annotations

import subprocess
import sys

import pytest

WEB = ("starlette", "uvicorn", "sse_starlette", "goedwerk_tui.live")
CHECK = f"print(sorted(m for m in sys.modules if m.startswith({WEB!r})))"


@pytest.mark.parametrize(
    "module",
    [
        "goedwerk_tui.cli",
        "goedwerk_tui.ui.launch",
        "goedwerk_tui.ui.app",
        "goedwerk_tui.report.command",
    ],
)
def test_importing_does_not_load_the_web_server(module: str) -> None:
    code = f"import sys, {module}\n{CHECK}"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("args", [["validate", "decks/good-work-public-service.yaml"], ["schema"]])
def test_commands_without_a_live_session_do_not_load_it(args: list[str]) -> None:
    code = (
        "import sys, io, contextlib\n"
        f"sys.argv = ['goedwerk', *{args!r}]\n"
        "from goedwerk_tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main()\n"
        f"{CHECK}\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
