"""The README's migration walk-through, step by step, on a copy of its Tidepool site."""

from __future__ import annotations

import ast
import html
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, soup, sphinx_build
from test_check_json import check_json
from test_init import assert_valid_readthedocs, run

SITE = Path(__file__).parent / "fixtures" / "walkthrough"


def readme_mappings() -> list[dict]:
    """The ``hugo_shortcodes`` blocks of the walk-through: as suggested, then as kept."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("### A walk-through", 1)[1].split("\n### ", 1)[0]
    blocks = re.findall(r"```python\n(hugo_shortcodes = .*?)```", section, re.DOTALL)
    return [ast.literal_eval(block.split("=", 1)[1]) for block in blocks]


@pytest.mark.slow
def test_the_readme_walk_through_works_as_written(tmp_path):
    site = tmp_path / "tidepool"
    shutil.copytree(SITE, site)
    content = site / "content"
    suggested, kept = readme_mappings()

    # 1. check with a report: five problems, and the mappings the README shows
    result = run("check", str(content), "--report", str(tmp_path / "report.html"))
    assert result.returncode == 1, result.stderr
    assert "| hugo.shortcode_unknown | 4 |" in result.stdout
    assert "| hugo.link_anchor | 1 |" in result.stdout and "| total | 5 |" in result.stdout
    report = (tmp_path / "report.html").read_text(encoding="utf-8")
    pasted = html.unescape(re.search(r"<pre>(hugo_shortcodes = .*?)</pre>", report, re.DOTALL)[1])
    assert ast.literal_eval(pasted.split("=", 1)[1]) == suggested

    # 2. init, and the kept mappings pasted at the end of conf.py
    assert run("init", str(content)).returncode == 0
    assert_valid_readthedocs(site / ".readthedocs.yaml")
    with (content / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(f"\nhugo_shortcodes = {kept!r}\n")

    # 3. the link fixed: check is clean
    page = content / "docs" / "install.md"
    page.write_text(page.read_text().replace("#configuration", "#settings"))
    code, found = check_json(content)
    assert code == 0 and found["status"] == "clean", found["problems"]

    # what the preview and the published site show
    built = sphinx_build(content, tmp_path / "out", "-b", "dirhtml", "-W")
    assert built.returncode == 0, built.stderr
    install = soup(tmp_path / "out" / "docs" / "install" / "index.html")
    article = install.select_one("article")
    assert [label.get_text(strip=True) for label in article.select(".sd-tab-set label")] == [
        "Linux",
        "macOS",
    ]
    assert article.select_one(".admonition-title").get_text() == "Before you start"
    assert "{{" not in article.get_text() and "{%" not in article.get_text()
    docs = soup(tmp_path / "out" / "docs" / "index.html").select_one("article").get_text()
    assert "Tidepool 2.4." in " ".join(docs.split())
    forward = (tmp_path / "out" / "getting-started" / "index.html").read_text()
    assert '<meta http-equiv="refresh" content="0; url=../docs/install/">' in forward
