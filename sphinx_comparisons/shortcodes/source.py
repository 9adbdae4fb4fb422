"""The source-read step: a page's shortcodes expanded, text shortcodes (param, ref, a site's text
mappings) written in place."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sphinx_comparisons.hugo import params
from sphinx_comparisons.shortcodes.expand import Expansion, expand
from sphinx_comparisons.site import records, state

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_comparisons.hugo.shortcodes import Shortcode
from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.shortcodes import ref_links
from sphinx_comparisons.shortcodes.registry import custom_shortcodes, kind_of


def param_value(env: BuildEnvironment, docname: str, key: str) -> Any:
    """Hugo's ``param`` for a page, with what cascades pass down to it."""
    site = state.model(env).site_config.values.get("params", {})
    return params.param(key, records.params(env, docname), site)


def translated(env: BuildEnvironment, text: str) -> str:
    """The site's translation of ``text`` taken as a string id (Hugo's ``T``), else ``text``."""
    return state.model(env).strings.get(text.strip().lower(), text)


def text_renderer(env: BuildEnvironment, docname: str):  # type: ignore[no-untyped-def]
    custom = custom_shortcodes(env)

    def render(sc: Shortcode, inner: str) -> str:
        spec = custom.get(sc.name)
        if isinstance(spec, dict) and "text" in spec:
            values = {str(k): v for k, v in sc.named.items()}
            try:
                text = str(spec["text"]).format(*sc.positional, inner=inner, **values)
            except (IndexError, KeyError, ValueError) as err:
                site_warn(docname, sc.line, f"hugo_shortcodes text for {sc.name!r} needs {err}")
                return ""
            return translated(env, text) if spec.get("translate") else text
        if sc.name == "param":
            key = str(sc.get(0) or "")
            value = param_value(env, docname, key) if key else None
            if value is None:
                site_warn(
                    docname,
                    sc.line,
                    f"param {key!r} is in neither the page's, its sections' nor the site's params",
                )
                return ""
            return _as_text(value)
        if sc.name == "_param":
            return docsy_param(env, docname, sc)
        if sc.name in ("ref", "relref"):
            return ref_links.expand_call(env, docname, sc.name, sc.positional, sc.named, sc.line)
        return inner

    return render


def _as_text(value: Any) -> str:
    """A param as Hugo's templates print it."""
    if isinstance(value, str):
        return value
    if isinstance(value, (dict, list)):
        return json.dumps(value)
    return str(value).lower() if isinstance(value, bool) else str(value)


def docsy_param(env: BuildEnvironment, docname: str, sc: Shortcode) -> str:
    """Docsy's ``_param``: a page or site param printed as it is (HTML included: the raw HTML
    policy then applies to it), its ``{1}`` ``{2}`` ... replaced by the other arguments."""
    key = str(sc.get(0) or sc.named.get("name") or "")
    value = param_value(env, docname, key) if key else None
    if not value and key == "baseURL":
        value = state.model(env).site_config.get("baseURL")
    if not key or value in (None, ""):
        site_warn(
            docname,
            sc.line,
            "_param: parameter name is missing"
            if not key
            else f"_param: {key!r} is in neither the page's, its sections' nor the site's params",
        )
        return ""
    text, unresolved = params.substitute(_as_text(value), list(sc.positional))
    if unresolved:
        site_warn(
            docname, sc.line, f"_param {key!r}: placeholders {', '.join(unresolved)} not replaced"
        )
    return text


def site_warn(docname: str, line: int, message: str) -> None:
    warn("shortcode_params", message, location=(docname, line))


def expand_text(env: BuildEnvironment, docname: str, text: str) -> Expansion:
    """Shortcodes in ``text`` expanded for ``docname``: text ones written, the others as MyST."""
    return expand(text, kind_of(env), text_renderer(env, docname), limits=records.limits(env))


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    """Expand the page's shortcodes before MyST reads it (after its title was put in)."""
    env = app.env
    if "{{" not in source[0] or not records.is_markdown(env, docname):
        return
    result = expand_text(env, docname, source[0])
    for problem in result.problems:
        warn(problem.subtype, problem.message, location=(docname, problem.line))
    for name, line in result.unknown.items():
        warn(
            "shortcode_unknown",
            f"shortcode {name!r} is not known: its inner content is shown as Markdown "
            "(map it in hugo_shortcodes)",
            location=(docname, line),
        )
    for name, line in result.unknown_in_code.items():
        warn(
            "shortcode_unknown",
            f"shortcode {name!r} in a code block is not known: it is kept as written (Hugo "
            "stops with an error here; map it in hugo_shortcodes)",
            location=(docname, line),
        )
    source[0] = result.text
