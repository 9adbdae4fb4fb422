"""Blog sections' lists (``hugo/bloglists.py``, ``lists/blog.py``): newest first, paginated at
Hugo's addresses, with summaries, and each post's older and newer neighbour. Hugo's answers are
the oracle's for tests/fixtures/blog (its ``hugo-expected.json``: a ``type: blog`` section's list
prints ``.Paginator.Pages``) and for Docsy's own site (``fixtures/docsy-blog.json``)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest

from conftest import SHARED, needs_shared, soup, sphinx_build, warnings_of, write_tree

FIXTURE = Path(__file__).parent / "fixtures" / "blog"
EXPECTED = json.loads((FIXTURE / "hugo-expected.json").read_text())["files"]
DOCSY = SHARED / "corpus" / "docsy" / "content" / "en"
DOCSY_EXPECTED = json.loads((Path(__file__).parent / "fixtures" / "docsy-blog.json").read_text())
ITEM = re.compile(r"<li>([^<]*)</li>")
REFRESH = re.compile(r'http-equiv="refresh" content="0; url=([^"]+)"')


def hugo_pages(files: dict[str, str], folder: str) -> list[str]:
    """The URLs Hugo's blog list template printed on one page of a list, in order."""
    return [item.replace("&#43;", "+") for item in ITEM.findall(files[folder + "index.html"])]


def _path(folder: str, href: str) -> str:
    return unquote(urljoin(f"https://x.org/{folder}", href)).removeprefix("https://x.org")


def our_posts(out: Path, folder: str) -> list[str]:
    """The URL path of each post our list shows on a page, links resolved as a browser does."""
    page = soup(out / folder / "index.html")
    return [_path(folder, a["href"]) for a in page.select("div.hugo-list-blog article h3 a")]


def pagers(files: dict[str, str], section: str) -> list[str]:
    """The folders of a paginated list's pages Hugo wrote, page 1 first (not the alias)."""
    numbered = sorted(
        int(m.group(1))
        for name in files
        if (m := re.fullmatch(re.escape(section) + r"page/(\d+)/index\.html", name))
    )
    return [section] + [f"{section}page/{n}/" for n in numbered if n > 1]


@pytest.fixture(scope="module")
def dirhtml(tmp_path_factory):
    out = tmp_path_factory.mktemp("blog") / "out"
    result = sphinx_build(FIXTURE / "content", out, "-b", "dirhtml")
    assert result.returncode == 0, result.stderr
    return out, warnings_of(result.stderr)


def test_each_page_of_the_blog_list_holds_hugos_posts_in_order(dirhtml):
    out, warnings = dirhtml
    folders = pagers(EXPECTED, "blog/")
    assert folders == ["blog/", "blog/page/2/", "blog/page/3/"]
    for folder in folders:
        assert our_posts(out, folder) == hugo_pages(EXPECTED, folder), folder
    assert not (out / "blog" / "page" / "4").exists()
    assert warnings == []


def test_page_one_redirects_to_the_list_and_the_pager_links_every_page(dirhtml):
    out, _ = dirhtml
    target = REFRESH.search((out / "blog" / "page" / "1" / "index.html").read_text()).group(1)
    assert _path("blog/page/1/", target) == "/blog/"
    second = soup(out / "blog" / "page" / "2" / "index.html").select_one("nav.hugo-pager")
    links = [(a.get_text(strip=True), _path("blog/page/2/", a["href"])) for a in second("a")]
    assert links == [
        ("‹ Previous", "/blog/"),
        ("1", "/blog/"),
        ("3", "/blog/page/3/"),
        ("Next ›", "/blog/page/3/"),
    ]
    assert second.select_one('[aria-current="page"]').get_text() == "2"


