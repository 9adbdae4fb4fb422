"""Host redirect rules: wildcard aliases, and ``disableAliases`` (rules without pages)."""

from __future__ import annotations

import json

import pytest

from conftest import site_files, soup, sphinx_build, strip_ansi, warnings_of, write_tree
from sphinx_comparisons.hugo import aliases

WORK = (
    "---\ntitle: Work\ndate: 2018-05-06\n"
    'aliases: [/docs/workshop/*, /blog/2018/*, "old/*", /old-work/, "/*", "/x*y/", "*/z/*",'
    ' "/a b/*", "/../*"]\n---\ntext\n'
)


def site(tmp_path, config: str = "", work: str = WORK):
    return write_tree(
        tmp_path / "site",
        {
            "hugo.toml": 'title = "W"\n' + config,
            "content/_index.md": "---\ntitle: Home\n---\n",
            "content/docs/_index.md": "---\ntitle: Docs\n---\n",
            "content/docs/work.md": work,
            "content/docs/other.md": "---\ntitle: Other\naliases: [/blog/2018/*]\n---\ntext\n",
        },
    )


def rules(out) -> list[str]:
    return (out / "_redirects").read_text().splitlines()


@pytest.mark.parametrize(
    ("alias", "page", "expected"),
    [
        ("/docs/workshop/*", "/docs/work/", ("docs/workshop/*", "/docs/workshop/*")),
        ("old/*", "/docs/work/", ("docs/old/*", "/docs/old/*")),
        ("*", "/docs/a/b/", ("docs/a/*", "/docs/a/*")),
        ("../up/*", "/blog/2018/05/06/work/", ("blog/2018/05/up/*", "/blog/2018/05/up/*")),
    ],
)
def test_wildcards_resolve_like_other_aliases(alias, page, expected):
    assert aliases.resolve(alias, page) == expected


@pytest.mark.parametrize("alias", ["/*", "*", "/x*y/", "*/z/*", "/a/**", "/../*", "/con/*"])
def test_malformed_wildcards_are_refused(alias):
    assert not isinstance(aliases.resolve(alias, "/docs/"), tuple)


def test_wildcard_aliases_are_host_rules_only(tmp_path):
    out = tmp_path / "out"
    result = sphinx_build(site(tmp_path) / "content", out, "-b", "dirhtml")
    assert result.returncode == 0, result.stderr
    # of two pages with one wildcard, the first by path keeps it, as for any alias
    assert rules(out) == [
        "/blog/2018/* /docs/other/ 301",
        "/docs/workshop/* /docs/work/ 301",
        "/docs/old/* /docs/work/ 301",
        "/old-work/ /docs/work/ 301",
        "/a%20b/* /docs/work/ 301",
    ]
    rtd = json.loads((out / "readthedocs-redirects.json").read_text())
    assert {"type": "page", "from_url": "/docs/workshop/*", "to_url": "/docs/work/"} in rtd
    assert len(rtd) == 5
    # no page for a rule, and no folder named '*'
    assert site_files(out) == {
        "index.html",
        "docs/index.html",
        "docs/work/index.html",
        "docs/other/index.html",
        "old-work/index.html",
    }
    assert not list(out.rglob("*[*]*"))
    warnings = warnings_of(result.stderr)
    assert [w.split("WARNING: ")[1] for w in warnings] == [
        (
            "alias '/blog/2018/*' (/blog/2018/*) is already an alias of 'docs/other'; "
            "that one is kept [hugo.alias_conflict]"
        ),
        "alias '/*' resolves to the site root; no redirect is written [hugo.alias]",
        (
            "alias '/x*y/' has a '*' that is not its whole last level (a wildcard alias is "
            "'/path/*'); no redirect is written [hugo.alias]"
        ),
        (
            "alias '*/z/*' has a '*' that is not its whole last level (a wildcard alias is "
            "'/path/*'); no redirect is written [hugo.alias]"
        ),
        (
            "alias '/../*' climbs above the site root (a '..' too many); no redirect is written "
            "[hugo.output]"
        ),
    ]
    assert all("work.md:4:" in w for w in warnings)


