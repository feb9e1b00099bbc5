"""``goedwerk report SAVE... [--format md|html|csv|json] [-o FILE]``, without the TUI.

Warnings about recovered saves go to stderr as ``goedwerk: warning: ...``; a save
that cannot be used is one line ``goedwerk: ...`` and exit code 1. The report goes
to stdout, or to FILE through a temporary file and a rename.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from goedwerk_tui.domain.debrief import Debrief
from goedwerk_tui.domain.errors import GoedwerkError
from goedwerk_tui.domain.messages import say
from goedwerk_tui.files import CommandError, atomic_write
from goedwerk_tui.i18n import t, tn
from goedwerk_tui.report import FORMATS

MAX_WARNINGS = 20  # a file full of garbage lines should not bury the report


def render(debrief: Debrief, fmt: str, lang: str) -> str:
    if fmt == "md":
        from goedwerk_tui.report.markdown import render_markdown

        return render_markdown(debrief, lang)
    if fmt == "html":
        from goedwerk_tui.report.html import render_html

        return render_html(debrief, lang)
    if fmt == "csv":
        from goedwerk_tui.report.csv_export import render_csv

        return render_csv(debrief, lang)
    from goedwerk_tui.report.json_export import render_json

    return render_json(debrief, lang)


def run_report(saves: list[str], fmt: str, output: str | None, lang: str | None) -> int:
    paused = gc.isenabled()
    gc.disable()  # as in Debrief.from_paths: everything made stays in use until the end
    try:
        return _report(saves, fmt, output, lang)
    finally:
        if paused:
            gc.enable()


def _report(saves: list[str], fmt: str, output: str | None, lang: str | None) -> int:
    """Messages in ``lang``: before the saves are read, Dutch by default; after, the
    report's language (the first session's, as the replay screen speaks)."""
    said = lang or "nl"
    try:
        if fmt not in FORMATS:
            raise CommandError("report.unknown_format", format=fmt, formats=", ".join(FORMATS))
        target = Path(output) if output is not None else None
        if target is not None:
            _check_target(target, saves)
        debrief = Debrief.from_paths(saves)
        said = lang or debrief.language
        _warn(debrief.warnings, said)
        text = render(debrief, fmt, said)
        if target is None:
            _write_stdout(text)
        else:
            if fmt == "csv":
                text = "\ufeff" + text  # so spreadsheet programs read the file as UTF-8
            atomic_write(target, text)
    except GoedwerkError as exc:
        print(f"goedwerk: {exc.message(said)}", file=sys.stderr)
        return exc.exit_code
    return 0


def _check_target(target: Path, saves: list[str]) -> None:
    if target.is_dir():
        raise CommandError("report.target_is_folder", path=str(target))
    if not target.parent.is_dir():
        raise CommandError("file.no_folder", path=str(target.parent))
    for save in saves:
        try:
            same = target.exists() and os.path.samefile(target, save)
        except OSError:
            same = False
        if same:
            raise CommandError("report.target_is_save", path=str(target))


def _warn(warnings: tuple[GoedwerkError, ...], lang: str) -> None:
    for warning in warnings[:MAX_WARNINGS]:
        print(t("cli.warning", lang, warning=say(warning, lang)), file=sys.stderr)
    more = len(warnings) - MAX_WARNINGS
    if more > 0:
        print(t("cli.warning", lang, warning=tn("cli.more_warnings", lang, more)), file=sys.stderr)


def _write_stdout(text: str) -> None:
    """The report as UTF-8 whatever the terminal's encoding; quiet when the pipe closes."""
    try:
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is not None:
            sys.stdout.flush()
            buffer.write(text.encode("utf-8"))
            buffer.flush()
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
    except BrokenPipeError:
        # e.g. ``goedwerk report x.jsonl | head``: the reader left; do not complain at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
