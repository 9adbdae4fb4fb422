"""What reading all front matter and building the menus costs, against the whole build.

    python benchmarks/navigation_cost.py 2000 [runs]

Builds a generated tree several times (fresh each time) with the two
before-reading steps timed, then edits one page body and counts what an
incremental build re-reads. Prints medians.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from sphinx.application import Sphinx

from generate import generate
from sphinx_comparisons import navigation, site

spent: list[float] = []


def timed(function):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - start)

    return wrapper


site.scan = timed(site.scan)
navigation.on_env_get_outdated = timed(navigation.on_env_get_outdated)


def build(src: Path, out: Path, read: list[str] | None = None) -> float:
    app = Sphinx(str(src), None, str(out), str(out / ".doctrees"), "html", status=None, warning=None,
                 confoverrides={"extensions": ["sphinx_comparisons"]})
    if read is not None:
        app.connect("source-read", lambda _app, docname, _source: read.append(docname))
    start = time.perf_counter()
    app.build()
    return time.perf_counter() - start


def main(count: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "content"
        generate(count, src)
        totals, scans = [], []
        for run in range(runs):
            spent.clear()
            totals.append(build(src, Path(tmp) / f"out{run}"))
            scans.append(sum(spent))
        page = next(src.glob("section-3/page-*.md"))
        page.write_text(page.read_text() + "\nOne more sentence.\n")
        read: list[str] = []
        build(src, Path(tmp) / f"out{runs - 1}", read)
    total, scan = statistics.median(totals), statistics.median(scans)
    print(f"pages: {count}, runs: {runs}")
    print(f"full build, median: {total:.2f} s")
    print(f"front matter scan + menus + navigation, median: {scan:.3f} s ({100 * scan / total:.1f}% of the build)")
    print(f"incremental build after editing one page body re-read: {read}")


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 3)
