"""RSS feeds, sitemap.xml and robots.txt, compared with Hugo's (the oracle's ``--all-kinds
--files`` output for tests/fixtures/blog/), parsed with a maintained feed parser."""

from __future__ import annotations

import json
import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from tests.conftest import soup, sphinx_build, warnings_of, write_tree

BLOG = Path(__file__).parent / "fixtures" / "blog"
EXPECTED = json.loads((BLOG / "hugo-expected.json").read_text(encoding="utf-8"))["files"]
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
#: Hugo 0.111.3 leaves the date of the term written ``<b>Bold</b> & Co`` zero (no
#: ``lastBuildDate``, no sitemap ``lastmod``) though its pages are dated; every other term
#: is dated by its newest page, and so is this one here.
UNDATED_TERM = "tags/bbold/b-co/"


def _feeds(files) -> set[str]:
    return {name for name in files if name.endswith("index.xml")}


def _items(text: str) -> list[tuple[str, str, str, str, str]]:
    parsed = feedparser.parse(text)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return [(e.title, e.link, e.id, e.published, e.summary) for e in parsed.entries]


@pytest.fixture(scope="module")
def blog(tmp_path_factory):
    """The fixture built as Hugo 0.111.3 summarises (``sentence``), with two processes."""
    root = tmp_path_factory.mktemp("blog")
    shutil.copytree(BLOG, root, dirs_exist_ok=True)
    out = root / "out"
    args = ("-b", "dirhtml", "-j", "2", "-D", "hugo_base_url=https://example.org/")
    result = sphinx_build(root / "content", out, *args, "-D", "hugo_summary_rule=sentence")
    assert result.returncode == 0, result.stderr
    return root, out


def test_every_feed_hugo_writes_is_written_with_its_items_in_order(blog):
    _, out = blog
    ours = {str(p.relative_to(out)) for p in out.rglob("index.xml")}
    assert _feeds(EXPECTED) == _feeds(ours)
    for name in sorted(_feeds(EXPECTED)):
        theirs = feedparser.parse(EXPECTED[name])
        mine = feedparser.parse((out / name).read_text(encoding="utf-8"))
        assert mine.feed.title == theirs.feed.title, name
        assert mine.feed.link == theirs.feed.link, name
        if name != UNDATED_TERM + "index.xml":
            assert mine.feed.get("updated") == theirs.feed.get("updated"), name
        # titles, links, guids, RFC 1123 dates with their zone, and summaries (0.111.3's
        # sentence rule, escaped once: <p>...</p> of a manual summary)
        mine_items, their_items = (
            _items((out / name).read_text(encoding="utf-8")),
            _items(EXPECTED[name]),
        )
        if name == "tags/index.xml":  # the undated term sorts last in Hugo's, first here
            undated = "https://example.org/" + UNDATED_TERM
            mine_items = [i for i in mine_items if i[1] != undated]
            their_items = [i for i in their_items if i[1] != undated]
        assert mine_items == their_items, name


def test_the_future_post_is_in_no_feed(blog):
    _, out = blog
    assert "next-year" not in (out / "index.xml").read_text(encoding="utf-8")


def test_the_sitemap_lists_hugo_s_pages_with_their_lastmod(blog):
    _, out = blog

    def entries(text):
        root = ET.fromstring(text.encode())
        return {
            u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod")
            for u in root.iter(f"{SITEMAP}url")
        }

    theirs = entries(EXPECTED["sitemap.xml"])
    mine = entries((out / "sitemap.xml").read_text(encoding="utf-8"))
    assert mine.pop("https://example.org/" + UNDATED_TERM) == "2024-07-04T00:00:00+00:00"
    assert theirs.pop("https://example.org/" + UNDATED_TERM) is None
    assert mine == theirs


def test_links_to_feeds_and_sitemap_resolve_and_robots_txt_is_written(tmp_path):
    src = write_tree(
        tmp_path / "site",
        {
            "hugo.toml": 'title = "S"\nenableRobotsTXT = true\n',
            "content/_index.md": "---\ntitle: S\n---\n[feed](/index.xml) [map](/sitemap.xml)\n"
            "[blog feed](/blog/index.xml)\n",
            "content/blog/_index.md": "---\ntitle: Blog\n---\n",
            "content/blog/a.md": "---\ntitle: A\ndate: 2024-01-02\n---\nText.\n",
        },
    )
    result = sphinx_build(src / "content", tmp_path / "out", "-b", "dirhtml")
    assert warnings_of(result.stderr) == []
    assert (tmp_path / "out" / "robots.txt").read_text() == "User-agent: *\n"
    # no base URL: links are site paths, said once in the log
    assert "<link>/blog/a/</link>" in (tmp_path / "out" / "blog" / "index.xml").read_text()


