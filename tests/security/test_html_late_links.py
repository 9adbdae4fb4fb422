"""Links that get their address after the read-time check: toctree entries and docutils' indirect
targets."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from html_site import PWN, build, located
from sphinx_comparisons.hugo import safeurl

JS = f"javascript:{PWN}"
#: Sphinx's toctree takes an entry as a URL only when it holds ``://``.
JS_URL = f"javascript://%0a{PWN}"


def _live_script_links(html: str) -> list[str]:
    """Every ``href``/``src`` of the page (head, sidebar and body) with a refused scheme."""
    return [
        f"{element.name} {name}={element[name]!r}"
        for element in BeautifulSoup(html, "html.parser").find_all(True)
        for name in ("href", "src")
        if element.get(name) is not None and safeurl.refusal(element[name]) is not None
    ]


def _pages(out: Path) -> dict[str, str]:
    return {
        str(path.relative_to(out)): path.read_text(encoding="utf-8") for path in out.rglob("*.html")
    }


@pytest.mark.parametrize(
    ("name", "page"),
    [
        (
            "nav.md",
            f"---\ntitle: Nav\n---\n\n```{{toctree}}\nEvil <{JS_URL}>\nGood <https://example.com/>\n```\n",
        ),
        (
            "nav.rst",
            f"Nav\n===\n\n.. toctree::\n\n   Evil <{JS_URL}>\n   Good <https://example.com/>\n",
        ),
    ],
)
def test_toctree_entry_with_a_refused_scheme_is_left_out_of_every_page(
    make_app, tmp_path, name, page
):
    home = "---\ntitle: Home\n---\n\n```{toctree}\nnav\n```\n"
    out, warnings = build(make_app, tmp_path, {name: page, "_index.md": home})
    pages = _pages(out)
    assert {
        path: found for path, html in pages.items() if (found := _live_script_links(html))
    } == {}
    assert 'href="https://example.com/"' in pages["nav/index.html"]
    line = 5 if name.endswith(".md") else 4
    assert sorted(located(warnings, "link_scheme")) == [(name, line)]
    assert "toctree entry" in next(w for w in warnings if "[hugo.link_scheme]" in w)


RST_TARGETS = f"""RST page
========

Indirect `click ind`_, anonymous `click anon`__ and chained `chain`_.

.. _click ind: {JS}

__ {JS}

.. _chain: mid_
.. _mid: {JS}

Fine `site`_.

.. _site: https://example.com/

.. image:: /pic.png
   :target: `click ind`_
"""


def test_rst_indirect_anonymous_chained_and_image_targets(make_app, tmp_path):
    out, warnings = build(
        make_app, tmp_path, {"r.rst": RST_TARGETS}, site={"content/pic.png": "png"}
    )
    html = (out / "r" / "index.html").read_text(encoding="utf-8")
    assert _live_script_links(html) == []
    assert 'href="https://example.com/"' in html
    body = BeautifulSoup(html, "html.parser").find(role="main")
    assert "click ind" in body.text and "click anon" in body.text and "chain" in body.text
    # the image link has no line of its own: it is reported at the last line before it
    assert sorted(located(warnings, "link_scheme")) == [("r.rst", 4)] * 3 + [("r.rst", 15)]


def test_markdown_eval_rst_anonymous_target(make_app, tmp_path):
    page = f"---\ntitle: P\n---\n\n```{{eval-rst}}\nAnonymous `anon`__.\n\n__ {JS}\n```\n"
    out, warnings = build(make_app, tmp_path, {"p.md": page})
    html = (out / "p" / "index.html").read_text(encoding="utf-8")
    assert _live_script_links(html) == []
    assert "anon" in BeautifulSoup(html, "html.parser").find(role="main").text
    assert sorted(located(warnings, "link_scheme")) == [("p.md", 6)]
