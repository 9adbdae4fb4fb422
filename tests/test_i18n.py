"""The site's translation strings (Hugo's ``i18n/``): read as Hugo reads them, used where the
extension prints a word of its own or a mapping asks for a translation."""

from __future__ import annotations

import os
import shutil

import pytest

import multilingual_expected as hugo
from conftest import soup, sphinx_build, write_tree
from sphinx_comparisons.hugo import i18n


@pytest.mark.parametrize(
    ("suffix", "text"),
    [
        (".toml", 'Related = "Related posts"\n[whatsnext]\none = "Next"\nother = "What\'s next"\n'),
        (".yaml", ("- id: related\n  translation: Related posts\n- id: WhatsNext\n"
         "  translation:\n    other: What's next\n")),
        (".json", ('[{"id": "related", "translation": "Related posts"},'
         ' {"id": "whatsnext", "translation": {"other": "What\'s next"}}]')),
    ],
)  # fmt: skip
def test_both_go_i18n_forms_in_every_format(suffix, text):
    strings, problems = i18n.parse(text, suffix, "en" + suffix)
    assert problems == []
    assert strings == {"related": "Related posts", "whatsnext": "What's next"}


def test_unreadable_files_are_problems_not_failures():
    strings, problems = i18n.parse("= broken\n", ".toml", "fr.toml")
    assert strings == {} and problems and problems[0].line == 1
    strings, problems = i18n.parse('"text"', ".json", "fr.json")
    assert strings == {} and "holds no translations" in problems[0].message
    strings, _ = i18n.parse("a = 1\nb = [1]\n[c]\nx = 2\n", ".toml", "fr.toml")
    assert strings == {}  # no text: nothing to translate with


MAPPING = 'hugo_shortcodes = {"t": {"text": "{0}", "translate": True}}\n'


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_translated_mapping_prints_what_hugos_t_gives(tmp_path, lang):
    """Every string id of the site, in each language, as Hugo 0.111.3 printed it (a string
    the French file lacks is the English one)."""
    shutil.copytree(hugo.site_dir("contentdir"), tmp_path / "site")
    src = tmp_path / "site" / "content" / lang
    ids = sorted(hugo.i18n("contentdir", lang))
    body = "\n\n".join(f'{name}: {{{{< t "{name}" >}}}}' for name in ids)
    write_tree(src, {"strings.md": f"---\ntitle: Strings\n---\n\n{body}\n", "conf.py": (
        'extensions = ["sphinx_comparisons"]\n' + MAPPING
    )})  # fmt: skip
    built = sphinx_build(src, tmp_path / "out", "-b", "dirhtml")
    assert built.returncode == 0 and "strings.md" not in built.stderr, built.stderr
    prefix = hugo.site_settings("contentdir", lang)["home"]
    page = soup(tmp_path / "out" / prefix.strip("/") / "strings" / "index.html")
    shown = dict(p.get_text().split(": ", 1) for p in page.select("article p, div.body p"))
    assert shown == hugo.i18n("contentdir", lang)


def test_a_languages_i18ndir_with_subfolders_and_the_legend(tmp_path):
    """Kubernetes keeps its strings in ``data/i18n/<lang>/<lang>.toml`` (``i18nDir``); the
    comparison legend's words are the site's ``comparison_*`` strings."""
    write_tree(
        tmp_path,
        {
            "hugo.toml": 'defaultContentLanguage = "en"\n[languages.en]\n'
            'contentDir = "content/en"\n[languages.fr]\ncontentDir = "content/fr"\n'
            'i18nDir = "data/i18n"\n',
            "data/i18n/fr/fr.toml": '[comparison_yes]\nother = "Oui"\n'
            '[whatsnext]\nother = "Et après"\n',
            "content/fr/_index.md": "---\ntitle: Accueil\n---\n\n## {{< t whatsnext >}}\n\n"
            "```{comparison}\nproducts: [A, B]\nfeatures:\n  Vitesse: [yes, no]\n```\n",
            "content/fr/conf.py": 'extensions = ["sphinx_comparisons"]\n' + MAPPING,
        },
    )
    built = sphinx_build(tmp_path / "content" / "fr", tmp_path / "out", "-b", "dirhtml", "-W")
    assert built.returncode == 0, built.stderr
    home = soup(tmp_path / "out" / "fr" / "index.html")
    assert home.select_one("h2").get_text().rstrip("¶") == "Et après"
    assert home.select_one("h2 a, section[id]")  # the heading's id is made from the translation
    legend = home.select_one(".hugo-comparison-legend").get_text()
    assert "Oui" in legend and "No" in legend  # a string the site lacks stays English
    labels = [s.get_text() for s in home.select("table .hugo-visually-hidden")]
    assert labels == ["Oui", "No"]


def test_strings_outside_the_site_are_not_read(tmp_path):
    write_tree(
        tmp_path,
        {
            "outside/en.toml": 'secret = "from outside"\n',
            "site/hugo.toml": 'title = "S"\n',
            "site/content/_index.md": '---\ntitle: H\n---\n\n{{< t "secret" >}}\n',
            "site/content/conf.py": 'extensions = ["sphinx_comparisons"]\n' + MAPPING,
        },
    )
    os.symlink(tmp_path / "outside", tmp_path / "site" / "i18n")
    built = sphinx_build(tmp_path / "site" / "content", tmp_path / "out", "-b", "dirhtml")
    assert built.returncode == 0, built.stderr
    text = soup(tmp_path / "out" / "index.html").select_one("div.body, article").get_text()
    assert "from outside" not in text and "secret" in text


def test_the_automatic_related_block_heading_is_the_sites_string(tmp_path):
    write_tree(
        tmp_path,
        {
            "hugo.toml": 'defaultContentLanguage = "fr"\n',
            "i18n/fr.yaml": "related_pages: Pages voisines\n",
            "content/_index.md": "---\ntitle: Accueil\nkeywords: [marées]\n---\n",
            "content/a.md": "---\ntitle: A\nkeywords: [marées]\n---\n\nTexte.\n",
            "content/conf.py": 'extensions = ["sphinx_comparisons"]\nhugo_related_pages = 3\n',
        },
    )
    built = sphinx_build(tmp_path / "content", tmp_path / "out", "-b", "dirhtml")
    assert built.returncode == 0, built.stderr
    page = soup(tmp_path / "out" / "a" / "index.html")
    assert "Pages voisines" in page.select_one("div.body, article").get_text()
    assert "Related pages" not in page.get_text()


def test_zero_config_takes_the_sites_title_and_copyright_as_text(tmp_path):
    write_tree(
        tmp_path,
        {
            "hugo.toml": 'title = "Harbour"\ncopyright = "© 2024 [Tide Co](https://tide.example)"\n',
            "content/_index.md": "---\ntitle: Home\n---\n",
        },
    )
    built = sphinx_build(tmp_path / "content", tmp_path / "out", "-b", "dirhtml")
    assert built.returncode == 0, built.stderr
    page = soup(tmp_path / "out" / "index.html")
    assert "Harbour" in page.select_one("title").get_text()
    footer = page.select_one("div.footer, footer").get_text()
    assert "2024 Tide Co" in footer and "[" not in footer and "](" not in footer
