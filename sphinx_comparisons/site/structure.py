"""The site's structure for the site model: its Hugo config, its pages, and the navigation
built from menus or sections."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx_comparisons.config import settings
from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.hugo import (
    buildopts,
    cascade,
    collation,
    content,
    dates,
    frontmatter,
    languages,
    menus,
    navigation,
    siteconfig,
    urls,
)
from sphinx_comparisons.site import pagedates, records

if TYPE_CHECKING:
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

    from sphinx_comparisons.site.state import SiteModel


def site_config(
    env: BuildEnvironment, old: SiteModel | None
) -> tuple[siteconfig.SiteConfig, Any, languages.Languages, languages.Language]:
    """The Hugo site config as this build's language sees it (``languages.view``), its files'
    stamp, the site's languages and this build's; read again only when a file changed."""
    files = siteconfig.find(settings(env.config).config, Path(env.srcdir))
    stamp = siteconfig.stamp(files)
    if old is not None and old.config_stamp == stamp:
        return old.site_config, stamp, old.languages, old.language
    config = siteconfig.load(files)
    site = site_languages(config)
    chosen = build_language(env, config, site)
    view = languages.view(config.values, chosen.code)
    return (
        siteconfig.SiteConfig(view, config.files, config.origins, config.problems),
        stamp,
        site,
        chosen,
    )


def site_languages(config: siteconfig.SiteConfig) -> languages.Languages:
    """The site's languages; a malformed ``languages`` entry is reported where it is."""
    found, problems = languages.from_config(config.values)
    for problem in problems:
        where, line = config.origin(problem.key)
        warn("siteconfig", problem.message, location=f"{where}:{line}")
    return found


def build_language(
    env: BuildEnvironment, config: siteconfig.SiteConfig, site: languages.Languages
) -> languages.Language:
    """This build's language (``languages.choose``); a ``hugo_language`` the site does not
    have, or has disabled, is reported."""
    asked = settings(env.config).language
    root = siteconfig.site_root([Path(f) for f in config.files])
    chosen, known = languages.choose(site, asked, Path(env.srcdir), root)
    if not known:
        warn(
            "config",
            f"hugo_language is {asked!r}, which is no enabled language of the site "
            f"(languages: {', '.join(site.codes())}); {chosen.code!r} is built",
        )
    return chosen


def pages(
    env: BuildEnvironment,
    config: siteconfig.SiteConfig,
    site: languages.Languages,
    language: languages.Language,
) -> tuple[dict[str, content.Page], set[str]]:
    """Every Markdown page of this build's language the scan holds, as Hugo sees it (drafts
    and all), with what the cascades of its sections and of the site config pass down to it;
    and the documents of other languages (``about.fr.md`` in an English build), left out.

    A page's path is its file's without the language suffix: ``_index.fr.md`` is the French
    home, ``about.fr.md`` is at ``/fr/about/``."""
    options = content.BuildOptions.from_config(
        config.values, settings(env.config).build
    )  # buildDrafts & co.
    root = siteconfig.site_root([Path(f) for f in config.files])
    folder = languages.of_source(site, Path(env.srcdir), root)
    folder_language = folder.code if folder is not None else site.default
    fronts, others = {}, set()
    for docname in sorted(env.found_docs):
        fm = records.front_matter(env, docname)
        if fm is None:
            continue
        path = str(env.doc2path(docname, False)).replace("\\", "/")
        code, path = (
            site.file_language(path, folder_language)
            if site.multilingual
            else (
                language.code,
                path,
            )
        )
        if code != language.code:
            others.add(docname)
            continue
        fronts[docname] = (path, fm)
    resolved = _cascaded(config, {path: fm for path, fm in fronts.values()})
    date_rules = pagedates.rules(config)
    facts = pagedates.facts_reader(config, date_rules, Path(env.srcdir))
    out = {}
    for docname, (path, fm) in fronts.items():
        dated = dates.apply(resolved[path], facts(Path(env.doc2path(docname)), path), date_rules)
        out[docname] = content.Page(docname, path, dated, fm.key_lines, options)
        for problem in buildopts.decode(fm.params, fm.line_of)[1]:
            warn(problem.subtype, problem.message, location=(docname, problem.line))
    return out, others


