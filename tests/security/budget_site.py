"""One tree of attack pages built once per test module, and what a test reads from the build."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import strip_ansi, write_tree

Built = tuple[subprocess.CompletedProcess[str], Path]


def build_once(folder: Path, pages: dict[str, str], timeout: int = 300) -> Built:
    """Build ``pages`` (a tree with its own conf.py) as dirhtml: (the finished process, output
    folder)."""
    src = write_tree(folder, pages)
    out = src.parent / "out"
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "dirhtml", str(src), str(out)]
    return subprocess.run(
        command, capture_output=True, text=True, check=False, timeout=timeout
    ), out


def warnings_of(built: Built, page: str) -> list[str]:
    """The warning lines located in ``page`` (a file name such as ``a.md``)."""
    return [
        line
        for line in strip_ansi(built[0].stderr).splitlines()
        if re.search(rf"[/\\]{re.escape(page)}:\d+: WARNING", line)
    ]


def assert_located(built: Built, page: str, line: int, subtype: str, text: str) -> None:
    """A ``hugo.<subtype>`` warning at ``page:line`` whose message holds ``text``."""
    found = [
        w
        for w in warnings_of(built, page)
        if f"{page}:{line}: WARNING" in w and f"[hugo.{subtype}]" in w and text in w
    ]
    assert found, warnings_of(built, page)


def html_of(built: Built, page: str) -> str:
    return (built[1] / page / "index.html").read_text(encoding="utf-8")
