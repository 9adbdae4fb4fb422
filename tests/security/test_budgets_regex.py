"""Every regular expression (or the string code that replaced one) that reads a page runs in
linear time.

Each case is ~100 KB of input built to make a backtracking pattern go
quadratic or cubic (long runs of the characters two quantifiers both accept,
an opener never closed); each must finish well under a second in-process.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from sphinx_comparisons import cli, compat
from sphinx_comparisons.components import related_posts, symbols
from sphinx_comparisons.hugo import frontmatter, goldmark, headings, shortcodes
from sphinx_comparisons.site import domain

N = 100_000
SPACES = " " * N
WARNINGS = cli._Warnings(Path("/"))


def _fast(call, *args) -> None:
    start = time.perf_counter()
    call(*args)
    assert time.perf_counter() - start < 1.0


CASES = {
    # the related-posts heading scan (on by default) and the ATX heading regex
    "related heading": (
        related_posts.convert_sections,
        "## a" + SPACES + "x\n- [t](https://x.org)\n",
        ["relevant blog posts"],
    ),
    "related heading tabs": (
        related_posts.convert_sections,
        "## a" + "\t " * (N // 2) + "#x",
        ["a"],
    ),
    "atx heading": (headings.atx, "## a" + SPACES + "x"),
    "atx closing run": (headings.atx, "## " + "# " * (N // 2) + "x"),
    # heading attributes: a brace never closed, blanks before and inside it
    "attributed heading": (headings.take_heading_ids, "## a" + SPACES + "x {"),
    "attributed heading blanks": (
        headings.take_heading_ids,
        "## a" + SPACES + "{#x" + SPACES + "y}",
    ),
    "attribute list": (headings.take_heading_ids, "## a {" + "a=b=c " * (N // 6) + '"}'),
    "attribute quotes": (headings.take_heading_ids, "## a {" + "k='" * (N // 3) + "}"),
    # Goldmark block attribute lines and blockquote alert markers
    "goldmark attribute list": (goldmark.attribute_list, "{" + '.a k="' * (N // 6) + "}"),
    "goldmark attribute values": (goldmark.attribute_list, "{" + "k=" * (N // 2) + "}"),
    "goldmark alert": (goldmark.alert, "[!" + "A" * N + "]"),
    # front matter key scans (they run on text the parser accepted: inside a multi-line string)
    "toml table": (frontmatter.parse, '+++\nx = """\n[' + SPACES + 'x\n"""\n+++\n'),
    "toml table spaces": (
        frontmatter.parse,
        '+++\nx = """\n[[ ' + "a " * (N // 2) + '\n"""\n+++\n',
    ),
    "toml key": (frontmatter.parse, '+++\nx = """\n' + "a" * N + ' \n"""\n+++\n'),
    "json key": (frontmatter.parse, '{"k": 1, "' + "b" * N + '"' + SPACES + ": 2}\n"),
    "json keys quoted runs": (frontmatter.parse, '{"t": "' + '\\" ' * (N // 3) + '"}\n'),
    # check reading Sphinx's warnings back (a message may quote a page)
    "check warning": (WARNINGS.write, "a: " * (N // 3) + "WARNING: " + " [x" * (N // 3) + "]"),
    "check warning blanks": (WARNINGS.write, "WARNING:" + SPACES + "x [" + SPACES + "]"),
    # ids written in raw HTML, for #anchor links
    "raw id": (domain._RAW_ID.findall, "id=" + SPACES + "x" + " id " * (N // 4)),
    # Font Awesome icons in raw HTML
    "icon spaces": (symbols.meaning_of_icon, '<i class="fa fa-check">' + SPACES + "x"),
    "icon attributes": (symbols.meaning_of_icon, "<i class='x'" + " a" * (N // 2)),
    "icon class blanks": (symbols.meaning_of_icon, "<i" + SPACES + "class" + SPACES + "x"),
    # related-posts link lines
    "related link line": (related_posts._LINK_LINE.match, "- [t](" + "(a" * (N // 2)),
    "related link title": (related_posts._LINK_LINE.match, "- [t](u " + '"' + SPACES),
    # shortcode lexing: openers never closed, quoted values across a long line
    "shortcode openers": (shortcodes.parse, "{{< " * (N // 4)),
    "shortcode escapes": (shortcodes.parse, "{{</* " * (N // 6)),
    "shortcode quotes": (shortcodes.parse, '{{< a "' * (N // 7)),
    "shortcode closers": (shortcodes.parse, "{{< a >}}" * (N // 20) + "{{< /b >}}" * (N // 20)),
    "shortcode floats": (shortcodes.parse, "{{< a " + "1" * N + "x >}}"),
    # our own output, which holds page text
    "start tag name": (compat.docutils._TAG_NAME.match, "<" + "a" * N),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_pattern_is_linear(name):
    call, *args = CASES[name]
    _fast(call, *args)
