"""Goldmark syntax Hugo renders and MyST reads differently, each checked against Hugo
(``../shared/tools/hugo-oracle``, Hugo 0.111.3) on the same tiny page, and switched by the site
config's ``markup.goldmark`` as in Hugo."""

from __future__ import annotations

import pytest

from conftest import app_warnings, output_of, soup, write_tree
from sphinx_comparisons.hugo import goldmark

CONF = 'extensions = ["sphinx_comparisons"]\n'
BLOCK_ON = "[markup.goldmark.parser.attribute]\nblock = true\n"


def build(make_app, root, page: str, site: str = "", conf: str = ""):
    write_tree(
        root,
        {
            "hugo.toml": site,
            "content/conf.py": CONF + conf,
            "content/_index.md": "---\ntitle: Home\n---\n",
            "content/p.md": "---\ntitle: P\n---\n\n" + page,
        },
    )
    app = make_app("dirhtml", srcdir=root / "content")
    app.build()
    main = soup(output_of(app, "p")).select_one("[role=main]")
    return main, app_warnings(app)


# -- blockquote alerts ---------------------------------------------------------------------

ALERTS = (
    "> [!NOTE]\n> Plain body.\n\n"
    "> [!WARNING] Version *note*\n>\n> Body text.\n\n"
    "> [!tip]- Folded\n> Two\n\n"
    "> [!SECONDARY]\n> Docsy's own kind.\n"
)


def test_blockquote_alerts_are_admonitions(make_app, tmp_path):
    """Hugo 0.111 prints ``[!NOTE]`` in a plain quote; current Hugo (0.132+, any kind, sign
    and title from 0.134) hands the alert to the render hook, which Docsy writes as its alert:
    current Hugo is followed."""
    main, warnings = build(make_app, tmp_path, ALERTS)
    boxes = main.select("div.admonition")
    assert [box.select_one(".admonition-title").get_text() for box in boxes] == [
        "Note",
        "Version note",
        "Folded",
        "Secondary",
    ]
    assert [c for c in boxes[3]["class"] if c.startswith("alert-")] == ["alert-secondary"]
    assert "tip" in boxes[2]["class"] and "warning" in boxes[1]["class"]
    assert boxes[1].select_one(".admonition-title em").get_text() == "note"
    assert [p.get_text() for p in boxes[1].select("p:not(.admonition-title)")] == ["Body text."]
    assert main.select("blockquote") == []
    assert "[!" not in main.get_text() and warnings == []


def test_docsy_one_line_alert_has_no_heading(make_app, tmp_path):
    """Docsy's hook: ``> [!NB] text`` alone shows the text as the body, without a heading."""
    main, _ = build(make_app, tmp_path, "> [!NB] A *nota bene* alert.\n")
    box = main.select_one("div.admonition.alert-nb")
    assert box.select(".admonition-title") == []
    assert box.get_text().strip() == "A nota bene alert."


@pytest.mark.parametrize(
    "quote",
    [
        "> [NOTE] no bang\n",
        "> [!] no kind\n",
        "> Text then [!NOTE]\n",
        "> ```\n> [!NOTE]\n> ```\n",
        "> [!NOTE" + "E" * 5000 + "]\n",
    ],
)
def test_not_alerts_stay_quotes(make_app, tmp_path, quote):
    main, _ = build(make_app, tmp_path, quote)
    assert main.select("div.admonition") == [] and len(main.select("blockquote")) == 1


def test_alert_title_keeps_html_out(make_app, tmp_path):
    main, _ = build(make_app, tmp_path, "> [!NOTE] <script>alert(1)</script> Title\n> Body\n")
    assert main.select("script") == []
    assert "Title" in main.select_one(".admonition-title").get_text()


# -- block attributes ----------------------------------------------------------------------

ATTRIBUTED = (
    "Para one\n{.cls #pid}\n\n"
    "- item\n{.lst}\n\n"
    "> quote\n{.q}\n\n"
    "| a | b |\n|:--|--:|\n| 1 | 2 |\n{.tbl}\n\n"
    "Para two {.no}\n\n"
    "```\ncode\n```\n{.gone}\n\n"
    "## Head\n{#HId .hc}\n\n[back](#HId)\n"
)


def test_block_attributes(make_app, tmp_path):
    """As Hugo 0.111.3 gives with ``parser.attribute.block = true``: the classes and id on
    the block above, the line gone after code, text at the end of a paragraph's line."""
    main, warnings = build(make_app, tmp_path, ATTRIBUTED, BLOCK_ON)
    assert main.select_one("p#pid")["class"] == ["cls"]
    assert main.select_one("ul.lst").get_text(strip=True) == "item"
    assert main.select_one("blockquote.q").get_text(strip=True) == "quote"
    assert len(main.select_one("table.tbl").select("tbody tr")) == 1
    assert "{.no}" in main.get_text()
    for gone in ("{.cls", "{.lst}", "{.q}", "{.tbl}", "{.gone}", "{#HId"):
        assert gone not in main.get_text()
    assert main.select_one("section#HId h2") is not None  # the id as written: a heading id
    assert "hc" in main.select_one("section#HId")["class"]
    assert warnings == []  # the link to #HId found


