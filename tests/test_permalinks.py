"""The site config's ``permalinks``: page URLs and aliases against Hugo's answers.

Hugo 0.111.3 (the oracle) knows the plain section map and the tokens up to
``:slugorfilename``; what came later is checked against current Hugo's rules
(``spec/hugo-semantics-2.md`` §1), each test saying which version it follows.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from conftest import site_files, sphinx_build, warnings_of, write_tree
from hugo_tree import load_pages
from sphinx_comparisons.hugo import globs, golayout, permalink_tokens, permalinks, siteconfig
from sphinx_comparisons.hugo.content import Page

FIXTURE = Path(__file__).parent / "fixtures" / "permalinks-blog"


def hugo() -> dict:
    return json.loads((FIXTURE / "expected.json").read_text(encoding="utf-8"))


def hugo_urls() -> dict[str, str]:
    return {p["path"]: unquote(p["url"]) for p in hugo()["pages"] if p.get("path")}


def rules_of(value) -> permalinks.Permalinks:
    rules, problems = permalinks.from_config(value)
    assert problems == []
    return rules


def url_of(rules, path: str, params: dict, others: tuple[str, ...] = ()) -> str:
    pages = [Page(p, p, {}) for p in others] + [Page(path, path, params)]
    return permalinks.page_url(pages[-1], rules, permalink_tokens.sections_of(pages))


def test_core_urls_match_hugo():
    pages = load_pages(FIXTURE / "content")
    config = siteconfig.load([FIXTURE / "hugo.toml"])
    rules = rules_of(config.get("permalinks"))
    sections = permalink_tokens.sections_of(pages)
    ours = {page.path: permalinks.page_url(page, rules, sections) for page in pages}
    expected = hugo_urls()
    assert {path: ours[path] for path in expected} == expected


def test_docsy_blog_builds_at_hugo_urls_with_its_aliases(tmp_path):
    """Posts, sections and aliases (absolute and relative to the new URL) where Hugo puts them;
    the Docsy pattern's ``:slugorcontentbasename`` is current Hugo (v0.144)."""
    out = tmp_path / "out"
    result = sphinx_build(FIXTURE / "content", out, "-b", "dirhtml")
    assert result.returncode == 0, result.stderr
    assert warnings_of(result.stderr) == []
    expected_files = {path for path in hugo()["files"] if path.endswith(".html")}
    assert site_files(out) == expected_files
    hugo_aliases = {
        "/" + path.removesuffix("index.html"): re.search(r'rel="canonical" href="([^"]+)"', text)[1]
        for path, text in hugo()["files"].items()
        if 'http-equiv="refresh"' in text
    }
    listing = json.loads((out / "redirects.json").read_text())
    ours = {r["from"]: unquote(r["to"]) for r in listing}
    # the blog lists' page-1 aliases: Hugo writes them with the oracle's --all-kinds only
    assert {url: to for url, to in ours.items() if not url.endswith("/page/1/")} == hugo_aliases
    assert ours["/blog/page/1/"] == "/blog/"
    # each alias page leads to the post's new address
    first = (out / "blog/2023/03/05/old-first/index.html").read_text()
    assert 'url=../first-post/"' in first
    assert 'href="../31/my-slug/"' in (out / "blog/2023/12/rel-up/index.html").read_text()


@pytest.mark.parametrize(
    ("pattern", "path", "params", "expected"),
    [
        # dates: .Date (date, then publishDate, then lastmod), in the date's own zone
        ("/:year/:month/:day/", "p/a.md", {"date": "2023-12-31T23:30:00-05:00"}, "/2023/12/31/"),
        ("/:year/:month/:day/", "p/a.md", {"publishdate": "2022-07-04"}, "/2022/07/04/"),
        ("/:year/:month/:day/", "p/a.md", {"lastmod": "2019-06-30"}, "/2019/06/30/"),
        (
            "/:year/:monthname/:weekday/:weekdayname/:yearday/",
            "p/a.md",
            {},
            "/1/january/1/monday/1/",
        ),
        ("/:year/:yearday/", "p/a.md", {"date": "2024-12-31"}, "/2024/366/"),
        # Go layouts for any other word
        (
            "/:2006/:Jan/:Mon/:02/:15h:04/",
            "p/a.md",
            {"date": "2021-08-03T05:06:07Z"},
            "/2021/aug/tue/03/05h06/",
        ),
        # names
        ("/:title/", "p/a.md", {"title": "Hello World! Ça va?"}, "/hello-world-ça-va/"),
        ("/:slug/", "p/a.md", {"title": "T T", "slug": "--My Slug--"}, "/my-slug/"),
        ("/:slug/", "p/a.md", {"title": "T T"}, "/t-t/"),
        ("/:filename/", "p/My_File Name.md", {}, "/my_file-name/"),
        ("/:filename/", "p/b/index.md", {}, "/b/"),
        ("/:slugorfilename/", "p/Some File.md", {"slug": "s"}, "/s/"),
        ("/:section/:sections/", "p/x/y/deep.md", {}, "/p/p/x/"),
        # a pattern with no token is used as written; no leading slash, no trailing slash
        ("fixed", "p/a.md", {}, "/fixed/"),
        ("/:slug.html", "p/a.md", {"title": "N"}, "/n.html/"),
        # current Hugo (v0.144): the content base name
        ("/:contentbasename/", "p/My File.md", {"slug": "s"}, "/my-file/"),
        ("/:slugorcontentbasename/", "p/b/index.md", {}, "/b/"),
        ("/:slugorcontentbasename/", "p/b/index.md", {"slug": "S l"}, "/s-l/"),
        # current Hugo (v0.136): \: is a colon; (a colon is no file name on Windows: refused later)
        ("/a\\:b/", "p/a.md", {}, "/ab/"),
    ],
)
def test_tokens(pattern, path, params, expected):
    others = ("p/x/_index.md",)
    assert url_of(rules_of({"p": pattern}), path, params, others) == expected


