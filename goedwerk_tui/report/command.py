"""``goedwerk report SAVE... [--format md|html|csv|xlsx|json] [-o FILE]``, without the TUI.

Warnings about recovered saves go to stderr as ``goedwerk: warning: ...``; a save
that cannot be used is one line ``goedwerk: ...`` and exit code 1. The report goes
to stdout, or to FILE through a temporary file and a rename, and then one line on
stderr says where (``goedwerk: debrief written to /abs/path``, in the report
language). An xlsx report is not written to a terminal.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from goedwerk_tui.domain.debrief import Debrief
from goedwerk_tui.domain.errors import SaveError
from goedwerk_tui.domain.text import sanitize
from goedwerk_tui.files import CommandError, atomic_write
from goedwerk_tui.i18n import DEFAULT_LANGUAGE, t
from goedwerk_tui.report import FORMATS

MAX_WARNINGS = 20  # a file full of garbage lines should not bury the report


def render(debrief: Debrief, fmt: str, lang: str, delimiter: str = ",") -> str | bytes:
    if fmt == "md":
        from goedwerk_tui.report.markdown import render_markdown

        return render_markdown(debrief, lang)
    if fmt == "html":
        from goedwerk_tui.report.html import render_html

        return render_html(debrief, lang)
    if fmt == "csv":
        from goedwerk_tui.report.csv_export import render_csv

        return render_csv(debrief, lang, delimiter)
    if fmt == "xlsx":
        from goedwerk_tui.report.xlsx_export import render_xlsx

        return render_xlsx(debrief, lang)
    from goedwerk_tui.report.json_export import render_json

    return render_json(debrief, lang)


def run_report(
    saves: list[str],
    fmt: str | None,
    output: str | None,
    lang: str | None,
    delimiter: str | None = None,
) -> int:
    """``fmt`` None: from ``output``'s extension, else md. ``delimiter`` only with csv."""
    if fmt is None:
        suffix = Path(output).suffix.lower().lstrip(".") if output is not None else ""
        fmt = suffix if suffix in FORMATS else "md"
    paused = gc.isenabled()
    gc.disable()  # as in Debrief.from_paths: everything made stays in use until the end
    try:
        return _report(saves, fmt, output, lang, delimiter)
    finally:
        if paused:
            gc.enable()


def _report(
    saves: list[str], fmt: str, output: str | None, lang: str | None, delimiter: str | None
) -> int:
    say = lang or DEFAULT_LANGUAGE  # until the saves tell the session's language
    try:
        if fmt not in FORMATS:
            raise CommandError(
                f"unknown report format '{sanitize(fmt)}'; use md, html, csv, xlsx or json"
            )
        if delimiter is not None and fmt != "csv":
            raise CommandError("report.delimiter_csv")
        if fmt == "xlsx" and output is None and sys.stdout.isatty():
            raise CommandError("report.xlsx_terminal")
        target = Path(output) if output is not None else None
        if target is not None:
            _check_target(target, saves)
        debrief = Debrief.from_paths(saves)
        say = lang or debrief.language
        _warn(debrief.warnings)
        report = render(debrief, fmt, say, delimiter or ",")
        if isinstance(report, str) and target is not None and fmt == "csv":
            report = "\ufeff" + report  # so spreadsheet programs read the file as UTF-8
        data = encode(report) if isinstance(report, str) else report
        if target is None:
            _write_stdout(data)
        else:
            atomic_write(target, data)
            written = t("report.written", say, path=sanitize(str(target.absolute())))
            print(f"goedwerk: {written}", file=sys.stderr)
    except (SaveError, CommandError) as exc:
        print(f"goedwerk: {exc.message(say)}", file=sys.stderr)
        return 1
    return 0


def _check_target(target: Path, saves: list[str]) -> None:
    if target.is_dir():
        raise CommandError(f"{target}: is a folder; give a file name to write the report to")
    if not target.parent.is_dir():
        raise CommandError(f"{target.parent}: no such folder")
    for save in saves:
        try:
            same = target.exists() and os.path.samefile(target, save)
        except OSError:
            same = False
        if same:
            raise CommandError(f"{target}: is one of the saves; the report would replace it")


def _warn(warnings: tuple[str, ...]) -> None:
    for warning in warnings[:MAX_WARNINGS]:
        print(f"goedwerk: warning: {sanitize(warning)}", file=sys.stderr)
    more = len(warnings) - MAX_WARNINGS
    if more > 0:
        print(f"goedwerk: warning: ... and {more} more warnings like these", file=sys.stderr)


def encode(text: str) -> bytes:
    """UTF-8; a lone surrogate (a save may hold ``"\\ud800"``) is written as ``\\ud800``."""
    return text.encode("utf-8", "backslashreplace")


def _write_stdout(data: bytes) -> None:
    """The report as UTF-8 whatever the terminal's encoding; quiet when the pipe closes."""
    try:
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is not None:
            sys.stdout.flush()
            buffer.write(data)
            buffer.flush()
        else:  # a text-only stdout (tests): text reports only
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                raise CommandError("report.xlsx_terminal") from None
            sys.stdout.write(text)
            sys.stdout.flush()
    except BrokenPipeError:
        # e.g. ``goedwerk report x.jsonl | head``: the reader left; do not complain at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