def test_block_attributes_off_by_default(make_app, tmp_path):
    """Hugo's default (``block = false``) prints the line as text of the paragraph."""
    main, _ = build(make_app, tmp_path, "Para one\n{.cls}\n")
    assert main.select_one("p.cls") is None and "{.cls}" in main.get_text()


def test_block_attributes_refuse_unsafe_names(make_app, tmp_path):
    """An id or class a page may not write is left out; the rest of the list is kept. Other
    keys (``onclick``) have no place on Sphinx's elements."""
    page = 'Para\n{#a<b .ok .x>y onclick="alert(1)"}\n\nTwo\n{#"><script> .c}\n'
    main, warnings = build(make_app, tmp_path, page, BLOCK_ON)
    first = main.select_one("p.ok")
    assert first is not None and first.get("id") is None and first.get_text() == "Para"
    assert main.select("script") == [] and main.select("[onclick]") == []
    assert "x>y" not in str(main.select_one("p.ok")["class"])
    assert any("p.md:6" in w and "[hugo.attribute]" in w and "a<b" in w for w in warnings)


def test_heading_attributes_set_id_and_classes(make_app, tmp_path):
    """Hugo 0.111.3: ``## Title {#hid .hc}`` gives ``<h2 id="hid" class="hc">`` (on by
    default, without ``block``)."""
    main, _ = build(make_app, tmp_path, "## Title {#hid .hc}\n")
    assert "hc" in main.select_one("section#hid")["class"]
    assert main.select_one("h2").get_text().rstrip("¶") == "Title"


def test_heading_attributes_switched_off(make_app, tmp_path):
    """``parser.attribute.title = false``: Hugo prints ``{#id}`` as part of the heading."""
    site = "[markup.goldmark.parser.attribute]\ntitle = false\n"
    main, _ = build(make_app, tmp_path, "## Title {#tid}\n", site)
    assert main.select_one("section#tid") is None and "{#tid}" in main.select_one("h2").get_text()


# -- Goldmark's default extensions ---------------------------------------------------------

LINKS = "Bare https://example.org/x and www.example.org and example.org and mailto:me@x.org.\n"


def test_linkify_as_goldmark(make_app, tmp_path):
    """Hugo 0.111.3: URLs with a scheme and ``www.`` (given https) become links; a bare domain
    and ``mailto:`` text do not."""
    main, _ = build(make_app, tmp_path, LINKS)
    assert [a["href"] for a in main.select("p a")] == [
        "https://example.org/x",
        "https://www.example.org",
    ]


def test_linkify_protocol(make_app, tmp_path):
    site = '[markup.goldmark.extensions]\nlinkifyProtocol = "http"\n'
    main, _ = build(make_app, tmp_path, LINKS, site)
    assert [a["href"] for a in main.select("p a")][1] == "http://www.example.org"


def test_linkify_switched_off(make_app, tmp_path):
    main, _ = build(make_app, tmp_path, LINKS, "[markup.goldmark.extensions]\nlinkify = false\n")
    assert main.select("p a") == []


TYPO = "\"quoted\" 'single' -- --- ... << >> it's\n"


def test_typographer_defaults(make_app, tmp_path):
    main, _ = build(make_app, tmp_path, TYPO)
    assert (
        main.select_one("p").get_text()
        == "\u201cquoted\u201d \u2018single\u2019 \u2013 \u2014 \u2026 \u00ab \u00bb it\u2019s"
    )


def test_typographer_off(make_app, tmp_path):
    """Kubernetes' ``typographer = false``."""
    main, _ = build(make_app, tmp_path, TYPO, "[markup.goldmark.extensions]\ntypographer = false\n")
    assert main.select_one("p").get_text() == TYPO.strip()


def test_typographer_substitutions(make_app, tmp_path):
    """Hugo 0.112+ table (a fatal config error in 0.111.3, so from Hugo's source)."""
    site = (
        "[markup.goldmark.extensions.typographer]\n"
        'leftDoubleQuote = "&laquo;"\nrightDoubleQuote = "&raquo;"\nenDash = "--"\n'
    )
    main, _ = build(make_app, tmp_path, TYPO, site)
    assert (
        main.select_one("p")
        .get_text()
        .startswith("\u00abquoted\u00bb \u2018single\u2019 -- \u2014")
    )


EXTENSIONS = (
    "| a |\n|---|\n| 1 |\n\n~~gone~~\n\nTerm\n: Definition\n\nNote[^1].\n\n[^1]: Text.\n\n"
    "- [ ] task\n"
)


def test_extensions_on_by_default(make_app, tmp_path):
    main, _ = build(make_app, tmp_path, EXTENSIONS)
    assert main.select("table") and main.select("s, del") and main.select("dl")
    assert main.select("a.footnote-reference") and main.select("input[type=checkbox]")


EXTENSION_NAMES = ("table", "strikethrough", "definitionList", "footnote", "taskList")


