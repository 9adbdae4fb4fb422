"""A multilingual site's languages: which exist, which one a build is, what it sees."""

from __future__ import annotations

from sphinx_comparisons.hugo import languages


def lower(value):
    """Keys as the site config keeps them: Hugo's config keys are not case-sensitive."""
    if isinstance(value, dict):
        return {str(k).lower(): lower(v) for k, v in value.items()}
    return value


def site(**values):
    return languages.from_config(lower(values))


TWO = {
    "defaultContentLanguage": "en",
    "contentDir": "content/en",
    "title": "Site",
    "params": {"a": 1, "b": 1},
    "languages": {
        "en": {"weight": 1, "languageName": "English"},
        "fr": {
            "weight": 2,
            "languageCode": "fr-FR",
            "languageName": "Français",
            "contentDir": "content/fr",
            "title": "Site FR",
            "params": {"b": 2},
            "menus": {"main": [{"name": "Accueil", "url": "/fr/"}]},
        },
        "de": {"weight": 3, "disabled": True, "contentDir": "content/de"},
        "ko": {"weight": 4, "contentDir": "content/ko"},
    },
    "disableLanguages": ["ko"],
}


def test_languages_in_hugos_order_without_the_disabled_ones():
    found, problems = site(**TWO)
    assert problems == [] and found.codes() == ["en", "fr"] and found.multilingual
    fr = found.get("FR")
    assert fr == languages.Language("fr", "fr-FR", "Français", 2, "content/fr")
    # a language without its own contentDir has the site's
    assert found.get("en").content_dir == "content/en" and found.get("en").locale == "en"
    # weight 0 (unset) sorts after every weighted language, then by code
    unweighted, _ = site(
        languages={"b": {}, "a": {}, "c": {"weight": 5}}, defaultContentLanguage="b"
    )
    assert unweighted.codes() == ["c", "a", "b"]


def test_the_default_language_is_at_the_root_unless_in_a_subdirectory():
    found, _ = site(**TWO)
    assert found.prefix("en") == "" and found.prefix("fr") == "/fr"
    subdir, _ = site(**TWO, defaultContentLanguageInSubdir=True)
    assert subdir.prefix("en") == "/en"


def test_a_site_without_languages_is_its_default_language():
    found, problems = site(title="One")
    assert problems == [] and found.codes() == ["en"] and not found.multilingual
    assert found.get("en").content_dir == "content"


def test_malformed_language_settings_are_problems_not_failures():
    found, problems = site(languages=["en", "fr"])
    assert [p.key for p in problems] == ["languages"] and found.codes() == ["en"]
    found, problems = site(languages={"en": {}, "<script>": {}, "fr": "not a table"})
    assert [p.key for p in problems] == ["languages.<script>"]
    assert found.codes() == ["en", "fr"] and found.get("fr").content_dir == "content"
    weird, _ = site(languages={"en": {"weight": "1", "languageName": ["x"], "contentDir": 3}})
    assert weird.get("en") == languages.Language("en", "en", "en", 0, "content")


def test_a_language_sees_its_own_title_params_and_menus():
    values = lower(TWO)
    fr = languages.view(values, "fr")
    assert fr["title"] == "Site FR" and fr["params"] == {"a": 1, "b": 2}
    assert fr["menus"] == {"main": [{"name": "Accueil", "url": "/fr/"}]}
    assert fr["contentdir"] == "content/en"  # the language's own folder is not the site's
    assert languages.view(values, "en")["title"] == "Site"
    assert languages.view(values, "xx") is values


def test_the_build_language_is_asked_else_the_source_folders_else_the_default(tmp_path):
    found, _ = site(**TWO)
    (tmp_path / "content" / "fr").mkdir(parents=True)
    fr_folder = tmp_path / "content" / "fr"
    assert languages.choose(found, None, fr_folder, tmp_path) == (found.get("fr"), True)
    assert languages.choose(found, None, tmp_path / "content" / "en", tmp_path)[0].code == "en"
    assert languages.choose(found, "fr", tmp_path, tmp_path) == (found.get("fr"), True)
    # a language the site does not have (or has disabled): the default one, flagged
    assert languages.choose(found, "de", fr_folder, tmp_path) == (found.get("en"), False)
    assert languages.choose(found, None, fr_folder, None)[0].code == "en"


def test_locales_as_sphinx_names_them():
    assert languages.sphinx_locale("zh-cn") == "zh_CN"
    assert languages.sphinx_locale("fr-FR") == "fr_FR"
    assert languages.sphinx_locale("pt_br") == "pt_BR"
    assert languages.sphinx_locale("EN") == "en"


def test_file_name_suffixes():
    codes = ["en", "fr"]
    assert languages.suffix_language("docs/about.fr.md", codes) == ("fr", "docs/about.md")
    assert languages.suffix_language("_index.fr.md", codes) == ("fr", "_index.md")
    assert languages.suffix_language("docs/about.md", codes) == (None, "docs/about.md")
    assert languages.suffix_language("v1.2.md", codes) == (None, "v1.2.md")
    assert languages.suffix_language(".fr.md", codes) == (None, ".fr.md")
    assert languages.is_code("zh-cn") and not languages.is_code("../x")
