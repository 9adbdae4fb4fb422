"""The feeds, ``sitemap.xml`` and ``robots.txt``, written by the HTML builders at the end of
the build (``hugo/feeds.py`` makes them; ``hugo/outputs.py`` checks every path).

Each file is written once per build, and only when its bytes changed; one an earlier build
wrote that this build does not is removed (its manifest, ``outputs.sweep``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from sphinx_comparisons.config import settings
from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.feeds import plan
from sphinx_comparisons.hugo import content, dates, feeds, outputs, sectionlists
from sphinx_comparisons.site import domain, state
from sphinx_comparisons.site.addresses import style

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_comparisons.site.state import SiteModel

logger = logging.getLogger(__name__)
MANIFEST = ".sphinx-comparisons-feeds.json"


def base_of(app: Sphinx) -> str:
    """``hugo_base_url``, else ``html_baseurl``: what makes feed and sitemap links absolute."""
    return (settings(app.config).base_url or app.config.html_baseurl or "").rstrip("/")


def _url(app: Sphinx, site: SiteModel, key: str | None, url: str) -> str:
    """A page's address as the builder writes it (``/a/`` for dirhtml, ``/a.html`` for html)."""
    if key is None or key not in site.pages:
        return url
    return "/" + app.builder.get_target_uri(key)


def _feed(app: Sphinx, site: SiteModel, page: plan.ListPage, base: str) -> bytes:
    summaries = domain.of(app.env)
    found = [site.pages[key] for key in page.pages if key in site.pages]
    limit = feeds.limit(site.site_config.get)
    items = tuple(
        feeds.Item(
            p.title,
            base + _url(app, site, p.key, site.addresses[p.key].url),
            content.publish_date(p.params),
            (summaries.summary(p.key) or ("", False))[0],
        )
        for p in found
        if p.key in site.addresses
    )
    if page.kind == "taxonomy":  # its terms, with the summary of a term's own page
        items = tuple(
            feeds.Item(title, base + url, date, (summaries.summary(key or "") or ("", False))[0])
            for title, url, date, key in page.entries
        )
    own = dates.as_datetime(page.params.get("date"))
    return feeds.rss(
        feeds.Channel(
            title=page.title,
            link=base + _url(app, site, page.key, page.url),
            self_link=base + "/" + plan.feed_path(page.url),
            site_title=_site_title(app, site),
            language=str(site.site_config.get("languageCode") or ""),
            date=sectionlists.newest(own, found, lambda p: p.date),
            items=items[:limit],
        )
    )


def _site_title(app: Sphinx, site: SiteModel) -> str:
    title = site.site_config.get("title")
    return title if isinstance(title, str) else app.config.project


def _sitemap(app: Sphinx, pages: tuple[plan.ListPage, ...], base: str) -> bytes:
    """Every page with a URL that is in the site's collections and not ``sitemap.disable``d:
    list pages dated by their newest page's ``lastmod`` when they have none."""
    env = app.env
    site = state.model(env)
    found = plan.site_lists(env)[0]
    config = plan.sitemap_config(site)
    entries = []
    listed = {page.key for page in pages if page.key}
    for page in pages:
        own = config.over(page.params.get("sitemap"))
        if own.disable:
            continue
        below = [site.pages[k] for k in page.pages if k in site.pages]
        if page.kind in ("home", "section"):
            folder = "" if page.kind == "home" else _folder(site, page)
            below = sectionlists.below(found, folder) + [
                p
                for p in site.pages.values()
                if p.kind == "section" and p.folder.startswith(folder + "/" if folder else "")
            ]
        lastmod = sectionlists.newest(dates.lastmod(page.params), below, sectionlists.lastmod_of)
        loc = base + _url(app, site, page.key, page.url)
        entries.append(_entry(site, page.key, loc, lastmod, own, base))
    for key, page_ in site.pages.items():
        if key in listed or page_.kind == "section" or not page_.build.in_site:
            continue
        own = config.over(plan.page_settings(env, key).get("sitemap"))
        if own.disable or key not in site.addresses:
            continue
        url = base + _url(app, site, key, site.addresses[key].url)
        entries.append(_entry(site, key, url, dates.lastmod(page_.params), own, base))
    return feeds.sitemap(entries)


def _folder(site: SiteModel, page: plan.ListPage) -> str:
    known = site.pages.get(page.key) if page.key else None
    if known is not None:
        return known.folder
    return page.url.removeprefix(site.url_prefix).strip("/")


def _entry(
    site: SiteModel,
    key: str | None,
    loc: str,
    lastmod: dt.datetime | None,
    own: feeds.SitemapConfig,
    base: str,
) -> feeds.Entry:
    versions = site.translated.of_page.get(key, ()) if key else ()
    alternates = tuple(
        (t.locale or t.code, t.url if "://" in t.url else base + t.url) for t in versions
    )
    return feeds.Entry(
        loc,
        lastmod,
        own.changefreq,
        own.priority if own.priority >= 0 else None,
        alternates if len(alternates) > 1 else (),
    )


def _put(outdir: Path, relative: str, data: bytes) -> bool:
    destination = outputs.inside(outdir, relative)
    if destination is None:
        warn("output", f"{relative} would be written outside the output folder; skipped")
        return False
    try:
        if not destination.is_file() or destination.read_bytes() != data:
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(data)
    except OSError as err:
        warn("output", f"{relative} cannot be written ({err.strerror or err}); skipped")
        return False
    return True


def write(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: every feed, the sitemap and robots.txt; stale ones removed."""
    if exception is not None or style(app.builder) is None:
        return
    site = state.model(app.env)
    base = base_of(app)
    if not base:
        logger.info(
            "hugo: feeds and sitemap.xml link to site paths (/blog/x/): set hugo_base_url or "
            "html_baseurl for the absolute links RSS and sitemaps expect",
            once=True,
        )
    pages = plan.site_lists(app.env)[1]
    files: dict[str, bytes] = {}
    for page in pages:
        if plan.has_feed(site, page):
            files[plan.feed_path(page.url)] = _feed(app, site, page, base)
    prefix = site.url_prefix.lstrip("/") + "/" if site.url_prefix else ""
    files[prefix + plan.sitemap_config(site).filename] = _sitemap(app, pages, base)
    if site.site_config.get("enableRobotsTXT") is True:
        files["robots.txt"] = feeds.ROBOTS.encode()
    outdir = Path(app.outdir)
    written = [relative for relative, data in sorted(files.items()) if _put(outdir, relative, data)]
    outputs.sweep(outdir, MANIFEST, written)
