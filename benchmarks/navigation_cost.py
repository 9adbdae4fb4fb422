"""What the before-reading work costs: the front matter scan and the site model.

    python benchmarks/navigation_cost.py 2000 [runs]

Builds a generated tree several times (fresh each time, in this process) with
the two ``env-get-outdated`` steps timed: reading every page's front matter,
and computing addresses, menus, navigation and aliases from it. Then edits
one page body and lists what the incremental build re-reads. Prints medians.
"""

from __future__ import annotations

import gc
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from sphinx.application import Sphinx

from generate import generate
from sphinx_comparisons.site import model, records

spent: dict[str, list[float]] = defaultdict(list)


def timed(name, function):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name].append(time.perf_counter() - start)

    return wrapper


# patched before any Sphinx app connects them
records.scan = timed("scan", records.scan)
model.on_env_get_outdated = timed("model", model.on_env_get_outdated)


def build(src: Path, out: Path, read: list[str] | None = None) -> float:
    app = Sphinx(
        str(src),
        None,
        str(out),
        str(out / ".doctrees"),
        "html",
        status=None,
        warning=None,
        confoverrides={"extensions": ["sphinx_comparisons"]},
    )
    if read is not None:
        app.connect("source-read", lambda _app, docname, _source: read.append(docname))
    start = time.perf_counter()
    app.build()
    elapsed = time.perf_counter() - start
    del app
    # the next build starts without this one's environment in memory, as a new process does
    gc.collect()
    return elapsed


def measure(count: int, runs: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "content"
        generate(count, src)
        totals = []
        spent.clear()
        for run in range(runs):
            totals.append(build(src, Path(tmp) / f"out{run}"))
        page = next(src.glob("section-3/page-*.md"))
        page.write_text(page.read_text() + "\nOne more sentence.\n")
        read: list[str] = []
        build(src, Path(tmp) / f"out{runs - 1}", read)
    return {
        "build": statistics.median(totals),
        "scan": statistics.median(spent["scan"][:runs]),
        # the model's handler runs the scan first
        "model": statistics.median(
            m - s for m, s in zip(spent["model"][:runs], spent["scan"][:runs], strict=True)
        ),
        "reread": read,
    }


def main(count: int, runs: int) -> None:
    found = measure(count, runs)
    print(f"pages: {count}, runs: {runs}")
    print(f"full build, median: {found['build']:.2f} s")
    print(
        f"front matter scan, median: {found['scan']:.3f} s ({1000 * found['scan'] / count:.3f} s "
        "per 1,000 pages)"
    )
    print(f"site model (addresses, menus, navigation, aliases), median: {found['model']:.3f} s")
    print(f"incremental build after editing one page body re-read: {found['reread']}")


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 3)
