"""ref/relref lookup against Hugo's answers (spec 4.4, fixtures 22-26 and 41-43)."""

from __future__ import annotations

import json
import re

import pytest

from conftest import FIXTURES, needs_shared
from hugo_tree import load_pages
from sphinx_comparisons.hugo import refs, urls


def _resolve(fixture, page_path, reference):
    pages = {p.path: p for p in load_pages(FIXTURES / fixture / "content")}
    found = refs.RefIndex(pages.values()).resolve(reference, pages[page_path])
    if isinstance(found, str):
        return found
    by_key = {p.key: p for p in pages.values()}
    url = urls.page_url(by_key[found.page]) if found.page else "/" if found.page == "" else ""
    return url + (f"#{found.fragment}" if found.fragment else "")


@needs_shared
def test_relref_matches_hugo():
    fixture = FIXTURES / "22-relref-resolve"
    pages = {
        p["path"]: p
        for p in json.loads((fixture / "expected.json").read_text())["pages"]
        if p.get("path")
    }
    checked = 0
    for path, page in pages.items():
        source = (fixture / "content" / path).read_text()
        calls = re.findall(r'\{\{[<%] relref (?:path=)?"([^"]*)" [>%]\}\}', source)
        results = re.findall(r"\[(/[^\]]*|#[^\]]*)\]|href=\"(/[^\"]*)\"", page["content"])
        rendered = [a or b for a, b in results]
        assert [_resolve("22-relref-resolve", path, call) for call in calls] == rendered, path
        checked += len(calls)
    assert checked >= 15


@needs_shared
@pytest.mark.parametrize(
    ("fixture", "reference", "reason"),
    [
        ("23-relref-ambiguous-error", "install", "ambiguous"),
        ("24-relref-slash-no-basename-error", "x/install", "not found"),
        ("25-relref-dot-missing-error", "./missing", "not found"),
        ("26-relref-warning-level", "./missing", "not found"),
        ("41-relref-backslash-error", "other\\deep\\install", "not found"),
        ("42-relref-hyphen-for-space-error", "/docs/space-name", "not found"),
        ("43-relref-draft-error", "d", "not found"),
    ],
)
def test_relref_errors_match_hugo(fixture, reference, reason):
    expected = (
        (FIXTURES / fixture / "expected.txt").read_text()
        if (FIXTURES / fixture / "expected.txt").exists()
        else ""
    )
    if expected:
        assert "REF_NOT_FOUND" in expected
    assert reason in _resolve(fixture, "docs/a.md", reference)
