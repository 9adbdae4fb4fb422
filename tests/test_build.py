"""Whole builds as a user runs them: no conf.py, -j 2, incremental rebuilds, the real corpus."""

from __future__ import annotations

import filecmp
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import (
    CORPUS,
    NOT_IN_TOCTREE,
    main_h1s,
    needs_shared,
    output_of,
    soup,
    sphinx_build,
    warnings_of,
    write_tree,
)
from sphinx_comparisons.hugo import frontmatter

TREE = {
    "_index.md": "---\ntitle: Home\nheadcontent: Start here\n---\n\nWelcome.\n",
    "guide/_index.md": '+++\ntitle = "Guide"\nweight = 1\n+++\n\n## First\n',
    "guide/install.md": (
        '{"title": "Install the tool", "linkTitle": "Install", "description": "How to install."}\n'
        "\n## Steps\n"
    ),
    "guide/use.md": (
        "---\ntitle: Use it\nheaderTitle: Using the tool\n---\n\n## Basics\n\n"
        "### Detail {#detail}\n"
    ),
}


def test_zero_config_build_uses_index_md_as_root(tmp_path):
    src = write_tree(tmp_path / "src", TREE)
    result = sphinx_build(src, tmp_path / "out", "-b", "dirhtml")
    assert result.returncode == 0, result.stderr
    assert [w for w in warnings_of(result.stderr) if NOT_IN_TOCTREE not in w] == []
    out = tmp_path / "out"
    home = soup(out / "index.html")  # Hugo's address for the home page
    assert not (out / "_index").exists()
    assert main_h1s(home) == ["Home"]
    assert home.title.get_text().startswith("Home")
    # the root document is _index: the theme's home link on every page points at it
    use = soup(out / "guide" / "use" / "index.html")
    assert use.select_one("h1.logo a")["href"] == "../../"
    assert main_h1s(use) == ["Using the tool"]
    assert use.title.get_text().startswith("Use it")


def test_explicit_root_doc_is_kept(tmp_path):
    src = write_tree(
        tmp_path / "src",
        {**TREE, "conf.py": 'extensions = ["sphinx_comparisons"]\nroot_doc = "guide/_index"\n'},
    )
    result = sphinx_build(src, tmp_path / "out", "-b", "html")
    assert result.returncode == 0, result.stderr
    assert [w for w in warnings_of(result.stderr) if NOT_IN_TOCTREE not in w] == []
    # guide/_index is the root: the home page is linked as such from every page
    # guide/_index (at guide/index.html) is the root: every page's home link points there
    assert (
        soup(tmp_path / "out" / "guide" / "use.html").select_one("h1.logo a")["href"]
        == "index.html"
    )


def _pages(out: Path) -> list[Path]:
    return sorted(p.relative_to(out) for p in out.rglob("*.html"))


def test_parallel_build_equals_serial(tmp_path):
    files = dict(TREE)
    for number in range(12):
        files[f"many/p{number}.md"] = (
            f"---\ntitle: Page {number}\nlinkTitle: P{number}\nweight: {number}\n---\n\n## Part\n"
        )
    src = write_tree(tmp_path / "src", files)
    serial = sphinx_build(src, tmp_path / "j1", "-b", "dirhtml", "-j", "1")
    parallel = sphinx_build(src, tmp_path / "j2", "-b", "dirhtml", "-j", "2")
    assert serial.returncode == parallel.returncode == 0
    assert sorted(warnings_of(serial.stderr)) == sorted(warnings_of(parallel.stderr))
    pages = _pages(tmp_path / "j1")
    assert pages == _pages(tmp_path / "j2") and len(pages) > 15
    differing = [
        str(p)
        for p in pages
        if not filecmp.cmp(tmp_path / "j1" / p, tmp_path / "j2" / p, shallow=False)
    ]
    assert differing == []


def test_incremental_build_reparses_and_rereads_only_what_changed(make_app, tmp_path, monkeypatch):
    write_tree(tmp_path, {**TREE, "conf.py": 'extensions = ["sphinx_comparisons"]\n'})
    make_app("html", srcdir=tmp_path).build()

    parsed: list[int] = []
    real_parse = frontmatter.parse
    monkeypatch.setattr(
        frontmatter, "parse", lambda text, *limits: parsed.append(1) or real_parse(text, *limits)
    )

    app = make_app("html", srcdir=tmp_path)
    read: list[str] = []
    app.connect("source-read", lambda _app, docname, _source: read.append(docname))
    app.build()
    assert read == [] and parsed == []

    page = tmp_path / "guide" / "use.md"
    page.write_text(
        page.read_text().replace(
            "headerTitle: Using the tool", "headerTitle: Working with the tool"
        )
    )
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 10**9))
    app = make_app("html", srcdir=tmp_path)
    read.clear()
    app.connect("source-read", lambda _app, docname, _source: read.append(docname))
    app.build()
    assert read == ["guide/use"]
    assert len(parsed) == 1
    assert main_h1s(soup(output_of(app, "guide/use"))) == ["Working with the tool"]


