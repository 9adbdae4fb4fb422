"""The comparison directive and related-posts blocks, as a reader sees them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import CORPUS, app_warnings, needs_shared, output_of, soup, sphinx_build, write_tree

CONF = 'extensions = ["sphinx_comparisons"]\n'


def build(make_app, root: Path, pages: dict[str, str], builder: str = "html", conf: str = CONF):
    write_tree(root, {"conf.py": conf, **pages})
    app = make_app(builder, srcdir=root)
    app.build()
    warnings = app_warnings(app)
    return app, warnings


INLINE = """\
---
title: Matrix
---

```{comparison}
:highlight: Ours
:caption: Who has what
products:
  - Ours
  - {name: Theirs, link: "https://theirs.example/"}
  - {name: Sibling, link: sibling}
groups:
  Storage:
    Compression: [yes, no, {value: partial, note: "only *cold* data"}]
    Format: ["`parquet`", "[own](https://x.example/)", "<script>alert(1)</script>"]
  Queries:
    SQL: {Ours: yes, Theirs: yes, Sibling: no}
```
"""


def test_inline_matrix(make_app, tmp_path):
    app, warnings = build(
        make_app,
        tmp_path,
        {
            "_index.md": "---\ntitle: Home\n---\n",
            "m.md": INLINE,
            "sibling.md": "---\ntitle: Sibling\n---\n",
        },
    )
    assert [w for w in warnings if "toctree" not in w] == []
    html = soup(output_of(app, "m"))
    table = html.select_one("table.hugo-comparison")
    assert table.select_one("caption").get_text(strip=True).startswith("Who has what")
    assert [th.get_text(strip=True) for th in table.select("thead th")] == [
        "Feature",
        "Ours",
        "Theirs",
        "Sibling",
    ]
    assert all(th["scope"] == "col" for th in table.select("thead th"))
    assert [th["scope"] for th in table.select("tbody th.stub")] == ["row"] * 5
    assert table.select_one("thead a[href='https://theirs.example/']") is not None
    assert table.select_one("thead a[href='sibling.html']") is not None
    assert "hugo-comparison-highlight" in table.select("thead th")[1]["class"]
    rows = table.select("tbody tr")
    assert rows[0].get_text(strip=True) == "Storage"
    compression = [td.select_one(".hugo-visually-hidden").get_text() for td in rows[1].select("td")]
    assert compression == ["Yes", "No", "Partial"]
    assert rows[1].select("td")[2].select_one(".hugo-comparison-note em").get_text() == "cold"
    assert rows[2].select_one("td code").get_text() == "parquet"
    assert "<script>" not in str(table) and "&lt;script&gt;" in str(table)
    assert html.select_one("div.hugo-comparison-scroll[role=region][tabindex='0']") is not None
    legend = html.select_one("p.hugo-comparison-legend").get_text(" ", strip=True)
    assert "Yes" in legend and "No" in legend and "Partial" in legend


def test_matrix_from_files_and_bad_input(make_app, tmp_path):
    pages = {
        "_index.md": "---\ntitle: Home\n---\n",
        "data/matrix.csv": "group,feature,A,B\nCore,Speed,yes,no\nCore,Size,partial,maybe later\n",
        "data/matrix.json": '{"products": ["A", "B"], "features": {"Speed": [true, false]}}',
        "f.md": (
            "---\ntitle: F\n---\n\n```{comparison}\n:file: data/matrix.csv\n```\n\n"
            "```{comparison}\n:file: data/matrix.json\n:legend: no\n```\n"
        ),
        "bad.md": (
            "---\ntitle: Bad\n---\n\n```{comparison}\nproducts: [A, B]\nfeatures:\n"
            "  Speed: [yes]\n  Size: {C: yes}\n  Cost: [yes, null]\n```\n\n"
            "```{comparison}\n:file: nowhere.yaml\n```\n\n```{comparison}\nproducts: [A\n```\n\n"
            '```{comparison}\nproducts:\n  - {name: A, link: "javascript:alert(1)"}\nfeatures:\n'
            "  Speed: [yes]\n```\n"
        ),
    }
    app, warnings = build(make_app, tmp_path, pages, conf=CONF + 'exclude_patterns = ["data"]\n')
    f = soup(output_of(app, "f"))
    tables = f.select("table.hugo-comparison")
    assert len(tables) == 2 and len(f.select("p.hugo-comparison-legend")) == 1
    assert tables[0].select("tbody tr")[2].select("td")[1].get_text(strip=True) == "maybe later"
    bad = sorted(re.sub(r"^.*?bad\.md:", "", w) for w in warnings if "bad.md" in w)
    assert len(bad) == 6, bad
    assert all("[hugo.comparison" in w for w in bad)
    assert any("1 values for 2 products" in w for w in bad) and any("'C'" in w for w in bad)
    assert any("nowhere.yaml" in w for w in bad) and any("not valid YAML" in w for w in bad)
    assert any("javascript" in w for w in bad) and any("has no value" in w for w in bad)
    assert "javascript" not in output_of(app, "bad").read_text()


COMPARED = """\
---
title: Compare {name}
linkTitle: {name}
weight: {weight}
comparison:
  group: {group}
  features:
{features}
---