def _cascaded(
    config: siteconfig.SiteConfig, fronts: dict[str, frontmatter.FrontMatter]
) -> dict[str, dict[str, Any]]:
    """Each content file's front matter with the cascades reaching it (``hugo/cascade.py``);
    problems in a cascade are warned once, at its lines."""
    site, problems = cascade.decode(config.values.get("cascade"), lambda key: config.origin(key)[1])
    where = config.origin("cascade")[0]
    for problem in problems:
        warn("siteconfig", problem.message, location=f"{where}:{problem.line}")
    entries = {}
    for path, fm in fronts.items():
        if path.endswith("_index.md") and "cascade" in fm.params:
            entries[path], problems = cascade.decode(fm.params["cascade"], fm.line_of)
            for problem in problems:
                warn(problem.subtype, problem.message, location=f"{path}:{problem.line}")
    lang = str(config.values.get("defaultcontentlanguage") or "en").lower()
    return cascade.resolve({p: fm.params for p, fm in fronts.items()}, entries, site, lang)


#: Hugo's home page file: ``_index.md``, or a language's (``_index.fr.md``).
_HOME = re.compile(r"_index(?:\.[a-z][\w-]{0,40})?\.md")


def is_hugo_home(env: BuildEnvironment) -> bool:
    """Whether the tree is Hugo's: its root document is ``_index.md`` at the top.

    Hugo's rules that would take pages from a Sphinx tree (bundles' other
    files, folders as sections) apply only then.
    """
    root = env.config.root_doc
    path = str(env.doc2path(root, False)).replace("\\", "/")
    return root in env.found_docs and _HOME.fullmatch(path) is not None


def choose_menus(conf: Config, tree: dict[str, Any], count: int) -> list[str]:
    """``hugo_menus`` unset: the menu most pages are in, if it holds at least half of them."""
    setting = settings(conf).menus
    if setting is not None:
        return setting
    found = menus.chosen(tree, count)
    return [found] if found is not None else []


def build_navigation(
    env: BuildEnvironment,
    config: siteconfig.SiteConfig,
    found: dict[str, content.Page],
    url_index: dict[str, str],
    hugo_home: bool,
    linked: dict[str, str],
    title: collation.TitleKey = collation.english,
) -> navigation.Navigation:
    """The navigation for the current tree, reporting every menu problem with its location.

    ``url_index`` maps each page's normalised URL to its key (menu entries may name pages by URL);
    ``linked`` the URL of each ``render: link`` page, which a toctree can hold only as an address
    on ``hugo_base_url``'s site (else left out); ``title`` is the language's title order.
    """
    root = env.config.root_doc
    base = (settings(env.config).base_url or "").rstrip("/")
    external = {
        key: base + linked[key] if base and key in linked else ""
        for key, page in found.items()
        if not page.build.written and key != root
    }
    tree = content.section_tree(
        found.values(),
        root if root in found else None,
        fileless=hugo_home,
        pluralize=config.values.get("pluralizelisttitles") is not False,
        capitalize=config.values.get("capitalizelisttitles") is not False,
        title=title,
    )
    lists = navigation.section_lists(tree, found, linked)
    menu_tree, problems = content.menus_of(
        found.values(),
        config.values.get("menus"),
        lambda menu, index: config.origin(
            f"menus.{menu}.{index}" if index >= 0 else f"menus.{menu}"
        ),
        records.limits(env).menu_depth,
    )
    for problem in problems:
        where = problem.origin
        warn(
            problem.subtype,
            problem.message,
            location=where if where[0] in found else f"{where[0]}:{where[1]}",
        )
    names = choose_menus(env.config, menu_tree, len(found))
    for name in names:
        if name not in menu_tree:
            known = ", ".join(sorted(menu_tree)) or "none"
            warn(
                "config",
                f"hugo_menus names menu {name!r}, which no page or config entry uses "
                f"(menus: {known})",
            )
    if not names:
        return navigation.from_sections(tree, found, root, lists, external)
    return navigation.from_menus(
        menu_tree, names, root, lambda url: url_index.get(urls.normalize(url)), lists, external
    )
