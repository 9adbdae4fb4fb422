"""Build options (``build``/``_build``, ``headless``) and ``cascade``, against Hugo's answers.

``fixtures/build-options`` was answered by the oracle (Hugo 0.111.3:
``oracle.py content --files --all-kinds --out expected.json``).
Where current Hugo differs from 0.111.3 we follow current Hugo (hugo-semantics-2.md §2.1):
``headless: true`` outside a leaf bundle (``docs/_includes/_index.md``, ``docs/hp.md``)
makes the page neither written nor listed since Hugo 0.123.6; 0.111.3 ignored it there.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from sphinx import addnodes

from conftest import NOT_IN_TOCTREE, app_warnings, site_files, soup, write_tree
from sphinx_comparisons.hugo import buildopts, cascade, content, frontmatter, globs

FIXTURE = Path(__file__).parent / "fixtures" / "build-options"
EXPECTED = json.loads((FIXTURE / "expected.json").read_text())
#: Headless outside a leaf bundle: written and listed by 0.111.3, neither by current Hugo.
HEADLESS_SINCE_0_123 = {"docs/_includes/_index.md", "docs/hp.md"}
#: The home's ``_target: {path: /docs/**}`` reached the section ``docs/_index.md`` itself in
#: 0.111.3; current Hugo matches the logical path ``/docs``, which ``/docs/**`` does not
#: (hugo-semantics-2.md §2.2): we follow current Hugo.
SECTION_SELF_MATCH = {("docs/_index.md", "color")}


def _load(root: Path, site_cascade=None) -> dict[str, content.Page]:
    """The fixture's pages as the site model makes them: front matter, then cascades."""
    fronts = {}
    for path in sorted(root.rglob("*.md")):
        rel = path.relative_to(root).as_posix()
        fronts[rel] = frontmatter.parse(path.read_text(encoding="utf-8"))
    entries = {
        rel: cascade.decode(fm.params["cascade"], fm.line_of)[0]
        for rel, fm in fronts.items()
        if rel.endswith("_index.md") and "cascade" in fm.params
    }
    site = cascade.decode(site_cascade, lambda key: 1)[0]
    resolved = cascade.resolve({rel: fm.params for rel, fm in fronts.items()}, entries, site)
    return {
        rel: content.Page(rel[:-3], rel, resolved[rel], fronts[rel].key_lines) for rel in fronts
    }


def test_cascade_reaches_every_key_a_page_sets_as_hugo_does():
    """Params, ``type``, ``weight`` and ``toc_hide`` from the home's targeted list and from
    ``docs/_index.md``: the page's own value wins, then the closest cascade."""
    pages = _load(FIXTURE / "content")
    assert pages["docs/_index.md"].params.get("color") is None
    for expected in EXPECTED["pages"]:
        if expected["path"] is None:
            continue  # taxonomy lists
        page = pages[expected["path"]]
        for key in ("color", "size", "toc_hide"):
            if (expected["path"], key) not in SECTION_SELF_MATCH:
                wanted = expected["params"].get(key)
                assert page.params.get(key) == wanted, (expected["path"], key)
        assert page.weight == expected["weight"], expected["path"]
        assert page.params.get("type", "page") == expected["type"], expected["path"]


def test_section_lists_follow_build_options_as_hugo_does():
    """``.Pages`` of ``docs``: render link/never stay listed, list never and headless leave."""
    pages = _load(FIXTURE / "content")
    tree = content.section_tree(pages.values(), "_index", fileless=True)
    docs = next(s for s in EXPECTED["sections"]["sections"] if s["path"] == "docs/_index.md")
    expected = [path for path in docs["pages"] if path not in HEADLESS_SINCE_0_123]
    assert [f"{key}.md" for key in tree.children["docs/_index"]] == expected


