"""The migration command: ``check`` is a build that writes nothing; ``init`` a starting conf.py."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import SHARED, needs_shared, sphinx_build, write_tree


def run(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "sphinx_comparisons", *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


def test_check_reports_per_line_with_a_summary_and_exit_code(tmp_path):
    write_tree(
        tmp_path,
        {
            "_index.md": "---\ntitle: Home\n---\n\n[missing](nowhere/)\n",
            "a.md": "---\ntitle: A\nweight: heavy\naliases: [https://x.example/]\n---\n\n"
            "{{< mystery >}}\n",
            "b.md": "---\ntitle: B\nmenu:\n  main:\n    parent: nope\n---\n\n[fine](../a/)\n",
        },
    )
    result = run("check", str(tmp_path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert (
        "_index.md:5: hugo.link_unresolved: link 'nowhere/' leads to /nowhere/, which is no page "
        "of this site (set hugo_base_url to send such links to the live site)"
    ) in lines
    assert any(line.startswith("a.md:3: hugo.frontmatter_type: ") for line in lines)
    assert any(line.startswith("a.md:4: hugo.alias: ") for line in lines)
    assert any(line.startswith("a.md:7: hugo.shortcode_unknown: ") for line in lines)
    assert any(line.startswith("b.md:4: hugo.menu_parent: ") for line in lines)
    assert "| hugo.link_unresolved | 1 |" in lines and "| total | 5 |" in lines
    clean = write_tree(
        tmp_path / "clean",
        {"_index.md": "---\ntitle: Home\n---\n\n[a](a/)\n", "a.md": "---\ntitle: A\n---\n"},
    )
    result = run("check", str(clean))
    assert result.returncode == 0 and "| total | 0 |" in result.stdout.splitlines()


def test_check_finds_what_the_build_finds(tmp_path):
    write_tree(
        tmp_path,
        {
            "_index.md": "---\ntitle: Home\n---\n\n[the draft](docs/draft/)\n",
            "docs/_index.md": "---\ntitle: Docs\n---\n",
            "docs/draft.md": "---\ntitle: Draft\ndraft: true\n---\n",
            "docs/b.md": '---\ntitle: B\n---\n\n{{< tab "x >}}\n',
            "docs/untitled.md": "---\nweight: 3\n---\n\nNo title.\n",
        },
    )
    result = run("check", str(tmp_path))
    lines = result.stdout.splitlines()
    assert any(
        line.startswith("_index.md:5: hugo.link_unresolved: link 'docs/draft/'") for line in lines
    )
    assert any(line.startswith("docs/b.md:5: hugo.shortcode_syntax: ") for line in lines)
    assert any(line.startswith("docs/untitled.md:1: hugo.title_missing: ") for line in lines)
    assert "docs/draft" in result.stderr  # the extension's note: the draft is not built


def test_check_finds_what_only_the_html_writer_finds(tmp_path):
    write_tree(
        tmp_path,
        {
            "conf.py": 'extensions = ["sphinx_comparisons"]\nhugo_sphinx_only_warnings = True\n',
            "_index.md": '---\ntitle: Home\n---\n\n```json\n{"a": @}\n```\n',
        },
    )
    lines = run("check", str(tmp_path)).stdout.splitlines()
    assert any(
        line.startswith("_index.md:5: misc.highlighting_failure: Lexing literal_block")
        for line in lines
    )


def test_check_reads_conf_py_and_the_config_option(tmp_path):
    write_tree(
        tmp_path,
        {
            "site/hugo.toml": '[markup.goldmark.parser]\nautoHeadingIDType = "blackfriday"\n',
            "site/github.toml": "",
            "site/content/_index.md": "---\ntitle: Home\n---\n\n[away](nowhere/) [part](a/#a--b)\n",
            "site/content/a.md": "---\ntitle: A\n---\n\n## A & B\n",
        },
    )
    content = tmp_path / "site" / "content"
    found = run("check", str(content)).stdout  # hugo.toml found above: Blackfriday's ids
    assert "| hugo.link_anchor | 1 |" in found and "| total | 2 |" in found
    given = run("check", str(content), "--config", str(tmp_path / "site" / "github.toml")).stdout
    assert "| hugo.link_anchor |" not in given and "| total | 1 |" in given
    (content / "conf.py").write_text(
        'extensions = ["sphinx_comparisons"]\nhugo_base_url = "https://x.example"\n'
        'hugo_config = "../github.toml"\n'
    )
    result = run("check", str(content))
    assert result.returncode == 0 and "| total | 0 |" in result.stdout


def test_check_writes_nothing(tmp_path):
    tree = write_tree(
        tmp_path / "tree",
        {"_index.md": "---\ntitle: Home\n---\n", "a.md": "---\ntitle: A\naliases: [/old/]\n---\n"},
    )
    before = sorted(tree.rglob("*"))
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    result = run("check", str(tree), env={**os.environ, "TMPDIR": str(temporary)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(tree.rglob("*")) == before and not any(temporary.iterdir())


def test_check_twice_in_one_process_reports_the_same(tmp_path):
    from sphinx_comparisons import cli

    write_tree(tmp_path, {"_index.md": "---\ntitle: Home\n---\n\n[x](nowhere/)\n"})
    first, second = cli.check(tmp_path), cli.check(tmp_path)
    assert [p.kind for p in first.problems] == ["hugo.link_unresolved"] and second == first


def test_check_exits_2_when_the_build_stops(tmp_path):
    write_tree(tmp_path, {"conf.py": "extensions = [\n", "_index.md": "---\ntitle: Home\n---\n"})
    result = run("check", str(tmp_path))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert (
        "stopped: ConfigError: There is a syntax error in your configuration file" in result.stderr
    )
    (tmp_path / "conf.py").write_text("extensions = []\n")
    result = run("check", str(tmp_path))
    assert (
        result.returncode == 2
        and "conf.py's extensions must list 'sphinx_comparisons'" in result.stderr
    )


def test_help_says_check_is_the_build():
    result = run("check", "--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert (
        "[SITE]" in text
        and "Build SITE as sphinx-build would" in text
        and "2 the build stopped" in text
    )


def test_init_writes_a_conf_that_builds_and_never_overwrites(tmp_path):
    write_tree(
        tmp_path / "site",
        {
            "hugo.toml": 'title = "My Site"\nbaseURL = "https://docs.example.org/"\n',
            "content/_index.md": "---\ntitle: Home\nmenu: docs\n---\n",
            "content/a.md": "---\ntitle: A\nmenu: docs\n---\n",
        },
    )
    content = tmp_path / "site" / "content"
    result = run("init", str(content))
    assert result.returncode == 0 and "conf.py" in result.stdout
    conf = (content / "conf.py").read_text()
    assert (
        "project = 'My Site'" in conf
        and "hugo_base_url = 'https://docs.example.org'" in conf
        and "hugo_menus = ['docs']" in conf
    )
    assert (tmp_path / "site" / ".readthedocs.yaml").exists()
    (content / "conf.py").write_text(conf + "# edited\n")
    again = run("init", str(content))
    assert again.returncode == 1 and "nothing written" in again.stderr
    assert (content / "conf.py").read_text().endswith("# edited\n")
    built = sphinx_build(content, tmp_path / "out", "-b", "dirhtml", "-W")
    assert built.returncode == 0, built.stderr
    assert run("check", str(content)).returncode == 0


# --- check and a dirhtml build agree, kind by kind -------------------------------------------

#: A warning line as Sphinx writes it; its kind is the ``[type.subtype]`` its record ends with.
_RECORD_START = re.compile(r"^(?:\S.*?: )?(?:WARNING|ERROR|CRITICAL): ")
_KIND = re.compile(r" \[([\w.-]+)\]\s*$")


def build_counts(warning_file: Path) -> Counter[str]:
    records: list[str] = []
    for line in warning_file.read_text(encoding="utf-8").splitlines():
        if _RECORD_START.match(line) or not records:
            records.append(line)
        else:  # a message of several lines
            records[-1] += "\n" + line
    counts = Counter()
    for record in records:
        kind = _KIND.search(record)
        counts[kind.group(1) if kind else "untyped"] += 1
    return counts


def check_counts(stdout: str) -> Counter[str]:
    rows = [line.split("|")[1:3] for line in stdout.splitlines() if line.startswith("| ")]
    counts = Counter(
        {kind.strip(): int(count) for kind, count in rows[2:] if kind.strip() != "total"}
    )
    assert sum(counts.values()) == int(rows[-1][1])
    return counts


def assert_agree(src: Path, out: Path) -> Counter[str]:
    checked = run("check", str(src))
    built = sphinx_build(src, out, "-b", "dirhtml", "-w", str(out.parent / "warnings.txt"))
    if built.returncode != 0:  # then check stops too, on the same exception
        stopped = checked.stderr.splitlines()[-1] if checked.stderr else ""
        assert checked.returncode == 2 and " stopped: " in stopped, checked.stderr
        assert stopped.split(" stopped: ")[1].split(":")[0] in built.stderr
        pytest.xfail(f"the build stops, and check with it: {stopped}")
    assert checked.returncode in (0, 1), checked.stderr
    counts = check_counts(checked.stdout)
    assert counts == build_counts(out.parent / "warnings.txt")
    return counts


SMALL_TREE = {
    "_index.md": "---\ntitle: Home\n---\n\n"
    "[draft](docs/draft/), [gone](nowhere/), [b](docs/b/#nope)\n",
    "docs/_index.md": "---\ntitle: Docs\n---\n",
    "docs/draft.md": "---\ntitle: Draft\ndraft: true\n---\n\nA draft.\n",
    "docs/b.md": '---\ntitle: B\n---\n\n## Part\n\n{{< tab "x >}}\n\n[to the draft](../draft/)\n',
    "docs/untitled.md": "---\nweight: 3\n---\n\nNo title here.\n",
}


@pytest.mark.parametrize(
    "conf",
    ["", 'extensions = ["sphinx_comparisons"]\nhugo_base_url = "https://x.example"\n'],
    ids=["zero-config", "hugo_base_url"],
)
def test_check_and_build_agree_on_a_small_tree(tmp_path, conf):
    src = write_tree(tmp_path / "src", {**SMALL_TREE, **({"conf.py": conf} if conf else {})})
    counts = assert_agree(src, tmp_path / "out")
    assert counts["hugo.shortcode_syntax"] == 1 and counts["hugo.title_missing"] == 1
    assert counts["hugo.link_anchor"] == 1 and counts["hugo.link_unresolved"] == (0 if conf else 3)


def _corpora():
    found = sorted(path.parent.name for path in SHARED.glob("corpus/*/content"))
    return found or [pytest.param("", marks=needs_shared)]


@pytest.mark.slow
@pytest.mark.parametrize("name", _corpora())
def test_check_and_build_agree_on_the_corpus(tmp_path, name):
    source, corpus = SHARED / "corpus" / name, tmp_path / name
    # a copy: a content folder without a Markdown home page gets the one Hugo makes
    shutil.copytree(
        source,
        corpus,
        ignore=lambda folder, names: [
            n
            for n in names
            if Path(folder) == source and (n.startswith("_") or n.endswith(".json"))
        ],
    )
    content = corpus / "content"
    src = (
        content / "en" if (content / "en").is_dir() else content
    )  # the default language's contentDir
    counts = assert_agree(src, tmp_path / "out")
    assert counts["hugo.link_unresolved"] > 0
