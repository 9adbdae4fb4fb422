"""Ids and attribute values: ids only from ``#id`` tokens in a safe alphabet, every value
escaped."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from html_site import PWN, build, located, main_html
from sphinx_comparisons.hugo import safeurl
from sphinx_comparisons.hugo.headings import take_heading_ids


def _no_handlers(html: str) -> None:
    """No element with an ``on*`` attribute and no ``<svg>``/``<script>`` the page smuggled in."""
    parsed = BeautifulSoup(html, "html.parser")
    assert not parsed.find_all(["svg", "script"])
    for element in parsed.find_all(True):
        assert not [name for name in element.attrs if name.lower().startswith("on")], element


def test_quoted_value_holding_a_hash_gives_no_id(make_app, tmp_path):
    page = "---\ntitle: P\n---\n\n## Notes {data-x='a #x\"><svg/onload=alert(1)//'}\n\nText.\n"
    out, warnings = build(make_app, tmp_path, {"p.md": page})
    html = main_html(out, "p")
    _no_handlers(html)
    assert BeautifulSoup(html, "html.parser").find("h2").parent["id"] == "notes"
    assert not located(warnings, "attribute")


def test_id_with_markup_characters_is_refused(make_app, tmp_path):
    page = "---\ntitle: P\n---\n\nText.\n\n## Other {#a<b>c}\n"
    out, warnings = build(make_app, tmp_path, {"p.md": page})
    html = main_html(out, "p")
    assert "<b>" not in html and "a<b" not in html
    assert BeautifulSoup(html, "html.parser").find("h2").parent["id"] == "other"
    assert located(warnings, "attribute") == [("p.md", 7)]


def test_id_followed_by_a_quote_is_not_an_attribute_list(make_app, tmp_path):
    page = '---\ntitle: P\n---\n\n## Hi {#x" onmouseover="alert(1)}\n'
    out, _ = build(make_app, tmp_path, {"p.md": page})
    _no_handlers(main_html(out, "p"))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("## A {#good-id}", {1: "good-id"}),
        ("## A {.c #x.y:z_1}", {1: "x.y:z_1"}),
        ('## A {#a"b}', {}),
        ("## A {#}", {}),
        ("## A {data-x='#evil'}", {}),
        ("## A {#" + "x" * 300 + "}", {}),
    ],
)
def test_ids_come_only_from_id_tokens_in_the_safe_alphabet(line, expected):
    assert take_heading_ids(line + "\n")[1].ids == expected


def test_heading_classes_come_only_from_class_tokens_in_the_safe_alphabet():
    found = take_heading_ids('## A {.ok .b<d #x data-y=".no"}\n')[1]
    assert found.classes == {1: ["ok"]} and found.ids == {1: "x"}


@pytest.mark.parametrize("value", ['"><script>x</script>', "a'b", "<&>"])
def test_attribute_escaping(value):
    escaped = safeurl.attribute(value)
    assert not set("<>\"'") & set(
        escaped.replace("&lt;", "").replace("&gt;", "").replace("&quot;", "").replace("&#x27;", "")
    )


def test_meta_description_is_escaped(make_app, tmp_path):
    page = f"---\ntitle: P\ndescription: '\"><script>{PWN}</script><meta x=\"'\n---\n\nText.\n"
    out, _ = build(make_app, tmp_path, {"p.md": page})
    head = BeautifulSoup((out / "p" / "index.html").read_text(encoding="utf-8"), "html.parser").head
    assert PWN not in "".join(s.get_text() for s in head.find_all("script"))
    assert head.find("meta", attrs={"name": "description"})["content"].startswith('"><script>')


def test_related_post_cards_escape_title_and_text(make_app, tmp_path):
    page = (
        "---\ntitle: P\n---\n\n```{related-posts}\n"
        f"- title: '<img src=x onerror={PWN}>'\n  url: https://example.com/\n"
        f"  description: '<script>{PWN}</script>'\n  date: '<b>x</b>'\n```\n"
    )
    out, _ = build(make_app, tmp_path, {"p.md": page})
    html = main_html(out, "p")
    _no_handlers(html)
    assert "&lt;img src=x" in html and "&lt;b&gt;" in html


def test_embed_title_is_escaped(make_app, tmp_path):
    page = (
        f'---\ntitle: P\n---\n\n{{{{< youtube id="abc" title="\\"><script>{PWN}</script>" >}}}}\n'
    )
    out, _ = build(make_app, tmp_path, {"p.md": page})
    html = main_html(out, "p")
    _no_handlers(html)
    assert BeautifulSoup(html, "html.parser").find("iframe")["title"].startswith('"><script>')


def test_redirect_page_escapes_the_title(make_app, tmp_path):
    page = f"---\ntitle: '</title><script>{PWN}</script>'\naliases: [/old/]\n---\n\nText.\n"
    out, _ = build(make_app, tmp_path, {"p.md": page})
    text = (out / "old" / "index.html").read_text(encoding="utf-8")
    parsed = BeautifulSoup(text, "html.parser")
    assert [script.get_text()[:17] for script in parsed.find_all("script")] == ["location.replace("]
    assert parsed.title.get_text().startswith("Redirecting to </title><script>")


def test_check_reports_refused_ids(tmp_path):
    from sphinx_comparisons import cli

    (tmp_path / "p.md").write_text(
        "---\ntitle: P\n---\n\nText.\n\n## Other {#a<b>c}\n", encoding="utf-8"
    )
    found = [(p.file, p.line) for p in cli.check(tmp_path).problems if p.kind == "hugo.attribute"]
    assert found == [("p.md", 7)]
