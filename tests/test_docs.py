"""The project's documentation builds cleanly and lists everything the code defines."""

from __future__ import annotations

from conftest import ROOT, soup, sphinx_build
from sphinx_comparisons.config import PREFIX, HugoConfig
from sphinx_comparisons.diagnostics import SUBTYPES
from sphinx_comparisons.shortcodes.served import BUILTIN


def test_docs_build_with_every_reference_entry(tmp_path):
    result = sphinx_build(ROOT / "docs", tmp_path, "-b", "dirhtml", "-W")
    assert result.returncode == 0, result.stderr
    config = soup(tmp_path / "reference" / "config" / "index.html").get_text()
    assert all(f"{PREFIX}{spec.name}" in config for spec in HugoConfig.fields())
    warnings = soup(tmp_path / "reference" / "warnings" / "index.html").get_text()
    assert all(f"hugo.{subtype}" in warnings for subtype in SUBTYPES)
    keys = soup(tmp_path / "reference" / "front-matter" / "index.html").get_text()
    assert "headertitle" in keys and "comparison" in keys
    shortcodes = soup(tmp_path / "reference" / "shortcodes" / "index.html").get_text()
    assert all(name in shortcodes for name in BUILTIN)
    components = soup(tmp_path / "components" / "index.html")
    assert components.select_one("table.hugo-comparison") is not None
    assert [a["href"] for a in components.select("div.hugo-related a")][:2] == ["../guide/migrate/", "../guide/read-the-docs/"]


def test_read_the_docs_canonical_urls_and_redirects(tmp_path):
    import json
    import os
    import subprocess
    import sys

    from conftest import write_tree

    src = write_tree(tmp_path / "src", {"_index.md": "---\ntitle: Home\n---\n", "a.md": "---\ntitle: A\naliases: [/old-a/]\n---\n"})
    env = {**os.environ, "READTHEDOCS_CANONICAL_URL": "https://proj.readthedocs.io/en/latest/"}
    command = [sys.executable, "-m", "sphinx", "-q", "-C", "-D", "extensions=sphinx_comparisons", "-b", "dirhtml", str(src), str(tmp_path / "out")]
    assert subprocess.run(command, env=env, capture_output=True, check=False).returncode == 0
    page = soup(tmp_path / "out" / "a" / "index.html")
    assert page.find("link", rel="canonical")["href"] == "https://proj.readthedocs.io/en/latest/a/"
    assert page.find("meta", property="og:url")["content"] == "https://proj.readthedocs.io/en/latest/a/"
    redirects = json.loads((tmp_path / "out" / "readthedocs-redirects.json").read_text())
    assert redirects == [{"type": "page", "from_url": "/old-a/", "to_url": "/a/"}]
    assert 'href="https://proj.readthedocs.io/en/latest/a/"' in (tmp_path / "out" / "old-a" / "index.html").read_text()


def test_every_documented_front_matter_key_is_read_by_the_code():
    from sphinx_comparisons.reference import FRONT_MATTER

    source = "".join(path.read_text() for path in (ROOT / "sphinx_comparisons").rglob("*.py") if path.name != "reference.py")
    for key in FRONT_MATTER:
        assert f'"{key}"' in source or f"'{key}'" in source, key
