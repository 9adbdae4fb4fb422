"""sphinx-design internals: component containers, tab sync keys, card footers, card markup."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TypeGuard

from docutils import nodes
from sphinx_design import extension as design_extension
from sphinx_design.shared import create_component, is_component

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: The component each sphinx-design directive must sit in, by directive name: a shortcode
#: mapped to one (``hugo_shortcodes``) is rendered in it, as a served ``tab`` is.
PARENTS = {"tab-item": "tab-set", "grid-item": "grid", "grid-item-card": "grid"}


def component(name: str) -> nodes.container:
    """A container that sphinx-design takes for its component ``name``, so a directive
    rendered into it finds the parent it expects (a ``tab-item`` wants a ``tab-set``).

    Relies on: ``sphinx_design.shared.create_component`` and ``is_component``, the marks its
    directives check their parent by.
    No public API: sphinx-design's components are made by its directives only, and a
    shortcode renders a tab without the tab set around it.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    return create_component(name)


def synced_tab_labels(tab_set: nodes.Node) -> list[tuple[nodes.Element, str]]:
    """The labels of a tab set's items that have a sync key (``:sync:``), each with its key;
    ``[]`` for anything but a tab set.

    Relies on: a ``tab-set`` component holding ``tab-item`` components whose first child is the
    label, which carries the key as ``sync_id`` and the set's group as ``sync_group``; the
    HTML transform writes them as ``data-sync-id`` and ``data-sync-group``.
    No public API: a key can be given to a tab, not taken back.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    if not is_component(tab_set, "tab-set"):
        return []
    labels = []
    for item in tab_set.children:
        label = item[0] if isinstance(item, nodes.Element) and item.children else None
        if isinstance(label, nodes.Element) and "sync_id" in label:
            labels.append((label, str(label["sync_id"])))
    return labels


def tab_label_children(item: nodes.Element) -> list[nodes.Node]:
    """The inline content of a tab item's label (same reliance as :func:`synced_tab_labels`)."""
    label = item[0] if item.children else None
    return list(label.children) if isinstance(label, nodes.Element) else []


def unsync(label: nodes.Element) -> None:
    """Take the sync key from a label of :func:`synced_tab_labels` (same reliance)."""
    del label["sync_id"]
    label.attributes.pop("sync_group", None)


def is_card(node: nodes.Node) -> TypeGuard[nodes.Element]:
    """Whether ``node`` is a card sphinx-design made (see :func:`add_card_footer`)."""
    return isinstance(node, nodes.Element) and "sd-card" in node.get("classes", [])


def add_card_footer(card: nodes.Element, children: list[nodes.Node]) -> None:
    """Give a card a footer holding ``children``, as sphinx-design writes one.

    Relies on: a card being a container of class ``sd-card``, its footer a last child container
    of class ``sd-card-footer`` (the class its stylesheet lays out).
    No public API across the versions: 0.6 reads ``+++`` in a card's content, 0.8 a
    ``:footer:`` option or a ``card-footer`` directive.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    card += nodes.container("", nodes.paragraph("", "", *children), classes=["sd-card-footer"])


def add_card_header(card: nodes.Element, children: list[nodes.Node]) -> None:
    """Give a card a header holding ``children``, as sphinx-design writes one (same reliance as
    :func:`add_card_footer`: a first child container of class ``sd-card-header``; 0.6 reads
    ``^^^``, which 0.8 deprecates, and 0.8 a ``card-header`` directive 0.6 lacks)."""
    card.insert(
        0, nodes.container("", nodes.paragraph("", "", *children), classes=["sd-card-header"])
    )


def card_link(href: str, title_html: str, internal: bool) -> str:
    """A card's title linking the whole card, as sphinx-design's stretched link (see
    :func:`card_grid`); ``href`` and ``title_html`` are already escaped."""
    kind = "internal" if internal else "external"
    return f'<a class="sd-stretched-link reference {kind}" href="{href}">{title_html}</a>'


def card_grid(cards: Iterable[tuple[str, list[str]]], css_class: str) -> str:
    """HTML for the cards ``(title_html, [text_html, ...])`` (already escaped) in a grid, as
    sphinx-design writes ``grid 1 2 2 2`` with ``gutter 2`` of ``grid-item-card`` with
    ``shadow sm`` and a link; the grid's container gets ``css_class`` too.

    Relies on: sphinx-design's class names (its stylesheet) and the nesting its writer makes:
    container, row, column, card, body, then title and texts.
    No public API: sphinx-design's HTML comes from its directives only, and parsing a grid of
    card directives for every page costs far more than writing it.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    out = [
        (
            f'<div class="sd-container-fluid sd-sphinx-override sd-mb-4 {css_class}">\n'
            '<div class="sd-row sd-row-cols-1 sd-row-cols-xs-1 sd-row-cols-sm-2 sd-row-cols-md-2 '
            'sd-row-cols-lg-2 sd-g-2 sd-g-xs-2 sd-g-sm-2 sd-g-md-2 sd-g-lg-2">\n'
        )
    ]
    for title, texts in cards:
        out.append(
            '<div class="sd-col sd-d-flex-row">\n'
            '<div class="sd-card sd-sphinx-override sd-w-100 sd-shadow-sm sd-card-hover">\n'
            '<div class="sd-card-body">\n'
            f'<div class="sd-card-title sd-font-weight-bold">{title}</div>\n'
        )
        out.extend(f'<p class="sd-card-text">{text}</p>\n' for text in texts)
        out.append("</div>\n</div>\n</div>\n")
    out.append("</div>\n</div>\n")
    return "".join(out)


def _static_folder(app: Sphinx) -> str:
    """The folder sphinx-design adds to ``html_static_path`` when the builder starts: its
    package's ``static`` (0.7+), else ``_sphinx_design_static`` in the output (0.6)."""
    folder = getattr(design_extension, "STATIC_DIR", None)
    if folder is None:
        return str((Path(app.outdir) / "_sphinx_design_static").absolute())
    return str(folder)


def claim_static_path(app: Sphinx, config: Config) -> None:
    """Put sphinx-design's static folder in ``html_static_path`` before the saved environment
    is compared with this build's settings, so a rebuild does not report a changed setting.

    Relies on: sphinx-design appending that folder at ``builder-inited``, after Sphinx has
    compared every setting with the pickled one (Sphinx 9 reports each difference).
    No public API: sphinx-design changes the setting itself.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    folder = _static_folder(app)
    if folder not in config.html_static_path:
        config.html_static_path = [*config.html_static_path, folder]


def drop_repeated_static_path(app: Sphinx) -> None:
    """Once sphinx-design has added its static folder again, keep the first of each entry of
    ``html_static_path``, so the saved setting is the one the next build starts with.

    Relies on: running after sphinx-design's own ``builder-inited`` handler.
    No public API: sphinx-design changes the setting itself.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    app.config.html_static_path = list(dict.fromkeys(app.config.html_static_path))
