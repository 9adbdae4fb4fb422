"""Raw HTML follows ``markup.goldmark.renderer.unsafe`` (off by default) or ``hugo_unsafe_html``, as
in Hugo."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from html_site import PWN, build, located, main_html

OMITTED = "<!-- raw HTML omitted -->"
SCRIPT = f"<script>{PWN}</script>"
IMG = f'<img src=x onerror="{PWN}">'
#: The same, with no double quote, for a double-quoted shortcode parameter.
IMG_PARAM = f"<img src=x onerror='{PWN}'>"


def _no_script(html: str) -> None:
    parsed = BeautifulSoup(html, "html.parser")
    assert not parsed.find_all("script")
    for element in parsed.find_all(True):
        assert not [name for name in element.attrs if name.lower().startswith("on")], element


def _page(body: str) -> dict[str, str]:
    return {"p.md": f"---\ntitle: P\n---\n\n{body}\n"}


@pytest.mark.parametrize(
    ("body", "line"),
    [
        (f"{SCRIPT}\n", 5),
        (f"Inline {IMG} here.", 5),
        (f'Text.\n\n{{{{< figure src="/x.png" title="{IMG_PARAM}" >}}}}', 7),
        (f'{{{{< figure src="/x.png" caption="{IMG_PARAM}" >}}}}', 5),
        (f'{{{{< alert title="{IMG_PARAM}" >}}}}\nBody\n{{{{< /alert >}}}}', 5),
        (
            (
                f'{{{{< tabpane >}}}}\n{{{{% tab header="{IMG_PARAM}" %}}}}\nOne\n'
                f"{{{{% /tab %}}}}\n{{{{< /tabpane >}}}}"
            ),
            6,
        ),
        # sphinx-design parses a card's and a dropdown's title one line below the directive
        (f'{{{{< card header="{IMG_PARAM}" >}}}}\nBody\n{{{{< /card >}}}}', 6),
        (f'{{{{< details summary="{IMG_PARAM}" >}}}}\nBody\n{{{{< /details >}}}}', 6),
    ],
)
def test_raw_html_is_omitted_and_reported_once(make_app, tmp_path, body, line):
    out, warnings = build(make_app, tmp_path, _page(body))
    html = main_html(out, "p")
    _no_script(html)
    assert OMITTED in html
    assert located(warnings, "raw_html") == [("p.md", line)]


def test_many_pieces_one_warning(make_app, tmp_path):
    out, warnings = build(
        make_app,
        tmp_path,
        _page(f"{SCRIPT}\n\nA {IMG} and {IMG}.\n\n<div onclick='{PWN}'>x</div>\n"),
    )
    assert main_html(out, "p").count(OMITTED) >= 4
    assert located(warnings, "raw_html") == [("p.md", 5)]


def test_child_description_in_the_section_list(make_app, tmp_path):
    pages = {
        "docs/_index.md": "---\ntitle: Docs\n---\n",
        "docs/secret.txt": "TOP-SECRET-TEXT\n",
        "docs/a.md": (
            f"---\ntitle: A\ndescription: 'Hi {IMG} {{hugo-shortcode}}`readfile "
            f'{{"p":["secret.txt"]}}`\'\n---\n\nText.\n'
        ),
    }
    out, warnings = build(make_app, tmp_path, pages)
    html = main_html(out, "docs")
    _no_script(html)
    assert OMITTED in html and "TOP-SECRET-TEXT" not in html
    assert "{hugo-shortcode}" in html  # the role is not run: it stays text
    assert located(warnings, "raw_html") == [("_index.md", 4)]


def test_comparison_data_from_front_matter_runs_no_role(make_app, tmp_path):
    pages = {
        "c/_index.md": "---\ntitle: C\n---\n\n```{comparison}\n```\n",
        "c/secret.txt": "TOP-SECRET-TEXT\n",
        "c/x.md": (
            "---\ntitle: X\ncomparison:\n  features:\n    '{hugo-shortcode}`readfile "
            '{"p":["secret.txt"]}`\': yes\n---\n'
        ),
    }
    out, _ = build(make_app, tmp_path, pages)
    assert "TOP-SECRET-TEXT" not in main_html(out, "c")


@pytest.mark.parametrize(
    ("site", "overrides"),
    [
        ({"hugo.toml": "[markup.goldmark.renderer]\nunsafe = true\n"}, {}),
        ({"config/_default/markup.toml": "[goldmark.renderer]\n  unsafe = true\n"}, {}),
        ({}, {"hugo_unsafe_html": True}),
    ],
)
def test_unsafe_keeps_raw_html(make_app, tmp_path, site, overrides):
    out, warnings = build(
        make_app, tmp_path, _page("<div class='kept'>raw</div>\n"), site, **overrides
    )
    assert "<div class='kept'>raw</div>" in main_html(out, "p")
    assert not located(warnings, "raw_html")


def test_conf_value_overrides_the_hugo_config(make_app, tmp_path):
    site = {"hugo.toml": "[markup.goldmark.renderer]\nunsafe = true\n"}
    out, warnings = build(make_app, tmp_path, _page(SCRIPT), site, hugo_unsafe_html=False)
    _no_script(main_html(out, "p"))
    assert located(warnings, "raw_html") == [("p.md", 5)]


def test_wrong_conf_value_is_reported(make_app, tmp_path):
    out, warnings = build(make_app, tmp_path, _page(SCRIPT), hugo_unsafe_html="yes")
    assert any("hugo_unsafe_html" in w and "[hugo.config]" in w for w in warnings)
    _no_script(main_html(out, "p"))


def test_font_awesome_symbols_and_markdown_markup_survive(make_app, tmp_path):
    body = (
        '<i class="fa-solid fa-check"></i> and <i class="fas fa-times"></i>\n\n~~gone~~ line  \n'
        "break\n\n- [x] done\n"
    )
    out, warnings = build(make_app, tmp_path, _page(body))
    html = main_html(out, "p")
    assert "hugo-symbol-yes" in html and "hugo-symbol-no" in html
    assert "<s>gone</s>" in html and "<br />" in html and "task-list-item-checkbox" in html
    assert OMITTED not in html and not located(warnings, "raw_html")
