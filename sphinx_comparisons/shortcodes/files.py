"""Shortcodes that show another file: readfile and includeMarkdown, within the include budgets."""

from __future__ import annotations

from pathlib import Path

from docutils import nodes

from sphinx_comparisons.files import reads
from sphinx_comparisons.hugo import siteconfig
from sphinx_comparisons.hugo.limits import IncludeChain
from sphinx_comparisons.shortcodes.calls import Call
from sphinx_comparisons.site import records, state


def _find_file(call: Call, reference: str) -> Path | None:
    """The file a ``readfile`` names: from the Hugo project root (the folder of the site config)
    first, then beside the page (``x``) or from the content root (``/x``). Hugo's ``readFile``
    reads the project folder laid over the content folder (``tpl/os/os.go``, ``New``).

    Only files inside the site may be read (``reads.allowed``); a reference that
    leads out of it is refused with ``hugo.path``, found or not.
    """
    page_dir = Path(call.env.doc2path(call.docname)).parent
    srcdir = Path(call.env.srcdir)
    rooted = reference.lstrip("/")
    project = siteconfig.site_root([Path(f) for f in state.model(call.env).site_config.files])
    first = (page_dir, reference) if not reference.startswith("/") else (srcdir, rooted)
    places = [*([(project, rooted)] if project is not None else []), first]
    if reference.startswith("/"):
        places.append((srcdir.parent, rooted))
    found, refused = reads.locate(call.env, places)
    if found is not None:
        return found
    if refused:
        call.warn("path", f"{call.name}: {refused}")
    else:
        call.warn(
            "shortcode_params",
            f"{call.name}: file {reference!r} not found (from the Hugo project root, then "
            "relative to the page, or from the content root when it starts with /)",
        )
    return None


def readfile(call: Call) -> list[nodes.Node]:
    """Docsy's readfile (and YugabyteDB's includeMarkdown): a file as Markdown or as code."""
    reference = str(call.arg("file", 0, ""))
    found = _find_file(call, reference)
    if found is None:
        return []
    call.env.note_dependency(str(found))
    reading = state.reading(call.env)
    if reading.includes is None:
        reading.includes = IncludeChain([Path(call.env.doc2path(call.docname)).resolve()])
    includes = reading.includes
    limits = records.limits(call.env)
    refusal = includes.refusal(found, call.line, limits)
    if refusal is not None:
        if refusal:
            call.warn("limit", f"{call.name}: {reference!r} {refusal}")
        return []
    room = limits.page_size - includes.characters
    # a UTF-8 character takes at most 4 bytes: a file larger than that cannot fit and is not read
    too_big = found.stat().st_size > 4 * room + 4
    text = (
        ""
        if too_big
        else reads.read(call.env, found, reference, (call.docname, call.line), "shortcode_params")
    )
    if text is None:
        return []
    if too_big or len(text) > room:
        call.warn(
            "limit",
            f"{call.name}: {reference!r} takes what this page includes past {limits.page_size:,} "
            "characters (hugo_limits 'page_size'); it was left out",
        )
        return []
    includes.characters += len(text)
    if call.arg("code") in (True, "true"):
        return [nodes.literal_block(text, text, language=str(call.arg("lang", default="text")))]
    expanded = call.expand_shortcodes(text)
    includes.chain.append(found)
    try:
        return call.markdown(expanded)
    finally:
        includes.chain.pop()