def test_outputs_rss_limit_and_an_incremental_edit(tmp_path):
    """The site's ``outputs`` drops section feeds, a page's ``outputs`` brings one back,
    ``rssLimit`` caps items; an edit that removes a section removes its feed."""
    src = write_tree(
        tmp_path / "site",
        {
            "hugo.toml": 'title = "S"\nrssLimit = 1\n[outputs]\nsection = ["HTML"]\n',
            "content/_index.md": "---\ntitle: S\n---\n",
            "content/a/_index.md": "---\ntitle: A\n---\n",
            "content/a/one.md": "---\ntitle: One\ndate: 2024-01-01\n---\nOne.\n",
            "content/b/_index.md": "---\ntitle: B\noutputs: [html, rss]\n---\n",
            "content/b/two.md": "---\ntitle: Two\ndate: 2024-02-01\n---\nTwo.\n",
        },
    )
    out = tmp_path / "out"
    args = ("-b", "dirhtml", "-D", "hugo_base_url=https://example.org")
    assert sphinx_build(src / "content", out, *args).returncode == 0
    assert not (out / "a" / "index.xml").exists()
    assert [e.title for e in feedparser.parse((out / "index.xml").read_text()).entries] == ["Two"]
    assert (out / "b" / "index.xml").is_file()
    shutil.rmtree(src / "content" / "b")
    (src / "content" / "a" / "one.md").write_text("---\ntitle: One again\ndate: 2024-03-01\n---\n")
    assert sphinx_build(src / "content", out, *args).returncode == 0
    assert not (out / "b" / "index.xml").exists()
    assert [e.title for e in feedparser.parse((out / "index.xml").read_text()).entries] == [
        "One again"
    ]


def test_malformed_front_matter_and_html_in_titles_are_escaped_once(tmp_path):
    src = write_tree(
        tmp_path / "site",
        {
            "hugo.toml": 'title = "S & <i>co</i>"\n[frontmatter]\ndate = 3\n',
            "content/_index.md": "---\ntitle: S\n---\n",
            "content/p.md": "---\ntitle: <script>x</script> & y\ndate: not a date\n"
            "summary: [1, 2]\nsitemap: {priority: 7, changefreq: sometimes}\n---\nBody.\n",
        },
    )
    out = tmp_path / "out"
    result = sphinx_build(src / "content", out, "-b", "dirhtml")
    assert result.returncode == 0
    assert any("frontmatter.date" in w for w in warnings_of(result.stderr))
    text = (out / "index.xml").read_text()
    assert "&lt;script&gt;x&lt;/script&gt; &amp; y" in text and "<script>" not in text
    assert "Mon, 01 Jan 0001 00:00:00 +0000" in text  # no date: Hugo's zero time
    parsed = feedparser.parse(text)
    assert not parsed.bozo and parsed.entries[0].summary == "<p>Body.</p>"
    sitemap = (out / "sitemap.xml").read_text()
    assert "priority" not in sitemap and "changefreq" not in sitemap


NESTED = Path(__file__).parent / "fixtures" / "feeds"


def test_nested_sections_summaries_date_rules_and_sitemap_settings_as_hugo(tmp_path):
    """A section's feed holds its own regular pages (and a plain folder's), not its
    sub-sections'; ``summaryLength``, a front matter summary, an inline ``<!--more-->``;
    a ``:filename`` date and slug; site and page ``sitemap`` settings. ``sitemap.disable``
    is current Hugo's (0.111.3 warns "Unknown Sitemap field"): that page is left out here."""
    expected = json.loads((NESTED / "hugo-expected.json").read_text(encoding="utf-8"))["files"]
    shutil.copytree(NESTED, tmp_path, dirs_exist_ok=True)
    out = tmp_path / "out"
    args = ("-b", "dirhtml", "-D", "hugo_base_url=https://example.org/")
    result = sphinx_build(tmp_path / "content", out, *args, "-D", "hugo_summary_rule=sentence")
    assert result.returncode == 0 and warnings_of(result.stderr) == [], result.stderr
    ours = {str(p.relative_to(out)) for p in out.rglob("index.xml")}
    assert _feeds(ours) == _feeds(expected)  # with the empty /tags/ and /categories/ feeds
    for name in _feeds(expected):
        mine = (out / name).read_text(encoding="utf-8")
        assert feedparser.parse(mine).feed.title == feedparser.parse(expected[name]).feed.title
        assert _items(mine) == _items(expected[name]), name
    assert (out / "robots.txt").read_text() == expected["robots.txt"].strip() + "\n"

    def entries(text):
        return {
            u.findtext(f"{SITEMAP}loc"): tuple(
                u.findtext(f"{SITEMAP}{f}") for f in ("lastmod", "changefreq", "priority")
            )
            for u in ET.fromstring(text.encode()).iter(f"{SITEMAP}url")
        }

    theirs = {
        loc: fields
        for loc, fields in entries(expected["sitemap.xml"]).items()
        if not loc.endswith("/docs/hidden/")
    }
    assert entries((out / "sitemap.xml").read_text(encoding="utf-8")) == theirs