def test_posts_show_date_summary_and_read_more_only_when_cut(dirhtml):
    out, _ = dirhtml
    posts = soup(out / "blog" / "page" / "2" / "index.html").select("article.hugo-post")
    by_title = {post.h3.get_text(): post for post in posts}
    fair = by_title["The summer fair"]  # a <!--more--> summary: cut, so "Read more"
    assert fair.select_one(".hugo-post-summary").get_text(strip=True) == "We will be at the fair."
    assert fair.select_one(".hugo-read-more a").get_text() == "Read more"
    assert by_title["A night walk"].select_one("time")["datetime"] == "2024-05-20"
    assert by_title["A night walk"].select(".hugo-read-more") == []
    years = soup(out / "blog" / "index.html").select("h2.hugo-post-year")
    assert [h.get_text() for h in years] == ["2024"]


def test_a_post_links_its_older_and_newer_neighbour_as_hugos_prev_next_in_section(dirhtml):
    """``.PrevInSection`` is the older post (the next one down Hugo's newest-first list),
    ``.NextInSection`` the newer one (checked with the oracle)."""
    out, _ = dirhtml
    ordered = [url for f in pagers(EXPECTED, "blog/") for url in hugo_pages(EXPECTED, f)]
    for i, url in enumerate(ordered):
        folder = url.strip("/") + "/"
        nav = soup(out / folder / "index.html").select_one("nav.hugo-post-pager")
        shown = {a["rel"][0]: _path(folder, a["href"]) for a in nav("a")}
        expected = {}
        if i + 1 < len(ordered):
            expected["prev"] = ordered[i + 1]
        if i > 0:
            expected["next"] = ordered[i - 1]
        assert shown == expected, url
    docs = soup(out / "docs" / "safety" / "index.html")
    assert docs.select("nav.hugo-post-pager") == []  # not a blog: no post pager


