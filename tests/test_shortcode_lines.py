"""Shortcode tags anywhere on a line, as Hugo takes them; block output wherever it lands; unknown
shortcodes in code blocks (issue 14)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import app_warnings, soup, sphinx_build, warnings_of, write_tree
from sphinx_comparisons.shortcodes.expand import BLOCK, DROP, INLINE, TEXT, expand

KINDS = {"note": BLOCK, "tab": BLOCK, "tabpane": BLOCK, "param": TEXT, "product": INLINE}
KINDS["comment"] = DROP


def _expand(text: str):
    return expand(text, lambda sc: KINDS.get(sc.name), lambda sc, inner: f"<{sc.name}>")


def _lines_kept(text: str, marker: str = "after") -> None:
    """The expansion has the page's line count, and ``marker`` stays on its line."""
    result = _expand(text).text
    assert result.count("\n") == text.count("\n"), result
    assert result.split("\n").index(marker) == text.split("\n").index(marker), result


# -- the expansion ---------------------------------------------------------------------------

ONE_LINE_PANE = """\
{{< tabpane text=true >}} {{% tab AMD64 %}}

Run `amd64`.

{{% /tab %}} {{% tab ARM64 %}}

```bash
echo arm
```

{{% /tab %}} {{< /tabpane >}}

after
"""

TAG_PER_LINE_PANE = """\
{{< tabpane text=true >}}
{{% tab AMD64 %}}

Run `amd64`.

{{% /tab %}}
{{% tab ARM64 %}}

```bash
echo arm
```

{{% /tab %}}
{{< /tabpane >}}

after
"""


def test_tags_sharing_a_line_become_fences_of_their_own_and_keep_the_lines_after():
    result = _expand(ONE_LINE_PANE)
    assert result.problems == []
    fences = [line for line in result.text.split("\n") if "{hugo-shortcode}" in line]
    assert [re.sub(r" \{.*", "", line).lstrip("`") for line in fences] == [
        "{hugo-shortcode} tabpane",
        "{hugo-shortcode} tab",
        "{hugo-shortcode} tab",
    ]
    assert all(line.startswith("`") for line in fences)  # directives, not roles
    _lines_kept(ONE_LINE_PANE)


@pytest.mark.parametrize(
    "text",
    [
        "{{< note >}}\nsome\ntext {{< /note >}}\n\nafter\n",  # text before a closing tag
        "{{< note >}}\nsome\n{{< /note >}} {{< note >}}\nmore\n\n{{< /note >}}\n\nafter\n",
        "{{< note >}} {{< note >}}\ninner\n\n{{< /note >}}\n{{< /note >}}\n\n## H\n\nafter\n",
        "{{< note >}}x\n{{< /note >}}\nafter",  # content on the opening tag's line
        "  {{< note >}} **a\n  b** {{< /note >}}\nafter",
    ],
)
def test_lines_after_tags_sharing_a_line_keep_their_numbers(text):
    result = _expand(text)
    assert not [p for p in result.problems if p.subtype == "shortcode_syntax"]
    _lines_kept(text)


def test_a_pane_on_one_line_with_no_line_breaks_keeps_its_tabs():
    text = "{{< tabpane >}}{{< tab a >}}x{{< /tab >}}{{< tab b >}}y{{< /tab >}}{{< /tabpane >}}"
    result = _expand(text).text
    assert result.count("\n") == 0 and "{hugo-shortcode}`" in result
    # the tabs go with the pane's content, as directives, so the tab set gets its tabs
    assert result.count("```{hugo-shortcode} tab ") == 2


def test_unknown_shortcode_in_a_code_block_keeps_its_tags():
    text = (
        "```bash\ncurl https://x/{{< param v >}}/{{< nosuch x >}}/"
        "{{< comment >}}c{{< /comment >}}\n```\n"
    )
    result = _expand(text)
    assert result.text.split("\n")[1] == "curl https://x/<param>/{{< nosuch x >}}/"
    assert result.unknown_in_code == {"nosuch": 2} and result.unknown == {}


def test_unknown_block_in_code_keeps_both_tags_and_its_lines():
    text = "```\n{{% wrap a=1 %}}\nin {{< param k >}}\n{{% /wrap %}}\n```\nafter"
    result = _expand(text)
    assert result.text.split("\n")[1:4] == ["{{% wrap a=1 %}}", "in <param>", "{{% /wrap %}}"]
    _lines_kept(text)


