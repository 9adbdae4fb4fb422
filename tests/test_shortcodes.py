"""Shortcodes: the parser against Hugo's answers, the expansion, the served shortcodes, bad
input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import (
    FIXTURES,
    app_warnings,
    needs_shared,
    output_of,
    soup,
    sphinx_build,
    warnings_of,
    write_tree,
)
from sphinx_comparisons.hugo.shortcodes import Shortcode, Text, parse, walk
from sphinx_comparisons.shortcodes.expand import BLOCK, INLINE, TEXT, expand

# -- the parser, against Hugo 0.111.3 (spec/fixtures/27-...) ----------------------------


def _hugo_params(rendered: str) -> list[str]:
    return re.findall(r"<p>[^:]+: ((?:named|positional):[^<]*)</p>", rendered)


def _ours(sc: Shortcode) -> str:
    def typed(value):
        kind = {bool: "bool", int: "int", float: "float64", str: "string"}[type(value)]
        return f"{kind}[{str(value).lower() if isinstance(value, bool) else value}]"

    if sc.named:
        return "named:" + "".join(f" {k}={typed(v)}" for k, v in sorted(sc.named.items()))
    return "positional:" + "".join(f" {typed(v)}" for v in sc.positional)


@needs_shared
def test_parameters_match_hugo():
    fixture = FIXTURES / "27-shortcode-syntax"
    page = next(
        p for p in json.loads((fixture / "expected.json").read_text())["pages"] if p.get("path")
    )
    nodes, problems = parse((fixture / "content" / "args.md").read_text())
    assert problems == []
    ours = [_ours(sc) for sc in walk(nodes) if sc.name == "x"]
    theirs = [html.replace("&#34;", '"') for html in _hugo_params(page["content"])]
    assert ours == theirs


@needs_shared
def test_escapes_inner_and_closing_forms_match_hugo():
    text = (FIXTURES / "27-shortcode-syntax" / "content" / "args.md").read_text()
    nodes, _ = parse(text)
    literal = "".join(node.text for node in nodes if isinstance(node, Text))
    assert (
        '{{< figure src="a.png" >}}' in literal
        and "{{% inner %}}" in literal
        and "/*" not in literal
    )
    inner = [sc for sc in walk(nodes) if sc.name == "inner"]
    assert [(sc.notation, sc.self_closed, sc.inner_source) for sc in inner] == [
        ("<", True, ""),
        ("%", False, "## Heading One"),
        ("<", False, "## Heading Two"),
    ]


@needs_shared
@pytest.mark.parametrize(
    ("fixture", "line", "words"),
    [
        ("28-shortcode-mixed-args-error", 4, "Cannot mix named and positional"),
        ("45-shortcode-space-before-equals-mixed-error", 4, "Cannot mix named and positional"),
        ("29-shortcode-unquoted-slash-error", 4, "must be quoted"),
        ("47-shortcode-unquoted-colon-error", 4, "must be quoted"),
        ("30-shortcode-quoted-newline-error", 4, "unterminated quoted string"),
        ("48-shortcode-comment-unclosed-error", 4, "never closed"),
    ],
)
def test_syntax_errors_hugo_refuses_are_located_and_kept_as_text(fixture, line, words):
    assert "Error" in (FIXTURES / fixture / "expected.txt").read_text()
    text = (FIXTURES / fixture / "content" / "e.md").read_text()
    nodes, problems = parse(text)
    assert [(p.subtype, p.line) for p in problems] == [("shortcode_syntax", line)]
    assert words in problems[0].message
    assert "".join(n.text for n in nodes if isinstance(n, Text)) == text


def test_forms_of_tags():
    nodes, problems = parse(
        '{{<tip>}}a{{</tip>}} {{< note title="N" >}}b{{< / note >}} {{%tab%}}c{{%/ tab %}} '
        '{{< x />}}\n{{< y\n  a="1"\n>}}'
    )
    assert problems == []
    assert [(sc.name, sc.inner_source, sc.named) for sc in walk(nodes)] == [
        ("tip", "a", {}),
        ("note", "b", {"title": "N"}),
        ("tab", "c", {}),
        ("x", "", {}),
        ("y", "", {"a": "1"}),
    ]
    assert [sc.line for sc in walk(nodes)] == [1, 1, 1, 1, 2]


def test_unclosed_and_mismatched_keep_everything():
    nodes, problems = parse("{{< note >}}\nkept\n{{< /tip >}}\nafter\n")
    assert [(p.subtype, p.line) for p in problems] == [("shortcode_syntax", 3)]
    note = walk(nodes)[0]
    assert note.inner is None  # never closed: no inner content
    text = "".join(n.text for n in nodes if isinstance(n, Text))
    assert "kept" in text and "{{< /tip >}}" in text and "after" in text


# -- the expansion keeps every line where it was -------------------------------------------

KINDS = {"note": BLOCK, "param": TEXT, "product": INLINE}


def _expand(text):
    return expand(text, lambda sc: KINDS.get(sc.name), lambda sc, inner: f"<{sc.name}>")


def test_expansion_keeps_lines():
    text = (
        'a\n{{< note title="T" >}}\nin {{< product "ysql" >}} x\n\n```\n'
        "{{< param k >}} {{< note >}}code{{< /note >}}\n```\n{{< /note >}}\n{{< unknown\n"
        ' a="1" >}}\nz\n'
    )
    result = _expand(text)
    assert result.text.count("\n") == text.count("\n")
    lines = result.text.split("\n")
    # the note's fence is longer than the code fence inside it
    assert re.match("````+{hugo-shortcode} note ", lines[1]) and re.fullmatch("````+", lines[7])
    assert "{hugo-shortcode}`product" in lines[2]
    assert lines[5] == "<param> code"  # in code: text shortcodes give text, others their inner text
    assert lines[10] == "z" and result.unknown == {"unknown": 9}


def _shares_a_line(node: object) -> bool:
    """A shortcode with inner content that starts or ends on a line one of its tags is on."""
    if not isinstance(node, Shortcode) or node.inner is None or not node.inner_source:
        return False
    return not (node.inner_source.startswith("\n") and node.inner_source.endswith("\n"))


def test_block_content_on_its_tag_line_keeps_lines():
    text = "{{< note >}}x\n{{< /note >}}\nafter"
    assert _expand(text).text.count("\n") == text.count("\n")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "{{<",
                "{{%",
                ">}}",
                "%}}",
                "/>}}",
                "{{< /",
                "note",
                "tab",
                " ",
                "\n",
                '"',
                "`",
                "=",
                "a",
                "x=1",
                "{{</*",
                "*/>}}",
                "```",
                "{{< note >}}",
                "{{< /note >}}",
                "{{% tab %}}",
                "word",
                "#",
                ":",
                "/",
            ]
        ),
        max_size=40,
    )
)
def test_shortcode_soup_never_raises_and_keeps_lines(parts):
    text = "".join(parts)
    nodes, _problems = parse(text)
    result = _expand(text)
    if not any(_shares_a_line(node) for node in walk(nodes)):
        assert result.text.count("\n") == text.count("\n")
    for node in nodes:  # text outside shortcodes survives
        if (
            isinstance(node, Text)
            and "{{" not in node.text
            and "`" not in node.text
            and node.text.strip()
        ):
            assert node.text.strip() in result.text


# -- served shortcodes in a build ---------------------------------------------------------

CONF = 'extensions = ["sphinx_comparisons"]\n'


def build(make_app, root: Path, pages: dict[str, str], conf: str = CONF, builder: str = "html"):
    write_tree(
        root,
        {"conf.py": conf, "_index.md": "---\ntitle: Home\ncascade:\n  color: red\n---\n", **pages},
    )
    app = make_app(builder, srcdir=root)
    app.build()
    warnings = app_warnings(app)
    return app, warnings


PAGE = """\
---
title: Widgets
colour: blue
---

