"""Issue 12: ``init`` never writes through a symlink it finds in the site."""

from __future__ import annotations

import subprocess
import sys

from conftest import write_tree


def test_init_does_not_follow_dangling_symlinks(tmp_path):
    write_tree(
        tmp_path / "site",
        {"hugo.toml": 'title = "T"\n', "content/_index.md": "---\ntitle: Home\n---\n"},
    )
    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / "site" / "content" / "conf.py").symlink_to(outside / "conf.py")
    (tmp_path / "site" / ".readthedocs.yaml").symlink_to(outside / "rtd.yaml")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx_comparisons", "init", str(tmp_path / "site" / "content")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1  # an existing file (a symlink counts) stops init: issue 15
    assert "nothing written" in result.stderr
    assert list(outside.iterdir()) == []
    assert (tmp_path / "site" / "content" / "conf.py").is_symlink()
