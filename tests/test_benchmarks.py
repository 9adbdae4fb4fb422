"""The benchmark scripts keep working (their numbers are not asserted: no timed tests)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow  # runs the benchmark script


def test_benchmark_prints_its_table_for_a_small_tree():
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--sizes", "60", "--runs", "1"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    rows = [line for line in result.stdout.splitlines() if line.startswith("| 60 |")]
    assert [row.split("|")[2].strip() for row in rows] == [
        "full build",
        "after one body edit",
        "after one navigation edit",
        "full build, -j 2",
    ]
    # the twin and ours each re-read exactly the edited page after a body edit
    assert rows[1].rstrip(" |").endswith("1 / 1")
    assert re.search(
        r"- 60 pages, before reading .*front matter scan [\d.]+ s .*a body edit re-reads 1 page\.",
        result.stdout,
    )
