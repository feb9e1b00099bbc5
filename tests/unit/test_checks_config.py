"""The checks that keep the code as it is: CI, pre-commit and the README agree.

``.ci/run`` ends with the README's test command; the checks it runs before it are
the hooks of ``.pre-commit-config.yaml``, in the same order, all local; mypy is
strict over the package, the tests and the benchmarks without blanket exceptions;
every ``# type: ignore[code]`` says why.
"""

from __future__ import annotations

import re
import shlex

import pytest
import yaml

from tests.conftest import ROOT

TREES = ("goedwerk_tui", "tests", "benchmarks")
README_TEST = (
    "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest"
)
# `# type: ignore[code, ...]` followed by `# the reason`
_IGNORE = re.compile(r"#\s*type:\s*ignore(?P<codes>\[[^\]]*\])?(?P<rest>.*)$")


def ci_commands() -> list[str]:
    """The commands of .ci/run, one a line, without comments and blank lines."""
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    commands = []
    for line in lines:
        code = " ".join(shlex.split(line, comments=True))
        if code:
            commands.append(code)
    return commands


def test_ci_ends_with_the_readme_test_command() -> None:
    assert README_TEST in (ROOT / "README.md").read_text(encoding="utf-8")
    assert ci_commands()[-1] == " ".join(shlex.split(README_TEST))


def test_pre_commit_runs_the_checks_ci_runs_before_the_tests() -> None:
    commands = ci_commands()
    start = commands.index(".venv/bin/pip install -q -e .[dev]") + 1
    checks = commands[start:-1]
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [repo] = config["repos"]
    assert repo["repo"] == "local"  # nothing is downloaded to run a hook
    hooks = repo["hooks"]
    assert all(hook["language"] == "system" for hook in hooks)
    assert all(hook["pass_filenames"] is False for hook in hooks)  # the whole tree, as CI
    assert [hook["entry"] for hook in hooks] == checks
    assert [command.split()[0] for command in checks] == [
        ".venv/bin/ruff",
        ".venv/bin/ruff",
        ".venv/bin/mypy",
        ".venv/bin/lint-imports",
    ]


def test_mypy_is_strict_over_every_tree_without_blanket_exceptions() -> None:
    tomllib = pytest.importorskip("tomllib", reason="tomllib is new in Python 3.11")

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    mypy = config["tool"]["mypy"]
    assert mypy["strict"] is True
    assert sorted(mypy["files"]) == sorted(TREES)
    loosened = {"ignore_errors", "disallow_untyped_defs", "check_untyped_defs", "strict"}
    for override in mypy.get("overrides", []):
        # only third-party modules without type information are let off, and only that
        assert set(override) == {"module", "ignore_missing_imports"}, override
        assert not loosened & set(override)
        assert all(not m.startswith(("goedwerk_tui", "tests")) for m in override["module"])


def test_every_type_ignore_names_its_codes_and_says_why() -> None:
    unexplained = []
    for tree in TREES:
        for source in sorted((ROOT / tree).rglob("*.py")):
            lines = source.read_text(encoding="utf-8").splitlines()
            for number, line in enumerate(lines, start=1):
                found = _IGNORE.search(line)
                if found is None:
                    continue
                reason = found.group("rest").strip().lstrip("#").strip()
                if not found.group("codes") or not reason:
                    unexplained.append(f"{source.relative_to(ROOT)}:{number}: {line.strip()}")
    assert unexplained == []
