"""Links between translations and across languages of a multilingual Hugo site."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import SHARED, app_warnings, needs_shared, soup, sphinx_build, write_tree
from sphinx_comparisons.hugo import languages, translations

CONFIG = """\
title = "Two"
defaultContentLanguage = "en"
contentDir = "content/en"
[languages.en]
weight = 1
languageName = "English"
[languages.fr]
weight = 2
languageName = "Fran<b>çais</b>"
languageCode = "fr-FR"
contentDir = "content/fr"
"""

TREE = {
    "hugo.toml": CONFIG,
    "content/en/conf.py": 'extensions = ["sphinx_comparisons"]\n',
    "content/fr/conf.py": 'extensions = ["sphinx_comparisons"]\n',
    "content/en/_index.md": "---\ntitle: Home\n---\nHome\n",
    "content/fr/_index.md": "---\ntitle: Accueil\n---\nAccueil\n",
    "content/en/docs/_index.md": "---\ntitle: Docs\n---\nDocs\n",
    "content/en/docs/intro.md": (
        "---\ntitle: Intro\n---\n\n[to fr](/fr/docs/intro/#top) and "
        '[by ref]({{< relref path="/docs/intro" lang="fr" >}}) and [gone](/fr/docs/gone/)\n\n'
        '[bad ref]({{< ref path="/docs/nowhere" lang="fr" >}}) '
        '[bad lang]({{< ref path="/docs/intro" lang="de" >}})\n'
    ),
    "content/en/docs/only-en.md": "---\ntitle: Only EN\n---\nOnly\n",
    "content/en/docs/keyed.md": "---\ntitle: Keyed\ntranslationKey: k1\n---\nK\n",
    "content/fr/docs/intro.md": "---\ntitle: Intro FR\n---\n\n[en only](/docs/only-en/)\n",
    "content/fr/docs/autre.md": "---\ntitle: Autre\ntranslationKey: k1\n---\nK\n",
    # same path as keyed.md, but a translationKey replaces path matching
    "content/fr/docs/keyed.md": "---\ntitle: Sans clé\n---\nK\n",
    "content/fr/docs/draft.md": "---\ntitle: Draft\ndraft: true\n---\nK\n",
    "content/en/docs/draft.md": "---\ntitle: Draft EN\n---\nK\n",
}

EN = ["en", "fr"]


def two_languages():
    found, _ = languages.from_config(
        {
            "defaultcontentlanguage": "en",
            "contentdir": "content/en",
            "languages": {
                "en": {"weight": 1},
                "fr": {"weight": 2, "contentdir": "content/fr", "languagecode": "fr-FR"},
            },
        }
    )
    return found


def test_the_translation_key_is_the_translationkey_else_the_path():
    assert translations.key_of("docs/intro.md", {}, EN) == "path:docs/intro"
    assert translations.key_of("docs/intro.fr.md", {}, EN) == "path:docs/intro"
    assert translations.key_of("docs/_index.html", {}, EN) == "path:docs/_index"
    assert translations.key_of("docs/a.md", {"translationkey": "k"}, EN) == "page:k"
    # a section and a page with one key are no translations of each other
    assert translations.key_of("docs/_index.md", {"translationkey": "k"}, EN) == "section:k"
    assert translations.key_of("a.md", {"translationkey": 7}, EN) == "page:7"
    for bad in ("", "  ", True, ["k"], {"k": 1}, None):
        assert translations.key_of("a.md", {"translationkey": bad}, EN) == "path:a"


def test_another_languages_pages_and_their_urls(tmp_path):
    write_tree(tmp_path, TREE)
    site = two_languages()
    fr = site.get("fr")
    files = translations.files_of(fr, site, tmp_path, [tmp_path])
    assert [name for name, _ in files] == [
        "_index.md",
        "docs/autre.md",
        "docs/draft.md",
        "docs/intro.md",
        "docs/keyed.md",
    ]
    read = translations.read_site(fr, site, files, {"permalinks": {"docs": "/d/:slug/"}})
    assert read.urls == {  # drafts are no translations; the site's permalinks apply
        "_index": "/fr/",
        "docs/autre": "/fr/d/autre/",
        "docs/intro": "/fr/d/intro-fr/",  # :slug falls back to the title
        "docs/keyed": "/fr/d/sans-clé/",
    }
    assert read.keys["page:k1"] == "docs/autre" and read.keys["path:docs/keyed"] == "docs/keyed"
    assert read.by_url["/fr/d/intro-fr/"] == "docs/intro"


def test_file_name_suffixes_decide_the_language_in_a_shared_folder(tmp_path):
    write_tree(
        tmp_path,
        {
            "content/about.md": "---\ntitle: A\n---\n",
            "content/about.fr.md": "---\ntitle: A fr\n---\n",
            "content/_index.fr.md": "---\ntitle: fr\n---\n",
        },
    )
    site, _ = languages.from_config({"languages": {"en": {}, "fr": {}}})
    files = translations.files_of(site.get("fr"), site, tmp_path, [tmp_path])
    assert [name for name, _ in files] == ["_index.fr.md", "about.fr.md"]
    read = translations.read_site(site.get("fr"), site, files, {})
    assert read.urls == {"_index.fr": "/fr/", "about.fr": "/fr/about/"}
    assert read.keys == {"path:_index": "_index.fr", "path:about": "about.fr"}
    en = translations.files_of(site.get("en"), site, tmp_path, [tmp_path])
    assert [name for name, _ in en] == ["about.md"]


def test_content_outside_the_site_is_not_read(tmp_path):
    outside = write_tree(tmp_path / "outside", {"secret.md": "---\ntitle: S\n---\n"})
    root = write_tree(tmp_path / "site", {"content/fr/a.md": "---\ntitle: A\n---\n"})
    (root / "content" / "fr" / "link.md").symlink_to(outside / "secret.md")
    (root / "content" / "fr" / ".hidden.md").write_text("---\ntitle: H\n---\n")
    site = two_languages()
    files = translations.files_of(site.get("fr"), site, root, [root])
    assert [name for name, _ in files] == ["a.md"]
    # a content folder that is itself a symlink out of the site is not read at all
    (root / "content" / "fr").rename(root / "moved")
    (root / "content" / "fr").symlink_to(outside)
    assert translations.files_of(site.get("fr"), site, root, [root]) == []
    assert translations.files_of(site.get("fr"), site, tmp_path / "nowhere", [root]) == []


def test_where_a_translation_is():
    site = two_languages()
    assert translations.located("/fr/docs/a/", "fr", site, {}) == "/fr/docs/a/"
    assert (
        translations.located("/fr/docs/a/", "fr", site, {}, "https://example.org/")
        == "https://example.org/fr/docs/a/"
    )
    bases = {"fr": "https://example.org/fr/latest/", "en": "/"}
    assert (
        translations.located("/fr/docs/a/", "fr", site, bases, "https://x.org")
        == "https://example.org/fr/latest/docs/a/"
    )
    assert translations.located("/docs/a/", "en", site, bases) == "/docs/a/"
    assert translations.located("/fr/", "fr", site, bases) == "https://example.org/fr/latest/"
    assert translations.unprefixed("/french/", "/fr") == "/french/"


def test_read_the_docs_bases_replace_the_language_segment():
    bases = translations.read_the_docs_bases(
        "https://p.readthedocs.io/en/latest/", "en", ["en", "zh-cn"]
    )
    assert bases == {
        "en": "https://p.readthedocs.io/en/latest/",
        "zh-cn": "https://p.readthedocs.io/zh-cn/latest/",
    }
    assert translations.read_the_docs_bases("https://d.example.org/", "en", ["fr"]) == {}
    assert translations.read_the_docs_bases("https://d.org/zh_CN/v1/", "zh-cn", ["en"]) == {
        "en": "https://d.org/en/v1/"
    }


def test_the_language_of_a_site_path():
    site = two_languages()
    assert translations.language_of_path("/fr/docs/", site) == "fr"
    assert translations.language_of_path("/fr", site) == "fr"
    assert translations.language_of_path("/french/", site) == "en"
    assert translations.language_of_path("/docs/", site) == "en"


def _alternates(page):
    return {
        link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')
    }


def _switcher(page):
    nav = page.select_one("nav.hugo-translations")
    if nav is None:
        return None
    return [(a.get_text(), a["href"], a["hreflang"]) for a in nav.select("a")], [
        s.get_text() for s in nav.select("span[aria-current]")
    ]


@pytest.fixture
def two_sites(make_app, tmp_path):
    root = write_tree(tmp_path, TREE)
    built = {}
    for code in ("en", "fr"):
        app = make_app("dirhtml", srcdir=root / "content" / code)
        app.build()
        built[code] = (Path(app.outdir), app_warnings(app))
    return built


def test_translations_are_linked_with_hreflang_and_in_the_switcher(two_sites):
    en, _ = two_sites["en"]
    fr, _ = two_sites["fr"]
    intro = soup(en / "docs" / "intro" / "index.html")
    assert _alternates(intro) == {"en": "/docs/intro/", "fr-FR": "/fr/docs/intro/"}
    # the language name is text, never markup
    assert _switcher(intro) == ([("Fran<b>çais</b>", "/fr/docs/intro/", "fr-FR")], ["English"])
    assert "<b>çais" not in (en / "docs" / "intro" / "index.html").read_text()
    fr_intro = soup(fr / "fr" / "docs" / "intro" / "index.html")
    assert _alternates(fr_intro) == {"en": "/docs/intro/", "fr-FR": "/fr/docs/intro/"}
    assert _switcher(fr_intro) == ([("English", "/docs/intro/", "en")], ["Fran<b>çais</b>"])
    # translationKey pairs pages of other paths, and replaces path matching
    assert _alternates(soup(en / "docs" / "keyed" / "index.html")) == {
        "en": "/docs/keyed/",
        "fr-FR": "/fr/docs/autre/",
    }
    assert _switcher(soup(fr / "fr" / "docs" / "keyed" / "index.html")) is None
    # the home pages are translations; a page only one language has, or whose other
    # version is a draft, has neither links nor switcher
    assert _alternates(soup(en / "index.html")) == {"en": "/", "fr-FR": "/fr/"}
    for page in ("only-en", "draft"):
        shown = soup(en / "docs" / page / "index.html")
        assert _alternates(shown) == {} and _switcher(shown) is None


def test_links_across_languages(two_sites):
    en, en_warnings = two_sites["en"]
    fr, fr_warnings = two_sites["fr"]
    links = [a["href"] for a in soup(en / "docs" / "intro" / "index.html").select("a")]
    assert "/fr/docs/intro/#top" in links and "/fr/docs/intro/" in links
    fr_links = [a["href"] for a in soup(fr / "fr" / "docs" / "intro" / "index.html").select("a")]
    assert "/docs/only-en/" in fr_links
    unresolved = [w for w in en_warnings if "hugo.link_unresolved" in w]
    assert len(unresolved) == 1 and "intro.md:5" in unresolved[0]
    assert "'/fr/docs/gone/'" in unresolved[0] and "language 'fr'" in unresolved[0]
    refs = [w for w in en_warnings if "hugo.ref_not_found" in w]
    assert len(refs) == 2 and all("intro.md:7" in w for w in refs)
    assert "page not found in language 'fr'" in refs[0]
    assert "lang 'de' is no other language" in refs[1]
    assert not [w for w in fr_warnings if "hugo.link_unresolved" in w]


def test_translation_urls_place_each_language(make_app, tmp_path):
    root = write_tree(tmp_path, TREE)
    bases = {"en": "https://example.org/en/latest/", "FR": "https://example.org/fr/latest/"}
    app = make_app(
        "dirhtml",
        srcdir=root / "content" / "fr",
        confoverrides={"hugo_translation_urls": bases, "hugo_language_prefix": False},
    )
    app.build()
    page = soup(Path(app.outdir) / "docs" / "intro" / "index.html")
    assert _alternates(page) == {
        "en": "https://example.org/en/latest/docs/intro/",
        "fr-FR": "https://example.org/fr/latest/docs/intro/",
    }
    links = [a["href"] for a in page.select("a")]
    assert "https://example.org/en/latest/docs/only-en/" in links  # an English page's address
    assert not [w for w in app_warnings(app) if "hugo.config" in w]


def test_read_the_docs_canonical_url_places_each_language(make_app, tmp_path, monkeypatch):
    root = write_tree(tmp_path, TREE)
    monkeypatch.setenv("READTHEDOCS_CANONICAL_URL", "https://p.readthedocs.io/fr/latest/")
    monkeypatch.setenv("READTHEDOCS_LANGUAGE", "fr")
    app = make_app("dirhtml", srcdir=root / "content" / "fr")
    app.build()
    page = soup(Path(app.outdir) / "fr" / "docs" / "autre" / "index.html")
    assert _alternates(page) == {
        "en": "https://p.readthedocs.io/en/latest/docs/keyed/",
        "fr-FR": "https://p.readthedocs.io/fr/latest/docs/autre/",
    }


@pytest.mark.parametrize(
    "value",
    [
        ["en"],
        {"en": "javascript:alert(1)"},
        {"en": "docs/"},
        {"../x": "/"},
        {"en": 3},
    ],
)
def test_malformed_translation_urls_are_reported(make_app, tmp_path, value):
    root = write_tree(tmp_path, TREE)
    app = make_app(
        "dirhtml", srcdir=root / "content" / "en", confoverrides={"hugo_translation_urls": value}
    )
    app.build()
    assert any("hugo_translation_urls must be" in w for w in app_warnings(app))
    assert _alternates(soup(Path(app.outdir) / "docs" / "intro" / "index.html")) == {
        "en": "/docs/intro/",
        "fr-FR": "/fr/docs/intro/",
    }


def test_a_one_language_site_has_no_switcher(make_app, tmp_path):
    root = write_tree(
        tmp_path,
        {
            "hugo.toml": 'title = "One"\n',
            "content/conf.py": 'extensions = ["sphinx_comparisons"]\n',
            "content/_index.md": "---\ntitle: Home\n---\nHome\n",
            "content/a.md": "---\ntitle: A\ntranslationKey: a\n---\nA\n",
        },
    )
    app = make_app("dirhtml", srcdir=root / "content")
    app.build()
    page = soup(Path(app.outdir) / "a" / "index.html")
    assert _alternates(page) == {} and _switcher(page) is None


KUBERNETES = SHARED / "corpus" / "kubernetes"


@needs_shared
@pytest.mark.slow  # builds the corpus twice
@pytest.mark.parametrize("code", ["en", "zh-cn"])
def test_kubernetes_pages_link_their_translations(tmp_path, code):
    expected = json.loads((KUBERNETES / "hugo-expected.multilingual.json").read_text())
    pages = expected["languages"][code]["pages"]
    result = sphinx_build(KUBERNETES / "content" / code, tmp_path, "-b", "dirhtml")
    assert result.returncode == 0, result.stderr
    translated = 0
    for page in pages:
        html = (tmp_path / page["url"].lstrip("/") / "index.html").read_text(encoding="utf-8")
        found = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html))
        wanted = {t["lang"]: t["url"] for t in page["translations"]}
        if wanted:
            wanted[code] = page["url"]
            translated += 1
        assert found == wanted, page["path"]
        switcher = re.search(r'<nav class="hugo-translations".*?</nav>', html, re.DOTALL)
        assert (switcher is not None) == bool(wanted), page["path"]
        for other, url in wanted.items():
            if other != code:
                assert f'href="{url}" hreflang="{other}"' in switcher.group(0)
    assert translated >= 130