def test_git_author_date_is_lastmod_with_enable_git_info(tmp_path):
    """``enableGitInfo``: ``:git`` (first in lastmod's default rules) gives the sitemap the
    last commit's author date; the front matter's ``lastmod`` comes after it."""
    import subprocess

    src = write_tree(
        tmp_path / "site",
        {
            "hugo.toml": 'title = "S"\nenableGitInfo = true\n',
            "content/_index.md": "---\ntitle: S\n---\n",
            "content/a.md": "---\ntitle: A\nlastmod: 2001-01-01\n---\nText.\n",
        },
    )
    when = "2022-03-04T05:06:07+01:00"
    env = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-C", str(src)]
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "pages"]):
        subprocess.run([*git, *args], check=True, env={**os.environ, **env})
    out = tmp_path / "out"
    assert sphinx_build(src / "content", out, "-b", "dirhtml").returncode == 0
    assert "<lastmod>2022-03-04T05:06:07+01:00</lastmod>" in (out / "sitemap.xml").read_text()


INLINE = Path(__file__).parent / "fixtures" / "summaries-inline"


def test_inline_markup_in_summaries_is_hugos_and_goes_through_the_allow_list(tmp_path):
    """Manual summaries with emphasis, strong, code, an external link: the feed's description
    is Hugo's HTML (whitespace aside). Raw HTML and a ``javascript:`` link stay out (the
    oracle renders unsafe HTML; a build here does not, as Hugo's default). A blog list
    shows the same markup."""
    expected = json.loads((INLINE / "hugo-expected.json").read_text(encoding="utf-8"))["files"]
    out = tmp_path / "out"
    args = ("-b", "dirhtml", "-D", "hugo_base_url=https://example.org/")
    result = sphinx_build(INLINE / "content", out, *args, "-D", "hugo_blog_sections=posts")
    assert result.returncode == 0, result.stderr
    assert sorted(w.rsplit("[", 1)[1] for w in warnings_of(result.stderr)) == [
        "hugo.link_scheme]",
        "hugo.raw_html]",
    ]

    def summaries(text: str) -> dict[str, str]:
        return {e.title: " ".join(e.summary.split()) for e in feedparser.parse(text).entries}

    ours = summaries((out / "posts" / "index.xml").read_text(encoding="utf-8"))
    theirs = summaries(expected["posts/index.xml"])
    for title in ("Marked", "Inline more"):
        assert ours[title] == theirs[title], title
    assert ours["Unsafe"] == "<p>A raw span and a script link here.</p>"
    listed = soup(out / "posts" / "index.html").select("div.hugo-post-summary")
    marked = listed[0]
    assert [tag.name for tag in marked.p.find_all(True)] == ["em", "strong", "code", "a"]
    assert marked.a["href"] == "https://example.com/a?b=1&c=2"
    assert listed[1].select("span, a") == []


def test_the_summary_allow_list_links_only_other_sites_and_stops_at_a_depth():
    from docutils import nodes

    from sphinx_comparisons.feeds.summary import inline_html

    def link(uri: str) -> nodes.reference:
        return nodes.reference("", "x", refuri=uri)

    refused = ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>", "vbscript:x"]
    assert [inline_html([link(uri)]) for uri in refused] == ["x"] * len(refused)
    assert inline_html([link('https://a.example/"><script>')]) == (
        '<a href="https://a.example/&quot;&gt;&lt;script&gt;">x</a>'
    )
    assert inline_html([link("/docs/inside/")]) == "x"  # resolved only when written: text
    deep: nodes.Element = nodes.emphasis("", "<core>")
    for _ in range(300):  # docutils itself (astext) recurses; MyST never nests this deep
        deep = nodes.emphasis("", "", deep)
    shown = inline_html([deep])
    assert shown.count("<em>") == 20 and "&lt;core&gt;" in shown