# -- in a build -------------------------------------------------------------------------------

CONF = 'extensions = ["sphinx_comparisons"]\n'


def _build(make_app, root: Path, pages: dict[str, str], builder: str = "html"):
    write_tree(root, {"conf.py": CONF, "_index.md": "---\ntitle: Home\n---\n", **pages})
    app = make_app(builder, srcdir=root)
    app.build()
    return app, app_warnings(app)


def _page(body: str, title: str = "P") -> str:
    return f"---\ntitle: {title}\n---\n\n{body}"


def test_pane_with_tags_on_one_line_renders_like_one_tag_per_line(make_app, tmp_path):
    broken = "\n[a link](nowhere.md)\n"
    app, warnings = _build(
        make_app,
        tmp_path,
        {
            "one.md": _page(ONE_LINE_PANE + broken),
            "per.md": _page(TAG_PER_LINE_PANE + broken),
        },
    )
    one, per = (app.env.get_doctree(name) for name in ("one", "per"))
    sections = [doctree.next_node(lambda n: n.tagname == "section") for doctree in (one, per)]
    # the same nodes, the title apart
    assert [child.pformat() for child in sections[0][1:]] == [
        child.pformat() for child in sections[1][1:]
    ]
    html = soup(Path(app.outdir) / "one.html")
    assert [label.get_text(strip=True) for label in html.select(".sd-tab-label")] == [
        "AMD64",
        "ARM64",
    ]
    assert "echo arm" in html.select_one(".sd-tab-content pre").get_text()
    text = (Path(app.outdir) / "one.html").read_text()
    assert "{hugo-shortcode}" not in text and "{{%" not in text and "\\n" not in text
    assert not [w for w in warnings if "shortcode_syntax" in w or "design.tab" in w], warnings
    # the warning after each pane is at the line the link is on
    for name, source in (("one", ONE_LINE_PANE), ("per", TAG_PER_LINE_PANE)):
        line = _page(source + broken).split("\n").index("[a link](nowhere.md)") + 1
        located = [w for w in warnings if f"{name}.md:" in w and "nowhere" in w]
        assert located and all(f"{name}.md:{line}:" in w for w in located), located


def test_closing_tag_after_text_is_no_syntax_error(make_app, tmp_path):
    body = '{{% alert title="Heads up" %}}\nSome **text** {{% /alert %}}\n\n[a](gone.md)\n'
    app, warnings = _build(make_app, tmp_path, {"p.md": _page(body)})
    assert not [w for w in warnings if "shortcode_syntax" in w], warnings
    page = soup(Path(app.outdir) / "p.html")
    assert page.select_one(".admonition strong").get_text() == "text"
    line = _page(body).split("\n").index("[a](gone.md)") + 1
    assert [w for w in warnings if "gone" in w and f"p.md:{line}:" in w], warnings


def test_docsy_disabled_tab_is_a_label_not_a_broken_tab(make_app, tmp_path):
    body = (
        '{{< tabpane text=true >}} {{< tab header="Front matter:" disabled=true />}}\n'
        '{{% tab header="toml" %}}\n\nt\n\n{{% /tab %}} {{% tab header="yaml" %}}\n\ny\n\n'
        "{{% /tab %}} {{< /tabpane >}}\n"
    )
    app, warnings = _build(make_app, tmp_path, {"p.md": _page(body)})
    labels = soup(Path(app.outdir) / "p.html").select(".sd-tab-label")
    assert [label.get_text(strip=True) for label in labels] == ["toml", "yaml"]
    assert not [w for w in warnings if "[design" in w or "[hugo.shortcode" in w], warnings


def test_unknown_shortcode_in_a_fence_is_kept_and_located(make_app, tmp_path):
    body = (
        "```bash\ncurl -LO https://example.org/{{< param version >}}/"
        '{{< latest-release os="linux" >}}.tgz\n```\n'
    )
    page = "---\ntitle: P\nversion: 1.2\n---\n\n" + body
    app, warnings = _build(make_app, tmp_path, {"p.md": page})
    code = soup(Path(app.outdir) / "p.html").select_one("pre").get_text()
    assert 'https://example.org/1.2/{{< latest-release os="linux" >}}.tgz' in code
    line = page.split("\n").index("```bash") + 2
    located = [w for w in warnings if "latest-release" in w]
    assert len(located) == 1 and f"p.md:{line}:" in located[0], warnings
    assert "shortcode_unknown" in located[0] and "code block" in located[0]