def test_links_to_the_lists_pages_resolve(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(FIXTURE, site)
    page = site / "content" / "docs" / "safety.md"
    page.write_text(
        page.read_text()
        + "\nOlder [posts](/blog/page/2/), [more](/blog/page/3/), [first](/blog/page/1/).\n"
    )
    out = tmp_path / "out"
    result = sphinx_build(site / "content", out, "-b", "dirhtml")
    assert result.returncode == 0 and warnings_of(result.stderr) == [], result.stderr
    links = soup(out / "docs" / "safety" / "index.html").select("section a.reference")
    assert [_path("docs/safety/", a["href"]) for a in links] == [
        "/blog/page/2/",
        "/blog/page/3/",
        "/blog/",
    ]


def _blog(tmp_path: Path, config: str, posts: int = 4, extra: dict[str, str] | None = None):
    files = {
        "hugo.toml": f'baseURL = "https://example.org/"\ntitle = "T"\n{config}',
        "content/_index.md": "---\ntitle: Home\n---\n",
        "content/blog/_index.md": "---\ntitle: News\n---\n",
        **{
            f"content/blog/p{i}.md": f"---\ntitle: Post {i}\ndate: 2024-01-{i:02}\n---\nBody {i}.\n"
            for i in range(1, posts + 1)
        },
        **(extra or {}),
    }
    return write_tree(tmp_path / "site", files)


@pytest.mark.parametrize(
    ("config", "problem"),
    [
        ("paginate = 0\n", "paginate must be a whole number above 0"),
        ('paginate = "three"\n', "paginate must be a whole number above 0"),
        ("[pagination]\npagerSize = -2\n", "pagination.pagersize must be a whole number"),
        ('paginatePath = "../up"\n', "paginatepath must be a folder name"),
        ('[pagination]\npath = "/etc/x/.."\n', "pagination.path must be a folder name"),
    ],
)
def test_a_bad_pagination_setting_is_reported_and_hugos_default_used(tmp_path, config, problem):
    site = _blog(tmp_path, config, posts=12)
    out = tmp_path / "out"
    result = sphinx_build(site / "content", out, "-b", "dirhtml")
    found = [w for w in warnings_of(result.stderr) if problem in w]
    assert result.returncode == 0 and len(found) == 1, result.stderr
    assert "hugo.toml:" in found[0] and "[hugo.siteconfig]" in found[0]
    assert len(our_posts(out, "blog/")) == 10 and len(our_posts(out, "blog/page/2/")) == 2
    assert not (tmp_path / "up").exists() and not (out.parent / "up").exists()


def test_pagination_settings_and_a_section_named_in_conf_py(tmp_path):
    """``pagination.pagerSize`` and ``pagination.path`` (current Hugo); a ``news`` folder listed
    by ``hugo_blog_sections``; a ``docs`` section is no blog."""
    extra = {
        "content/news/_index.md": "---\ntitle: News room\n---\n",
        "content/news/a.md": "---\ntitle: A\ndate: 2023-05-01\n---\nA.\n",
        "content/news/b.md": "---\ntitle: B\ndate: 2023-06-01\n---\nB.\n",
        "content/docs/_index.md": "---\ntitle: Docs\n---\n",
        "content/docs/x.md": "---\ntitle: X\ndate: 2023-06-01\n---\nX.\n",
    }
    site = _blog(tmp_path, '[pagination]\npagerSize = 1\npath = "seite"\n', 2, extra)
    out = tmp_path / "out"
    args = ("-b", "dirhtml", "-D", "hugo_blog_sections=news")
    result = sphinx_build(site / "content", out, *args)
    assert result.returncode == 0 and warnings_of(result.stderr) == [], result.stderr
    assert our_posts(out, "blog/") == ["/blog/p2/"]
    assert our_posts(out, "blog/seite/2/") == ["/blog/p1/"]
    assert our_posts(out, "news/") == ["/news/b/"] and our_posts(out, "news/seite/2/") == [
        "/news/a/"
    ]
    assert not (out / "docs" / "seite").exists()
    assert soup(out / "docs" / "index.html").select("div.hugo-list-blog") == []


def test_html_in_author_summary_and_titles_is_text(tmp_path):
    post = (
        "---\ntitle: '<img src=x onerror=alert(1)>'\ndate: 2024-02-01\n"
        "author: '[Ann](https://ann.example) <script>alert(2)</script>'\n"
        "summary: '<b onclick=alert(3)>bold</b>'\n---\nBody.\n"
    )
    site = _blog(tmp_path, "", 1, {"content/blog/evil.md": post})
    out = tmp_path / "out"
    result = sphinx_build(site / "content", out, "-b", "dirhtml")
    assert result.returncode == 0, result.stderr
    listed = soup(out / "blog" / "index.html").select_one("div.hugo-list-blog")
    assert listed.select("script, img, b") == []
    evil = listed.select("article")[0]
    meta = evil.select_one(".hugo-post-meta").get_text()
    assert meta.startswith("By Ann <script>alert(2)</script> |")
    byline = soup(out / "blog" / "evil" / "index.html").select_one("p.hugo-post-meta")
    assert byline.get_text() == "By Ann <script>alert(2)</script> | Thursday, February 01, 2024"
    assert byline.select("script") == []
    assert evil.select_one(".hugo-post-summary").get_text() == "<b onclick=alert(3)>bold</b>"
    assert "[Ann]" not in listed.get_text()


def test_editing_a_post_rewrites_the_lists_and_its_neighbours(tmp_path):
    """A post's new text is its new summary on the blog list and on a term page of its own
    document (``tags/lamps/_index.md``, which lists the post without a toctree to it)."""
    term = {"content/tags/lamps/_index.md": "---\ntitle: All about lamps\n---\nIntro.\n"}
    site = _blog(tmp_path, "", 3, term)
    two = site / "content" / "blog" / "p2.md"
    two.write_text(two.read_text().replace("date:", "tags: [Lamps]\ndate:"))
    out = tmp_path / "out"
    assert sphinx_build(site / "content", out, "-b", "dirhtml").returncode == 0
    two.write_text(two.read_text().replace("Body 2.", "A new body."))  # the text only
    assert sphinx_build(site / "content", out, "-b", "dirhtml").returncode == 0
    posts = soup(out / "blog" / "index.html").select("article.hugo-post")
    assert posts[1].select_one(".hugo-post-summary").get_text() == "A new body."
    listed = soup(out / "tags" / "lamps" / "index.html").select_one("ul.hugo-list")
    assert listed.select_one(".hugo-list-summary").get_text() == "A new body."
    two.write_text(two.read_text().replace("title: Post 2", "title: Post two, renamed"))
    (site / "content" / "blog" / "p4.md").write_text(
        "---\ntitle: Post 4\ndate: 2024-01-04\n---\nBody 4.\n"
    )
    result = sphinx_build(site / "content", out, "-b", "dirhtml")
    assert result.returncode == 0, result.stderr
    posts = soup(out / "blog" / "index.html").select("article.hugo-post")
    assert [p.h3.get_text() for p in posts] == ["Post 4", "Post 3", "Post two, renamed", "Post 1"]
    newer = soup(out / "blog" / "p3" / "index.html").select_one("nav.hugo-post-pager")
    assert [a.get_text() for a in newer("a")] == ["← Previous: Post two, renamed", "Next: Post 4 →"]


@pytest.mark.slow
@needs_shared
def test_docsy_corpus_blog_lists_and_list_addresses_are_hugos(tmp_path):
    """Docsy's own blog (15 posts in year folders, Hugo's default page size 10): both pages of
    its list hold Hugo's posts in order, and every taxonomy, term, paginated list and feed file
    Hugo wrote exists."""
    result = sphinx_build(DOCSY, tmp_path, "-b", "dirhtml")
    assert result.returncode == 0, result.stderr
    files = DOCSY_EXPECTED["files"]
    for folder in pagers(files, "blog/"):
        assert our_posts(tmp_path, folder) == hugo_pages(files, folder), folder
    missing = [name for name in DOCSY_EXPECTED["addresses"] if not (tmp_path / name).is_file()]
    assert missing == []
    assert not [w for w in warnings_of(result.stderr) if "/blog/page/" in w]


def test_a_new_date_moves_the_post_between_new_neighbours(tmp_path):
    """With a menu as the navigation, a post's new date changes no address and no menu: the
    posts it leaves and joins are written again all the same."""
    menu = '[menus]\n[[menus.main]]\nname = "Home"\npageRef = "/"\nweight = 1\n'
    site = _blog(tmp_path, menu, 3)
    out = tmp_path / "out"
    args = ("-b", "dirhtml", "-D", "hugo_menus=main")
    assert sphinx_build(site / "content", out, *args).returncode == 0
    one = site / "content" / "blog" / "p1.md"
    one.write_text(one.read_text().replace("2024-01-01", "2024-01-09"))  # now the newest
    result = sphinx_build(site / "content", out, *args)
    assert result.returncode == 0, result.stderr

    def pager(name: str) -> list[str]:
        nav = soup(out / "blog" / name / "index.html").select_one("nav.hugo-post-pager")
        return [a.get_text() for a in nav("a")]

    assert pager("p3") == ["← Previous: Post 2", "Next: Post 1 →"]
    assert pager("p2") == ["Next: Post 3 →"]


def test_the_blog_list_closes_with_docsys_tag_clouds_by_key_with_hugos_counts(dirhtml):
    """No ``taxonomyCloud`` set: a cloud for every taxonomy (Docsy's rule), its terms in the
    order a template ranging over the taxonomy meets them (by key), each with Hugo's count."""
    out, _ = dirhtml
    clouds = soup(out / "blog" / "index.html").select("aside.hugo-clouds div.hugo-cloud")
    assert [c.select_one(".hugo-cloud-title").get_text() for c in clouds] == ["Tags", "Categories"]
    for cloud, plural in zip(clouds, ("tags", "categories")):
        listed = EXPECTED[f"{plural}/index.html"]
        counts = {
            url.replace("&#43;", "+"): count
            for count, url in re.findall(r'<li data-count="(\d+)">([^<]*)</li>', listed)
        }
        shown = [
            (_path("blog/", li.a["href"]), li.select_one(".hugo-list-count").get_text())
            for li in cloud("li")
        ]
        # Go ranges over a map's string keys in byte order: the term keys, /tags/<key>/
        assert [url for url, _ in shown] == sorted(counts, key=lambda u: u.split("/", 2)[2])
        assert dict(shown) == counts
    assert soup(out / "tags" / "index.html").select("aside.hugo-clouds")
    assert soup(out / "tags" / "glass" / "index.html").select("aside.hugo-clouds") == []


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ("", ["Tags", "Categories"]),
        ('taxonomyCloud = ["categories"]\n', ["Categories"]),
        ("taxonomyCloud = []\n", []),
        (
            'taxonomyCloud = ["tags", "nope"]\ntaxonomyCloudTitle = ["Tag Cloud", "x"]\n',
            ["Tag Cloud"],
        ),
        ('taxonomyCloud = ["tags"]\ntaxonomyCloudTitle = ["A", "B"]\n', ["Tags"]),  # lengths differ
        ('taxonomyCloud = "tags"\n', ["Tags", "Categories"]),  # not a list: unset
        ('taxonomyCloud = ["tags"]\ntaxonomyCloudTitle = ["<b>T</b>"]\n', ["<b>T</b>"]),
    ],
)
def test_which_clouds_and_their_titles_follow_docsys_params(tmp_path, params, expected):
    post = "---\ntitle: P\ndate: 2024-01-01\ntags: [a]\ncategories: [b]\n---\nP.\n"
    site = _blog(tmp_path, f"[params.taxonomy]\n{params}", 0, {"content/blog/p.md": post})
    out = tmp_path / "out"
    assert sphinx_build(site / "content", out, "-b", "dirhtml").returncode == 0
    titles = soup(out / "blog" / "index.html").select(".hugo-cloud-title")
    assert [t.get_text() for t in titles] == expected
    assert soup(out / "blog" / "index.html").select("aside b") == []


