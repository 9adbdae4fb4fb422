"""Issue 15's acceptance on every real site: a team migrating it follows the README.

On a copy of each corpus in ``.ci/corpora``: ``check --report``, ``init``, the report's
suggested ``hugo_shortcodes`` pasted into the written conf.py as they are, then
``sphinx-build -W --keep-going``. The build warns exactly as the conformance build
(``.ci/conformance/<corpus>``) does, kind by kind; its navigation is the one the rule
gives from Hugo's own menus; and ``check --format json`` on the migrated site counts what
the build found. Each corpus is built once per configuration (a corpus takes 10-60 s).
"""

from __future__ import annotations

import ast
import html
import json
import re
import shutil
import stat
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT, SHARED, needs_shared, soup, sphinx_build
from test_cli import build_counts, run
from test_init import conf_values, hugo_navigation


def corpora() -> list[tuple[str, str]]:
    """``(corpus, content folder)`` for each line of ``.ci/corpora``, as CI builds them."""
    lines = (ROOT / ".ci" / "corpora").read_text(encoding="utf-8").splitlines()
    return [tuple(line.split()) for line in lines if line.strip() and not line.startswith("#")]


def copy_corpus(name: str, folder: str, tmp_path: Path) -> Path:
    """A writable copy of the corpus (the shared tree is read-only), without Hugo's answers."""
    source, corpus = SHARED / "corpus" / name, tmp_path / name
    shutil.copytree(
        source,
        corpus,
        ignore=lambda at, names: [
            n for n in names if Path(at) == source and (n.startswith("_") or n.endswith(".json"))
        ],
    )
    for path in [corpus, *corpus.rglob("*")]:
        path.chmod(path.stat().st_mode | stat.S_IWUSR)
    return corpus / folder


#: The suggested mappings in the report: one ``<pre>``, HTML-escaped.
_SUGGESTED = re.compile(r"<pre>(hugo_shortcodes = .*?)</pre>", re.DOTALL)


def suggested_mappings(report: Path) -> str:
    """The report's ``hugo_shortcodes = {...}``, unescaped: Python that pastes as it is."""
    found = _SUGGESTED.findall(report.read_text(encoding="utf-8"))
    assert len(found) == 1, "the report suggests one hugo_shortcodes mapping"
    pasted = html.unescape(found[0])
    mapping = ast.literal_eval(pasted.split("=", 1)[1].strip())  # a literal, nothing to run
    assert isinstance(mapping, dict) and mapping
    return pasted


def build_strict(content: Path, out: Path, warnings: Path) -> subprocess.CompletedProcess[str]:
    """``sphinx-build -W --keep-going`` with the content folder's conf.py, as the README says."""
    command = [sys.executable, "-m", "sphinx", "-q", "-W", "--keep-going", "-b", "dirhtml"]
    return subprocess.run(
        [*command, "-w", str(warnings), str(content), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )


def differing(counts: Counter[str], expected: Counter[str], tmp_path: Path) -> str:
    """The warnings of the kinds whose counts differ, from both builds: what to look at."""
    kinds = {kind for kind in counts | expected if counts[kind] != expected[kind]}
    lines = [f"kinds that differ: {sorted(kinds)}"]
    for label, name in (("migrated", "warnings.txt"), ("conformance", "conformance.txt")):
        text = (tmp_path / name).read_text(encoding="utf-8").splitlines()
        lines += [f"{label}: {line}" for line in text if any(f"[{k}]" in line for k in kinds)]
    return "\n".join(lines)


@pytest.mark.slow
@needs_shared
@pytest.mark.parametrize(("name", "folder"), corpora(), ids=[name for name, _ in corpora()])
def test_migrating_the_corpus_builds_as_the_conformance_build(tmp_path, name, folder):
    if not (SHARED / "corpus" / name).is_dir():
        pytest.skip(f"needs ../shared/corpus/{name}")
    content = copy_corpus(name, folder, tmp_path)
    checked = run("check", "--report", str(tmp_path / "report.html"), str(content))
    assert checked.returncode in (0, 1), checked.stderr
    pasted = suggested_mappings(tmp_path / "report.html")
    initialised = run("init", str(content))
    assert initialised.returncode == 0, initialised.stderr
    with (content / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("\n" + pasted)
    assert conf_values(content)["hugo_menus"] == hugo_navigation(name)

    # the conformance build reads its own conf.py (-c), not the written one
    conformance = ROOT / ".ci" / "conformance" / name
    reference = sphinx_build(
        content, tmp_path / "conformance", "-N", "-c", str(conformance), "-b", "dirhtml",
        "-w", str(tmp_path / "conformance.txt"),
    )  # fmt: skip
    assert reference.returncode == 0, reference.stderr
    expected = build_counts(tmp_path / "conformance.txt")

    built = build_strict(content, tmp_path / "out", tmp_path / "warnings.txt")
    counts = build_counts(tmp_path / "warnings.txt")
    assert "Traceback" not in built.stderr, built.stderr
    assert built.returncode == (1 if counts else 0), built.stderr
    assert dict(counts) == dict(expected), differing(counts, expected, tmp_path)
    assert "hugo.link_unresolved" not in counts  # the written hugo_base_url is read

    # the section tree (or the busiest menu) in furo's sidebar, not one link
    home = soup(tmp_path / "out" / "index.html")
    assert home.select_one("link[href*=furo]") is not None
    assert len(home.select(".sidebar-tree a")) > 20

    # check reads the written conf.py and counts what the build found, kind by kind
    result = run("check", "--format", "json", str(content))
    report = json.loads(result.stdout)
    assert result.returncode == (1 if counts else 0), result.stderr
    assert report["counts"] == dict(counts)
    assert report["total"] == counts.total() == len(report["problems"])
