"""What HTML pages get from front matter: head tags and template variables."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from sphinx_comparisons import compat
from sphinx_comparisons.hugo import safeurl
from sphinx_comparisons.site import records

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.config import Config

STATIC = Path(__file__).parent.parent / "static"
CSS_FILE = "sphinx_comparisons.css"

_HAS_DESCRIPTION = re.compile(r"""<meta\s[^>]*name\s*=\s*["']description["']""", re.IGNORECASE)
_HAS_OG_DESCRIPTION = re.compile(
    r"""<meta\s[^>]*property\s*=\s*["']og:description["']""", re.IGNORECASE
)
#: Sphinx's MathJax settings; one set in conf.py means the site chose its own MathJax setup.
_MATHJAX_CONFIGS = (
    "mathjax_config",
    "mathjax2_config",
    "mathjax3_config",
    "mathjax4_config",
    "mathjax_config_path",
)
#: MathJax's ``ui/safe`` filters ``\href`` and MathML links (no ``javascript:``/``data:``), ids,
#: classes and styles; the same ``loader`` setting for MathJax 3 and 4 (docs.mathjax.org, "Safe
#: Extension Options").
SAFE_MATHJAX = {"loader": {"load": ["ui/safe"]}}


def on_page_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """Expose the page's front matter to templates and write its description tags.

    Runs before sphinxext-opengraph (priority 500), which then finds our
    ``<meta name="description">`` and takes ``og:description`` from ``meta``,
    so each tag appears once.
    """
    params = records.params(app.env, pagename) if pagename in app.env.found_docs else {}
    context["hugo_params"] = _html_safe(params)
    if doctree is None:
        return
    base = app.config.html_baseurl
    if base:
        # the page's address as the builder gives it (Sphinx 8.0 appends ".html" even for dirhtml)
        page_url = base.rstrip("/") + "/" + app.builder.get_target_uri(pagename)
        context["pageurl"] = page_url
        if "sphinxext.opengraph" not in app.extensions:
            url = safeurl.attribute(page_url)
            context["metatags"] = (
                context.get("metatags", "") + f'\n    <meta property="og:url" content="{url}" />'
            )
    description = params.get("description")
    if not isinstance(description, str) or not description.strip():
        return
    description = " ".join(description.split())
    escaped = safeurl.attribute(description)
    metatags = context.get("metatags", "")
    if not _HAS_DESCRIPTION.search(metatags):
        metatags += f'\n    <meta name="description" content="{escaped}" />'
    if "sphinxext.opengraph" in app.extensions:
        context["meta"] = {**(context.get("meta") or {}), "og:description": description}
    elif not _HAS_OG_DESCRIPTION.search(metatags):
        metatags += f'\n    <meta property="og:description" content="{escaped}" />'
    context["metatags"] = metatags


def copy_static(app: Sphinx) -> None:
    """Put our stylesheet into ``_static`` for HTML builders (``builder-inited``)."""
    if app.builder.format != "html":
        return
    target = Path(app.outdir) / "_static"
    target.mkdir(parents=True, exist_ok=True)
    (target / CSS_FILE).write_text(
        (STATIC / CSS_FILE).read_text(encoding="utf-8"), encoding="utf-8"
    )


def _html_safe(value: Any) -> Any:
    """Front matter for templates: text (keys too) escaped, since Sphinx's Jinja does not
    autoescape."""
    if isinstance(value, str):
        return Markup(
            safeurl.attribute(value)
        )  # already escaped: an autoescaping template keeps it as is
    if isinstance(value, dict):
        return {_html_safe(key): _html_safe(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_html_safe(item) for item in value]
    return value


def safe_mathjax(app: Sphinx, conf: Config) -> None:
    """Load MathJax's ``ui/safe``, so a page's ``\\href{javascript:...}`` is no link
    (``config-inited``).

    Sphinx 9 loads MathJax 4 and has ``mathjax4_config``; Sphinx 8 loads
    MathJax 3 and has ``mathjax3_config``. A value set in conf.py wins.
    """
    if compat.sphinx.given_in_conf(conf, _MATHJAX_CONFIGS):
        return
    name = "mathjax4_config" if "mathjax4_config" in conf else "mathjax3_config"
    setattr(conf, name, copy.deepcopy(SAFE_MATHJAX))