{{< note title="Read this" >}}
A **note** with [a link](https://example.org/).
{{< /note >}}

{{< tip >}}
A tip.
{{< /tip >}}

{{% alert title="Careful" color="warning" %}}
An alert.
{{% /alert %}}

{{< details summary="More" >}}
Hidden *text*.
{{< /details >}}

{{< tabpane text=true >}}
{{% tab header="Linux" %}}
Use `apt`.
{{% /tab %}}
{{% tab header="macOS" %}}
Use `brew`.
{{% /tab %}}
{{< /tabpane >}}

{{< tabpane lang="sh" >}}
{{< tab header="Run" >}}
echo {{< param colour >}}
{{< /tab >}}
{{< /tabpane >}}

{{< youtube id="abc123" title="Demo" >}}

{{< gist alice 42 >}}

{{% comment %}}
Not shown.
{{% /comment %}}

Colour: {{% param colour %}}; site: {{% param "color" %}}.

{{< figure src="https://example.org/x.png" caption="A *caption*" alt="X" >}}

{{< highlight python >}}
print("hi")
{{< /highlight >}}

End of page.
"""


TABS = """\
---
title: Tabs
---

{{< tabpane text=true >}}
{{% tab header="Linux" %}}
Use `apt`.
{{% /tab %}}
{{% tab header="macOS" right=true %}}
Use `brew`.
{{% /tab %}}
{{< /tabpane >}}

{{< tabpane lang="sh" persist=lang right=true >}}
{{< tab header="Run" >}}
echo hi
{{< /tab >}}
{{< tab header="Py" lang="python" >}}
print("hi")
{{< /tab >}}
{{< /tabpane >}}

{{< tabpane text=true persist=disabled >}}
{{% tab header="Linux" %}}
No sync.
{{% /tab %}}
{{< /tabpane >}}

{{< tabpane text=true persistLang=false >}}
{{% tab header="Linux" %}}
No sync either.
{{% /tab %}}
{{< /tabpane >}}

{{< tabpane lang="sh" persist=lang >}}
{{< tab header="Install" >}}
apt install larkspur
{{< /tab >}}
{{< tab header="Run" >}}
larkspur serve
{{< /tab >}}
{{< /tabpane >}}
"""


def test_tabpane_persist_and_right(make_app, tmp_path):
    """Docsy remembers the chosen tab by header (by default) or language across tabpanes; right=true
    aligns right."""
    app, warnings = build(make_app, tmp_path, {"t.md": TABS})
    assert [
        w for w in warnings if "not included in any toctree" not in w and "tabpane" not in w
    ] == []
    tab_sets = soup(output_of(app, "t")).select("div.sd-tab-set")
    labels = [
        [
            (label.get_text(strip=True), label.get("data-sync-group"), label.get("data-sync-id"))
            for label in s.select("label")
        ]
        for s in tab_sets
    ]
    assert labels == [
        [
            ("Linux", "hugo-tabs-header", "linux"),
            ("macOS", "hugo-tabs-header", "macos"),
        ],  # Docsy lowercases the header
        [("Run", "hugo-tabs-lang", "sh"), ("Py", "hugo-tabs-lang", "python")],
        [("Linux", None, None)],  # persist=disabled
        [("Linux", None, None)],  # persistLang=false, the older switch
        [("Install", None, None), ("Run", None, None)],  # both tabs are "sh": nothing is remembered
    ]
    assert [w for w in warnings if "tabpane" in w] == [
        w
        for w in warnings
        if "more than one tab has the lang 'sh'" in w and "[hugo.shortcode_params]" in w
    ]
    assert len([w for w in warnings if "tabpane" in w]) == 1
    assert "hugo-tab-right" in tab_sets[0].select("label")[1]["class"]
    assert (
        "hugo-tabs-right" in tab_sets[1]["class"] and "hugo-tabs-right" not in tab_sets[0]["class"]
    )


def test_served_shortcodes_render_as_components(make_app, tmp_path):
    app, warnings = build(make_app, tmp_path, {"w.md": PAGE})
    assert [w for w in warnings if "not included in any toctree" not in w] == []
    html = soup(output_of(app, "w"))
    admonitions = html.select("div.admonition")
    assert [a.select_one(".admonition-title").get_text() for a in admonitions] == [
        "Read this",
        "Tip",
        "Careful",
    ]
    assert "note" in admonitions[0]["class"] and "warning" in admonitions[2]["class"]
    assert admonitions[0].select_one("strong").get_text() == "note"
    assert html.select_one("details summary").get_text(strip=True).startswith("More")
    tab_sets = html.select("div.sd-tab-set")
    assert [[label.get_text(strip=True) for label in s.select("label")] for s in tab_sets] == [
        ["Linux", "macOS"],
        ["Run"],
    ]
    assert tab_sets[1].select_one("pre").get_text().strip() == "echo blue"
    assert html.select_one("iframe")["src"] == "https://www.youtube-nocookie.com/embed/abc123"
    assert html.find("a", href="https://gist.github.com/alice/42") is not None
    assert "Not shown" not in html.get_text()
    assert (
        "Colour: blue; site: red." in html.get_text()
    )  # page param, then cascaded from the home page
    assert html.select_one("figure img")["src"] == "https://example.org/x.png"
    assert html.select_one("figure figcaption em").get_text() == "caption"
    assert html.select_one("div.highlight-python pre").get_text().strip() == 'print("hi")'
    assert "End of page." in html.get_text()


def test_param_follows_hugos_cascade(make_app, tmp_path):
    """Fixture 37-cascade's shape: a section's cascade reaches the section page itself, and keys
    beside ``params`` are params too (Hugo 0.111.3 made ``banner`` a param of every page)."""
    section = "---\ntitle: Guide\ncascade:\n  banner: on-top\n  params:\n    color: blue\n---\n\n"
    section += "Own: {{< param color >}} {{< param banner >}}.\n"
    page = "---\ntitle: A\n---\n\nBelow: {{< param color >}} {{< param banner >}}.\n"
    app, warnings = build(make_app, tmp_path, {"guide/_index.md": section, "guide/a.md": page})
    assert "Own: blue on-top." in soup(output_of(app, "guide/_index")).get_text()
    assert "Below: blue on-top." in soup(output_of(app, "guide/a")).get_text()
    assert not [w for w in warnings if "param" in w]


def test_an_iframe_url_is_read_as_a_browser_reads_it(make_app, tmp_path):
    """One URL rule (safeurl.is_web): a scheme has no case, and leading blanks are no part of it."""
    page = '---\ntitle: E\n---\n\n{{< iframe src="HTTPS://example.org/embed" >}}\n\n'
    page += '{{< iframe src=" https://example.org/two" >}}\n'
    app, warnings = build(make_app, tmp_path, {"e.md": page})
    sources = [frame["src"] for frame in soup(output_of(app, "e")).select("iframe")]
    assert sources == ["HTTPS://example.org/embed", "https://example.org/two"]
    assert not [w for w in warnings if "iframe" in w]


def test_text_builder_gets_links_for_embeds(make_app, tmp_path):
    app, _ = build(make_app, tmp_path, {"w.md": PAGE}, builder="text")
    text = (Path(app.outdir) / "w.txt").read_text()
    assert "Demo" in text and "<iframe" not in text


def test_unknown_and_broken_shortcodes_are_located_and_lose_nothing(make_app, tmp_path):
    page = (
        "---\ntitle: Bad\n---\n\n{{< mystery >}}\nInner **kept**.\n{{< /mystery >}}\n\n"
        "{{< mystery >}}\n\n{{< x a b=c >}}\n\n{{< note >}}\n\nNever closed, still here.\n\n"
        "{{% param nosuchkey %}}\n\nLine after.\n"
    )
    app, warnings = build(make_app, tmp_path, {"b.md": page})
    located = sorted(re.sub(r"^.*?b\.md:", "", w) for w in warnings if "b.md" in w)
    assert len(located) == 3, located
    assert located[0].startswith("11:") and "[hugo.shortcode_syntax]" in located[0]
    assert (
        located[1].startswith("17:")
        and "nosuchkey" in located[1]
        and "[hugo.shortcode_params]" in located[1]
    )
    assert (
        located[2].startswith("5:")
        and "'mystery'" in located[2]
        and "[hugo.shortcode_unknown]" in located[2]
    )
    text = soup(output_of(app, "b")).get_text()
    assert (
        "Inner kept." in text
        and "{{< x a b=c >}}" in text
        and "Never closed, still here." in text
        and "Line after." in text
    )


def test_line_numbers_survive_shortcodes(make_app, tmp_path):
    page = (
        '---\ntitle: L\n---\n\n{{< tabpane text=true >}}\n{{% tab header="A" %}}\nx\n'
        "{{% /tab %}}\n{{< /tabpane >}}\n\n"
        '{{< sections/3-box-card\n  title="T"\n  description="D"\n>}}\n\n[broken](#nowhere)\n'
    )
    _, warnings = build(make_app, tmp_path, {"l.md": page})
    assert any("l.md:16:" in w and "#nowhere" in w for w in warnings), warnings


def test_site_mapping_of_own_shortcodes(make_app, tmp_path):
    conf = CONF + (
        "hugo_shortcodes = {\n"
        '  "slack-invite": {"text": "https://chat.example.org/join"},\n'
        '  "product": {"text": "**{0}**"},\n'
        '  "callout": {"directive": "admonition", "argument": "title", '
        '"options": {"kind": "class"}},\n'
        '  "kbd": {"role": "kbd", "param": "key"},\n'
        '  "api-tabs": "drop",\n'
        "}\n"
    )
    page = (
        "---\ntitle: M\n---\n\nJoin [Slack]({{< slack-invite >}}) to talk about "
        '{{< product "ysql" >}}.\n\n'
        '{{< callout title="Heads up" kind="tip" >}}\nMapped *content*.\n{{< /callout >}}\n\n'
        'Press {{< kbd key="Ctrl" >}}.\n\n{{< api-tabs >}}\n'
    )
    app, warnings = build(make_app, tmp_path, {"m.md": page}, conf=conf)
    assert [w for w in warnings if "toctree" not in w] == []
    html = soup(output_of(app, "m"))
    assert html.find("a", string="Slack")["href"] == "https://chat.example.org/join"
    assert html.find("strong", string="ysql") is not None
    callout = html.select_one("div.admonition.tip")
    assert (
        callout.select_one(".admonition-title").get_text() == "Heads up"
        and callout.select_one("em").get_text() == "content"
    )
    assert html.select_one("kbd").get_text() == "Ctrl"


def test_font_awesome_icons_become_accessible_symbols(make_app, tmp_path):
    page = (
        "---\ntitle: T\n---\n\n| Feature | A | B | C |\n| --- | --- | --- | --- |\n"
        '| x | <i class="fa-solid fa-check"></i> | <i class="fa-solid fa-xmark"></i> | '
        '<i class="fa-solid fa-exclamation"></i> |\n'
    )
    app, _ = build(make_app, tmp_path, {"t.md": page})
    cells = soup(output_of(app, "t")).select("tbody td")[1:]
    assert [c.select_one(".hugo-visually-hidden").get_text() for c in cells] == [
        "Yes",
        "No",
        "Partial",
    ]
    assert [c.select_one("[aria-hidden=true]").get_text() for c in cells] == ["✓", "✗", "!"]
    assert (
        "fa-check" not in str(cells)
        and "font-awesome" not in (Path(app.outdir) / "t.html").read_text()
    )
    app, _ = build(make_app, tmp_path / "text", {"t.md": page}, builder="text")
    assert re.search(
        r"x\s+\|\s+yes\s+\|\s+no\s+\|\s+partial", (Path(app.outdir) / "t.txt").read_text()
    )


MORE = """\
---
title: More
---

{{% readfile "parts/intro.md" %}}

{{% includeMarkdown "parts/intro.md" /%}}

{{< readfile file="parts/code.sql" code="true" lang="sql" >}}

{{< cardpane >}}
{{< card header="One" >}}
First *card*.
{{< /card >}}
{{< card header="Two" footer="Foot" >}}
Second card.
{{< /card >}}
{{< /cardpane >}}

{{< sections/3-boxes >}}
  {{< sections/3-box-card
    title="Box title"
    description="Box text."
    buttonText="Go"
    buttonUrl="https://example.org/box/"
  >}}
{{< /sections/3-boxes >}}

{{< lead link="https://example.org/more/" >}}
A lead paragraph.
{{< /lead >}}

{{< pageinfo >}}
Page info.
{{< /pageinfo >}}

{{< blocks/feature title="Fast" url="https://example.org/fast/" >}}
Feature text.
{{< /blocks/feature >}}

{{< vimeo 55073825 >}}

{{< iframe src="javascript:alert(1)" >}}

{{< imgproc pic Fill "100x100" >}}
A caption.
{{< /imgproc >}}

New {{< tags/feature/tp >}} feature.

{{< imgproc missing Fill "10x10" >}}
No such image.
{{< /imgproc >}}
"""


def test_more_served_shortcodes(make_app, tmp_path):
    parts = {
        "parts/intro.md": 'Included **text** with {{% param "title" %}}.\n',
        "parts/code.sql": "SELECT 1;\n",
    }
    (tmp_path / "pic.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))  # imgproc's resource
    app, warnings = build(
        make_app, tmp_path, {"more.md": MORE, **parts}, conf=CONF + 'exclude_patterns = ["parts"]\n'
    )
    located = [re.sub(r"^.*?more\.md:", "", w) for w in warnings if "more.md" in w]
    assert len(located) == 2, located  # the javascript: iframe, an imgproc with no such image
    assert (
        located[0].startswith("43:")
        and "iframe" in located[0]
        and "[hugo.shortcode_params]" in located[0]
    )
    assert located[1].startswith("51:") and "no image resource named 'missing'" in located[1]
    html = soup(output_of(app, "more"))
    [figure] = html.select(".hugo-imgproc")  # the missing image makes none
    assert figure.img["src"] == "_images/pic.png" and figure.img["alt"] == "A caption."
    assert figure.select_one("figcaption .caption-text").get_text() == "A caption."
    assert (Path(app.outdir) / "_images" / "pic.png").read_bytes().startswith(b"\x89PNG")
    assert [s.get_text() for s in html.select("strong") if s.get_text() == "text"] == [
        "text",
        "text",
    ]
    assert "Included text with More." in html.get_text()
    assert html.select_one("div.highlight-sql pre").get_text().strip() == "SELECT 1;"
    group = html.select("div.hugo-card-group")
    assert [
        c.select_one(".sd-card-title").get_text(strip=True) for c in group[0].select("div.sd-card")
    ] == ["One", "Two"]
    assert (
        group[0].select("div.sd-card")[1].select_one(".sd-card-footer").get_text(strip=True)
        == "Foot"
    )
    box = group[1].select_one("div.sd-card")
    assert (
        box.select_one(".sd-card-title").get_text(strip=True) == "Box title"
        and box.find("a")["href"] == "https://example.org/box/"
    )
    assert html.select_one("div.hugo-lead-block a")["href"] == "https://example.org/more/"
    assert "Page info." in html.select_one("div.hugo-pageinfo").get_text()
    assert html.find("iframe", src=re.compile("player.vimeo.com/video/55073825")) is not None
    assert html.find("iframe", src=re.compile("javascript")) is None
    assert html.select_one("span.hugo-badge").get_text() == "TP"


def test_shortcodes_mapped_to_tab_set_and_tab_item_make_one_tab_set(tmp_path):
    """Kubernetes' own ``tabs``/``tab name=...`` mapped in conf.py to sphinx-design's
    directives: each tab item is rendered inside its tab set, as a served ``tab`` is."""
    conf = (
        'extensions = ["sphinx_comparisons"]\n'
        'hugo_shortcodes = {"tabs": {"directive": "tab-set"},\n'
        '    "tab": {"directive": "tab-item", "argument": "name"}}\n'
    )
    page = (
        '---\ntitle: Tabs\n---\n\n{{< tabs name="demo" >}}\n{{% tab name="Linux" %}}\n'
        'On Linux.\n{{% /tab %}}\n{{% tab name="Windows" %}}\nOn Windows.\n{{% /tab %}}\n'
        "{{< /tabs >}}\n"
    )
    src = write_tree(tmp_path / "src", {"conf.py": conf, "_index.md": page})
    result = sphinx_build(src, tmp_path / "out", "-b", "html")
    assert result.returncode == 0, result.stderr
    assert warnings_of(result.stderr) == []
    html = soup(tmp_path / "out" / "index.html")
    labels = [label.get_text(strip=True) for label in html.select(".sd-tab-set label")]
    assert labels == ["Linux", "Windows"]


def test_html_comments_between_mapped_tabs_leave_the_tab_set_to_its_tabs(make_app, tmp_path):
    """A translated page notes the original between two tabs (``<!--Baidu Cloud-->``): Hugo
    renders nothing for it, so the tab set holds its tabs alone and nothing warns; a comment
    inside a tab's code block is code, kept."""
    page = (
        '---\ntitle: T\n---\n\n{{< tabs >}}\n<!-- first -->\n{{% tab name="One" %}}\n'
        "```html\n<!-- kept -->\n```\n{{% /tab %}}\n<!--Second--> <!-- and -->\n\n"
        '{{% tab name="Two" %}}\nTwo.\n{{% /tab %}}\n{{< /tabs >}}\n'
    )
    conf = CONF + (
        'hugo_shortcodes = {"tabs": {"directive": "tab-set"}, '
        '"tab": {"directive": "tab-item", "argument": "name"}}\n'
    )
    app, warnings = build(
        make_app, tmp_path, {"_index.md": "---\ntitle: H\n---\n", "t.md": page}, conf
    )
    assert warnings == []
    html = soup(output_of(app, "t"))
    assert [label.get_text(strip=True) for label in html.select(".sd-tab-set label")] == [
        "One",
        "Two",
    ]
    assert "<!-- kept -->" in html.select_one(".sd-tab-content pre").get_text()