def test_build_options_decode_as_hugo_does():
    cases = {
        "render: never": ("never", "always"),
        "render: false": ("never", "always"),
        "list: false": ("always", "never"),
        "list: local\n  render: LINK": ("link", "local"),
        "render: sometimes": ("always", "always"),  # Hugo's silent fallback (warned here)
    }
    for text, (render, listed) in cases.items():
        fm = frontmatter.parse(f"---\n_build:\n  {text}\n---\n")
        config, _ = buildopts.decode(fm.params, fm.line_of)
        assert (config.render, config.list) == (render, listed), text
    both = frontmatter.parse("---\nbuild: {render: never}\n_build: {render: link}\n---\n")
    assert buildopts.decode(both.params, both.line_of)[0].render == "link"  # _build wins
    headless = frontmatter.parse("---\nheadless: true\n_build: {render: always}\n---\n")
    assert buildopts.decode(headless.params, headless.line_of)[0] == buildopts.HEADLESS


@pytest.mark.parametrize(
    ("pattern", "text", "matches"),
    [
        ("/docs/**", "/docs", False),  # confirmed on 0.111.3 (hugo-semantics-2.md §2.2)
        ("/docs/**", "/docs/a/b", True),
        ("/docs/*", "/docs/a/b", False),
        ("/docs/*", "/docs/a", True),
        ("{home,section}", "section", True),
        ("p?ge", "page", True),
        ("[!a]*", "b/x", False),
        ("/docs{,/**}", "/docs", True),
    ],
)
def test_globs_match_as_hugos_do(pattern, text, matches):
    glob = globs.compile_glob(pattern)
    assert glob is not None and glob.match(text) is matches


def test_a_hostile_glob_is_refused_or_matched_in_bounded_time():
    assert globs.compile_glob("*" * (globs.MAX_GLOB + 1)) is None
    assert globs.compile_glob("{a,b}" * 8) is None  # 256 alternatives
    # many stars against a long text that almost matches: linear in the text per element
    glob = globs.compile_glob("*a" * 60 + "b")
    assert glob is not None and not glob.match("a" * 5000)


# --- whole builds -----------------------------------------------------------------------


def _build(make_app, root: Path, conf: str = 'extensions = ["sphinx_comparisons"]\n'):
    (root / "conf.py").write_text(conf, encoding="utf-8")
    app = make_app("dirhtml", srcdir=root)
    app.build()
    return app, app_warnings(app)


@pytest.fixture
def fixture_build(make_app, tmp_path):
    root = tmp_path / "src"
    shutil.copytree(FIXTURE / "content", root)
    return _build(make_app, root)


def test_the_pages_written_are_hugos(fixture_build):
    """Every HTML file Hugo writes (pages, alias pages, its empty taxonomy lists), less the
    headless pages current Hugo no longer writes; nothing for render link/never, headless,
    cascaded ``_build``."""
    app, _ = fixture_build
    hugo = {name for name in EXPECTED["files"] if name.endswith(".html")}
    hugo -= {"docs/_includes/index.html", "docs/hp/index.html"}
    assert site_files(Path(app.outdir), lists=True) == hugo


def test_unwritten_pages_stay_linked_and_readable(fixture_build):
    app, warnings = fixture_build
    out = Path(app.outdir)
    p1 = soup(out / "docs/p1/index.html")
    links = {a.get_text(): a.get("href") for a in p1.select("a")}
    assert links["link page"] == "/docs/linkpage/"  # Hugo's URL: its host redirects it
    alias = (out / "old-link/index.html").read_text()
    assert 'url=../docs/linkpage/"' in alias  # Hugo writes the alias of a render: link page
    assert "Snippet two, from a headless folder." in soup(out / "docs/p2/index.html").get_text()
    listing = soup(out / "docs/index.html").select(".hugo-section-index a")
    assert [(a.get_text(), a["href"]) for a in listing] == [
        ("P2", "p2/"),
        ("Link page", "/docs/linkpage/"),
        ("List local", "listlocal/"),
        ("P1", "p1/"),
        ("Sec", "sec/"),
    ]
    assert not [w for w in warnings if NOT_IN_TOCTREE in w]
    assert not [w for w in warnings if "title_missing" in w and "_common" in w]
    assert not [w for w in warnings if "link_unresolved" in w or "hugo.alias" in w]