def test_a_post_shows_docsys_byline_under_its_title_in_the_sites_date_layout(tmp_path):
    """Docsy's blog post: ``By <author> | <date>`` under the title, the date in
    ``params.time_format_blog`` (a Go layout); lists use ``time_format_default``."""
    post = "---\ntitle: Nine\ndate: 2024-03-09\nauthor: '[Bo](https://bo.example)'\n"
    extra = {"content/blog/p9.md": post + "tags: [x]\n---\nNine.\n"}
    params = '[params]\ntime_format_blog = "2006-01-02"\ntime_format_default = "Jan 2006"\n'
    site = _blog(tmp_path, params, 1, extra)
    out = tmp_path / "out"
    result = sphinx_build(site / "content", out, "-b", "dirhtml")
    assert result.returncode == 0 and warnings_of(result.stderr) == [], result.stderr
    title = soup(out / "blog" / "p9" / "index.html").select_one("section h1")
    byline = title.find_next_sibling()
    assert "hugo-post-meta" in byline["class"] and byline.get_text() == "By Bo | 2024-03-09"
    authorless = soup(out / "blog" / "p1" / "index.html").select_one("p.hugo-post-meta")
    assert authorless.get_text() == "2024-01-01"
    assert soup(out / "index.html").select("p.hugo-post-meta") == []  # not a post
    assert soup(out / "tags" / "x" / "index.html").select_one("ul.hugo-list time").get_text() == (
        "Mar 2024"
    )
    listed = soup(out / "blog" / "index.html").select_one("article .hugo-post-meta time")
    assert listed.get_text() == "2024-03-09"


def test_a_long_lists_pager_links_the_first_last_and_nearby_pages(tmp_path):
    """12 pages: page 6 links 1, 4–8 and 12 with gaps between, not all twelve."""
    site = _blog(tmp_path, "paginate = 1\n", 12)
    out = tmp_path / "out"
    assert sphinx_build(site / "content", out, "-b", "dirhtml").returncode == 0
    assert (out / "blog" / "page" / "12" / "index.html").is_file()
    pager = soup(out / "blog" / "page" / "6" / "index.html").select_one("nav.hugo-pager")
    shown = [li.get_text(strip=True) for li in pager("li")]
    assert shown == ["‹ Previous", "1", "…", "4", "5", "6", "7", "8", "…", "12", "Next ›"]
    hrefs = {a.get_text(): _path("blog/page/6/", a["href"]) for a in pager("a")}
    assert hrefs["1"] == "/blog/" and hrefs["12"] == "/blog/page/12/"
    first = soup(out / "blog" / "index.html").select_one("nav.hugo-pager")
    assert [li.get_text(strip=True) for li in first("li")] == ["1", "2", "3", "…", "12", "Next ›"]
