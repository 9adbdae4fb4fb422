"""The migration command: check a Hugo tree without building it, and write a starting conf.py."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import CORPUS, needs_shared, sphinx_build, warnings_of, write_tree


def run(*args):
    return subprocess.run([sys.executable, "-m", "sphinx_comparisons", *args], capture_output=True, text=True, check=False)


def test_check_reports_per_line_with_a_summary_and_exit_code(tmp_path):
    write_tree(tmp_path, {
        "_index.md": "---\ntitle: Home\n---\n\n[missing](nowhere/)\n",
        "a.md": "---\ntitle: A\nweight: heavy\naliases: [https://x.example/]\n---\n\n{{< mystery >}}\n",
        "b.md": "---\ntitle: B\nmenu:\n  main:\n    parent: nope\n---\n\n[fine](../a/)\n",
    })
    result = run("check", str(tmp_path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "_index.md:5: hugo.link_unresolved: link 'nowhere/' leads to /nowhere/, which is no page of this tree" in lines
    assert any(line.startswith("a.md:3: hugo.frontmatter_type") for line in lines)
    assert any(line.startswith("a.md:4: hugo.alias") for line in lines)
    assert any(line.startswith("a.md:7: hugo.shortcode_unknown") for line in lines)
    assert any(line.startswith("b.md:4: hugo.menu_parent") for line in lines)
    assert "| total | 5 |" in lines
    clean = write_tree(tmp_path / "clean", {"_index.md": "---\ntitle: Home\n---\n\n[a](a/)\n", "a.md": "---\ntitle: A\n---\n"})
    assert run("check", str(clean)).returncode == 0


def test_init_writes_a_conf_that_builds_and_never_overwrites(tmp_path):
    write_tree(tmp_path / "site", {
        "hugo.toml": 'title = "My Site"\nbaseURL = "https://docs.example.org/"\n',
        "content/_index.md": "---\ntitle: Home\nmenu: docs\n---\n",
        "content/a.md": "---\ntitle: A\nmenu: docs\n---\n",
    })
    content = tmp_path / "site" / "content"
    result = run("init", str(content))
    assert result.returncode == 0 and "conf.py" in result.stdout
    conf = (content / "conf.py").read_text()
    assert "project = 'My Site'" in conf and "hugo_base_url = 'https://docs.example.org'" in conf and "hugo_menus = ['docs']" in conf
    assert (tmp_path / "site" / ".readthedocs.yaml").exists()
    (content / "conf.py").write_text(conf + "# edited\n")
    assert "nothing written" in run("init", str(content)).stdout
    assert (content / "conf.py").read_text().endswith("# edited\n")
    built = sphinx_build(content, tmp_path / "out", "-b", "dirhtml", "-W")
    assert built.returncode == 0, built.stderr


@needs_shared
@pytest.mark.slow  # builds the corpus
def test_check_on_the_corpus_agrees_with_a_build(tmp_path):
    import shutil

    copy = tmp_path / "content"
    shutil.copytree(CORPUS / "content", copy)
    shutil.copytree(CORPUS / "config", tmp_path / "config")
    report = run("check", str(copy)).stdout
    counts = {line.split("|")[1].strip(): int(line.split("|")[2]) for line in report.splitlines() if line.startswith("| hugo.")}
    built = sphinx_build(copy, tmp_path / "out", "-b", "dirhtml")
    build_counts: dict[str, int] = {}
    for line in warnings_of(built.stderr):
        if "[hugo." in line:
            kind = line.rsplit("[", 1)[1].rstrip("]")
            build_counts[kind] = build_counts.get(kind, 0) + 1
    assert counts == build_counts  # every kind: front matter, menus, shortcodes, links, anchors
    assert counts["hugo.link_unresolved"] > 100
    # init, then a build with no further editing
    assert run("init", str(copy)).returncode == 0
    assert sphinx_build(copy, tmp_path / "out2", "-b", "dirhtml").returncode == 0
