"""One link allow-list (``hugo/safeurl.py``): every link a page names is http(s), mailto or a site
path."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from html_site import PWN, build, located, main_html
from sphinx_comparisons.hugo import safeurl

JS = f"javascript:{PWN}"


@pytest.mark.parametrize(
    "url",
    [
        JS,
        f" {JS}",
        f"\t\n{JS}",
        "java\tscript:x",
        "JaVaScRiPt:x",
        "\x01javascript:x",
        "java\x00script:x",
        "javascript&#58;x",
        "data:text/html,<script>x</script>",
        "vbscript:x",
        "file:///etc/passwd",
        "foo:bar",
    ],
)
def test_allow_list_refuses_other_schemes_after_cleaning(url):
    assert safeurl.refusal(url) is not None
    assert safeurl.check(url) is None


@pytest.mark.parametrize(
    ("url", "cleaned"),
    [
        ("https://a.example/x", "https://a.example/x"),
        (" http://a.example/ ", "http://a.example/"),
        ("mailto:a@b.example", "mailto:a@b.example"),
        ("/docs/x/", "/docs/x/"),
        ("../x/", "../x/"),
        ("#part", "#part"),
        ("x.md#y", "x.md#y"),
        ("./a:b", "./a:b"),
        ("/x\n/y", "/x/y"),
    ],
)
def test_allow_list_accepts_web_links_and_paths(url, cleaned):
    assert safeurl.check(url) == cleaned


def _no_live_script_link(html: str) -> None:
    """No attribute that takes a URL holds one with a refused scheme."""
    for element in BeautifulSoup(html, "html.parser").find_all(True):
        for name in ("href", "src", "action", "formaction", "data", "poster"):
            value = element.get(name)
            assert value is None or safeurl.refusal(value) is None, (
                f"{element.name} {name}={value!r}"
            )


def test_related_posts_yaml_with_blank_and_tab_before_the_scheme(make_app, tmp_path):
    page = (
        "---\ntitle: P\n---\n\n```{related-posts}\n"
        f'- title: Spaced\n  url: " {JS}"\n'
        '- title: Tabbed\n  url: "java\\tscript:alert(1)"\n'
        "- title: Good\n  url: https://example.com/post/\n```\n"
    )
    out, warnings = build(make_app, tmp_path, {"p.md": page})
    html = main_html(out, "p")
    _no_live_script_link(html)
    assert "https://example.com/post/" in html
    assert located(warnings, "related") == [("p.md", 5), ("p.md", 5)]


def test_related_posts_link_list_lines(make_app, tmp_path):
    page = (
        "---\ntitle: P\n---\n\n## Relevant blog posts\n\n- [Bad](javascript:alert(1))\n"
        "- [Data](data:text/html,x)\n- [Good](https://example.com/)\n"
    )
    out, warnings = build(make_app, tmp_path, {"p.md": page})
    _no_live_script_link(main_html(out, "p"))
    assert located(warnings, "related") == [("p.md", 7), ("p.md", 8)]
    assert all("scheme" in w for w in warnings if "[hugo.related]" in w)


def test_comparison_product_link(make_app, tmp_path):
    page = (
        "---\ntitle: P\n---\n\n```{comparison}\nproducts:\n"
        f'  - {{name: Evil, link: " {JS}"}}\n  - {{name: Fine, link: "https://example.com/"}}\n'
        "features:\n  Speed: [yes, no]\n```\n"
    )
    out, warnings = build(make_app, tmp_path, {"p.md": page})
    html = main_html(out, "p")
    _no_live_script_link(html)
    assert "Evil" in html and 'href="https://example.com/"' in html
    assert located(warnings, "comparison") == [("p.md", 5)]
    assert "scheme 'javascript'" in next(w for w in warnings if "[hugo.comparison]" in w)


@pytest.mark.parametrize(
    ("shortcode", "line"),
    [
        (f'{{{{< figure src="/x.png" link="{JS}" >}}}}', 5),
        (f'{{{{< index/item title="T" url=" {JS}" >}}}}', 5),
        ('{{< sections/3-box-card title="T" buttonUrl="java\tscript:x" buttonText="Go" >}}', 5),
        (f'{{{{< index/item title="T" linkText1="L" linkUrl1="{JS}" >}}}}', 5),
        (f'{{{{< blocks/feature title="T" url="{JS}" >}}}}\nText\n{{{{< /blocks/feature >}}}}', 5),
        (f'{{{{< lead link="{JS}" >}}}}\nLead text.\n{{{{< /lead >}}}}', 5),
    ],
)
def test_shortcode_links(make_app, tmp_path, shortcode, line):
    out, warnings = build(make_app, tmp_path, {"p.md": f"---\ntitle: P\n---\n\n{shortcode}\n"})
    _no_live_script_link(main_html(out, "p"))
    assert located(warnings, "link_scheme") == [("p.md", line)]


def test_iframe_source(make_app, tmp_path):
    out, warnings = build(
        make_app, tmp_path, {"p.md": f'---\ntitle: P\n---\n\n{{{{< iframe src=" {JS}" >}}}}\n'}
    )
    assert "<iframe" not in main_html(out, "p")
    assert located(warnings, "shortcode_params") == [("p.md", 5)]


def test_card_directive_written_in_the_page(make_app, tmp_path):
    page = f"---\ntitle: P\n---\n\n```{{card}} Title\n:link: {JS}\n\nBody\n```\n"
    out, warnings = build(make_app, tmp_path, {"p.md": page})
    html = main_html(out, "p")
    _no_live_script_link(html)
    assert "Body" in html
    assert located(warnings, "link_scheme") == [("p.md", 5)]


def test_menu_entry_url(make_app, tmp_path):
    page = f'---\ntitle: P\nmenu:\n  main:\n    name: Evil\n    url: " {JS}"\n---\n\nText.\n'
    out, warnings = build(make_app, tmp_path, {"p.md": page})
    for html in (out / "index.html", out / "p" / "index.html"):
        _no_live_script_link(html.read_text(encoding="utf-8"))
    assert located(warnings, "link_scheme") == [("p.md", 4)]


def test_markdown_links_in_the_body_keep_their_text_only(make_app, tmp_path):
    # Goldmark reads them as links and writes no address (href=""): the reader sees the text
    page = (
        f"---\ntitle: P\n---\n\n[a]({JS}) [b](vbscript:x) [c](data:text/html,x) <{JS}> "
        "[d](<java\tscript:x>)\n"
    )
    out, warnings = build(make_app, tmp_path, {"p.md": page})
    html = main_html(out, "p")
    _no_live_script_link(html)
    text = BeautifulSoup(html, "html.parser").get_text(" ", strip=True)
    assert "a b c" in text and " d" in text and "](" not in text
    assert located(warnings, "link_scheme") == [("p.md", 5)] * 5


def test_markdown_images_with_a_refused_scheme_show_their_alt_text(make_app, tmp_path):
    page = (
        f"---\ntitle: P\n---\n\n![a]({JS}) ![b](data:text/html,<script>x</script>)\n\n"
        "![c](https://example.com/c.png)\n"
    )
    out, warnings = build(make_app, tmp_path, {"p.md": page})
    html = BeautifulSoup(main_html(out, "p"), "html.parser")
    assert [img["src"] for img in html.find_all("img")] == ["https://example.com/c.png"]
    assert "a b" in html.get_text(" ", strip=True)
    assert located(warnings, "link_scheme") == [("p.md", 5)] * 2


def test_redirect_to_a_page_whose_url_looks_like_a_scheme(make_app, tmp_path):
    page = "---\ntitle: P\nurl: /javascript:alert(1)/\naliases: [/old.html]\n---\n\nText.\n"
    out, _ = build(make_app, tmp_path, {"p.md": page})
    for redirect in out.rglob("old.html"):
        text = redirect.read_text(encoding="utf-8")
        _no_live_script_link(text)
        assert "url=javascript:" not in text and 'replace("javascript:' not in text


def test_check_reports_refused_links(tmp_path):
    from sphinx_comparisons import cli

    (tmp_path / "p.md").write_text(
        (
            f'---\ntitle: P\n---\n\n[a]({JS})\n\n{{{{< lead link="vbscript:x" >}}}}\nL\n'
            f"{{{{< /lead >}}}}\n"
        ),
        encoding="utf-8",
    )
    found = [(p.file, p.line) for p in cli.check(tmp_path).problems if p.kind == "hugo.link_scheme"]
    assert found == [("p.md", 5), ("p.md", 7)]
