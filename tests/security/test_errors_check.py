"""``check``: 1 for problems found, 2 for its own failure (with the file), and files it cannot decode reported."""

from __future__ import annotations

import subprocess
import sys

from conftest import write_tree
from sphinx_comparisons import cli


def run(*args):
    return subprocess.run([sys.executable, "-m", "sphinx_comparisons", *args], capture_output=True, text=True, check=False)


def test_files_that_are_not_utf8_are_reported_and_still_checked(tmp_path):
    write_tree(tmp_path, {"_index.md": "---\ntitle: Home\n---\n\n[a](a/)\n"})
    (tmp_path / "a.md").write_bytes(b"---\ntitle: A\n---\n\ncaf\xe9\n\n[x](nowhere/)\n")
    result = run("check", str(tmp_path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(line.startswith("a.md:5: hugo.encoding:") for line in lines)
    assert any(line.startswith("a.md:7: hugo.link_unresolved:") for line in lines)  # the rest of the page
    assert "Traceback" not in result.stderr


def test_input_that_crashed_the_build_is_a_located_problem(tmp_path):
    write_tree(tmp_path, {"_index.md": "---\ntitle: Home\n---\n", "a.md": "---\ntitle: A\ndate: 2023-02-30\n---\n"})
    result = run("check", str(tmp_path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert any(line.startswith("a.md:3: hugo.frontmatter:") for line in result.stdout.splitlines())


def test_an_internal_error_exits_2_naming_the_file(tmp_path, monkeypatch, capsys):
    write_tree(tmp_path, {"_index.md": "---\ntitle: Home\n---\n", "b.md": "---\ntitle: B\n---\n\nbody\n"})
    real = cli._page_problems

    def fail_on_b(key, *args):
        if key == "b":
            raise RuntimeError("deliberate failure")
        return real(key, *args)

    monkeypatch.setattr(cli, "_page_problems", fail_on_b)
    assert cli.main(["check", str(tmp_path)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert "b.md: internal error: RuntimeError: deliberate failure" in err[-2]  # the last thing printed
    assert "not in the page" in err[-1]


def test_clean_tree_still_exits_0(tmp_path):
    write_tree(tmp_path, {"_index.md": "---\ntitle: Home\n---\n\n[a](a/)\n", "a.md": "---\ntitle: A\n---\n"})
    assert run("check", str(tmp_path)).returncode == 0
