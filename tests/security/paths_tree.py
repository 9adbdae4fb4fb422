"""A small Hugo site per attack, built with sphinx-build, and what changed around it."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from conftest import sphinx_build, strip_ansi, write_tree

HOME = "---\ntitle: Home\n---\n\nThe home page.\n"


def site(
    tmp_path: Path,
    pages: dict[str, str],
    config: str = 'title = "T"\n',
    extra: dict[str, str] | None = None,
) -> Path:
    """``tmp_path/site`` with ``hugo.toml`` and ``content/``; the content folder is returned."""
    root = tmp_path / "site"
    write_tree(
        root,
        {
            "hugo.toml": config,
            "content/_index.md": HOME,
            **{f"content/{k}": v for k, v in pages.items()},
            **(extra or {}),
        },
    )
    return root / "content"


def snapshot(folder: Path, leave_out: Path | None = None) -> dict[str, str]:
    """Every file and symlink under ``folder`` (but ``leave_out``) with a digest of what it
    holds."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if leave_out is not None and (path == leave_out or leave_out in path.parents):
            continue
        if path.is_symlink():
            found[str(path)] = "-> " + str(path.readlink())
        elif path.is_file():
            found[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def build(tmp_path: Path, content: Path, *args: str) -> tuple[int, list[str], Path]:
    """Build into ``tmp_path/out``; exit code, warning lines, output folder. Nothing else under
    ``tmp_path`` may change (the source tree, and every folder a path could climb into)."""
    out = tmp_path / "out"
    before = snapshot(tmp_path)
    result = sphinx_build(content, out, "-b", "dirhtml", *args)
    after = snapshot(tmp_path, leave_out=out)
    kept = {k: v for k, v in before.items() if not k.startswith(str(out) + "/")}
    assert after == kept, (
        "the build changed files outside its output folder: "
        f"{sorted(set(after.items()) ^ set(kept.items()))}"
    )
    warnings = [
        line
        for line in strip_ansi(result.stderr).splitlines()
        if "WARNING" in line or "ERROR" in line
    ]
    assert "Traceback" not in result.stderr and "Extension error" not in result.stderr, (
        result.stderr
    )
    return result.returncode, warnings, out


def located(warnings: list[str], subtype: str, file: str, line: int | None = None) -> list[str]:
    """The warnings of ``hugo.<subtype>`` located in ``file`` (at ``line`` when given)."""
    where = re.escape(file) + (rf":{line}:" if line is not None else r"(:\d+)?:")
    return [w for w in warnings if w.endswith(f"[hugo.{subtype}]") and re.search(where, w)]


def published(out: Path, needle: str) -> list[Path]:
    """Files of the output folder that contain ``needle``."""
    return [p for p in out.rglob("*") if p.is_file() and needle.encode() in p.read_bytes()]