def test_wildcards_are_named_once_as_information(tmp_path, make_app):
    src = site(tmp_path) / "content"
    (src / "conf.py").write_text('extensions = ["sphinx_comparisons"]\n')
    app = make_app("dirhtml", srcdir=src, freshenv=True)
    app.build()
    status = strip_ansi(app.status.getvalue())
    assert status.count("wildcard alias") == 1
    assert (
        "4 wildcard alias(es) are host redirect rules only (in _redirects and "
        "readthedocs-redirects.json), no page: /a b/*, /blog/2018/*, /docs/old/*, "
        "/docs/workshop/*"
    ) in status
    assert "host redirect rules" not in strip_ansi(app.warning.getvalue())


def test_wildcard_relative_to_a_permalinked_page(tmp_path):
    tree = site(
        tmp_path,
        '[permalinks]\ndocs = "/:section/:year/:slug/"\n',
        "---\ntitle: Work\ndate: 2018-05-06\naliases: [old/*, /abs/*]\n---\ntext\n",
    )
    out = tmp_path / "out"
    assert sphinx_build(tree / "content", out, "-b", "dirhtml").returncode == 0
    assert rules(out)[1:] == [
        "/docs/2018/old/* /docs/2018/work/ 301",
        "/abs/* /docs/2018/work/ 301",
    ]


def test_disable_aliases_writes_the_lists_but_no_pages(tmp_path):
    tree = site(tmp_path, work="---\ntitle: Work\naliases: [/old-work/, rel, /w/*]\n---\nx\n")
    out = tmp_path / "out"
    assert sphinx_build(tree / "content", out, "-b", "dirhtml", "-E").returncode == 0
    assert {"old-work/index.html", "docs/rel/index.html"} <= site_files(out)

    (tree / "hugo.toml").write_text('title = "W"\ndisableAliases = true\n')
    result = sphinx_build(tree / "content", out, "-b", "dirhtml", "-E")
    assert result.returncode == 0 and warnings_of(result.stderr) == []
    # the earlier build's redirect pages are gone, as Hugo writes none
    assert site_files(out) == {
        "index.html",
        "docs/index.html",
        "docs/work/index.html",
        "docs/other/index.html",
    }
    assert rules(out) == [
        "/blog/2018/* /docs/other/ 301",
        "/old-work/ /docs/work/ 301",
        "/docs/rel/ /docs/work/ 301",
        "/w/* /docs/work/ 301",
    ]
    listing = json.loads((out / "redirects.json").read_text())
    assert {"from": "/old-work/", "to": "/docs/work/", "page": "docs/work"} in listing
    rtd = json.loads((out / "readthedocs-redirects.json").read_text())
    assert {"type": "page", "from_url": "/docs/rel/", "to_url": "/docs/work/"} in rtd


def test_disable_aliases_must_be_a_boolean(tmp_path):
    tree = site(tmp_path, 'disableAliases = "yes"\n', "---\ntitle: W\naliases: [/o/]\n---\n")
    out = tmp_path / "out"
    assert sphinx_build(tree / "content", out, "-b", "dirhtml").returncode == 0
    assert "o/index.html" in site_files(out)


def test_a_link_to_an_old_address_leads_to_its_page(tmp_path):
    """Hugo checks no link and serves the alias's redirect; a link written to an alias's
    address (``/old-work/``, relative ``old-one/``) leads straight to the page it redirects
    to, without a warning. A page's own URL wins over another page's alias; a wildcard's
    rule names no page."""
    tree = site(
        tmp_path, "", "---\ntitle: Work\naliases: [/old-work/, old-one, /docs/other/]\n---\n"
    )
    home = tree / "content" / "_index.md"
    home.write_text(
        home.read_text()
        + "[w](/old-work/) [x](/docs/old-one/) [o](/docs/other/) [n](/old-work/nothing/)\n"
    )
    out = tmp_path / "out"
    result = sphinx_build(tree / "content", out, "-b", "dirhtml")
    problems = [w for w in warnings_of(result.stderr) if "link_unresolved" in w]
    assert len(problems) == 1 and "/old-work/nothing/" in problems[0], result.stderr
    links = {a.get_text(): a["href"] for a in soup(out / "index.html").select("a.reference")}
    assert links["w"] == "docs/work/" and links["x"] == "docs/work/"
    assert links["o"] == "docs/other/"
