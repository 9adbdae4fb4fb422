"""The ``comparison`` directive: a feature matrix as an accessible table, in every builder.

Data comes from the directive body (YAML), a data file (YAML, JSON, CSV), or,
with neither, from the ``comparison`` front matter of the comparison pages
around it: each page is one column, linked to that page, so the index and
the pages cannot disagree. Such a table is rebuilt (the page re-read)
whenever any page's ``comparison`` data changes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import yaml
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from sphinx_comparisons import compat
from sphinx_comparisons.addresses import links
from sphinx_comparisons.components import symbols
from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.files import reads
from sphinx_comparisons.hugo import content, matrix, safeurl
from sphinx_comparisons.hugo.frontmatter import digest
from sphinx_comparisons.page import markdownify
from sphinx_comparisons.site import domain, records, state

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: What an assembled table is built from, as the ``hugo`` domain records it per page.
_CLAIMS = "comparison.claims"


def claims(env: BuildEnvironment) -> list[matrix.Claim]:
    """Every page's ``comparison`` front matter, in Hugo's page order."""
    found: list[tuple[Any, matrix.Claim]] = []
    for docname in sorted(env.found_docs):
        fm = records.front_matter(env, docname)
        data = fm.raw_value("comparison") if fm else None
        if fm is None or not isinstance(data, dict):  # data implies front matter
            continue
        data = {
            str(key).lower(): value for key, value in data.items()
        }  # feature names keep their case
        page = content.Page(docname, str(env.doc2path(docname, False)), fm.params, fm.key_lines)
        product = data.get("product") or page.link_title
        given_features = data.get("features")
        features = given_features if isinstance(given_features, dict) else {}
        claim = matrix.Claim(docname, str(product), str(data.get("group", "") or ""), features)
        found.append((content.page_order_key(page), claim))
    return [claim for _, claim in sorted(found, key=lambda item: item[0])]


def _claims_digest(env: BuildEnvironment) -> str:
    return digest(repr(state.derived(env, claims)))


def reassembled(
    app: Sphinx, env: BuildEnvironment, old: state.SiteModel | None, new: state.SiteModel
) -> Iterable[str]:
    """When the site changed: pages with an assembled table, if any page's comparison data
    changed."""
    return domain.of(env).using_other(_CLAIMS, state.derived(env, _claims_digest))


class ComparisonDirective(SphinxDirective):
    """A feature matrix: products as columns, features as rows."""

    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "file": directives.unchanged_required,
        "highlight": directives.unchanged_required,
        "caption": directives.unchanged,
        "columns": directives.unchanged_required,
        "group": directives.unchanged,
        "section": directives.unchanged_required,
        "legend": lambda value: directives.choice(value or "yes", ("yes", "no")),
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        if self.content:
            data = self._yaml()
            table, problems = matrix.from_data(data) if data is not None else (matrix.Matrix(), [])
        elif "file" in self.options:
            table, problems = self._file(self.options["file"])
        else:
            table, problems = self._aggregate()
        for problem in problems:
            location = (
                (problem.where, self._claim_line(problem.where))
                if problem.where in self.env.found_docs
                else (self.env.docname, self.lineno)
            )
            warn(problem.subtype, problem.message, location=location)
        columns = [c.strip() for c in self.options.get("columns", "").split(",") if c.strip()]
        table = self._within_budget(matrix.ordered(table, columns))
        if not table.products or not any(group.rows for group in table.groups):
            return []
        return self._render(table)

    def _within_budget(self, table: matrix.Matrix) -> matrix.Matrix:
        """The table cut to the cells left of this page's ``table_cells`` budget (reported where
        it is cut)."""
        reading = state.reading(self.env)
        table, problem = matrix.within(
            table, max(records.limits(self.env).table_cells - reading.table_cells, 0)
        )
        if problem is not None:
            warn(problem.subtype, problem.message, location=(self.env.docname, self.lineno))
        reading.table_cells += len(table.products) * sum(len(group.rows) for group in table.groups)
        return table

    # -- data ----------------------------------------------------------------------------

    def _yaml(self) -> Any:
        first = self.lineno + 1 + len(self.options)
        try:
            return records.page_yaml(
                self.env, "\n".join(self.content), "comparison body", first, "comparison"
            )
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            line = first + (mark.line if mark else 0)
            message = "; ".join(
                part.strip() for part in str(err).splitlines() if part.strip() and "^" not in part
            )
            warn(
                "comparison",
                f"the comparison body is not valid YAML: {message}",
                location=(self.env.docname, line),
            )
            return None

    def _file(self, reference: str) -> tuple[matrix.Matrix, list[matrix.MatrixProblem]]:
        page_dir = Path(self.env.doc2path(self.env.docname)).parent
        srcdir = Path(self.env.srcdir)
        rooted = reference.lstrip("/")
        found, refused = reads.locate(
            self.env, [(page_dir, reference), (srcdir, rooted), (srcdir.parent / "data", rooted)]
        )
        if found is None and refused:
            return matrix.Matrix(), [matrix.MatrixProblem("path", f"comparison :file: {refused}")]
        if found is None:
            return matrix.Matrix(), [
                matrix.MatrixProblem(
                    "comparison",
                    f"comparison file {reference!r} not found (beside the page, in the source "
                    "folder, or in the site's data/)",
                )
            ]
        self.env.note_dependency(str(found))
        text = reads.read(self.env, found, reference, (self.env.docname, self.lineno), "comparison")
        if text is None:
            return matrix.Matrix(), []
        if found.suffix.lower() == ".csv":
            return matrix.from_csv(text)
        try:
            if found.suffix.lower() == ".json":
                data = json.loads(text)
            else:
                data = records.page_yaml(
                    self.env,
                    text,
                    f"comparison file {reference!r}",
                    1,
                    "comparison",
                    at=self.lineno,
                )
        except (ValueError, yaml.YAMLError) as err:
            return matrix.Matrix(), [
                matrix.MatrixProblem(
                    "comparison",
                    f"comparison file {reference!r} cannot be read: {_error_without_text(err)}",
                )
            ]
        return matrix.from_data(data)

    def _aggregate(self) -> tuple[matrix.Matrix, list[matrix.MatrixProblem]]:
        domain.of(self.env).note_use(
            self.env.docname, _CLAIMS, state.derived(self.env, _claims_digest)
        )
        folder = self.options.get(
            "section", str(Path(self.env.doc2path(self.env.docname, False)).parent)
        )
        folder = "" if folder in (".", "/") else folder.strip("/")
        group = self.options.get("group")
        chosen = [
            c
            for c in state.derived(self.env, claims)
            if (not folder or c.page.startswith(folder + "/"))
            and (group is None or c.group == group)
        ]
        if not chosen:
            return matrix.Matrix(), [
                matrix.MatrixProblem(
                    "comparison",
                    "no page in this section has comparison front matter to assemble a table from",
                )
            ]
        return matrix.aggregate(chosen)

    def _claim_line(self, docname: str) -> int:
        fm = records.front_matter(self.env, docname)
        return fm.line_of("comparison") if fm else 1

    # -- rendering ------------------------------------------------------------------------

    def _render(self, table: matrix.Matrix) -> list[nodes.Node]:
        highlight = self.options.get("highlight", "")
        names = table.product_names()
        width = len(names) + 1
        tgroup = nodes.tgroup(cols=width, stub_columns=1)
        features = [feature for group in table.groups for feature in group.rows]
        # widths in characters: the text and LaTeX writers lay columns out by them
        tgroup += nodes.colspec(colwidth=min(max(len(f) for f in features), 40), stub=1)
        for name in names:
            tgroup += nodes.colspec(colwidth=max(len(name), 8))
        head_row = nodes.row()
        head_row += header_cell("", nodes.paragraph("", "Feature"), scope="col")
        for product in table.products:
            entry = header_cell("", nodes.paragraph("", "", *self._product(product)), scope="col")
            if product.name == highlight:
                entry["classes"].append("hugo-comparison-highlight")
            head_row += entry
        tgroup += nodes.thead("", head_row)
        body = nodes.tbody()
        for group in table.groups:
            if group.name:
                group_row = nodes.row(classes=["hugo-comparison-group"])
                heading = nodes.paragraph("", "", nodes.strong("", group.name))
                group_row += header_cell("", heading, morecols=width - 1, scope="row")
                body += group_row
            for feature, cells in group.rows.items():
                row = nodes.row()
                row += header_cell("", nodes.paragraph("", "", *self._inline(feature)), scope="row")
                for product in table.products:
                    value = self._cell(cells.get(product.name))
                    cell = nodes.entry("", nodes.paragraph("", "", *value))
                    if product.name == highlight:
                        cell["classes"].append("hugo-comparison-highlight")
                    row += cell
                body += row
        tgroup += body
        node = nodes.table("", classes=["hugo-comparison", *self.options.get("class", [])])
        caption = self.options.get("caption")
        if caption:
            node += nodes.title("", "", *self._inline(caption))
        node += tgroup
        self.set_source_info(node)
        wrapper = scroll_region("", node, classes=["hugo-comparison-scroll"])
        result: list[nodes.Node] = [wrapper]
        if self.options.get("legend", "yes") == "yes":
            result.append(_legend(self.env))
        return result

    def _inline(self, text: str) -> list[nodes.Node]:
        """Inline Markdown (links, code, emphasis) without roles; raw HTML stays text, so no
        markup gets in."""
        parsed, _ = markdownify.inline(self.state, text, self.lineno)
        holder = nodes.inline("", "", *parsed)
        for raw in list(holder.findall(nodes.raw)):
            raw.replace_self(nodes.Text(raw.astext()))
        return list(holder.children)

    def _cell(self, value: matrix.Cell | None) -> list[nodes.Node]:
        if value is None:
            return [nodes.Text("–")]
        if value.kind == matrix.TEXT:
            out: list[nodes.Node] = self._inline(value.text)
        else:
            out = [symbols.symbol_node(value.kind)]
        if value.note:
            note = self._inline(value.note)
            out.append(
                nodes.inline("", " (", *note, nodes.Text(")"), classes=["hugo-comparison-note"])
            )
        return out

    def _product(self, product: matrix.Product) -> list[nodes.Node]:
        name = nodes.Text(product.name)
        link = product.link
        if not link:
            return [name]
        reason = safeurl.refusal(link)
        if reason is not None:
            warn(
                "comparison",
                f"product link {link!r} {reason}; it is not linked",
                location=(self.env.docname, self.lineno),
            )
            return [name]
        link = safeurl.clean(link)
        found = links.page_link(self.env, link, names_pages=True)
        if found is None:
            return [nodes.reference("", product.name, refuri=link)]
        if found.page is None:
            warn(
                "comparison",
                f"product link {link!r} leads to no page of this site; it is not linked",
                location=(self.env.docname, self.lineno),
            )
            return [name]
        return [_doc_ref(found.page, product.name, self.env.docname)]


def _error_without_text(err: Exception) -> str:
    """A parse error's kind and place, without the file's text (a YAML error quotes the line)."""
    if isinstance(err, yaml.YAMLError):
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        return f"not valid YAML{where}"
    if isinstance(err, json.JSONDecodeError):
        return f"not valid JSON at line {err.lineno}, column {err.colno}"
    return "not valid JSON"


def _doc_ref(target: str, text: str, fromdoc: str) -> nodes.Node:
    return addnodes.pending_xref(
        "",
        nodes.inline("", text),
        refdomain="std",
        reftype="doc",
        reftarget="/" + target,
        refexplicit=True,
        refdoc=fromdoc,
    )


def _legend(env: BuildEnvironment) -> nodes.Node:
    legend = nodes.paragraph("", "", classes=["hugo-comparison-legend"])
    for meaning in (matrix.YES, matrix.NO, matrix.PARTIAL):
        legend += symbols.symbol_node(meaning)
        legend += nodes.Text(f" {symbols.label(env, meaning)}   ")
    return legend


class header_cell(nodes.entry):
    """A cell heading its column (``scope="col"``) or row (``"row"``): HTML writes the scope, other
    writers an entry (Sphinx's translators dispatch along the class's MRO)."""


def visit_header_cell_html(translator: Any, node: header_cell) -> None:
    translator.visit_entry(node)
    compat.docutils.add_to_start_tag(translator, scope=node["scope"])


def depart_header_cell_html(translator: Any, node: header_cell) -> None:
    translator.depart_entry(node)


class scroll_region(nodes.container):
    """The box a wide table scrolls in: in HTML a labelled region the keyboard can reach."""


def visit_scroll_region_html(translator: Any, node: scroll_region) -> None:
    attributes = {"role": "region", "aria-label": "Comparison table", "tabindex": "0"}
    opening = translator.starttag(node, "div", CLASS="docutils container", **attributes)
    translator.body.append(opening)


def depart_scroll_region_html(translator: Any, node: scroll_region) -> None:
    translator.body.append("</div>\n")
