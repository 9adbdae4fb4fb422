"""Every real site of ../shared/corpus, built as CI's conformance step builds it, against what
Hugo published: each page at Hugo's URL, each alias a redirect, section order, and nothing of
Hugo's source syntax visible. The warnings are checked by ``.ci/conformance.py`` against each
corpus's allow-list (here and in CI)."""

from __future__ import annotations

import importlib.util
import json
import pickle
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import ROOT, needs_shared, soup
from corpora import SITES

CONFORMANCE = ROOT / ".ci" / "conformance"
CORPORA = SITES

pytestmark = [needs_shared, pytest.mark.slow]

#: Hugo source syntax a reader must never see: shortcode tags, our own internal form,
#: blockquote alert markers, block attribute lines.
VISIBLE_SYNTAX = re.compile(
    r"\{\{[<%]|\{hugo-shortcode\}|\[![A-Z]+\][-+]?|^\s*\{[.#][\w-][^{}]*\}\s*$", re.MULTILINE
)


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """Each corpus built once per session, as ``.ci/run`` builds it."""
    sites: dict[str, tuple[Path, subprocess.CompletedProcess[str]]] = {}

    def build(corpus: str) -> tuple[Path, subprocess.CompletedProcess[str]]:
        if corpus not in sites:
            out = tmp_path_factory.mktemp(corpus)
            command = [sys.executable, "-m", "sphinx", "-N", "-q", "-b", "dirhtml"]
            command += ["-c", str(CONFORMANCE / corpus), str(content_of(corpus)), str(out)]
            sites[corpus] = (
                out,
                subprocess.run(command, check=False, capture_output=True, text=True),
            )
        return sites[corpus]

    return build


def content_of(corpus: str) -> Path:
    return SITES[corpus].content


def expected(corpus: str) -> dict:
    return SITES[corpus].expected()


def written(page: dict) -> bool:
    """Hugo writes a page unless its build options say ``render: never`` or ``link``."""
    options = page["params"].get("_build") or page["params"].get("build") or {}
    return not isinstance(options, dict) or options.get("render") not in ("never", "link", False)


def html_file(out: Path, url: str) -> Path:
    return out / url.strip("/") / "index.html" if url.endswith("/") else out / url.strip("/")


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_builds_with_only_the_allowed_warnings(built, corpus, tmp_path):
    _, result = built(corpus)
    assert result.returncode == 0, result.stderr[-3000:]
    log = tmp_path / "build.log"
    log.write_text(result.stderr, encoding="utf-8")
    check = [sys.executable, str(ROOT / ".ci" / "conformance.py")]
    check += [str(CONFORMANCE / corpus / "allowed.txt"), str(log), str(content_of(corpus))]
    conformance = subprocess.run(check, check=False, capture_output=True, text=True)
    assert conformance.returncode == 0, conformance.stdout[-5000:]


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_every_page_at_hugos_url(built, corpus):
    out, _ = built(corpus)
    pages = expected(corpus)["pages"]
    missing = [p["url"] for p in pages if written(p) and not html_file(out, p["url"]).is_file()]
    extra = [p["url"] for p in pages if not written(p) and html_file(out, p["url"]).is_file()]
    assert (missing, extra) == ([], []), f"{len(missing)} of {len(pages)} pages missing"


def hugo_aliases(corpus: str) -> dict[str, str]:
    """Alias URL -> the URL it redirects to: Hugo's written alias files where the oracle kept
    them (relative aliases resolved), else the pages' absolute aliases."""
    written_file = SITES[corpus].root / "hugo-aliases.json"
    if written_file.is_file() and SITES[corpus].answers == "hugo-expected.json":
        files = json.loads(written_file.read_text())
        return {path.removesuffix("index.html"): url for path, url in files.items()}
    return {
        alias if alias.endswith((".html", "/")) else alias + "/": page["url"]
        for page in expected(corpus)["pages"]
        for alias in page["aliases"] or []
    }


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_every_alias_redirects_where_hugos_does(built, corpus):
    out, _ = built(corpus)
    wrong = {}
    for alias, target in hugo_aliases(corpus).items():
        if alias == target:
            continue  # an alias naming the page's own URL: the page is there (Hugo writes it last)
        file = html_file(out, alias)
        refresh = file.is_file() and soup(file).select_one("meta[http-equiv=refresh]")
        if not refresh:
            wrong[alias] = "no redirect page"
            continue
        url = refresh["content"].split("url=", 1)[1]
        landed = urlsplit(urljoin("https://site.test" + alias, url)).path
        if landed != target:
            wrong[alias] = landed
    assert wrong == {}


def docname(path: str) -> str:
    return path.rsplit(".", 1)[0]


