"""Each language of a multilingual site built on its own, against one multilingual Hugo build
of the whole site (tests/fixtures/multilingual/, Hugo 0.111.3): every page at Hugo's URL with
its title, the language's own menus and sections in Hugo's order, its aliases."""

from __future__ import annotations

import json
import os
import pickle
import runpy
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

import multilingual_expected as hugo
from conftest import soup, sphinx_build
from hugo_tree import load_pages
from sphinx_comparisons.hugo import content, languages, siteconfig
from test_init import assert_valid_readthedocs

SITES = ("contentdir", "subdir", "suffix")
CASES = [(site, lang) for site in SITES for lang in hugo.languages(site)]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Each language of each site built once, from a copy (a build may write a home page)."""
    done: dict[tuple[str, str], tuple[Path, str]] = {}

    def build(site: str, lang: str) -> tuple[Path, str]:
        if (site, lang) not in done:
            root = tmp_path_factory.mktemp(f"{site}-{lang}")
            shutil.copytree(hugo.site_dir(site), root / "site")
            src = root / "site" / hugo.content_root(site, lang).relative_to(hugo.site_dir(site))
            # one content folder for every language: the build names its own
            shared = len({hugo.content_root(site, other) for other in hugo.languages(site)}) == 1
            language = ["-D", f"hugo_language={lang}"] if shared else []
            result = sphinx_build(
                src, root / "out", "-b", "dirhtml", "-w", str(root / "w.txt"), *language
            )
            assert result.returncode == 0, result.stderr
            done[site, lang] = (root / "out", (root / "w.txt").read_text(encoding="utf-8"))
        return done[site, lang]

    return build


def html_file(out: Path, url: str) -> Path:
    return out / url.strip("/") / "index.html" if url.endswith("/") else out / url.strip("/")


@pytest.mark.parametrize(("site", "lang"), CASES)
def test_every_page_of_the_language_at_hugos_url_with_its_title(built, site, lang):
    out, _ = built(site, lang)
    wrong = {}
    for url, title in hugo.urls(site, lang).items():
        page = html_file(out, url)
        shown = soup(page).select_one("h1").get_text().rstrip("¶") if page.is_file() else None
        if shown != title:
            wrong[url] = shown
    assert wrong == {}


@pytest.mark.parametrize(("site", "lang"), CASES)
def test_the_language_sees_its_own_site_title_and_sphinx_speaks_it(built, site, lang):
    out, _ = built(site, lang)
    settings = hugo.site_settings(site, lang)
    home = soup(html_file(out, settings["home"]))
    assert home.select_one("html")["lang"] == settings["languageCode"]
    assert settings["title"] in home.select_one("title").get_text()


@pytest.mark.parametrize(("site", "lang"), CASES)
def test_sections_list_their_pages_in_hugos_order(built, site, lang):
    out, _ = built(site, lang)
    with (out / ".doctrees" / "environment.pickle").open("rb") as file:
        env = pickle.load(file)
    by_path = hugo.pages(site, lang)
    url_of = {path.rsplit(".", 1)[0]: page["url"] for path, page in by_path.items()}
    for section, children in hugo.section_order(site, lang).items():
        docname = next(d for d, url in url_of.items() if url == section)
        ours = [url_of.get(d, d) for d in env.toctree_includes.get(docname, [])]
        assert ours == [c for c in children if c in ours] and set(children) <= set(ours), section


@pytest.mark.parametrize(("site", "lang"), CASES)
def test_each_language_has_its_own_menus(site, lang):
    root = hugo.content_root(site, lang)
    config = siteconfig.load(siteconfig.discover(root))
    seen = languages.view(config.values, lang)
    site_languages, _ = languages.from_config(config.values)
    mine = []
    for page in load_pages(root):  # a page's language: its file name's suffix, else the folder's
        code, path = site_languages.file_language(page.path, site_languages.default)
        if (
            code == lang
            or site_languages.get(lang).content_dir
            != site_languages.get(site_languages.default).content_dir
        ):
            mine.append(content.Page(page.key, path, page.params, page.key_lines))
    tree, problems = content.menus_of(mine, seen.get("menus"), lambda m, i: ("", 0))
    assert problems == []

    def names(entries):
        return [(e.name, names(e.children)) for e in entries]

    def hugo_names(entries):
        return [(name, hugo_names(children)) for name, _, children in entries]

    assert {m: names(e) for m, e in tree.items()} == {
        m: hugo_names(e) for m, e in hugo.menus(site, lang).items()
    }


@pytest.mark.parametrize(("site", "lang"), CASES)
def test_aliases_redirect_where_current_hugo_puts_them(built, site, lang):
    out, _ = built(site, lang)
    mine = set(hugo.urls(site, lang))
    wrong = {}
    for file, target in hugo.redirects_current_hugo(site).items():
        owner = target.removeprefix("https://tidewatch.example.org")
        if owner not in mine:
            continue  # another language's alias
        page = out / file
        refresh = page.is_file() and soup(page).select_one("meta[http-equiv=refresh]")
        landed = (
            refresh
            and urlsplit(
                urljoin("https://x.test/" + file, refresh["content"].split("url=", 1)[1])
            ).path
        )
        wrong[file] = None if landed == owner else landed or "no redirect"
    assert {f: v for f, v in wrong.items() if v} == {}


@pytest.mark.parametrize("site", SITES)
def test_one_command_builds_every_language_into_hugos_layout(tmp_path, site):
    shutil.copytree(hugo.site_dir(site), tmp_path / "site")
    content = tmp_path / "site" / hugo.content_root(site, "en").relative_to(hugo.site_dir(site))
    result = subprocess.run(
        [sys.executable, "-m", "sphinx_comparisons", "build", str(content), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    for lang in hugo.languages(site):
        home = hugo.site_settings(site, lang)["home"]
        assert (
            soup(html_file(out, home)).select_one("html")["lang"]
            == (hugo.site_settings(site, lang)["languageCode"])
        )
        prefix = home.rstrip("/")
        missing = [
            url
            for url in hugo.urls(site, lang)
            # a page whose url: is a path from the site root stays in its language's folder
            if url.startswith(prefix + "/") and not html_file(out, url).is_file()
        ]
        assert missing == [], lang


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sphinx_comparisons", *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )


def test_init_writes_a_translation_project_for_a_languages_own_folder(tmp_path):
    shutil.copytree(hugo.site_dir("contentdir"), tmp_path / "site")
    fr = tmp_path / "site" / "content" / "fr"
    assert run_cli("init", str(fr)).returncode == 0
    conf = runpy.run_path(str(fr / "conf.py"))
    assert conf["hugo_language"] == "fr" and conf["project"] == "Tidewatch en français"
    data = assert_valid_readthedocs(tmp_path / "site" / ".readthedocs.fr.yaml")
    assert data["sphinx"]["configuration"] == "content/fr/conf.py"
    assert not (tmp_path / "site" / ".readthedocs.yaml").exists()
    # Hugo's layout here; on Read the Docs (a project per language) without the prefix
    for env, url in (
        ({}, "/fr/guide/configurer/"),
        ({"READTHEDOCS": "True"}, "/guide/configurer/"),
    ):
        out = tmp_path / f"out{len(env)}"
        built = subprocess.run(
            [sys.executable, "-m", "sphinx", "-q", "-b", "dirhtml", str(fr), str(out)],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, **env},
        )
        assert built.returncode == 0, built.stderr
        assert html_file(out, url).is_file(), url


def test_one_conf_builds_the_language_read_the_docs_names_for_a_shared_folder(tmp_path):
    shutil.copytree(hugo.site_dir("suffix"), tmp_path / "site")
    content = tmp_path / "site" / "content"
    assert run_cli("init", str(content)).returncode == 0
    assert_valid_readthedocs(tmp_path / "site" / ".readthedocs.yaml")
    for lang in ("en", "fr"):
        out = tmp_path / lang
        built = subprocess.run(
            [sys.executable, "-m", "sphinx", "-q", "-b", "dirhtml", str(content), str(out)],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "READTHEDOCS": "True", "READTHEDOCS_LANGUAGE": lang},
        )
        assert built.returncode == 0, built.stderr
        prefix = hugo.site_settings("suffix", lang)["home"].rstrip("/")
        urls = [url.removeprefix(prefix) for url in hugo.urls("suffix", lang)]
        assert all(html_file(out, url).is_file() for url in urls), lang


def test_check_takes_the_language_to_check(tmp_path):
    shutil.copytree(hugo.site_dir("suffix"), tmp_path / "site")
    content = tmp_path / "site" / "content"
    french = next(content.rglob("*.fr.md"))
    french.write_text(french.read_text(encoding="utf-8") + "\n[lost](/nowhere/)\n")
    fr = json.loads(run_cli("check", str(content), "--language", "fr", "--format", "json").stdout)
    en = json.loads(run_cli("check", str(content), "--format", "json").stdout)
    assert fr["counts"] == {"hugo.link_unresolved": 1} and en["counts"] == {}