Text.
"""


def _page(name, weight, group, features):
    lines = "\n".join(f"    {k}: {v}" for k, v in features.items())
    return COMPARED.format(name=name, weight=weight, group=group, features=lines)


def test_assembled_matrix_follows_its_pages(make_app, tmp_path):
    pages = {
        "_index.md": "---\ntitle: Home\n---\n",
        "cmp/_index.md": (
            "---\ntitle: Compare\ncomparison:\n  product: Ours\n  group: SQL\n  features:\n"
            "    Joins: yes\n    Scale out: yes\n---\n\n```{comparison}\n:group: SQL\n"
            ":highlight: Ours\n:columns: Ours\n```\n"
        ),
        "cmp/alpha.md": _page("Alpha", 2, "SQL", {"Joins": "yes", "Scale out": "no"}),
        "cmp/beta.md": _page("Beta", 1, "SQL", {"Joins": "partial"}),
        "cmp/nosql.md": _page("Gamma", 3, "NoSQL", {"Joins": "no"}),
        "cmp/dup.md": _page("Alpha", 4, "SQL", {"Joins": "no", "Scale out": "no"}),
    }
    app, warnings = build(make_app, tmp_path, pages)
    html = soup(output_of(app, "cmp/_index"))
    table = html.select_one("table.hugo-comparison")
    assert [th.get_text(strip=True) for th in table.select("thead th")] == [
        "Feature",
        "Ours",
        "Beta",
        "Alpha",
    ]
    assert [a["href"] for a in table.select("thead a")] == ["#", "beta.html", "alpha.html"] or [
        a["href"] for a in table.select("thead a")
    ][1:] == ["beta.html", "alpha.html"]
    located = sorted(re.sub(r"^.*?cmp/", "", w) for w in warnings if "cmp/" in w)
    assert any(
        w.startswith("beta.md:5:") and "'Scale out'" in w and "comparison_missing" in w
        for w in located
    ), located
    assert any(w.startswith("dup.md:5:") and "comparison_product" in w for w in located), located

    # one page changes its verdict: the assembled table follows on the next incremental build
    alpha = tmp_path / "cmp" / "alpha.md"
    alpha.write_text(alpha.read_text().replace("Scale out: no", "Scale out: yes"))
    app = make_app("html", srcdir=tmp_path)
    app.build()
    table = soup(output_of(app, "cmp/_index")).select_one("table.hugo-comparison")
    scale = next(tr for tr in table.select("tbody tr") if "Scale out" in tr.get_text())
    assert [
        td.select_one(".hugo-visually-hidden").get_text()
        if td.select_one(".hugo-visually-hidden")
        else td.get_text(strip=True)
        for td in scale.select("td")
    ] == ["Yes", "–", "Yes"]


def test_matrix_in_latex_and_text(make_app, tmp_path):
    pages = {
        "_index.md": "---\ntitle: Home\n---\n",
        "m.md": INLINE,
        "sibling.md": "---\ntitle: Sibling\n---\n",
    }
    app, _ = build(make_app, tmp_path, pages, builder="text")
    text = (Path(app.outdir) / "m.txt").read_text()
    assert re.search(r"Compression\s+\|\s+yes\s+\|\s+no\s+\|\s+partial", text)
    app, _ = build(make_app, tmp_path / "latex", pages, builder="latex")
    tex = next(Path(app.outdir).glob("*.tex")).read_text()
    assert "Compression" in tex and "partial" in tex and "hugo-symbol" not in tex


RELATED = """\
---
title: Post
keywords: [shards]
date: 2024-05-01
related:
  - {title: "Front matter post", url: "https://blog.example/fm/",
     description: "From the front matter."}
---

## Relevant blog posts

Some reading:

- [First post](https://blog.example/one/)
- [Evil](javascript:alert(1))
- [Sibling page](../other/)

## Listed from front matter

```{related-posts}
:heading: Also
```
"""


def test_related_posts(make_app, tmp_path):
    pages = {
        "_index.md": "---\ntitle: Home\n---\n",
        "post.md": RELATED,
        "other.md": "---\ntitle: Other\nkeywords: [shards]\ndate: 2023-01-01\n---\n",
        "auto.md": (
            "---\ntitle: Auto\nkeywords: [shards]\ndate: 2025-01-01\n---\n\n```{related-posts}\n"
            ":auto:\n```\n"
        ),
    }
    app, warnings = build(make_app, tmp_path, pages)
    located = [w for w in warnings if "post.md" in w]
    assert (
        len(located) == 1
        and "post.md:15:" in located[0]
        and "javascript" in located[0]
        and "[hugo.related]" in located[0]
    )
    html = soup(output_of(app, "post"))
    assert [h.get_text().rstrip("¶") for h in html.select("h2")] == [
        "Relevant blog posts",
        "Listed from front matter",
    ]
    grids = html.select("div.hugo-related")
    assert [a["href"] for a in grids[0].select("a")] == ["https://blog.example/one/", "other.html"]
    assert "javascript" not in str(html)
    assert grids[1].find("a")["href"] == "https://blog.example/fm/"
    assert html.select_one("p.hugo-related-heading, .rubric").get_text() == "Also"
    auto = soup(output_of(app, "auto"))
    # same keyword, so same weight: the newer first, as Hugo sorts them
    assert [a["href"] for a in auto.select("div.hugo-related a")] == ["post.html", "other.html"]
    text_app, _ = build(make_app, tmp_path / "text", pages, builder="text")
    text = (Path(text_app.outdir) / "post.txt").read_text()
    # outside HTML the cards are a plain list of links
    assert "* First post\n" in text and "* Sibling page\n" in text and "blog.example" not in text


def test_links_in_directive_data_reach_pages_as_markdown_links_do(make_app, tmp_path):
    """Product links and related items name pages the ways a Markdown link does (one rule,
    hugo/pagelinks.py): a content file (``../b.md``), a page URL, a page key. A product
    link to a ``.md`` file once led to "no page of this site"."""
    table = "```{comparison}\nproducts:\n  - {name: B, link: ../b.md}\n  - {name: C, link: /c/}\n"
    table += "  - {name: D, link: guide/d}\nfeatures:\n  Speed: [yes, no, yes]\n```\n"
    related = "```{related-posts}\n- [B](../b.md#part) text\n- [C](/c/)\n```\n"
    pages = {
        "_index.md": "---\ntitle: Home\n---\n",
        "guide/_index.md": "---\ntitle: Guide\n---\n",
        "guide/m.md": f"---\ntitle: M\n---\n\n[B](../b.md) [C](/c/)\n\n{table}\n{related}",
        "b.md": "---\ntitle: B\n---\n\n## Part\n",
        "c.md": "---\ntitle: C\n---\n",
        "guide/d.md": "---\ntitle: D\n---\n",
    }
    app, warnings = build(make_app, tmp_path, pages)
    assert [w for w in warnings if "toctree" not in w] == []
    html = soup(output_of(app, "guide/m"))
    prose = [a["href"] for a in html.select("p > a.reference") if not a.find_parent("table")]
    assert prose == ["../b.html", "../c.html"]
    assert [a["href"] for a in html.select("table.hugo-comparison thead a")] == [*prose, "d.html"]
    assert [a["href"] for a in html.select("div.hugo-related a")] == prose


@needs_shared
@pytest.mark.slow  # builds the corpus
def test_corpus_legacy_icon_tables(tmp_path):
    result = sphinx_build(
        CORPUS / "content",
        tmp_path / "out",
        "-b",
        "dirhtml",
        "-D",
        "hugo_base_url=https://docs.yugabyte.com",
    )
    assert result.returncode == 0
    index = soup(tmp_path / "out" / "preview" / "faq" / "comparisons" / "index.html")
    labels = [s.get_text() for s in index.select(".hugo-visually-hidden")]
    assert len(labels) == 105 and set(labels) == {"Yes", "No", "Partial"}
    assert "fa-solid" not in str(index)


@pytest.mark.parametrize("base", [None, "https://live.example"])
def test_a_related_post_to_a_missing_page_is_reported_or_sent_to_the_live_site(
    make_app, tmp_path, base
):
    """The same rule as a Markdown link: a site path that is no page of the tree goes to
    ``hugo_base_url``'s site, or is reported ``hugo.link_unresolved`` at its line."""
    related = "```{related-posts}\n- [Gone](/gone/) moved away\n- [Old](old.md)\n```\n"
    pages = {
        "_index.md": "---\ntitle: Home\n---\n",
        "guide.md": f"---\ntitle: Guide\n---\n\nText.\n\n{related}",
    }
    conf = CONF + (f"hugo_base_url = {base!r}\n" if base else "")
    app, warnings = build(make_app, tmp_path, pages, conf=conf)
    hrefs = [a["href"] for a in soup(output_of(app, "guide")).select("div.hugo-related a")]
    unresolved = [w for w in warnings if "hugo.link_unresolved" in w]
    if base:
        assert hrefs == ["https://live.example/gone/", "https://live.example/guide/old.md"]
        assert unresolved == []
    else:
        assert hrefs == ["/gone/", "old.md"]
        assert len(unresolved) == 2
        assert "guide.md:8:" in unresolved[0] and "guide.md:9:" in unresolved[1]