def in_sidebar(params: dict) -> bool:
    """Docsy's sidebar leaves out ``toc_hide`` pages and the search page (here Sphinx's own
    search page stands for it)."""
    # Hugo 0.111.3 (the oracle) kept a cascade's `params:` nested under `params`; Hugo 0.124+
    # makes them the page's params, as we do (docsy's project/repo cascades toc_hide so)
    nested = params.get("params") if isinstance(params.get("params"), dict) else {}
    hidden = params.get("toc_hide") or nested.get("toc_hide")
    cascade = params.get("cascade")
    if isinstance(cascade, dict) and hidden is None:  # a section's cascade reaches itself
        passed = {**cascade, **(cascade.get("params") or {})}
        hidden = passed.get("toc_hide")
    return not hidden and params.get("layout") != "search"


def children_in_hugo_order(tree: dict) -> dict[str, list[str]]:
    """Section file -> its pages and subsections as Hugo orders them (``.Pages``)."""
    order = {tree["path"]: tree["pages"]}
    for section in tree["sections"]:
        order.update(children_in_hugo_order(section))
    return order


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_section_order_is_hugos(built, corpus):
    """The toctree of each section page (the sidebar every theme draws) lists its children in
    Hugo's order; a child Hugo lists that the navigation leaves out is reported too."""
    language = SITES[corpus].answers.partition(":")[2]
    if language not in ("", "en") and importlib.util.find_spec("icu") is None:
        pytest.skip("Hugo orders these titles with the language's collator: needs PyICU")
    out, _ = built(corpus)
    with (out / ".doctrees" / "environment.pickle").open("rb") as file:
        env = pickle.load(file)
    params = {page["path"]: page["params"] for page in expected(corpus)["pages"]}
    differ = {}
    for section, pages in children_in_hugo_order(expected(corpus)["sections"]).items():
        ours = env.toctree_includes.get(docname(section), [])
        # a page Hugo writes no file for (render: link) is an entry to its URL, not a document
        hugo = [
            docname(p)
            for p in pages
            if in_sidebar(params.get(p, {})) and written({"params": params.get(p, {})})
        ]
        if [d for d in ours if d in hugo] != [d for d in hugo if d in ours] or set(hugo) - set(
            ours
        ):
            differ[section] = f"\n  ours: {ours}\n  Hugo: {hugo}"
    assert not differ, "".join(f"\n{section}:{lists}" for section, lists in differ.items())


def shown_text(page: Path) -> str:
    """The text a reader sees in a page's content area: without code, scripts and styles."""
    html = soup(page)
    body = html.select_one("[role=main]") or html.select_one("article") or html
    for hidden in body.select("pre, code, script, style, .highlight"):
        hidden.decompose()
    return body.get_text("\n")


#: What Hugo shows as written too (the oracle's page prints it), by corpus and page.
HUGO_SHOWS = {
    # the attribute line follows a `</div>` inside a blockquote: the HTML block runs on to the
    # next blank line, so Goldmark never reads the line as attributes
    "docsy": {"docs/content/repository-links/index.html": ["{.border-0}"]},
}


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_no_hugo_syntax_shown(built, corpus):
    out, _ = built(corpus)
    shown = {}
    for page in sorted(out.rglob("*.html")):
        if "_static" in page.parts or "_sources" in page.parts:
            continue
        name = str(page.relative_to(out))
        found = [m.strip() for m in VISIBLE_SYNTAX.findall(shown_text(page))]
        if found and found != HUGO_SHOWS.get(corpus, {}).get(name):
            shown[name] = found[:5]
    assert shown == {}, f"{len(shown)} pages show Hugo syntax"


def test_docsy_feeds_and_sitemap_hold_hugo_s_items_in_order(built):
    """Every feed Hugo writes for the Docsy site (its taxonomies' too) with the same items in
    the same order, links and dates; the sitemap's addresses and lastmod (less Hugo's
    ``/search/``, which Sphinx's search page replaces)."""
    import xml.etree.ElementTree as ET

    import feedparser

    answers = json.loads((ROOT / "tests" / "fixtures" / "docsy-feeds.json").read_text())["files"]
    out, result = built("docsy")
    assert result.returncode == 0
    host = re.compile(r"^https?://[^/]+")
    for name, text in answers.items():
        if name == "sitemap.xml":
            continue

        def items(feed: str) -> list[tuple[str, str, str]]:
            parsed = feedparser.parse(feed)
            assert not parsed.bozo
            return [(e.title, host.sub("", e.link), e.get("published")) for e in parsed.entries]

        assert items((out / name).read_text(encoding="utf-8")) == items(text), name
    tag = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

    def entries(text: str) -> dict[str, str | None]:
        urls = ET.fromstring(text.encode()).iter(f"{tag}url")
        return {host.sub("", u.findtext(f"{tag}loc")): u.findtext(f"{tag}lastmod") for u in urls}

    theirs = entries(answers["sitemap.xml"])
    del theirs["/search/"]
    assert entries((out / "sitemap.xml").read_text(encoding="utf-8")) == theirs
