"""``check``: 1 for problems found, 2 when the build stops, and pages it cannot decode reported."""

from __future__ import annotations

import subprocess
import sys

from conftest import write_tree
from sphinx_comparisons import cli, extension

# the feature packages as the extension imports them (in another order, they import in a cycle)
titles, model = extension.page.titles, extension.site.model


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "sphinx_comparisons", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_pages_that_are_not_utf8_are_reported_and_the_rest_checked(tmp_path):
    write_tree(
        tmp_path,
        {
            "_index.md": "---\ntitle: Home\n---\n\n[b](b/)\n",
            "b.md": "---\ntitle: B\n---\n\n[x](nowhere/)\n",
        },
    )
    (tmp_path / "a.md").write_bytes(b"---\ntitle: A\n---\n\ncaf\xe9\n")
    result = run("check", str(tmp_path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(line.startswith("a.md:5: hugo.encoding: the page is not UTF-8") for line in lines)
    assert any(
        line.startswith("b.md:5: hugo.link_unresolved:") for line in lines
    )  # the other pages
    assert "Traceback" not in result.stderr


def test_input_that_crashed_the_build_is_a_located_problem(tmp_path):
    write_tree(
        tmp_path,
        {"_index.md": "---\ntitle: Home\n---\n", "a.md": "---\ntitle: A\ndate: 2023-02-30\n---\n"},
    )
    result = run("check", str(tmp_path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert any(line.startswith("a.md:3: hugo.frontmatter:") for line in result.stdout.splitlines())


def test_our_failure_on_a_page_is_a_located_problem(tmp_path, monkeypatch, capsys):
    write_tree(
        tmp_path, {"_index.md": "---\ntitle: Home\n---\n", "b.md": "---\ntitle: B\n---\n\nbody\n"}
    )
    real = titles.on_source_read

    def fail_on_b(app, docname, source):
        if docname == "b":
            raise RuntimeError("deliberate failure")
        real(app, docname, source)

    monkeypatch.setattr(titles, "on_source_read", fail_on_b)
    assert cli.main(["check", str(tmp_path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert any(
        line.startswith("b.md: hugo.internal: ") and "deliberate failure" in line for line in out
    )


def test_a_build_that_stops_exits_2_with_the_traceback(tmp_path, monkeypatch, capsys):
    write_tree(tmp_path, {"_index.md": "---\ntitle: Home\n---\n"})

    def fail(*args):
        raise RuntimeError("deliberate failure")

    monkeypatch.setattr(model, "on_env_get_outdated", fail)
    assert cli.main(["check", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" in err and "deliberate failure" in err.splitlines()[-1]
    assert err.splitlines()[-1].startswith(f"the build of {tmp_path} stopped: ExtensionError: ")


def test_clean_tree_still_exits_0(tmp_path):
    write_tree(
        tmp_path,
        {"_index.md": "---\ntitle: Home\n---\n\n[a](a/)\n", "a.md": "---\ntitle: A\n---\n"},
    )
    assert run("check", str(tmp_path)).returncode == 0