# -- block output where only inline content may stand -----------------------------------------

BLOCKS = {
    "youtube": "{{< youtube abc123 >}}",
    "alert": '{{% alert title="Note" %}}Careful{{% /alert %}}',
    "figure": '{{< figure src="pic.png" caption="A picture" >}}',
    "tabpane": '{{< tabpane >}}{{< tab header="One" >}}first{{< /tab >}}{{< /tabpane >}}',
}
HEADINGS = {"youtube": "YouTube video", "alert": "Note Careful", "figure": "A picture"}
HEADINGS["tabpane"] = "One first"


@pytest.mark.parametrize("builder", ["html", "dirhtml", "latex", "text"])
def test_block_shortcodes_in_headings_build_everywhere(make_app, tmp_path, builder):
    body = "".join(
        f"{code}\n---\n\nAfter {name}.\n\n## Title {code}\n\nText.\n\nInline {code} in text.\n\n"
        for name, code in BLOCKS.items()
    )
    app, warnings = _build(make_app, tmp_path, {"p.md": _page(body)}, builder)
    assert not [w for w in warnings if "[hugo.shortcode" in w or "[design" in w], warnings
    doctree = app.env.get_doctree("p")
    titles = [title.astext() for title in doctree.findall(lambda n: n.tagname == "title")][1:]
    expected = []
    for name in BLOCKS:
        expected += [HEADINGS[name], f"Title {HEADINGS[name]}"]
    assert [" ".join(title.split()) for title in titles] == expected
    if builder == "html":
        html = soup(Path(app.outdir) / "p.html")
        heads = html.select("h2")
        assert not [h for h in heads if h.select("iframe, figure, div, img")]
        # in running text the video's player stays, as Hugo pastes it there
        assert len(html.select("p iframe")) == 1


def test_heading_that_can_hold_nothing_of_the_shortcode_warns(make_app, tmp_path):
    body = '{{< figure src="pic.png" >}}\n---\n\nText.\n'
    _app, warnings = _build(make_app, tmp_path, {"p.md": _page(body)})
    located = [w for w in warnings if "heading can hold" in w]
    assert len(located) == 1 and "p.md:5:" in located[0] and "'figure'" in located[0]


def test_shortcode_in_a_raw_html_block_is_rendered_not_shown(make_app, tmp_path):
    body = (
        '<div class="tab-content">\n  <div id="a" class="pane">\n'
        '  {{< figure src="pic.png" caption="Inside" >}}\n  </div>\n</div>\n\n'
        "Text.\n\n## After\n\n[a](gone.md)\n"
    )
    app, warnings = _build(make_app, tmp_path, {"p.md": _page(body)})
    html = (Path(app.outdir) / "p.html").read_text()
    assert "{hugo-shortcode}" not in html and "{{&lt;" not in html and "{{<" not in html
    page = soup(Path(app.outdir) / "p.html")
    assert page.select_one("figure figcaption").get_text(strip=True).rstrip("¶") == "Inside"
    line = _page(body).split("\n").index("[a](gone.md)") + 1
    assert [w for w in warnings if "gone" in w and f"p.md:{line}:" in w], warnings


def test_a_param_holding_markdown_blocks_is_pasted_with_its_lines(tmp_path):
    """Hugo 0.111.3 (oracle) on this page: the param's list is a ``<ul>`` of two items and the
    code block shows the value on its own lines (a param is pasted before Markdown is read).
    The warning after them still names its own line."""
    page = (
        "---\ntitle: P\nex: |\n  Intro\n\n  - one\n  - two\n---\n\n"
        "{{% param ex %}}\n\n```markdown\n{{% param ex %}}\n```\n\n\n"
        "After [a link](/nowhere/).\n"
    )
    src = write_tree(tmp_path / "src", {"_index.md": page})
    result = sphinx_build(src, tmp_path / "out", "-b", "html")
    assert result.returncode == 0, result.stderr
    main = soup(tmp_path / "out" / "index.html").select_one("[role=main]")
    assert [li.get_text(strip=True) for li in main.select("ul > li")] == ["one", "two"]
    assert main.select_one("pre").get_text() == "Intro\n\n- one\n- two\n"
    (warning,) = warnings_of(result.stderr)
    assert "_index.md:17:" in warning and "/nowhere/" in warning
