"""Docsy's _param, blocks/link-down, conditional-text, swaggerui/redoc, site-build-info; Hugo's
qr; readfile from the project root; a body H1 repeating the title keeps Hugo's ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import soup, sphinx_build, warnings_of, write_tree

CONFIG = """baseURL = 'https://example.org/'
[markup.goldmark.renderer]
unsafe = true
[params]
buildCondition = "pro"
BADGE = '<span class="badge text-bg-{2}">{1}</span>'
btn = 'class="btn btn-{1}"'
plain = "Plain {1} text"
"""

PAGE = """---
title: Codes
---

Badge: {{% _param BADGE NEW success %}} here.

<a {{% _param btn primary %}} href="/docs/">Go</a>

Left: {{% _param plain %}}.

Missing: {{% _param nowhere %}}.

{{% conditional-text include-if="pro" %}}
Shown for pro.
{{% /conditional-text %}}

{{% conditional-text exclude-if="pro" %}}
Hidden for pro.
{{% /conditional-text %}}

{{% conditional-text include-if="community" %}}
Not for community.
{{% /conditional-text %}}

{{< swaggerui src="/openapi/pets.yaml" >}}

{{< redoc "javascript:alert(1)" >}}

{{% td/site-build-info/netlify %}}

{{< qr text="https://example.org/a" alt="A <code>" id="x\\" onload=\\"y" />}}

{{< qr >}}https://example.org/inner{{< /qr >}}

{{< qr level="extreme" scale="huge" text="hi" />}}

{{< qr text="TOO_LONG" />}}

{{% blocks/link-down %}}
"""


def _build(tmp_path: Path, page: str = PAGE, config: str = CONFIG):
    src = write_tree(
        tmp_path / "site",
        {
            "hugo.toml": config,
            "static/openapi/pets.yaml": "openapi: 3.0.0\n",
            "content/_index.md": "---\ntitle: Home\n---\n",
            "content/docs/_index.md": "---\ntitle: Docs\n---\n",
            "content/codes.md": page.replace("TOO_LONG", "x" * 8000),
        },
    )
    out = tmp_path / "out"
    result = sphinx_build(src / "content", out, "-b", "dirhtml")
    assert result.returncode == 0, result.stderr
    return out, warnings_of(result.stderr)


def test_docsy_and_hugo_shortcodes(tmp_path: Path) -> None:
    out, warnings = _build(tmp_path)
    html = (out / "codes/index.html").read_text()
    page = soup(out / "codes/index.html")
    body = page.select_one("[role=main]") or page
    text = body.get_text(" ")
    assert '<span class="badge text-bg-success">NEW</span>' in html
    assert page.select_one("a.btn.btn-primary")["href"] == "../docs/"
    assert "Plain {1} text" in text
    assert "Shown for pro." in text
    assert "Hidden for pro." not in text and "Not for community." not in text
    spec = [a for a in body.find_all("a") if a.get_text() == "pets.yaml"]
    # a static file: linked at its site path, as Markdown links to static files are
    assert spec and spec[0]["href"] == "/openapi/pets.yaml"
    assert (out / "openapi/pets.yaml").is_file()
    assert "javascript" not in html.lower()
    assert "not built by Netlify" in text and "<script" not in str(body)
    qrs = body.find_all("img", src=lambda s: s and "qr_" in s)
    assert len(qrs) == 3
    for image in qrs:
        assert (out / "codes" / image["src"]).resolve().read_bytes()[:4] == b"\x89PNG"
    assert qrs[0]["alt"] == "A <code>" and qrs[0]["id"] == 'x" onload="y'
    assert not any(img.get("onload") for img in qrs)
    assert "{{" not in text and "hugo-shortcode" not in text
    expected = {
        "'nowhere' is in neither": 1,
        "placeholders {1} not replaced": 1,
        "level 'extreme'": 1,
        "scale must be": 1,
        "longer than": 1,
        "link-down must be nested": 1,
        "parameter 0 ('team') is missing": 1,
        "hugo.link_scheme": 1,
    }
    for needle, count in expected.items():
        found = [w for w in warnings if needle in w]
        assert len(found) == count, (needle, warnings)
        assert all("codes.md:" in w for w in found)
    assert not any("shortcode_unknown" in w for w in warnings)


def test_conditional_text_without_a_build_condition_prints_nothing(tmp_path: Path) -> None:
    page = (
        "---\ntitle: C\n---\n\n"
        '{{% conditional-text exclude-if="x" %}}\nGone.\n{{% /conditional-text %}}\n'
    )
    out, _ = _build(tmp_path, page, config="baseURL = 'https://example.org/'\n")
    assert "Gone." not in (out / "codes/index.html").read_text()


def test_link_down_leads_to_the_next_block(tmp_path: Path) -> None:
    page = """---
title: C
---

{{% blocks/cover title="Welcome" %}}
Cover text.

{{% blocks/link-down color="info" %}}
{{% /blocks/cover %}}

