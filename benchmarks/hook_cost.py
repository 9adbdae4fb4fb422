"""What the extension's own code costs in a build: every hook, transform and directive, timed.

    python benchmarks/hook_cost.py 500

Builds a generated tree of N pages in this process with each of the
extension's event handlers, transforms, post-transforms, directives and
collectors wrapped in a timer, and prints the total wall time beside each
one's time and call count (a directive's time includes the Markdown it
renders, which the plain twin pays for in its own parse).
"""

from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import sphinx_comparisons
from generate import generate

_METHODS = ("apply", "run", "process_doc", "merge_other", "clear_doc")
totals: dict[str, float] = defaultdict(float)
counts: Counter[str] = Counter()


def _timed(name: str, function: Any) -> Any:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            totals[name] += time.perf_counter() - start
            counts[name] += 1

    return wrapper


def instrument() -> None:
    """Wrap before any app connects them (``setup`` looks the functions up as it runs)."""
    for info in pkgutil.walk_packages(sphinx_comparisons.__path__, "sphinx_comparisons."):
        if info.name in {"sphinx_comparisons.__main__", "sphinx_comparisons.cli"}:
            continue
        module = importlib.import_module(info.name)
        for attribute, value in list(vars(module).items()):
            if getattr(value, "__module__", None) != module.__name__:
                continue
            if inspect.isclass(value):
                for method in _METHODS:
                    if method in vars(value):
                        setattr(
                            value,
                            method,
                            _timed(f"{info.name}.{attribute}.{method}", vars(value)[method]),
                        )
            elif inspect.isfunction(value) and (
                attribute.startswith(("on_", "visit_"))
                or attribute
                in {"scan", "write", "fix_search_index", "remove_stale_pages", "shortcode_role"}
            ):
                setattr(module, attribute, _timed(f"{info.name}.{attribute}", value))


def main(count: int) -> None:
    instrument()
    from sphinx.application import Sphinx

    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "content", Path(tmp) / "out"
        generate(count, src)
        app = Sphinx(
            str(src),
            None,
            str(out),
            str(out / ".doctrees"),
            "dirhtml",
            status=None,
            warning=None,
            confoverrides={"extensions": ["sphinx_comparisons"]},
        )
        start = time.perf_counter()
        app.build()
        total = time.perf_counter() - start
    print(
        f"pages: {count}; build {total:.2f} s; the extension's own code "
        "(a call made inside another counts in both):"
    )
    for name, spent in sorted(totals.items(), key=lambda item: -item[1]):
        print(f"{spent:8.3f} s {counts[name]:7d} x  {name}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
