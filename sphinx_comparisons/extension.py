"""Wiring: which handler runs on which Sphinx event."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx_comparisons import compat, config, guard, reference_directive
from sphinx_comparisons.addresses import address_book, links, redirects
from sphinx_comparisons.components import comparison, related_posts, symbols
from sphinx_comparisons.files import reads, staticdirs
from sphinx_comparisons.hugo import siteconfig
from sphinx_comparisons.navigation import sections, toctrees
from sphinx_comparisons.page import heading_ids, html_context, rawhtml, titles
from sphinx_comparisons.shortcodes import calls, heading_marks, served
from sphinx_comparisons.site import home, model, records

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.util.typing import ExtensionMetadata

#: Bump when what is stored on the environment changes shape.
ENV_VERSION = 3


def setup_extension(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("myst_parser")
    compat.patch_myst()
    app.setup_extension("sphinx_design")
    config.register(app)
    app.connect("config-inited", on_config_inited, priority=850)
    app.connect("config-inited", html_context.safe_mathjax)
    app.connect("config-inited", register_translated_directives, priority=900)
    app.connect("builder-inited", html_context.copy_static)
    app.connect("builder-inited", address_book.install)
    app.connect("builder-inited", address_book.restore_search_index)
    app.connect("build-finished", address_book.fix_search_index)
    app.connect("build-finished", address_book.remove_stale_pages, priority=400)
    app.connect("build-finished", staticdirs.copy, priority=450)
    app.connect("build-finished", redirects.write)
    app.connect("env-get-outdated", reads.drop_escaping_sources, priority=400)
    app.connect("env-get-outdated", records.scan)
    app.connect("env-get-outdated", model.on_env_get_outdated, priority=600)
    app.connect("env-get-updated", model.on_env_get_updated)
    app.connect("env-updated", toctrees.on_env_updated)
    app.connect("env-updated", model.on_env_updated, priority=900)
    hooks = guard.Guarded(app)  # every per-page handler below: a failure is a warning
    hooks.connect("source-read", records.cut_source, priority=100)
    hooks.connect("source-read", titles.on_source_read)
    hooks.connect("source-read", served.on_source_read, priority=550)
    hooks.connect("doctree-read", heading_marks.on_doctree_read, priority=600)  # after Sphinx's toc
    hooks.add_directive("hugo-shortcode", calls.ShortcodeDirective)
    hooks.add_role("hugo-shortcode", calls.shortcode_role)
    hooks.add_node(calls.hugo_block)
    hooks.add_transform(calls.LiftBlocks)
    hooks.add_node(symbols.symbol, html=(symbols.visit_symbol_html, None))
    hooks.add_transform(symbols.IconSymbols)
    hooks.add_transform(rawhtml.OmitRawHtml)
    hooks.add_directive("meta", rawhtml.LocatedMeta, override=True)
    hooks.add_directive("comparison", comparison.ComparisonDirective)
    hooks.add_env_collector(comparison.ComparisonPages)
    hooks.connect("html-page-context", comparison.accessible_markup)
    hooks.connect("source-read", related_posts.on_source_read, priority=560)
    hooks.add_directive("related-posts", related_posts.RelatedPostsDirective)
    hooks.add_node(related_posts.related_block, html=(related_posts.visit_related_html, None))
    hooks.add_env_collector(related_posts.RelatedPages)
    hooks.add_directive("hugo-reference", reference_directive.ReferenceDirective)
    hooks.connect("source-read", heading_ids.on_source_read, priority=600)
    hooks.add_transform(titles.HugoTitles)
    hooks.add_transform(heading_ids.HeadingIds)
    hooks.add_transform(toctrees.InjectToctrees)
    hooks.add_transform(links.ResolveHugoLinks)
    hooks.add_transform(links.CheckFinalLinks)
    hooks.add_transform(reads.ContainFiles)
    for name, directive in reads.DIRECTIVES.items():
        hooks.add_directive(name, directive, override=True)
    hooks.add_post_transform(links.ResolveLinksAtWrite)
    hooks.add_env_collector(links.AnchorCollector)
    hooks.connect("source-read", sections.on_source_read, priority=700)
    hooks.add_directive("section-index", sections.SectionIndex)
    hooks.connect("doctree-read", titles.on_doctree_read, priority=600)
    hooks.connect("html-page-context", html_context.on_page_context, priority=400)
    app.add_css_file(html_context.CSS_FILE)
    from sphinx_comparisons import __version__

    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }


def register_translated_directives(app: Sphinx, conf: Config) -> None:
    """The file-reading overrides under the names the build's ``language`` gives them (``reads.py``)."""
    hooks = guard.Guarded(app)
    for name, directive in reads.translated_directives(conf.language).items():
        hooks.add_directive(name, directive)


def on_config_inited(app: Sphinx, conf: Config) -> None:
    settings = config.validate(conf)
    if settings.config:
        base = Path(app.confdir) if app.confdir else Path(app.srcdir)
        settings = dataclasses.replace(settings, config=str(base / settings.config))
    conf._sphinx_comparisons = settings
    if not conf.html_baseurl and os.environ.get("READTHEDOCS_CANONICAL_URL"):
        conf.html_baseurl = os.environ["READTHEDOCS_CANONICAL_URL"]
    conf.myst_enable_extensions = _merged(conf.myst_enable_extensions, settings.myst_extensions)
    if not settings.sphinx_only_warnings:
        conf.suppress_warnings = _merged(conf.suppress_warnings, config.SPHINX_ONLY_WARNINGS)
    hugo_site = siteconfig.load(siteconfig.find(settings.config, Path(app.srcdir)))
    if _root_doc_is_default(conf):
        srcdir = Path(app.srcdir)
        suffixes = list(conf.source_suffix) if conf.source_suffix else [".rst", ".md"]
        root = home.root_page(srcdir, suffixes)
        if root is None and home.write(srcdir, str(hugo_site.values.get("title") or "Home")):
            root = "_index"
        if root == "_index":  # Hugo's home page, used when there is no ``index`` page
            conf.root_doc = conf.master_doc = "_index"


def _merged(current: Any, extra: list[str]) -> list[str]:
    values = list(current or [])
    return values + [item for item in extra if item not in values]


def _root_doc_is_default(conf: Config) -> bool:
    given = set(conf._raw_config) | set(conf.overrides)
    return not given & {"root_doc", "master_doc"} and conf.root_doc == "index"