{{% blocks/section %}}
Next block.
{{% /blocks/section %}}
"""
    out, warnings = _build(tmp_path, page)
    html = soup(out / "codes/index.html")
    link = html.select_one("a.hugo-link-down")
    target = html.find(id=link["href"][1:])
    assert target is not None and "Next block." in target.get_text()
    assert not [w for w in warnings if "codes.md" in w]


def test_readfile_reads_from_the_project_root(tmp_path: Path) -> None:
    src = write_tree(
        tmp_path / "site",
        {
            "hugo.toml": "baseURL = 'https://example.org/'\n",
            "snippets/part.md": "From the *project* root.\n",
            "content/_index.md": "---\ntitle: Home\n---\n",
            "content/a.md": (
                '---\ntitle: A\n---\n\n{{% readfile file="snippets/part.md" %}}\n\n'
                '{{% readfile file="../../etc/passwd" %}}\n'
            ),
        },
    )
    out = tmp_path / "out"
    result = sphinx_build(src / "content", out, "-b", "dirhtml")
    html = (out / "a/index.html").read_text()
    assert "<em>project</em> root" in html
    assert "root:" not in html
    assert any("hugo.path" in w and "a.md:" in w for w in warnings_of(result.stderr))


def test_body_h1_repeating_the_title_keeps_hugos_ids(tmp_path: Path) -> None:
    # the oracle (Hugo 0.111.3) gives `# Extensions` id "extensions" and the H2 "extensions-1";
    # with only `## Extensions` under the title, the H2 is "extensions"
    src = write_tree(
        tmp_path / "site",
        {
            "content/_index.md": "---\ntitle: Home\n---\n",
            "content/a.md": "---\ntitle: Extensions\n---\n\n# Extensions\n\nText.\n\n"
            "## Extensions\n\nMore.\n",
            "content/b.md": "---\ntitle: Extensions\n---\n\n## Extensions\n\nText.\n",
        },
    )
    out = tmp_path / "out"
    sphinx_build(src / "content", out, "-b", "dirhtml")
    a = soup(out / "a/index.html")
    assert a.find("h2").parent.get("id") == "extensions-1"
    assert a.find(id="extensions").find("h1") is not None
    b = soup(out / "b/index.html")
    assert b.find("h2").parent.get("id") == "extensions"


def test_a_card_shows_header_title_and_subtitle_as_docsy_does(tmp_path):
    """Docsy's ``card.html``: the header above the body, the title in it, then the subtitle,
    each rendered as Markdown (inline code in a header or title too)."""
    page = (
        "---\ntitle: Cards\n---\n\n"
        '{{< card header="**Imagine**" title="Artist: John Lennon" subtitle="Co-writer" >}}\n'
        "Imagine there's no heaven.\n{{< /card >}}\n\n"
        '{{% card header="Set with `header`" %}}\nBody\n{{% /card %}}\n'
    )
    src = write_tree(tmp_path / "src", {"_index.md": page})
    result = sphinx_build(src, tmp_path / "out", "-b", "html")
    assert result.returncode == 0, result.stderr
    assert warnings_of(result.stderr) == []
    first, second = soup(tmp_path / "out" / "index.html").select("div.sd-card")
    assert first.select_one(".sd-card-header strong").get_text() == "Imagine"
    assert first.select_one(".sd-card-title").get_text(strip=True) == "Artist: John Lennon"
    assert first.select_one(".sd-card-body em").get_text() == "Co-writer"
    assert second.select_one(".sd-card-title code").get_text() == "header"


@pytest.mark.parametrize("one_line", [False, True])
def test_a_disabled_tab_is_a_caption_above_its_tab_set(tmp_path, one_line):
    """Docsy shows ``{{< tab header="Configuration file:" disabled=true />}}`` as a label in
    the tab bar that cannot be chosen (``tabpane.html``); a sphinx-design tab set holds only
    tabs, so the label stands just above it, and the first real tab is the chosen one."""
    sep = " " if one_line else "\n"
    page = (
        "---\ntitle: Tabs\n---\n\n{{< tabpane text=true >}}"
        + sep
        + '{{< tab header="Configuration file:" disabled=true />}}\n'
        + '{{% tab header="hugo.toml" %}}\nTOML\n{{% /tab %}}'
        + sep
        + '{{% tab header="hugo.yaml" %}}\nYAML\n{{% /tab %}}\n{{< /tabpane >}}\n'
    )
    src = write_tree(tmp_path / "src", {"_index.md": page})
    result = sphinx_build(src, tmp_path / "out", "-b", "html")
    assert result.returncode == 0, result.stderr
    assert warnings_of(result.stderr) == []
    main = soup(tmp_path / "out" / "index.html").select_one("[role=main]")
    caption = main.select_one("p.hugo-tabs-caption")
    assert caption.get_text(strip=True) == "Configuration file:"
    assert caption.find_next_sibling("div")["class"][0] == "sd-tab-set"
    labels = [label.get_text(strip=True) for label in main.select(".sd-tab-set label")]
    assert labels == ["hugo.toml", "hugo.yaml"]
