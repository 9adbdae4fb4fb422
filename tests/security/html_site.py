"""Small Hugo trees with hostile pages, built in-process, for the HTML security tests."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import app_warnings, write_tree

CONF = 'extensions = ["sphinx_comparisons"]\n'
HOME = "---\ntitle: Home\n---\n\nWelcome.\n"
#: What every script payload does: a mark the browser test looks for.
PWN = "document.documentElement.dataset.pwned=1"


def build(
    make_app, root: Path, pages: dict[str, str], site: dict[str, str] | None = None, **overrides
):
    """Write ``content/`` (with ``pages``) and ``site`` files under ``root``, build dirhtml;
    (outdir, warnings)."""
    write_tree(
        root,
        {
            "content/conf.py": CONF,
            "content/_index.md": HOME,
            **{f"content/{k}": v for k, v in pages.items()},
            **(site or {}),
        },
    )
    app = make_app("dirhtml", srcdir=root / "content", confoverrides=overrides)
    app.build()
    return Path(app.outdir), app_warnings(app)


def located(warnings: list[str], subtype: str) -> list[tuple[str, int]]:
    """(file name, line) of each warning of ``hugo.<subtype>``, from Markdown or rST pages."""
    found = []
    for warning in warnings:
        if f"[hugo.{subtype}]" in warning:
            match = re.search(r"([^/\s]+\.(?:md|rst)):(\d+): WARNING", warning)
            assert match, f"warning without file and line: {warning}"
            found.append((match.group(1), int(match.group(2))))
    return found


def main_html(out: Path, page: str) -> str:
    """The content area of a built page (sidebar and head left out)."""
    text = (out / page / "index.html").read_text(encoding="utf-8")
    start = text.index('role="main"')
    return text[start : text.index("sphinxsidebar", start)]
