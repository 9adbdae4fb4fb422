"""Feature matrices: products as columns, features as rows, yes / no / partial / text cells.

Read from inline YAML, a data file (YAML, JSON or CSV), or assembled from the
``comparison`` front matter of comparison pages. Plain data and functions;
each problem carries where it came from, for the caller to report.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any

from sphinx_comparisons.hugo.yamldata import excerpt

YES, NO, PARTIAL, TEXT = "yes", "no", "partial", "text"
_WORDS = {
    "yes": YES,
    "y": YES,
    "true": YES,
    "✓": YES,
    "✔": YES,
    "supported": YES,
    "no": NO,
    "n": NO,
    "false": NO,
    "✗": NO,
    "✘": NO,
    "x": NO,
    "unsupported": NO,
    "partial": PARTIAL,
    "partly": PARTIAL,
    "limited": PARTIAL,
    "!": PARTIAL,
    "~": PARTIAL,
}


@dataclass(frozen=True)
class Cell:
    kind: str
    text: str = ""
    note: str = ""


@dataclass(frozen=True)
class Product:
    name: str
    #: A doc name, a site URL or an external URL (or "").
    link: str = ""


@dataclass
class Group:
    name: str
    #: feature -> product name -> cell, in first-seen order
    rows: dict[str, dict[str, Cell]] = field(default_factory=dict)


@dataclass
class Matrix:
    products: list[Product] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)

    def product_names(self) -> list[str]:
        return [p.name for p in self.products]


@dataclass(frozen=True)
class MatrixProblem:
    subtype: str
    message: str
    #: A key path into the data ("features.Joins") or a page key, for the caller to locate.
    where: str = ""


def cell(value: Any) -> Cell | str:
    """One cell from its value; a string explaining the problem when it has none."""
    if isinstance(value, bool):
        return Cell(YES if value else NO)
    if isinstance(value, dict):
        kind = value.get("value", value.get("status"))
        note = value.get("note", "")
        base = cell(kind)
        if isinstance(base, str):
            return base
        return Cell(base.kind, base.text, str(note) if note else "")
    if value is None:
        return "has no value"
    if isinstance(value, (int, float)):
        return Cell(TEXT, str(value))
    if not isinstance(value, str):
        return f"has a value of type {type(value).__name__}; use yes, no, partial or text"
    word = value.strip()
    kind = _WORDS.get(word.lower())
    if kind is not None:
        return Cell(kind)
    if not word:
        return "is empty"
    return Cell(TEXT, word)


def _products(raw: Any, problems: list[MatrixProblem]) -> list[Product]:
    products: list[Product] = []
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, str):
            products.append(Product(item))
        elif isinstance(item, dict) and isinstance(item.get("name"), str):
            products.append(Product(item["name"], str(item.get("link", "") or "")))
        else:
            problems.append(
                MatrixProblem(
                    "comparison",
                    f"product {excerpt(item)} must be a name or a mapping with 'name'",
                    "products",
                )
            )
    return products


def _row(
    feature: str, values: Any, products: list[str], where: str, problems: list[MatrixProblem]
) -> dict[str, Cell]:
    row: dict[str, Cell] = {}
    if isinstance(values, list):
        if len(values) != len(products):
            problems.append(
                MatrixProblem(
                    "comparison",
                    f"feature {excerpt(feature)} has {len(values)} values for {len(products)} "
                    "products",
                    where,
                )
            )
        pairs = list(zip(products, values))
    elif isinstance(values, dict):
        pairs = list(values.items())
        for name, _ in pairs:
            if name not in products:
                problems.append(
                    MatrixProblem(
                        "comparison",
                        f"feature {excerpt(feature)} names product {excerpt(name)}, which is not "
                        "a column",
                        where,
                    )
                )
    else:
        problems.append(
            MatrixProblem(
                "comparison",
                f"feature {excerpt(feature)} needs a list of values or a product mapping",
                where,
            )
        )
        return row
    for name, value in pairs:
        made = cell(value)
        if isinstance(made, str):
            problems.append(
                MatrixProblem(
                    "comparison_value", f"{excerpt(name)} on {excerpt(feature)} {made}", where
                )
            )
            continue
        row[str(name)] = made
    return row


def from_data(data: Any) -> tuple[Matrix, list[MatrixProblem]]:
    """From ``{products: [...], features: {...}}`` or
    ``{products, groups: {group: {feature: ...}}}``."""
    problems: list[MatrixProblem] = []
    if not isinstance(data, dict):
        return Matrix(), [
            MatrixProblem(
                "comparison",
                "comparison data must be a mapping with 'products' and 'features' or 'groups'",
            )
        ]
    matrix = Matrix(_products(data.get("products"), problems))
    names = matrix.product_names()
    sections: list[tuple[str, Any]] = []
    if "features" in data:
        sections.append(("", data["features"]))
    if isinstance(data.get("groups"), dict):
        sections.extend(data["groups"].items())
    elif "groups" in data:
        problems.append(
            MatrixProblem("comparison", "'groups' must map group names to features", "groups")
        )
    if not names or not sections:
        problems.append(
            MatrixProblem(
                "comparison", "comparison data needs 'products' and 'features' (or 'groups')"
            )
        )
    for group_name, features in sections:
        group = Group(str(group_name))
        if not isinstance(features, dict):
            problems.append(
                MatrixProblem(
                    "comparison",
                    f"features of {excerpt(group_name or 'the table')} must be a mapping",
                    str(group_name),
                )
            )
            continue
        for feature, values in features.items():
            group.rows[str(feature)] = _row(
                str(feature), values, names, f"{group_name}.{feature}".strip("."), problems
            )
        matrix.groups.append(group)
    return matrix, problems


def from_csv(text: str) -> tuple[Matrix, list[MatrixProblem]]:
    """A header ``feature,A,B`` (or ``group,feature,A,B``), then one row per feature."""
    rows = [row for row in csv.reader(io.StringIO(text)) if any(cell_.strip() for cell_ in row)]
    if not rows:
        return Matrix(), [MatrixProblem("comparison", "the CSV file is empty")]
    header = [h.strip() for h in rows[0]]
    grouped = header[:1] == ["group"]
    start = 2 if grouped else 1
    if len(header) <= start:
        return Matrix(), [
            MatrixProblem(
                "comparison", "the CSV header needs 'feature' and at least one product column"
            )
        ]
    names = header[start:]
    data: dict[str, dict[str, Any]] = {}
    for number, row in enumerate(rows[1:], start=2):
        group = row[0].strip() if grouped else ""
        feature = row[start - 1].strip() if len(row) >= start else ""
        data.setdefault(group, {})[feature or f"row {number}"] = [v.strip() for v in row[start:]]
    return from_data({"products": names, "groups": data})


@dataclass(frozen=True)
class Claim:
    """One comparison page's ``comparison`` front matter."""

    page: str
    product: str
    group: str
    features: dict[str, Any]
    link: str = ""


