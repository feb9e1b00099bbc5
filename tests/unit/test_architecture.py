"""The domain and the commands that need no UI never load Textual, at run time.

Which module may import which (Textual only in the UI, the layers) is a contract in
pyproject.toml, checked by ``lint-imports`` in .ci/run and the pre-commit hooks; these
tests check what a run really loads, lazy imports included.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

NO_TEXTUAL = [
    "goedwerk_tui.domain.deck_loader",
    "goedwerk_tui.domain.catalogue",
    "goedwerk_tui.authoring",
    "goedwerk_tui.cli",
]


@pytest.mark.parametrize("module", NO_TEXTUAL)
def test_module_does_not_import_textual(module: str) -> None:
    code = f"import sys, {module}; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    "args", [["validate", "decks/good-work-public-service.yaml"], ["schema"], ["values"]]
)
def test_ui_free_commands_do_not_import_textual(args: list[str]) -> None:
    code = (
        "import sys, runpy\n"
        f"sys.argv = ['goedwerk', *{args!r}]\n"
        "from goedwerk_tui.cli import main\n"
        "import io, contextlib\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):\n"
        "    main()\n"
        "print('textual' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
