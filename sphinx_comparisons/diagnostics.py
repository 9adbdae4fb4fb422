"""Warnings this extension emits: one Sphinx ``type`` and a documented ``subtype`` each.

Every warning can be silenced with ``suppress_warnings = ["hugo.<subtype>"]``
(or ``"hugo"`` for all of them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.util import logging

if TYPE_CHECKING:
    from docutils.nodes import Node
    from sphinx.util.logging import SphinxLoggerAdapter

WARNING_TYPE = "hugo"

#: subtype -> (meaning, how to fix it). The README's warning table lists these.
SUBTYPES: dict[str, tuple[str, str]] = {
    "config": (
        (
            "A ``hugo_*`` configuration value has the wrong type or an unknown value; "
            "its default is used instead."
        ),
        "Correct the value in conf.py.",
    ),
    "frontmatter": (
        (
            "The front matter block is malformed (bad YAML, TOML or JSON syntax, an unclosed "
            "block, an invalid delimiter, or a value that is not a mapping). The lines that "
            "could not be read are ignored; the page still builds."
        ),
        "Fix the syntax at the line shown.",
    ),
    "frontmatter_type": (
        (
            "A front matter field Hugo gives a meaning to has a value of the wrong type "
            "(``weight: heavy``, ``draft: maybe``, ``aliases: {a: b}``). The field is ignored."
        ),
        "Give the field a value of the type named in the message.",
    ),
    "frontmatter_duplicate": (
        (
            "A key appears twice in one mapping (also when two keys differ only in case, "
            "since Hugo keys are case-insensitive). The last value wins."
        ),
        "Remove one of the two keys.",
    ),
    "home": (
        (
            "The content has no home page (no ``_index.md`` or ``index`` page at the top) and "
            "the one Hugo would make could not be written there (a read-only folder); Sphinx "
            "cannot build without it."
        ),
        "Add an ``_index.md`` with the site's ``title`` in its front matter.",
    ),
    "siteconfig": (
        (
            "The Hugo site config (``hugo.toml``, ``config/_default/menus.toml`` ...) is malformed "
            "or has a duplicated key, or a ``permalinks`` entry Hugo would refuse (its pages keep "
            "their usual URL); what could be read is used."
        ),
        "Fix the file at the line shown.",
    ),
    "menu": (
        (
            "A menu entry has a field of the wrong type (``weight: heavy``, ``parent: [a]``), a "
            "``menu`` list item that is not a name, or a ``pageRef`` that matches no page. The "
            "field is ignored; the entry is kept."
        ),
        "Correct the entry at the line shown.",
    ),
    "menu_duplicate": (
        (
            "Two entries of one menu have the same identifier (or, without one, the same name). "
            "As in Hugo, config entries come first, then pages in path order; the later entry is "
            "dropped."
        ),
        "Give one of the entries another ``identifier``.",
    ),
    "menu_parent": (
        (
            "A menu entry's ``parent`` matches no identifier (or name) in its menu; the match is "
            "exact and case-sensitive. As in Hugo, the entry is shown under a heading named after "
            "the missing parent."
        ),
        "Fix the ``parent`` value, or add the parent entry.",
    ),
    "menu_cycle": (
        (
            "Menu entries name each other as parents, so none of them reaches the top of the "
            "menu; they are left out of the navigation (Hugo shows none of them either)."
        ),
        "Break the loop by changing one ``parent``.",
    ),
    "url_conflict": (
        (
            "Two pages have the same Hugo URL (through ``url``, ``slug`` or file names that "
            "sanitise alike). The first by path keeps it; the other keeps Sphinx's path."
        ),
        "Change the ``url`` or ``slug`` of one of them.",
    ),
    "link_unresolved": (
        (
            "A link, or a ``src``/``href`` in raw HTML, points at a site path (``/x/y/``, "
            "``../foo/``) that is no page of this tree and no static or content file; it is kept "
            "as written."
        ),
        "Fix the link, or set ``hugo_base_url`` so such links go to the live site.",
    ),
    "link_anchor": (
        (
            "A link to a page of the tree names an ``#anchor`` that page does not have "
            "(Hugo's heading ids, ``{#id}`` attributes and ids in raw HTML count)."
        ),
        "Fix the anchor, or give the heading that id with ``{#id}``.",
    ),
    "ref_not_found": (
        (
            "A ``ref``/``relref`` shortcode names no page by Hugo's lookup rules (relative to "
            "the page, then the site root, then by base name when the path has no ``/``), or "
            "names several. Hugo stops the build (REF_NOT_FOUND); we expand it to nothing."
        ),
        'Give the path from the content root: ``{{< relref "/docs/page" >}}``.',
    ),
    "shortcode_syntax": (
        (
            "A shortcode tag cannot be read (named and positional parameters mixed, an unquoted "
            "value with other characters than letters, digits, ``_``, ``-``, ``.``, a quoted "
            "value across lines, an escape ``{{</* */>}}`` never closed, a closing tag that "
            "matches no open one). Hugo stops the build; the tag is kept as text and the rest of "
            "the page is kept."
        ),
        "Fix the tag at the line shown; quote values with special characters.",
    ),
    "shortcode_unknown": (
        (
            "A shortcode name is neither served by the extension nor mapped in "
            "``hugo_shortcodes``. Its inner content is still shown, as Markdown; inside a code "
            "block its tags are kept as written (Hugo stops the build there). Reported once per "
            "name and page."
        ),
        'Map it in ``hugo_shortcodes`` (a directive, a role, a text template or ``"drop"``).',
    ),
    "shortcode_params": (
        (
            "A served shortcode cannot do what it was asked: a missing ``param`` or ``_param`` key "
            "(or a ``{n}`` placeholder no argument fills), a file that ``readfile`` cannot find, a "
            "video without id, a bad ``iframe`` source, a ``qr`` text too long or a bad "
            "``level``/``scale``, a ``blocks/link-down`` outside a block, or a mapping template "
            "that names a missing parameter."
        ),
        "Fix the shortcode's parameters at the line shown.",
    ),
    "comparison": (
        (
            "A ``comparison`` table cannot be made as asked: its YAML, JSON or CSV is malformed, "
            "its file is missing, a row has the wrong number of values or names an unknown "
            "product, no page has comparison front matter, or a product link is neither a page "
            "nor an http(s) or mailto URL (``javascript:`` and the like are refused)."
        ),
        "Fix the data or option at the line shown.",
    ),
    "comparison_value": (
        "A cell value is empty or of a type that is not yes, no, partial, a note mapping or text.",
        "Use ``yes``, ``no``, ``partial`` (or ``{value: partial, note: ...}``) or text.",
    ),
    "comparison_missing": (
        (
            "A comparison page says nothing about a feature other pages of the same table compare; "
            "its cell shows a dash."
        ),
        "Add the feature to that page's ``comparison.features``.",
    ),
    "comparison_product": (
        "Two comparison pages claim the same product; the first (in page order) keeps the column.",
        "Give one of them another ``comparison.product``.",
    ),
    "related": (
        (
            "A related-posts block cannot list an item: the body is not a link list or YAML, an "
            "item lacks ``title`` or ``url``, or its link is refused by the allow-list (only "
            "http, https, mailto and site paths; ``javascript:``, ``data:`` and the like are "
            "refused, also after blanks or control characters such as ``java\\tscript:``)."
        ),
        "Fix the item at the line shown.",
    ),
    "taxonomy": (
        (
            "A page's taxonomy front matter (``tags``, ``categories``, the site config's "
            "``taxonomies``) holds a term that is no text or number (a mapping, a list, a "
            "boolean), or one whose address would leave its taxonomy's folder (``..``, ``/x``, "
            "a backslash); or the site config's ``taxonomies`` is not a table of names. The term "
            "is left out; the page builds."
        ),
        "Write each term as text: ``tags: [Go, Kubernetes]`` or ``tags: Go``.",
    ),
    "alias": (
        (
            "An alias cannot be a redirect: it is empty, has a protocol, names a drive or network "
            "path, climbs above the site root, is the site root, or has characters or names that "
            "are not valid file names on Windows. No redirect is written."
        ),
        "Write the alias as a site path such as ``/old/path/``.",
    ),
    "alias_conflict": (
        (
            "An alias is the address of a real page (the page is kept, as in Hugo), or another "
            "page already claims it (the first by path keeps it), or a file that is not a "
            "redirect already sits there."
        ),
        "Remove the alias from one of the pages.",
    ),
    "title_missing": (
        (
            "The page has no ``title``/``headerTitle`` and no heading; a title is made from "
            "its file name."
        ),
        "Add ``title:`` to the front matter.",
    ),
    "title_conflict": (
        (
            "The page has a front matter title and also a body H1 with other text. The front "
            "matter title stays the page's H1 and the body H1 becomes an H2 under it."
        ),
        "Remove the body H1, or make it equal to ``headerTitle``/``title``.",
    ),
    "internal": (
        (
            "The extension's own code failed on this page (the message names the handler and the "
            "error). The page is built without what that handler would have added; the build "
            "goes on. This is a bug in sphinx-comparisons, not in the page."
        ),
        "Report it with the page that triggers it; run with ``-vv`` for the traceback.",
    ),
    "encoding": (
        (
            "A file is not valid UTF-8 (Hugo reads UTF-8 only). In a file a page reads, the bytes "
            "that are not were replaced by U+FFFD; a Markdown page that is not UTF-8 is not built, "
            "since Sphinx cannot read it. The line shown holds the first of them."
        ),
        "Save the file as UTF-8.",
    ),
    "path": (
        (
            "A page names a file outside the site (``readfile``, ``includeMarkdown``, "
            "``comparison :file:``, ``imgproc``, an image, a download link, an ``include`` "
            "directive), directly or through a symlink, or a dot file or dot folder (``.git/``, "
            "``.env``), or a ``staticDir`` or a symlink in ``static/`` leads outside the site. "
            "Only the content folder, the Hugo project root and conf.py's folder may be read, "
            "never a dot file in them, and a standard include (``<isonum.txt>``) only from "
            "docutils' own include folder; the file is not read, copied or published."
        ),
        (
            "Move the file into the site under a name without a leading dot (or replace the "
            "symlink by the file)."
        ),
    ),
    "output": (
        (
            "A page URL (``url``, ``slug``), alias or redirect cannot be written: it climbs above "
            "the output folder, is too long (250 bytes a name, 1,024 in all), has control or "
            "Windows-forbidden characters, would replace a file Sphinx or the theme writes "
            "(``_static/``, ``searchindex.js``, ``search``, ``genindex``, ``_redirects`` ...) or "
            "a dotfile, or is a file of ``static/`` (which wins, as in Hugo). The page keeps "
            "Sphinx's path; the alias gets no redirect. Or a file of ``static/`` would replace "
            "what Sphinx or the theme writes (``_static/doctools.js``); it is not copied."
        ),
        "Choose another ``url``, ``slug`` or alias; move such a static file elsewhere.",
    ),
    "link_scheme": (
        (
            "A link (a figure ``link``, a card or feature ``url``, a lead ``link``, a menu entry "
            "``url``, an ``iframe`` source, a ``src``/``href`` in raw HTML ...) has a scheme other "
            "than http, https or mailto, once whitespace and control characters are removed "
            "(``javascript:``, ``data:``, ``vbscript:``). It is not linked (in raw HTML the "
            "address is emptied); the text stays."
        ),
        "Link to an http(s) address or a path of the site.",
    ),
    "raw_html": (
        (
            "The page holds raw HTML (in its body, a shortcode parameter or a child page's "
            "``description``) and the site does not allow it: each piece is replaced by "
            "``<!-- raw HTML omitted -->``, as Hugo does with ``markup.goldmark.renderer.unsafe`` "
            "off. A ``meta`` tag with ``http-equiv`` (``refresh`` redirects every visitor) is "
            "left out the same way. Reported once per page."
        ),
        (
            "Write Markdown instead, or allow raw HTML: ``unsafe = true`` under "
            "``[markup.goldmark.renderer]`` in the Hugo config, or ``hugo_unsafe_html = True``."
        ),
    ),
    "attribute": (
        (
            "A heading attribute list (``## Title {#id .class}``) names an id with other "
            "characters than letters, digits, ``_``, ``-``, ``.`` and ``:`` (or longer than 200). "
            "The heading gets its id from its text instead."
        ),
        "Use an id such as ``{#install-linux}``.",
    ),
    "limit": (
        (
            "A page went over one of the budgets that bound how much work a page can cause "
            "(its size, YAML aliases expanding to too many values, front matter, shortcodes, "
            "includes or menus nested too deep, too many shortcodes, a number too long to read). "
            "The page is built without the part that went over: that key is ignored, those tags "
            "are kept as text, that include or menu entry is left out, the rest of the page is cut."
        ),
        (
            "Simplify the page at the line shown, or raise the limit named in the message with "
            "``hugo_limits`` in conf.py."
        ),
    ),
}

logger: SphinxLoggerAdapter = logging.getLogger("sphinx_comparisons")


def warn(
    subtype: str, message: str, location: str | tuple[str | None, int | None] | Node | None = None
) -> None:
    """Emit a typed, suppressible warning; ``location`` is a node or ``(docname, line)``."""
    if subtype not in SUBTYPES:
        raise ValueError(f"undocumented warning subtype {subtype!r}")
    logger.warning(message, type=WARNING_TYPE, subtype=subtype, location=location)
