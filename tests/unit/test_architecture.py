"""The domain and the commands that need no UI never load Textual."""

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


def test_no_domain_source_mentions_textual() -> None:
    from pathlib import Path

    import goedwerk_tui.domain as domain

    for source in Path(domain.__file__).parent.rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        assert "import textual" not in text and "from textual" not in text, source
