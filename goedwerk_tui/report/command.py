"""``goedwerk report SAVE... [--format md|html|csv|xlsx|json] [-o FILE]``, without the TUI.

Warnings about recovered saves go to stderr as ``goedwerk: waarschuwing: ...``; a save
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
from goedwerk_tui.domain.errors import GoedwerkError
from goedwerk_tui.domain.text import sanitize
from goedwerk_tui.files import CommandError, atomic_write
from goedwerk_tui.i18n import t, tn
from goedwerk_tui.report import FORMATS, SHEETS, warning_text

MAX_WARNINGS = 20  # a file full of garbage lines should not bury the report


def render(
    debrief: Debrief, fmt: str, lang: str, delimiter: str = ",", sheet: str = "choices"
) -> str | bytes:
    if fmt == "md":
        from goedwerk_tui.report.markdown import render_markdown

        return render_markdown(debrief, lang)
    if fmt == "html":
        from goedwerk_tui.report.html import render_html

        return render_html(debrief, lang)
    if fmt == "csv":
        from goedwerk_tui.report.csv_export import render_csv

        return render_csv(debrief, lang, delimiter, sheet)
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
    *,
    sheet: str | None = None,
) -> int:
    """``fmt`` None: from ``output``'s extension, else md. ``delimiter`` and ``sheet``
    (which table: choices, variations, measures) only with csv."""
    if fmt is None:
        suffix = Path(output).suffix.lower().lstrip(".") if output is not None else ""
        fmt = suffix if suffix in FORMATS else "md"
    paused = gc.isenabled()
    gc.disable()  # as in Debrief.from_paths: everything made stays in use until the end
    try:
        return _report(saves, fmt, output, lang, delimiter, sheet)
    finally:
        if paused:
            gc.enable()


def _report(
    saves: list[str],
    fmt: str,
    output: str | None,
    lang: str | None,
    delimiter: str | None,
    sheet: str | None = None,
) -> int:
    """Messages in ``lang``: before the saves are read, Dutch by default; after, the
    report's language (the first session's, as the replay screen speaks)."""
    said = lang or "nl"
    try:
        if fmt not in FORMATS:
            raise CommandError("report.unknown_format", format=fmt, formats=", ".join(FORMATS))
        if delimiter is not None and fmt != "csv":
            raise CommandError("report.delimiter_csv")
        if sheet is not None and fmt != "csv":
            raise CommandError("report.sheet_csv")
        if sheet is not None and sheet not in SHEETS:
            raise CommandError("report.unknown_sheet", sheet=sheet, sheets=", ".join(SHEETS))
        if fmt == "xlsx" and output is None and sys.stdout.isatty():
            raise CommandError("report.xlsx_terminal")
        target = Path(output) if output is not None else None
        if target is not None:
            _check_target(target, saves)
        debrief = Debrief.from_paths(saves)
        said = lang or debrief.language
        _warn(debrief.warnings, said)
        report = render(debrief, fmt, said, delimiter or ",", sheet or "choices")
        if isinstance(report, str) and target is not None and fmt == "csv":
            report = "\ufeff" + report  # so spreadsheet programs read the file as UTF-8
        data = encode(report) if isinstance(report, str) else report
        if target is None:
            _write_stdout(data)
        else:
            atomic_write(target, data)
            written = t("report.written", said, path=sanitize(str(target.absolute())))
            print(f"goedwerk: {written}", file=sys.stderr)
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
        print(t("cli.warning", lang, warning=warning_text(warning, lang)), file=sys.stderr)
    more = len(warnings) - MAX_WARNINGS
    if more > 0:
        print(t("cli.warning", lang, warning=tn("cli.more_warnings", lang, more)), file=sys.stderr)


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
