"""The example site in every common theme and builder: no exception, no warning of ours."""

from __future__ import annotations

import importlib.util
import shutil

import pytest

from conftest import ROOT, sphinx_build, strip_ansi

THEMES = ["alabaster", "furo", "pydata_sphinx_theme", "sphinx_book_theme", "sphinx_rtd_theme"]
BUILDERS = ["html", "dirhtml", "singlehtml", "latex", "text", "epub"]


def _installed(theme: str) -> bool:
    return importlib.util.find_spec(theme) is not None


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("builder", BUILDERS)
def test_example_site_builds(tmp_path, theme, builder):
    if not _installed(theme):
        pytest.skip(f"{theme} is not installed")
    if builder in ("latex", "text") and theme != "furo":
        pytest.skip("themes do not change non-HTML output")
    src = tmp_path / "src"
    shutil.copytree(ROOT / "example_docs", src, ignore=shutil.ignore_patterns("_build"))
    result = sphinx_build(src, tmp_path / "out", "-b", builder, "-D", f"html_theme={theme}", "-d", str(tmp_path / "doctrees"))
    assert result.returncode == 0, result.stderr[-3000:]
    ours = [line for line in strip_ansi(result.stderr).splitlines() if "[hugo." in line]
    assert ours == []
    if builder != "epub":  # epub warns about its own settings (version, file types), not about pages
        assert [line for line in strip_ansi(result.stderr).splitlines() if "WARNING" in line] == []


def test_linkcheck_of_internal_links(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOT / "example_docs", src, ignore=shutil.ignore_patterns("_build"))
    result = sphinx_build(src, tmp_path / "out", "-b", "linkcheck", "-D", "linkcheck_ignore=https?://.*")
    assert result.returncode == 0, result.stderr[-3000:]
    report = (tmp_path / "out" / "output.txt").read_text() if (tmp_path / "out" / "output.txt").exists() else ""
    assert "broken" not in report
