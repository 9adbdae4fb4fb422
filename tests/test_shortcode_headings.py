"""Headings inside {{% %}} shortcodes are in the page's table of contents, as in Hugo."""

from __future__ import annotations

from conftest import app_warnings, output_of, soup, write_tree

PAGE = """\
---
title: Headings
---

## Alpha

{{% alert title="Careful" %}}
### In the alert

Text.
{{% /alert %}}

### Alpha one

{{< tabpane text=true >}}
{{% tab header="Linux" %}}
### In a *tab*

Text.
{{% /tab %}}
{{< /tabpane >}}

{{< note >}}
### In a note

Hugo renders this Markdown apart from the page: not in its table of contents.
{{< /note >}}

## Beta

End.
"""


def _tree(ul) -> list:
    out = []
    for item in ul.find_all("li", recursive=False):
        link = item.find("a")
        sub = item.find("ul")
        out.append((" ".join(link.get_text().split()), link["href"], _tree(sub) if sub else []))
    return out


def test_shortcode_headings_join_the_toc_in_page_order(make_app, tmp_path):
    write_tree(
        tmp_path,
        {
            "conf.py": 'extensions = ["sphinx_comparisons"]\nhtml_theme = "furo"\n',
            "_index.md": "---\ntitle: Home\n---\n",
            "h.md": PAGE,
        },
    )
    app = make_app("html", srcdir=tmp_path)
    app.build()
    assert [w for w in app_warnings(app) if "toctree" not in w] == []
    html = soup(output_of(app, "h"))
    toc = html.select_one(".toc-tree > ul > li > ul")  # furo's "On this page", under the page title
    assert _tree(toc) == [
        (
            "Alpha",
            "#alpha",
            [
                ("In the alert", "#in-the-alert", []),
                ("Alpha one", "#alpha-one", [("In a tab", "#in-a-tab", [])]),
            ],
        ),
        ("Beta", "#beta", []),
    ]
    assert html.select_one("#in-a-note") is not None  # the heading is on the page, with its id
