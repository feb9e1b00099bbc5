"""``play --live`` and ``resume --live`` refuse what cannot work with one clear line and
exit code 1, before any save is created or touched: the port is bound and the
certificate read first."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from goedwerk_tui.domain.deck_loader import load_deck
from goedwerk_tui.domain.game import Game
from goedwerk_tui.i18n import t
from tests.cli.run import goedwerk
from tests.conftest import DECKS


@pytest.fixture
def port_in_use() -> Iterator[int]:
    """A port some other program listens on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as other:
        other.bind(("127.0.0.1", 0))
        other.listen(1)
        yield other.getsockname()[1]


def refused(saves: Path, *args: str) -> str:
    """Run ``goedwerk --save-dir SAVES ARGS``; it exits 1 with one line and no save."""
    run = goedwerk("--save-dir", str(saves), *args)
    assert run.returncode == 1, run.stderr
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("goedwerk: "), run.stderr
    assert run.stdout == ""
    assert not saves.exists() or not list(saves.glob("*.jsonl"))
    return lines[0]


def test_a_port_in_use_is_said_and_no_save_is_created(tmp_path: Path, port_in_use: int) -> None:
    bind = f"127.0.0.1:{port_in_use}"
    line = refused(tmp_path / "saves", "play", "--live", "--bind", bind)
    assert line == f"goedwerk: {t('live.port_in_use', 'nl', bind=bind)}"


def test_an_address_of_another_machine_is_refused(tmp_path: Path) -> None:
    line = refused(tmp_path / "saves", "play", "--live", "--bind", "192.0.2.1:8765", "--lang", "en")
    assert "192.0.2.1:8765" in line


def test_a_port_that_is_no_number_is_refused(tmp_path: Path) -> None:
    line = refused(tmp_path / "saves", "play", "--live", "--bind", "127.0.0.1:99999")
    assert line == f"goedwerk: {t('live.bad_bind', 'nl', bind='127.0.0.1:99999')}"


def test_certificate_files_that_do_not_exist_are_refused(tmp_path: Path) -> None:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    args = ["play", "--live", "--bind", "127.0.0.1:0", "--tls-cert", str(cert)]
    line = refused(tmp_path / "saves", *args, "--tls-key", str(key))
    assert str(cert) in line
    line = refused(tmp_path / "saves", *args)  # a certificate without its key
    assert line == f"goedwerk: {t('live.tls_pair', 'nl')}"


def test_a_certificate_that_is_no_certificate_is_refused(tmp_path: Path) -> None:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert.write_text("not a certificate\n", encoding="utf-8")
    key.write_text("not a key\n", encoding="utf-8")
    tls = ["--tls-cert", str(cert), "--tls-key", str(key)]
    line = refused(tmp_path / "saves", "play", "--live", "--bind", "127.0.0.1:0", *tls)
    assert line == f"goedwerk: {t('live.tls_bad', 'nl', cert=str(cert), key=str(key))}"


def test_live_options_without_live_are_refused_not_ignored(tmp_path: Path) -> None:
    line = refused(tmp_path / "saves", "play", "--bind", "127.0.0.1:0", "--lang", "en")
    assert line == f"goedwerk: {t('live.cli.needs_live', 'en', options='--bind')}"


def test_resume_live_on_a_port_in_use_leaves_the_save_as_it_was(
    tmp_path: Path, port_in_use: int
) -> None:
    deck = load_deck(DECKS / "goed-werk-openbaar-bestuur.yaml")
    game = Game.new(deck, ["Rood", "Blauw"], save_dir=tmp_path / "saves", cards=1)
    game.close()
    before = game.path.read_bytes()
    run = goedwerk("resume", str(game.path), "--live", "--bind", f"127.0.0.1:{port_in_use}")
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        f"goedwerk: {t('live.port_in_use', 'nl', bind=f'127.0.0.1:{port_in_use}')}"
    ]
    assert game.path.read_bytes() == before  # no session_resumed line, nothing locked
    assert list((tmp_path / "saves").glob("*.jsonl")) == [game.path]


WEB_STACK = ("goedwerk_tui.live", "uvicorn", "starlette", "sse_starlette", "segno")


@pytest.mark.parametrize("live", [False, True], ids=["play", "play --live"])
def test_the_web_stack_is_loaded_only_for_a_live_session(tmp_path: Path, live: bool) -> None:
    """A session without --live, drawn and quit, never imports the server or segno."""
    argv = ["play", "--cards", "1", "--save-dir", str(tmp_path)]
    argv += ["--live", "--bind", "127.0.0.1:0"] if live else []
    code = (
        "import asyncio, sys\n"
        "from goedwerk_tui.cli import build_parser\n"
        "from goedwerk_tui.ui.launch import build_app\n"
        f"args = build_parser().parse_args({argv!r})\n"
        "app = build_app(args, None, args.sub_save_dir)\n"
        "async def run() -> None:\n"
        "    async with app.run_test() as pilot:\n"
        "        await pilot.press('l')\n"  # the join screen, where there is one
        "        await pilot.pause()\n"
        "        await pilot.press('q')\n"
        "asyncio.run(run())\n"
        f"print(sorted(m for m in {WEB_STACK!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == (repr(sorted(WEB_STACK)) if live else "[]")
