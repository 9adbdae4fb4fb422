"""``check --format json``: one JSON document on stdout; exit 0 clean, 1 problems, 2 no run."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import sphinx_build, write_tree
from test_cli import SMALL_TREE, build_counts, run

HOME = {"_index.md": "---\ntitle: Home\n---\n\nHello.\n"}


def check_json(src: Path) -> tuple[int, dict]:
    result = run("check", "--format", "json", str(src))
    return result.returncode, json.loads(result.stdout)  # nothing else on stdout


def test_json_counts_and_problems_equal_the_build(tmp_path):
    src = write_tree(tmp_path / "src", SMALL_TREE)
    code, report = check_json(src)
    built = sphinx_build(src, tmp_path / "out", "-b", "dirhtml", "-w", str(tmp_path / "w.txt"))
    assert built.returncode == 0, built.stderr
    assert code == 1 and report["status"] == "problems" and report["error"] is None
    assert report["counts"] == dict(build_counts(tmp_path / "w.txt"))
    assert report["total"] == sum(report["counts"].values()) == len(report["problems"])
    assert {
        "file": "docs/b.md",
        "line": 7,
        "kind": "hugo.shortcode_syntax",
    }.items() <= next(p for p in report["problems"] if p["kind"] == "hugo.shortcode_syntax").items()
    untitled = next(p for p in report["problems"] if p["kind"] == "hugo.title_missing")
    assert untitled["file"] == "docs/untitled.md" and untitled["message"]


def test_json_clean_site_exits_0(tmp_path):
    code, report = check_json(write_tree(tmp_path, HOME))
    assert code == 0 and report["status"] == "clean"
    assert report["counts"] == {} and report["problems"] == [] and report["total"] == 0


def test_json_keeps_markup_in_messages_as_data(tmp_path):
    page = '---\ntitle: "<script>alert(1)</script>"\n---\n\n[x](<"><img src=x onerror=alert(1)>/)\n'
    code, report = check_json(write_tree(tmp_path, {**HOME, "a.md": page}))
    assert code == 1 and report["status"] == "problems"
    assert all(set(p) == {"file", "line", "kind", "message"} for p in report["problems"])


def test_json_missing_folder_exits_2(tmp_path):
    code, report = check_json(tmp_path / "nowhere")
    assert code == 2 and report["status"] == "error"
    assert "is not a folder" in report["error"] and report["problems"] == []


def test_json_broken_conf_exits_2_and_conf_prints_stay_off_stdout(tmp_path):
    src = write_tree(tmp_path, {**HOME, "conf.py": 'print("hello from conf")\nextensions = [\n'})
    result = run("check", "--format", "json", str(src))
    report = json.loads(result.stdout)
    assert result.returncode == 2 and report["status"] == "error"
    assert "ConfigError" in report["error"] and "Traceback" not in result.stderr
    (src / "conf.py").write_text('print("hello from conf")\nextensions = ["sphinx_comparisons"]\n')
    result = run("check", "--format", "json", str(src))
    assert result.returncode == 0 and json.loads(result.stdout)["status"] == "clean"
    assert "hello from conf" in result.stderr


def test_json_sphinx_error_exits_2(tmp_path):
    # a conf.py without the extension: Sphinx has no hugo-check builder
    code, report = check_json(write_tree(tmp_path, {**HOME, "conf.py": "extensions = []\n"}))
    assert code == 2 and report["status"] == "error"
    assert "must list 'sphinx_comparisons'" in report["error"]