def test_a_render_link_page_is_in_the_sidebar_on_the_live_site(make_app, tmp_path):
    """A toctree holds a page or a full URL: with ``hugo_base_url`` the page is its entry."""
    root = write_tree(
        tmp_path / "src",
        {
            "_index.md": "---\ntitle: Home\n---\n",
            "go/_index.md": "---\ntitle: Go\n---\n\nIntro.\n",
            "go/basics.md": "---\ntitle: Basics\nweight: 1\n---\n\nText.\n",
            "go/api.md": "---\ntitle: API\nweight: 2\n_build: {render: link}\n---\n",
        },
    )
    conf = 'extensions = ["sphinx_comparisons"]\nhugo_base_url = "https://example.org"\n'
    app, warnings = _build(make_app, root, conf)
    toctree = next(app.env.get_doctree("go/_index").findall(addnodes.toctree))
    assert toctree["entries"] == [("Basics", "go/basics"), ("API", "https://example.org/go/api/")]
    assert not (Path(app.outdir) / "go/api").exists()
    assert not warnings


def test_site_config_cascade_and_targets_reach_pages(make_app, tmp_path):
    root = write_tree(
        tmp_path / "src",
        {
            "hugo.toml": (
                "[[cascade]]\n[cascade.params]\nbanner = 'site'\nshape = 'site'\n"
                "[cascade._target]\nkind = 'page'\n"
            ),
            "_index.md": "---\ntitle: Home\n---\n",
            "guide/_index.md": (
                "---\ntitle: Guide\ncascade:\n  - target: {path: '/guide/**'}\n"
                "    params: {shape: guide}\n  - _target: {path: '/other/**'}\n"
                "    shape: other\n---\n\nGuide.\n"
            ),
            "guide/a.md": (
                "---\ntitle: A\n---\n\nBanner {{< param banner >}}, shape {{< param shape >}}.\n"
            ),
        },
    )
    app, warnings = _build(make_app, root)
    text = soup(Path(app.outdir) / "guide/a/index.html").get_text()
    assert "Banner site, shape guide." in text
    assert not [w for w in warnings if "param" in w]


def test_bad_build_options_and_cascades_are_located_and_fall_back(make_app, tmp_path):
    root = write_tree(
        tmp_path / "src",
        {
            "_index.md": "---\ntitle: Home\ncascade: 3\n---\n",
            "a/_index.md": (
                "---\ntitle: A\ncascade:\n  - _target:\n      path: [/a/**]\n    color: x\n"
                "  - target: {kind: pages}\n    color: y\n  - kind: page\n    weight: heavy\n---\n"
            ),
            "a/yes.md": "---\ntitle: Yes\n_build: yes\n---\n\nBuilt.\n",
            "a/odd.md": (
                "---\ntitle: Odd\n_build:\n  render: sometimes\n  list: 5\n"
                "  publishResources: 'no'\n---\n\nBuilt too.\n"
            ),
        },
    )
    app, warnings = _build(make_app, root)
    out = Path(app.outdir)
    assert (out / "a/yes/index.html").exists() and (out / "a/odd/index.html").exists()
    expected = [
        ("_index.md:3", "'cascade' must be a mapping or a list of mappings"),
        ("a/_index.md:5", "'cascade.0._target.path' must be a string"),
        ("a/_index.md:7", "'cascade.1.target.kind' 'pages' names no kind"),
        ("a/_index.md:9", "may not set 'kind'"),
        ("a/_index.md:10", "cascaded 'weight' must be an integer"),
        ("a/yes.md:3", "'_build' must be a mapping"),
        ("a/odd.md:4", "_build.render must be one of always, link, never"),
        ("a/odd.md:5", "_build.list must be one of always, local, never"),
        ("a/odd.md:6", "_build.publishResources must be true or false"),
    ]
    for where, message in expected:
        assert [w for w in warnings if f"{where}:" in w and message in w], (where, warnings)
    assert all("[hugo." in w for w in warnings)


