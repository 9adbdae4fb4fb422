"""Warnings no other test file reaches: each located, and the build doing what it says."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import app_warnings, output_of, soup, write_tree

CONF = 'extensions = ["sphinx_comparisons"]\n'
HOME = "---\ntitle: Home\n---\n"


def build(make_app, root: Path, files: dict[str, str], src: str = "."):
    write_tree(root, {f"{src}/conf.py": CONF, f"{src}/_index.md": HOME, **files})
    app = make_app("dirhtml", srcdir=root / src)
    app.build()
    return app, app_warnings(app)


def located(warnings: list[str], subtype: str) -> list[str]:
    """``file:line: message`` of each ``hugo.<subtype>`` warning, the folder left out."""
    return [
        re.sub(r"^\S*/", "", w).replace(f" [hugo.{subtype}]", "")
        for w in warnings
        if f"[hugo.{subtype}]" in w
    ]


def test_url_conflict_the_first_by_path_keeps_the_url(make_app, tmp_path):
    files = {
        "a.md": "---\ntitle: A\nurl: /same/\n---\n",
        "b.md": "---\ntitle: B\ndescription: Second.\nurl: /same/\n---\n",
    }
    app, warnings = build(make_app, tmp_path, files)
    assert located(warnings, "url_conflict") == [
        "b.md:4: WARNING: page URL /same/ is already the URL of 'a'; this page keeps Sphinx's path"
    ]
    out = Path(app.outdir)
    assert soup(out / "same" / "index.html").title.get_text().startswith("A")
    assert soup(out / "b" / "index.html").title.get_text().startswith("B")
    home = soup(output_of(app, "_index"))
    links = {a.get_text(): a["href"] for a in home.select("a.reference")}
    assert (links["A"], links["B"]) == ("same/", "b/")


def test_url_conflict_a_file_where_another_page_has_its_folder(make_app, tmp_path):
    files = {
        # a file, as Hugo writes a URL with a suffix
        "p.md": "---\ntitle: P\nurl: /same.txt\n---\n",
        "q.md": "---\ntitle: Q\nurl: /same.txt/\n---\n",  # same.txt/index.html
    }
    app, warnings = build(make_app, tmp_path, files)
    assert located(warnings, "url_conflict") == [
        (
            "q.md:3: WARNING: page URL /same.txt/ is already taken by the file or folder of 'p'; "
            "this page keeps Sphinx's path"
        )
    ]
    assert not [w for w in warnings if "error writing" in w]
    out = Path(app.outdir)
    assert (out / "same.txt").is_file() and (out / "q" / "index.html").is_file()


SITE_CONFIG = """\
baseURL = "https://example.org/"
baseURL = "https://again.example/"
[markup.goldmark.parser]
autoHeadingIDType = "blackfriday"
"""


def test_siteconfig_problems_are_located_and_the_rest_is_read(make_app, tmp_path):
    files = {
        "hugo.toml": SITE_CONFIG,
        "config/_default/params.toml": "[unclosed\n",
        "content/h.md": "---\ntitle: H\n---\n\n## Hello, World & Co\n",
    }
    app, warnings = build(make_app, tmp_path, files, src="content")
    problems = located(warnings, "siteconfig")
    assert len(problems) == 2, problems
    assert problems[0].startswith("hugo.toml:2: WARNING: malformed TOML site config")
    assert problems[1].startswith("params.toml:1: WARNING: malformed TOML site config")
    # the lines after the duplicated key were read: the heading id follows the site's scheme
    assert [s["id"] for s in soup(output_of(app, "h")).select("section[id]")][1:] == [
        "hello-world-co"
    ]


MATRIX = """\
---
title: Matrix
---

```{comparison}
products: [A, B, C]
features:
  Speed: [yes, null, [1, 2]]
  Size: [yes, "", no]
```
"""


#: A page's own column of an assembled table, with a value of the wrong type.
CLAIM = (
    "---\ntitle: P\ncomparison:\n  product: P\n  group: G\n"
    "  features:\n    Speed: [1, 2]\n    Size: yes\n---\n"
)


def test_comparison_value_cells_are_reported_and_shown_as_unknown(make_app, tmp_path):
    assembled = "---\ntitle: All\n---\n\n```{comparison}\n:group: G\n```\n"
    app, warnings = build(make_app, tmp_path, {"m.md": MATRIX, "p.md": CLAIM, "all.md": assembled})
    assert sorted(located(warnings, "comparison_value")) == [
        "m.md:5: WARNING: 'B' on 'Size' is empty",
        "m.md:5: WARNING: 'B' on 'Speed' has no value",
        "m.md:5: WARNING: 'C' on 'Speed' has a value of type list; use yes, no, partial or text",
        "p.md:3: WARNING: 'P' on 'Speed' has a value of type list; use yes, no, partial or text",
    ]
    table = soup(output_of(app, "all")).select_one("table.hugo-comparison")
    assert [th.get_text(strip=True) for th in table.select("tbody th")] == [
        "Size"
    ]  # Speed left out
    rows = soup(output_of(app, "m")).select("table.hugo-comparison tbody tr")
    cells = [[td.get_text("|", strip=True) for td in row.select("td")] for row in rows]
    assert cells == [["✓|Yes", "–", "–"], ["✓|Yes", "–", "✗|No"]]