def test_extensions_switched_off(make_app, tmp_path):
    site = "[markup.goldmark.extensions]\n" + "".join(
        f"{name} = false\n" for name in EXTENSION_NAMES
    )
    main, _ = build(make_app, tmp_path, EXTENSIONS, site)
    assert not (main.select("table") or main.select("s, del") or main.select("dl"))
    assert not main.select("a.footnote-reference") and not main.select("input[type=checkbox]")
    assert "~~gone~~" in main.get_text() and "[ ] task" in main.get_text()


def test_repeated_reference_keeps_the_first_silently(make_app, tmp_path):
    """CommonMark and Hugo 0.111.3: ``[dup]`` links the first definition, no warning."""
    page = "See [dup].\n\n[dup]: https://first.example/\n[dup]: https://second.example/\n"
    main, warnings = build(make_app, tmp_path, page)
    assert main.select_one("p a")["href"] == "https://first.example/"
    assert warnings == []


# -- the core rules ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            '{.a .b #x k="v w" n=5 t=true}',
            {"class": "a b", "id": "x", "k": "v w", "n": "5", "t": "true"},
        ),
        ("{.c k=word}", {"class": "c"}),  # an unquoted word is dropped, the rest kept
        ("{.c s='x'}", None),  # single quotes: not an attribute list
        ("{}", {}),
        ("{.a}x", None),
        ("{ .a", None),
        ("{" + ".a " * 2000 + "}", None),  # longer than MAX_LINE
    ],
)
def test_attribute_list(line, expected):
    assert goldmark.attribute_list(line) == expected


def test_attribute_list_linear_on_hostile_lines():
    for line in ('{k="' + "a" * 1900, "{" + "#" * 1990 + "}", "{" + "=" * 1990 + "}"):
        assert goldmark.attribute_list(line) is None


def test_safe_attributes():
    kept, refused = goldmark.safe_attributes({"id": '"><x', "class": 'ok b"ad', "onclick": "x"})
    assert kept == {"class": "ok"} and len(refused) == 2


def test_site_config_switches():
    found = goldmark.from_site_config(
        {
            "markup": {
                "goldmark": {
                    "parser": {"attribute": True},
                    "extensions": {"typographer": {"disable": True}, "linkify": "no"},
                }
            }
        }
    )
    assert (found.block_attributes, found.title_attributes, found.typographer) == (
        False,
        True,
        None,
    )
    assert found.has("linkify")  # a wrong type leaves Hugo's default
    assert goldmark.from_site_config({"markup": "x"}) == goldmark.Goldmark()


# -- footnotes -----------------------------------------------------------------------------


def test_a_footnote_reference_without_definition_is_text(make_app, tmp_path):
    """Hugo 0.111.3 (oracle) on this page: ``One<sup ...>1</sup> and two[^b].``, one footnote,
    no warning; MyST made ``[^b]`` a reference and docutils reported two errors."""
    main, warnings = build(make_app, tmp_path, "One[^a] and two[^b].\n\n[^a]: The note.\n")
    assert warnings == []
    paragraph = main.find("p")
    assert paragraph.get_text().endswith("and two[^b].")
    assert len(main.select("a.footnote-reference")) == 1
    assert main.select(".problematic") == []  # what docutils makes of a reference it refused


# -- emoji ---------------------------------------------------------------------------------

EMOJI_PAGE = (
    "I :heart: it. `:heart:` stays.\n\n```\n:warning:\n```\n\n"
    "> [!WARNING] :warning: Careful\n> Body\n"
)


def test_emoji_codes_become_emoji_when_the_site_enables_them(make_app, tmp_path):
    """``enableEmoji = true`` (Docsy's site config sets it): codes in text and titles become
    emoji, code keeps them (Hugo's docs show ``:heart:`` in a code block)."""
    main, warnings = build(make_app, tmp_path, EMOJI_PAGE, site="enableEmoji = true\n")
    assert warnings == []
    assert main.find("p").get_text().startswith("I \u2764\ufe0f it.")
    assert main.find("p").find("code").get_text() == ":heart:"
    assert main.select_one("pre").get_text().strip() == ":warning:"
    assert main.select_one(".admonition-title").get_text().startswith("\u26a0\ufe0f Careful")


def test_emoji_codes_stay_as_written_by_default(make_app, tmp_path):
    main, _ = build(make_app, tmp_path, EMOJI_PAGE)
    assert main.find("p").get_text().startswith("I :heart: it.")


# -- code in languages no lexer knows ------------------------------------------------------


def test_code_in_an_unknown_language_is_plain_code_without_a_warning(make_app, tmp_path):
    """Hugo 0.111.3 (oracle) prints a ```mermaid block as plain ``<pre><code>``; Sphinx 8.0
    warned "Pygments lexer name 'mermaid' is not known" (untyped, so not suppressible)."""
    page = "```mermaid\ngraph TD\n```\n\n```python\nx = 1\n```\n"
    main, warnings = build(make_app, tmp_path, page)
    assert warnings == []
    mermaid, python = main.select("div[class*=highlight-]")
    assert "highlight-text" in mermaid["class"]
    assert mermaid.get_text().strip() == "graph TD"
    assert "highlight-python" in python["class"]