def test_a_changed_cascade_rereads_the_pages_it_reaches(make_app, tmp_path):
    """Only the section file changed; the page below shows the new cascaded value."""
    root = write_tree(
        tmp_path / "src",
        {
            "conf.py": 'extensions = ["sphinx_comparisons"]\n',
            "_index.md": "---\ntitle: Home\n---\n",
            "guide/_index.md": "---\ntitle: Guide\ncascade:\n  colour: red\n---\n\nGuide.\n",
            "guide/a.md": "---\ntitle: A\n---\n\nColour {{< param colour >}}.\n",
            "other.md": "---\ntitle: Other\n---\n\nOther.\n",
        },
    )
    make_app("dirhtml", srcdir=root).build()
    section = root / "guide/_index.md"
    section.write_text(section.read_text().replace("red", "blue"))
    os.utime(section, ns=(section.stat().st_atime_ns, section.stat().st_mtime_ns + 10**9))
    app = make_app("dirhtml", srcdir=root)
    read: list[str] = []
    app.connect("source-read", lambda _app, docname, _source: read.append(docname))
    app.build()
    assert sorted(read) == ["guide/_index", "guide/a"]
    assert "Colour blue." in soup(Path(app.outdir) / "guide/a/index.html").get_text()


def test_list_local_and_never_pages_are_not_related(make_app, tmp_path):
    """Hugo relates the site's regular pages; ``list: local``/``never`` ones are not among them."""
    page = "---\ntitle: {0}\ntags: [x]\n{1}---\n\nText.\n"
    root = write_tree(
        tmp_path / "src",
        {
            "_index.md": "---\ntitle: Home\n---\n",
            "a.md": page.format("A", ""),
            "b.md": page.format("B", ""),
            "c.md": page.format("C", "_build: {list: local}\n"),
            "d.md": page.format("D", "_build: {list: never}\n"),
        },
    )
    conf = 'extensions = ["sphinx_comparisons"]\nhugo_related_pages = 5\n'
    app, _ = _build(make_app, root, conf)
    related = soup(Path(app.outdir) / "a/index.html").select(".hugo-related a")
    hrefs = {a.get("href") for a in related}
    assert "../b/" in hrefs
    assert not {"../c/", "../d/"} & hrefs


def test_menu_entries_come_from_listed_pages_as_in_current_hugo():
    """Current Hugo takes menu entries from ``list: always`` pages, whatever ``render`` says;
    0.111.3 (the fixture's answer: List local, List never, P1) took them from rendered pages."""
    pages = _load(FIXTURE / "content")
    tree, problems = content.menus_of(pages.values(), None, lambda menu, index: ("", 0))
    assert [entry.name for entry in tree["main"]] == ["Link page", "Never page", "P1"]
    assert not problems


def test_cascade_targets_kind_lang_and_environment_and_draft():
    entries, problems = cascade.decode(
        [
            {"_target": {"kind": "{section,home}"}, "color": "branch"},
            {"target": {"lang": "fr"}, "color": "french"},
            {"target": {"environment": "development"}, "color": "dev"},
            {"target": {"path": "/guide/old/**"}, "draft": True},
            {"color": "any", "params": {"shape": "round"}},
        ],
        lambda key: 1,
    )
    assert not problems
    fronts = {
        "guide/_index.md": {"title": "Guide"},
        "guide/a.md": {"title": "A", "shape": "square"},
        "guide/old/b.md": {"title": "B"},
    }
    resolved = cascade.resolve(fronts, {}, entries)
    assert resolved["guide/_index.md"]["color"] == "branch"
    assert resolved["guide/a.md"] == {"title": "A", "shape": "square", "color": "any"}
    page = content.Page("guide/old/b", "guide/old/b.md", resolved["guide/old/b.md"])
    assert page.params["draft"] is True and not page.listed  # a cascaded draft is a draft
    in_french = cascade.resolve(fronts, {}, entries, lang="fr", environment="development")
    assert in_french["guide/a.md"]["color"] == "french"
