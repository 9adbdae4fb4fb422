"""The code stays ruff and mypy clean, with the settings in pyproject.toml."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from conftest import ROOT


def _run(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    if importlib.util.find_spec(tool) is None:
        pytest.skip(f"{tool} is not installed (it is in the 'test' extra)")
    return subprocess.run(
        [sys.executable, "-m", tool, *args],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_ruff_is_clean():
    result = _run("ruff", "check", "--no-cache", "sphinx_comparisons", "tests", "benchmarks", ".ci")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow  # type-checks the whole package (ruff, above, takes a moment)
def test_mypy_is_clean(tmp_path):
    result = _run("mypy", "--cache-dir", str(tmp_path / "mypy_cache"), "sphinx_comparisons")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_kept():
    paths = ("sphinx_comparisons", "tests", "benchmarks", ".ci")
    result = _run("ruff", "format", "--check", "--no-cache", *paths)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow  # type-checks the core again, strictly
def test_mypy_is_strict_on_the_core(tmp_path):
    cache = str(tmp_path / "mypy_cache")
    result = _run("mypy", "--strict", "--cache-dir", cache, "sphinx_comparisons/hugo")
    assert result.returncode == 0, result.stdout + result.stderr