def aggregate(claims: list[Claim]) -> tuple[Matrix, list[MatrixProblem]]:
    """One column per page, its features as rows (first-seen order); gaps and clashes reported."""
    problems: list[MatrixProblem] = []
    matrix = Matrix()
    group = Group("")
    owners: dict[str, str] = {}
    for claim in claims:
        if claim.product in owners:
            problems.append(
                MatrixProblem(
                    "comparison_product",
                    f"product {excerpt(claim.product)} is claimed by {owners[claim.product]!r} "
                    "too; kept there",
                    claim.page,
                )
            )
            continue
        owners[claim.product] = claim.page
        matrix.products.append(Product(claim.product, claim.link or claim.page))
        for feature, value in claim.features.items():
            made = cell(value)
            if isinstance(made, str):
                problems.append(
                    MatrixProblem(
                        "comparison_value",
                        f"{excerpt(claim.product)} on {excerpt(feature)} {made}",
                        claim.page,
                    )
                )
                continue
            group.rows.setdefault(str(feature), {})[claim.product] = made
    for feature, row in group.rows.items():
        for claim in claims:
            if owners.get(claim.product) == claim.page and claim.product not in row:
                problems.append(
                    MatrixProblem(
                        "comparison_missing",
                        f"{excerpt(claim.product)} says nothing about {excerpt(feature)}, which "
                        "other pages compare",
                        claim.page,
                    )
                )
    matrix.groups.append(group)
    return matrix, problems


def ordered(matrix: Matrix, order: list[str]) -> Matrix:
    """Columns in the given order first (unknown names ignored), the others after."""
    if not order:
        return matrix
    by_name = {p.name: p for p in matrix.products}
    first = [by_name[name] for name in order if name in by_name]
    rest = [p for p in matrix.products if p.name not in order]
    return Matrix(first + rest, matrix.groups)


def within(matrix: Matrix, cells: int) -> tuple[Matrix, MatrixProblem | None]:
    """The matrix cut to at most ``cells`` cells (products x features): the first rows that fit.

    With more products than cells, one row of the first ``cells`` products is kept.
    """
    rows = sum(len(group.rows) for group in matrix.groups)
    if rows * len(matrix.products) <= cells:
        return matrix, None
    products = matrix.products[: max(cells, 1)]
    room = cells // len(products) if cells else 0
    groups: list[Group] = []
    for group in matrix.groups:
        if room <= 0:
            break
        kept = dict(list(group.rows.items())[:room])
        room -= len(kept)
        groups.append(Group(group.name, kept))
    shown = sum(len(group.rows) for group in groups)
    outcome = (
        f"only the first {shown:,} features of the first {len(products):,} products are shown"
        if shown
        else "it was left out"
    )
    problem = MatrixProblem(
        "limit",
        f"the table has {len(matrix.products):,} products and {rows:,} features, more than the "
        f"{cells:,} cells "
        f"left for this page's tables (hugo_limits 'table_cells'); {outcome}",
    )
    return Matrix(products, groups), problem