@pytest.mark.parametrize("conf", [True, False], ids=["conf.py", "no conf.py"])
def test_a_second_sphinx_build_reads_only_the_edited_page(tmp_path, conf):
    """In a new process, as a user runs it: sphinx-design adds its static folder to
    ``html_static_path`` after Sphinx compared the settings with the saved ones, so Sphinx 9
    said "The configuration has changed" on every build after the first (it still read only
    the edited page, as Sphinx 8 did)."""
    write_tree(tmp_path / "src", TREE)
    if conf:
        (tmp_path / "src" / "conf.py").write_text('extensions = ["sphinx_comparisons"]\n')
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        "html",
        str(tmp_path / "src"),
        str(tmp_path / "out"),
    ]
    if not conf:
        command[3:3] = ["-C", "-D", "extensions=sphinx_comparisons"]
    subprocess.run(command, capture_output=True, text=True, check=True)
    page = tmp_path / "src" / "guide" / "use.md"
    page.write_text(page.read_text() + "\nOne more line.\n")
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 10**9))
    second = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    assert "configuration has changed" not in second
    assert "0 added, 1 changed, 0 removed" in second, second


def test_declares_parallel_safety_and_env_version(make_app, tmp_path):
    write_tree(
        tmp_path,
        {
            "conf.py": 'extensions = ["sphinx_comparisons"]\n',
            "_index.md": "---\ntitle: Home\n---\n",
        },
    )
    app = make_app("html", srcdir=tmp_path)
    extension = app.extensions["sphinx_comparisons"]
    assert extension.parallel_read_safe and extension.parallel_write_safe
    assert isinstance(app.registry.get_envversion(app)["sphinx_comparisons"], int)
    assert {"myst_parser", "sphinx_design"} <= set(app.extensions)
    assert {"deflist", "strikethrough", "tasklist"} <= set(app.config.myst_enable_extensions)


def test_core_has_no_sphinx_import():
    code = (
        "import sys, pkgutil, importlib, sphinx_comparisons.hugo as core\n"
        "for m in pkgutil.iter_modules(core.__path__): "
        "importlib.import_module('sphinx_comparisons.hugo.' + m.name)\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('sphinx', 'docutils', "
        "'myst_parser')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# --- the YugabyteDB corpus ---------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    result = sphinx_build(CORPUS / "content", out, "-b", "dirhtml")
    assert result.returncode == 0, result.stderr
    return out, warnings_of(result.stderr)


@needs_shared
@pytest.mark.slow  # builds the corpus
def test_corpus_seed_page(corpus_build):
    out, warnings = corpus_build
    aurora = out / "preview" / "faq" / "comparisons" / "amazon-aurora" / "index.html"
    html = soup(aurora)
    assert html.title.get_text().startswith("Compare Amazon Aurora with YugabyteDB")
    assert main_h1s(html) == ["Amazon Aurora"]
    assert len(html.select("[role=main] h2")) == 4
    raw = aurora.read_text()
    assert (
        raw.count('<meta name="description" content="Compare Amazon Aurora with YugabyteDB." />')
        == 1
    )
    # navigation (toctrees) is built by a later issue
    assert not [w for w in warnings if "amazon-aurora.md" in w and NOT_IN_TOCTREE not in w]


@needs_shared
@pytest.mark.slow  # builds the corpus
def test_corpus_titles_match_hugo(corpus_build):
    """Every page's H1 is headerTitle, else title; Hugo's titles come from hugo-expected.json."""
    out, warnings = corpus_build
    expected = json.loads((CORPUS / "hugo-expected.json").read_text())
    redis = soup(out / "preview" / "faq" / "comparisons" / "redis" / "index.html")
    assert main_h1s(redis) == ["Compare Redis in-memory store with YugabyteDB"]
    pages = [p for p in expected["pages"] if (p.get("path") or "").endswith(".md")]
    checked = 0
    for page in pages:
        path = page.get("path")
        if not path or not path.endswith(".md") or "include-markdown" in path:
            continue
        target = out / page["url"].strip("/") / "index.html"
        html = soup(target)
        assert html.title.get_text().startswith(page["title"]), path
        heading = page["params"].get("headertitle") or page["title"]
        assert main_h1s(html) == [heading], path
        checked += 1
    assert checked == len(pages) - 1  # all but the include fragment
    assert not [w for w in warnings if "myst.header" in w or "no_title" in w or "hugo.title" in w]
