"""The reference tables (config values, warnings) generated from the code.

``python -m sphinx_comparisons.reference README.md`` rewrites the tables
between the ``<!-- reference:NAME -->`` markers; a test checks they are current.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from collections.abc import Callable
from pathlib import Path

from sphinx_comparisons.config import PREFIX, HugoConfig
from sphinx_comparisons.diagnostics import SUBTYPES, WARNING_TYPE


def _markdown(text: str) -> str:
    return text.replace("``", "`")


def _default(spec: dataclasses.Field[object]) -> str:
    value = (
        spec.default_factory() if spec.default_factory is not dataclasses.MISSING else spec.default
    )
    return f"`{value!r}`".replace("'", '"')


def config_table() -> str:
    rows = ["| value | type | default | meaning |", "| --- | --- | --- | --- |"]
    for spec in HugoConfig.fields():
        kind = spec.metadata["type"].replace("|", "\\|")
        rows.append(
            f"| `{PREFIX}{spec.name}` | {kind} | {_default(spec)} | "
            f"{_markdown(spec.metadata['help'])} |"
        )
    return "\n".join(rows)


def warnings_table() -> str:
    rows = ["| warning | meaning | fix |", "| --- | --- | --- |"]
    for subtype, (meaning, fix) in SUBTYPES.items():
        rows.append(f"| `{WARNING_TYPE}.{subtype}` | {_markdown(meaning)} | {_markdown(fix)} |")
    return "\n".join(rows)


#: Front matter keys the extension reads (lowercased, as Hugo reads them) -> what each becomes.
FRONT_MATTER = {
    "title": (
        "the HTML `<title>`; the H1 when there is no `headerTitle`; the page's section-list title"
    ),
    "headertitle": "the page's H1",
    "linktitle": "the label in every navigation, and a menu entry's default name",
    "description": (
        '`<meta name="description">` and `og:description`; the text under the page in section lists'
    ),
    "headcontent": "a lead paragraph under the H1 (see `hugo_lead`)",
    "weight": "the page's place in section order and a menu entry's default weight",
    "menu": "menu entries (`menus` wins when both are given)",
    "aliases": "a redirect page at each old address",
    "slug": "the last segment of the page's URL",
    "url": "the page's whole URL",
    "draft": (
        "`true` (or `published: false`): the page is not built, and is in no navigation, menu, "
        "alias or ref lookup, unless the Hugo config sets `buildDrafts`"
    ),
    "date": (
        "section order (newest first among equal weights), related-content scoring, the "
        "publish date when `publishDate` is not given, and the date feeds show; also from the "
        "file name or its time with the Hugo config's `[frontmatter]` rules"
    ),
    "lastmod": "the sitemap's `<lastmod>` (also `modified`, or git with `enableGitInfo`)",
    "summary": "the page's summary in feeds when it has no `<!--more-->` marker",
    "outputs": "`[html, rss]` gives a section or the home page its RSS feed, `[html]` removes it",
    "sitemap": (
        "`changefreq`, `priority` and `disable` of the page's sitemap entry, over the Hugo "
        "config's `[sitemap]`"
    ),
    "publishdate": (
        "a page published in the future is not built (as drafts are) unless the Hugo config sets "
        "`buildFuture`"
    ),
    "expirydate": (
        "a page past this date is not built (as drafts are) unless the Hugo config sets "
        "`buildExpired`"
    ),
    "keywords": "related-content scoring",
    "tags": (
        "related-content scoring; a term page at `/tags/<term>/` listing the page, a `/tags/` "
        "page, and the page's term links (any taxonomy of the site config's `taxonomies` too)"
    ),
    "categories": "a term page at `/categories/<term>/` listing the page, as `tags`",
    "tags_weight": (
        "the page's place on its term pages (`<plural>_weight` for any taxonomy), before the "
        "date order"
    ),
    "toc_hide": "`true` hides the page (or section) from the section sidebar",
    "hide_summary": "`true` leaves the page out of its section's list",
    "no_list": "`true` stops the automatic section list on an empty section page",
    "simple_list": "`true` makes the automatic section list a plain list of links",
    "cascade": (
        "front matter a section (or the site config) passes down to itself and its pages, any "
        "key they may set (`type`, `weight`, `toc_hide`, `build`, params ...); a mapping, or a "
        "list of entries narrowed by `target`/`_target` globs (`path`, `kind`, `lang`, "
        "`environment`); the page's own value wins, then the closest section"
    ),
    "build": (
        "`render: always|link|never` (`link`: a URL for links, lists and aliases, no file; "
        "`never`: no page, still readable by include shortcodes), "
        "`list: always|local|never` (`local`: in its section's lists only; `never`: in none); "
        "`_build` is the older name and wins when both are given"
    ),
    "headless": "`true`: `render: never` and `list: never`, on any page as in current Hugo",
    "params": "merged over the top-level keys, as in Hugo 0.123 and later",
    "comparison": (
        "this page's column in assembled `comparison` tables (`product`, `group`, `features`)"
    ),
    "related": "the items of a `related-posts` block without a body",
    "orphan": "Sphinx's own: no warning when the page is in no toctree",
}


def front_matter_table() -> str:
    rows = ["| key | becomes |", "| --- | --- |"]
    rows += [f"| `{key}` | {meaning} |" for key, meaning in FRONT_MATTER.items()]
    rows.append("| any other key | available to templates in `hugo_params`, typed |")
    return "\n".join(rows)


def shortcodes_table() -> str:
    from sphinx_comparisons.shortcodes.registry import BUILTIN

    rows = ["| shortcode | kind | handled by |", "| --- | --- | --- |"]
    for name, (kind, handler) in sorted(BUILTIN.items()):
        doc = (
            (handler.__doc__ or "").strip().split("\n")[0]
            if handler
            else {"text": "pasted as text", "drop": "removed"}.get(kind, "")
        )
        rows.append(f"| `{name}` | {kind} | {_markdown(doc)} |")
    return "\n".join(rows)


def pipeline_table() -> str:
    from sphinx_comparisons.architecture import pipeline_table as table  # imports Sphinx

    return table()


TABLES = {
    "pipeline": pipeline_table,
    "config": config_table,
    "warnings": warnings_table,
    "shortcodes": shortcodes_table,
    "front-matter": front_matter_table,
}


def render(text: str) -> str:
    """``text`` with every generated table replaced by its current form."""
    for name, make in TABLES.items():
        pattern = re.compile(
            rf"(<!-- reference:{name} -->)\n.*?(<!-- /reference:{name} -->)", re.DOTALL
        )

        def filled(m: re.Match[str], make: Callable[[], str] = make) -> str:
            return f"{m.group(1)}\n{make()}\n{m.group(2)}"

        text = pattern.sub(filled, text)
    return text


if __name__ == "__main__":
    for name in sys.argv[1:]:
        path = Path(name)
        path.write_text(render(path.read_text(encoding="utf-8")), encoding="utf-8")
