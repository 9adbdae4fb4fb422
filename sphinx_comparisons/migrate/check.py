"""What ``sphinx-comparisons check`` prints: a list and table for people, one JSON document for CI.

The JSON document (``--format json``) is the only thing written to standard
output, whatever happened, so a CI step can always parse it::

    {"format": 1, "site": "content/en", "status": "problems",
     "counts": {"hugo.link_unresolved": 2}, "total": 2,
     "problems": [{"file": "docs/a.md", "line": 4, "kind": "hugo.link_unresolved",
                   "message": "..."}],
     "notes": ["hugo: ..."], "error": null}

``status`` is ``clean`` (exit 0), ``problems`` (exit 1) or ``error`` (exit 2:
the site could not be checked; ``error`` says why and the counts are empty).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

FORMATS = ("text", "json")
#: The JSON document's layout version: bumped when a key changes meaning or goes.
JSON_FORMAT = 1


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int | None
    kind: str  # ``hugo.<subtype>``, or the type Sphinx, MyST or docutils gave it
    message: str


def counts(problems: Sequence[Problem]) -> dict[str, int]:
    """Problems per kind, kinds sorted."""
    return dict(sorted(Counter(problem.kind for problem in problems).items()))


def text(problems: Sequence[Problem]) -> str:
    """One line per problem (``file:line: kind: message``), then a Markdown table of counts."""
    lines = []
    for problem in problems:
        where = f"{problem.file}:{problem.line}" if problem.line else problem.file
        lines.append(
            f"{where}: {problem.kind}: {problem.message}"
            if where
            else f"{problem.kind}: {problem.message}"
        )
    per_kind = counts(problems)
    lines += ["", "| warning | count |", "| --- | --: |"]
    lines += [f"| {kind} | {count} |" for kind, count in per_kind.items()]
    lines.append(f"| total | {sum(per_kind.values())} |")
    return "\n".join(lines) + "\n"


def document(
    site: str,
    problems: Sequence[Problem] = (),
    notes: Sequence[str] = (),
    error: str | None = None,
) -> str:
    """The JSON document for one run; ``error`` when the site could not be checked."""
    status = "error" if error is not None else ("problems" if problems else "clean")
    data: dict[str, Any] = {
        "format": JSON_FORMAT,
        "site": site,
        "status": status,
        "counts": counts(problems),
        "total": len(problems),
        "problems": [
            {"file": p.file, "line": p.line, "kind": p.kind, "message": p.message} for p in problems
        ],
        "notes": list(notes),
        "error": error,
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def add_options(check_command: argparse.ArgumentParser) -> None:
    """``check``'s output options: ``--format`` and ``--report``."""
    check_command.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help=(
            "text: one line per problem and a table of counts; json: one JSON document "
            "on standard output (counts per kind, each problem with file, line, kind and "
            "message; status clean, problems or error), for CI"
        ),
    )
    check_command.add_argument(
        "--report",
        metavar="FILE",
        type=Path,
        help=(
            "also write a migration report: one self-contained HTML page with the counts, "
            "the problems per file, and the unknown shortcodes with their use counts and a "
            "suggested hugo_shortcodes mapping to paste into conf.py"
        ),
    )