@pytest.mark.parametrize(
    ("part", "expected"),
    [
        ("[0]", "/docs/"),
        ("[1:]", "/a/b/"),
        ("[:2]", "/docs/a/"),
        ("[last]", "/b/"),
        # current Hugo's lenient slices (0.111.3 panics out of range): an index past the end is
        # nothing, an end past it the rest, a word or a negative number 0
        ("[7]", "/"),
        ("[2:9]", "/b/"),
        ("[7:]", "/"),
        ("[-1]", "/docs/"),
        ("[x:1]", "/docs/"),
        ("[ 1 : 2 ]", "/"),
    ],
)
def test_sections_slices(part, expected):
    others = ("docs/_index.md", "docs/a/_index.md", "docs/a/b/_index.md")
    rules = rules_of({"docs": f"/:sections{part}"})
    assert url_of(rules, "docs/a/b/page.md", {}, others) == expected


def test_per_kind_maps_move_sections_too():
    """Current Hugo (v0.115): ``permalinks.page``/``section``; the plain form moves pages only."""
    rules = rules_of(
        {"page": {"/docs/": "/:sections[1:]/:slug/"}, "section": {"docs": "/:sections[1:]"}}
    )
    others = ("docs/_index.md", "docs/a/_index.md")
    assert url_of(rules, "docs/a/_index.md", {"title": "A"}, others) == "/a/"
    assert url_of(rules, "docs/_index.md", {"title": "Docs"}, others) == "/"
    assert url_of(rules, "docs/a/x.md", {"title": "X Y"}, others) == "/a/x-y/"
    plain = rules_of({"docs": "/d/:slug/"})
    assert url_of(plain, "docs/a/_index.md", {"title": "A"}, others) == "/docs/a/"


def test_url_front_matter_wins_and_slug_is_a_token_only():
    rules = rules_of({"blog": "/:section/:year/:slug/"})
    dated = {"date": "2020-05-01", "title": "T"}
    assert url_of(rules, "blog/a.md", {**dated, "url": "/Custom/Place/"}) == "/Custom/Place/"
    # current Hugo (v0.131): tokens inside url are expanded
    assert url_of(rules, "blog/a.md", {**dated, "url": "/x/:year/"}) == "/x/2020/"
    assert url_of(rules, "blog/a.md", {**dated, "slug": "s"}) == "/blog/2020/s/"
    # the root and other sections keep Hugo's usual URLs
    assert url_of(rules, "about.md", {"slug": "s"}) == "/s/"
    assert url_of(rules, "docs/a.md", dated) == "/docs/a/"


def test_section_names_match_without_case():
    """Current Hugo matches lowercased paths; 0.111.3 left a section ``Notes/`` unmoved."""
    assert url_of(rules_of({"Notes": "/n/:slug/"}), "Notes/a.md", {"title": "A"}) == "/n/a/"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"blog": "/:year/:nope/"}, "unknown token ':nope'"),
        ({"blog": "/:Year/"}, "unknown token ':Year'"),  # names are case-sensitive
        ({"blog": "/:nope[x]/"}, "unknown token ':nope[x]'"),
        ({"blog": ["/a/"]}, "is not a string"),
        ({"blog": 3}, "is not a string"),
        ({"pages": {"blog": "/a/"}}, "kind 'pages' is not one Hugo supports"),
        ({"page": {"blog": {"x": 1}}}, "is not a string"),
        ({"blog": "/:" + "a" * 2000}, "longer than"),
        ("/:year/", "is neither a mapping nor a list of rules"),
        ([{"target": {"kind": "page"}}], "a rule is a mapping with a 'pattern'"),
        (["/a/"], "a rule is a mapping with a 'pattern'"),
        ([{"pattern": "/a/", "target": "page"}], "'target' is not a mapping"),
        ([{"pattern": "/a/", "target": {"kind": "pages"}}], "target kind 'pages'"),
        ([{"pattern": "/a/", "target": {"path": "/{a,b"}}], "path glob '/{a,b' is malformed"),
        ([{"pattern": "/a/", "target": {"path": "/[ab"}}], "malformed"),
    ],
)
def test_malformed_entries_are_refused(value, message):
    rules, problems = permalinks.from_config(value)
    assert len(problems) == 1 and message in problems[0].message
    assert rules.rules == ()


