"""Incremental builds give what a fresh build gives, after any sequence of edits."""

from __future__ import annotations

import filecmp
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import sphinx_build, write_tree

pytestmark = pytest.mark.slow  # sequences of edits, each built incrementally and fresh

SECTIONS = ("alpha", "beta")


def _page(title: str, weight: int, parent: str, extra: str = "") -> str:
    return (
        f"---\ntitle: {title}\nlinkTitle: {title.split()[0]}\ndescription: About {title}.\n{extra}"
        f"menu:\n  docs:\n    parent: {parent}\n    weight: {weight}\n---\n\n## Part\n\n"
        f"Text about {title}.\n\n"
        "{{< note >}}\nA note.\n{{< /note >}}\n"
    )


def _tree(root: Path) -> None:
    files = {"_index.md": "---\ntitle: Home\n---\n\nWelcome.\n"}
    for section in SECTIONS:
        files[f"{section}/_index.md"] = (
            f"---\ntitle: {section.title()}\nmenu:\n  docs:\n    identifier: {section}\n"
            f"    weight: {SECTIONS.index(section) + 1}\n---\n"
        )
        for number in range(4):
            files[f"{section}/p{number}.md"] = _page(f"P{number} of {section}", number + 1, section)
    write_tree(root, files)


def _edit(root: Path, rng: random.Random, step: int) -> str:
    pages = sorted(p for p in root.rglob("p*.md"))
    page = rng.choice(pages)
    text = page.read_text()
    kind = rng.choice(
        ["weight", "title", "linktitle", "parent", "add", "remove", "alias", "shortcode", "body"]
    )
    if kind == "weight":
        page.write_text(
            text.replace("weight:", f"weight: {rng.randint(1, 9)}0 #", 1).replace(
                " #", "\n    #", 1
            )
        )
    elif kind == "title":
        page.write_text(text.replace("title: ", f"title: Renamed{step} ", 1))
    elif kind == "linktitle":
        page.write_text(text.replace("linkTitle: ", f"linkTitle: L{step}", 1))
    elif kind == "parent":
        other = next(s for s in SECTIONS if f"parent: {s}" not in text)
        page.write_text(
            text.replace("parent: alpha", f"parent: {other}").replace(
                "parent: beta", f"parent: {other}"
            )
        )
    elif kind == "add":
        section = rng.choice(SECTIONS)
        (root / section / f"p{10 + step}.md").write_text(
            _page(f"Added {step}", rng.randint(1, 9), section)
        )
    elif kind == "remove" and len(pages) > 3:
        page.unlink()
    elif kind == "alias":
        page.write_text(text.replace("---\n\n", f"aliases: [/old-{step}/]\n---\n\n", 1))
    elif kind == "shortcode":
        page.write_text(
            text + f'\n{{{{< tip title="T{step}" >}}}}\nTip {step}.\n{{{{< /tip >}}}}\n'
        )
    else:
        page.write_text(text + f"\nMore text {step}.\n")
    return f"{kind} {page.name}"


def _html(out: Path) -> dict[str, Path]:
    return {str(p.relative_to(out)): p for p in out.rglob("*.html")}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_edits_incremental_equals_fresh(tmp_path, seed):
    rng = random.Random(seed)
    src = tmp_path / "src"
    _tree(src)
    incremental = tmp_path / "incremental"
    assert sphinx_build(src, incremental, "-b", "dirhtml").returncode == 0
    for step in range(4):
        done = _edit(src, rng, step)
        _same_as_fresh(src, incremental, tmp_path / f"fresh{step}", done)


def _same_as_fresh(src: Path, incremental: Path, fresh: Path, done: str) -> None:
    assert sphinx_build(src, incremental, "-b", "dirhtml").returncode == 0
    assert sphinx_build(src, fresh, "-b", "dirhtml", "-E").returncode == 0
    ours, theirs = _html(incremental), _html(fresh)
    # redirect files of aliases that are gone are removed too
    assert sorted(ours) == sorted(theirs), done
    assert [
        name for name in ours if not filecmp.cmp(ours[name], theirs[name], shallow=False)
    ] == [], done
    shutil.rmtree(fresh)


def test_structure_edits_incremental_equals_fresh(tmp_path):
    """Files that make a folder a section or a leaf bundle come and go: pages join and leave."""
    src, incremental = tmp_path / "src", tmp_path / "incremental"
    # no menus: the section folders are the navigation
    write_tree(
        src,
        {
            "_index.md": "---\ntitle: Home\n---\n",
            "alpha/_index.md": "---\ntitle: Alpha\n---\n",
            "alpha/a1.md": "---\ntitle: A1\n---\n\nText.\n",
            "gamma/g1.md": "---\ntitle: G1\n---\n\nNo gamma/_index.md: a section without a file.\n",
            "beta/_index.md": "---\ntitle: Beta\n---\n",
            "beta/kit/extra.md": "---\ntitle: Extra\n---\n\nA page until kit/ is a bundle.\n",
        },
    )
    assert sphinx_build(src, incremental, "-b", "dirhtml").returncode == 0
    steps = [
        ("gamma/_index.md", "---\ntitle: Gamma\n---\n"),
        ("beta/kit/index.md", "---\ntitle: Kit\n---\n\nA bundle.\n"),
        ("gamma/_index.md", None),
        ("beta/kit/index.md", None),
    ]
    for number, (name, text) in enumerate(steps):
        if text is None:
            (src / name).unlink()
        else:
            (src / name).write_text(text)
        _same_as_fresh(
            src, incremental, tmp_path / f"fresh{number}", f"{'add' if text else 'remove'} {name}"
        )


def _written(src: Path, out: Path, seed: int) -> list[str]:
    """The pages a build writes, run in a fresh process with its own hash seed.

    ``-N``: a CI runner may set FORCE_COLOR, and colour codes split the lines read here.
    """
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-N",
        "-b",
        "dirhtml",
        "-C",
        "-D",
        "extensions=sphinx_comparisons",
        str(src),
        str(out),
    ]
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": str(seed)},
    )
    return re.findall(r"writing output\.\.\. \[\s*\d+%\] (\S+)", result.stdout)


def test_incremental_work_is_the_same_in_every_process(tmp_path):
    """A rebuild with nothing changed writes nothing; a body edit writes that page, not the site.

    Each build is a new process with a different hash seed, as on a user's
    machine: nothing that decides what to re-write may depend on set order.
    """
    src, out = tmp_path / "src", tmp_path / "out"
    _tree(src)
    assert len(_written(src, out, 1)) == 11
    assert _written(src, out, 2) == []
    page = src / "beta" / "p2.md"
    page.write_text(page.read_text() + "\nOne more sentence.\n")
    written = _written(src, out, 3)
    # Sphinx itself re-writes the pages whose toctrees hold the edited one (Sphinx 8.0 up to the
    # root)
    assert "beta/p2" in written and set(written) <= {"beta/p2", "beta/_index", "_index"}
