"""Code blocks as CommonMark closes them, in every scan of page text (hugo/fences.py).

Each build shows a page where one of the scanners this replaced read a code
block differently from Hugo (Goldmark) and MyST.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import output_of, soup, write_tree
from sphinx_comparisons.hugo import fences

CONF = 'extensions = ["sphinx_comparisons"]\n'


def build(make_app, root: Path, page: str, conf: str = CONF):
    write_tree(root, {"conf.py": conf, "_index.md": page})
    app = make_app("html", srcdir=root)
    app.build()
    return soup(output_of(app, "_index"))


def test_a_fence_line_with_an_info_string_does_not_close_a_block(make_app, tmp_path):
    page = "---\ntitle: Home\n---\n\n```\nexample:\n```text\n## Kept {#literal}\n```\n"
    html = build(make_app, tmp_path, page)
    assert "## Kept {#literal}" in html.select_one("pre").get_text()


def test_a_shorter_fence_does_not_close_a_longer_one(make_app, tmp_path):
    page = (
        "---\ntitle: Home\n---\n\n````md\n```\n## Relevant blog posts\n\n"
        "- [A post](https://example.com/post/)\n"
    )
    html = build(make_app, tmp_path, page)
    code = html.select_one("pre").get_text()
    assert "## Relevant blog posts\n\n- [A post](https://example.com/post/)\n" in code
    assert "{related-posts}" not in code
    assert not html.select("div.hugo-related")


def test_a_tilde_fence_is_not_closed_by_backticks(make_app, tmp_path):
    page = "---\ntitle: Home\n---\n\n~~~\n```\n## Kept {#literal}\n~~~\n\n## Out {#out}\n"
    html = build(make_app, tmp_path, page)
    assert "## Kept {#literal}" in html.select_one("pre").get_text()
    assert html.select_one("h2").find_parent("section")["id"] == "out"


def test_a_backtick_line_holding_backticks_opens_no_block(make_app, tmp_path):
    page = "---\ntitle: Home\n---\n\n``` `x` ```\n\n"
    page += '{{% alert title="Careful" %}}\nAn alert.\n{{% /alert %}}\n'
    html = build(make_app, tmp_path, page)
    assert html.select_one(".admonition .admonition-title").get_text() == "Careful"


def test_related_pages_follow_a_code_block_left_open(make_app, tmp_path):
    write_tree(
        tmp_path,
        {
            "post.md": "---\ntitle: Post\nkeywords: [shards]\ndate: 2024-01-01\n---\n\nText.\n",
        },
    )
    page = "---\ntitle: Home\nkeywords: [shards]\ndate: 2025-01-01\n---\n\n```\nnever closed\n"
    html = build(make_app, tmp_path, page, CONF + "hugo_related_pages = 3\n")
    assert "{related-posts}" not in html.select_one("pre").get_text()
    assert [a.get_text() for a in html.select("div.hugo-related a")] == ["Post"]


@pytest.mark.parametrize(
    ("text", "closing"),
    [
        ("```\ncode\n", "```"),
        ("````\n```\n", "````"),
        ("~~~\n```\n", "~~~"),
        ("```\ncode\n```  \n", None),
        ("   ```\ncode\n    ```\n", "```"),
        ("text\n", None),
    ],
)
def test_the_fence_a_page_ends_in(text, closing):
    assert fences.closing_line(text) == closing