def test_rule_list_first_match_wins():
    """Current Hugo (v0.161): an ordered list of rules, each with an optional kind and path
    glob; the first that matches the page gives its pattern."""
    rules = rules_of(
        [
            {"pattern": "/x/:slug/", "target": {"kind": "page", "path": "/docs/{a,b}/**"}},
            {"pattern": "/top/:slug/", "target": {"kind": "Page", "path": "/Docs/*"}},
            {"pattern": "/s/:sections[last]/", "target": {"kind": "section"}},
            {"pattern": "/any/:filename/"},
        ]
    )
    others = ("docs/_index.md", "docs/a/_index.md", "blog/_index.md")
    assert url_of(rules, "docs/a/deep/p.md", {"title": "P"}, others) == "/x/p/"
    assert url_of(rules, "docs/p.md", {"title": "P"}, others) == "/top/p/"
    assert url_of(rules, "docs/a/_index.md", {"title": "A"}, others) == "/s/a/"
    assert url_of(rules, "blog/q.md", {"title": "Q"}, others) == "/any/q/"
    assert url_of(rules, "_index.md", {"title": "Home"}, others) == "/"  # home: never moved


@pytest.mark.parametrize(
    ("glob", "path", "expected"),
    [
        ("/docs/*", "/docs/a", True),
        ("/docs/*", "/docs/a/b", False),
        ("/docs/**", "/docs/a/b", True),
        ("/{docs,docs/**}", "/docs", True),
        ("/{a,b{c,d}}/x", "/bd/x", True),
        ("/p?ge", "/page", True),
        ("/[abc]x", "/bx", True),
        ("/[!abc]x", "/bx", False),
        ("/a\\*", "/a*", True),
        ("/a\\*", "/ab", False),
        ("*" * 40 + "b", "a" * 1000, False),  # linear time: no backtracking
    ],
)
def test_path_globs(glob, path, expected):
    compiled = globs.compile_glob(glob)
    assert compiled is not None and compiled.match(path) is expected


@pytest.mark.parametrize("glob", ["/{a", "/a}", "/[a", "/" + "{a,b}" * 7, "/x" * 200])
def test_malformed_globs(glob):
    assert globs.compile_glob(glob) is None


def test_section_slugs():
    """Current Hugo (v0.149): each section level's slug, else its title."""
    pages = [
        Page("docs/_index", "docs/_index.md", {"title": "The Docs"}),
        Page("docs/a/_index", "docs/a/_index.md", {"title": "A", "slug": "--Ay--"}),
        Page("docs/a/p", "docs/a/p.md", {"title": "P"}),
    ]
    sections = permalink_tokens.sections_of(pages)
    rules = rules_of({"docs": "/:sectionslug/:sectionslugs/:sectionslugs[1:]/"})
    assert permalinks.page_url(pages[2], rules, sections) == "/the-docs/the-docs/ay/ay/"


def test_go_layouts_follow_go():
    date = dt.datetime(2021, 8, 3, 15, 4, 5, tzinfo=dt.UTC)
    assert golayout.format(date, "Monday_2006") == "Tuesday_2021"
    assert golayout.format(date, "Month") == "Month"  # 'Mon' before a lower-case letter is text
    assert golayout.format(date, "3PM") == "3PM"
    assert golayout.is_layout("Jan") and not golayout.is_layout("slugs")


def test_bad_entries_warn_at_their_line_and_pages_keep_their_urls(tmp_path):
    site = write_tree(
        tmp_path / "site",
        {
            "hugo.toml": (
                'title = "S"\n[permalinks]\nblog = "/:year/:nope/"\n'
                'news = "/n/:slug/"\n[permalinks.pages]\nx = "/y/"\n'
            ),
            "content/_index.md": "---\ntitle: Home\n---\n",
            "content/blog/_index.md": "---\ntitle: Blog\n---\n",
            "content/blog/a.md": "---\ntitle: A\ndate: 2020-01-01\n---\ntext\n",
            "content/news/_index.md": "---\ntitle: News\n---\n",
            "content/news/b.md": "---\ntitle: <script>alert(1)</script> B\n---\ntext\n",
        },
    )
    out = tmp_path / "out"
    result = sphinx_build(site / "content", out, "-b", "dirhtml")
    assert result.returncode == 0, result.stderr
    warnings = warnings_of(result.stderr)
    assert len(warnings) == 2, warnings
    assert (
        "hugo.toml:3: WARNING: permalinks.blog: pattern '/:year/:nope/' has the unknown"
        in (warnings[0])
    )
    assert warnings[0].endswith("[hugo.siteconfig]")
    assert "hugo.toml:5:" in warnings[1] and "kind 'pages'" in warnings[1]
    assert "blog/a/index.html" in site_files(out)
    # as Hugo 0.111.3: the title's '/' makes a level, '<', '>' and '()' are dropped
    assert "n/scriptalert1/script-b/index.html" in site_files(out)
