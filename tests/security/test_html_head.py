"""What a page can put into the head and the scripts of its HTML: meta http-equiv, template values,
MathJax."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from html_site import CONF, PWN, build

REFRESH = "0; url=https://evil.example/"


def _metas(out, page: str) -> list[dict[str, str]]:
    html = (out / page / "index.html").read_text(encoding="utf-8")
    return [dict(meta.attrs) for meta in BeautifulSoup(html, "html.parser").find_all("meta")]


def _raw_html_warnings(warnings: list[str]) -> list[tuple[str, int]]:
    found = [
        re.search(r"([^/\s]+\.(?:md|rst)):(\d+): WARNING", w)
        for w in warnings
        if "[hugo.raw_html]" in w
    ]
    return [(match.group(1), int(match.group(2))) if match else ("unlocated", 0) for match in found]


META_PAGES = {
    "r.rst": (
        "R\n=\n\nText.\n\n.. meta::\n   :description: kept\n   :http-equiv=refresh: "
        + REFRESH
        + "\n",
        8,
    ),
    "p.md": (
        (
            "---\ntitle: P\n---\n\nText.\n\n```{eval-rst}\n.. meta::\n   :description: kept\n"
            "   :http-equiv=Content-Security-Policy: default-src *\n"
            f"   :http-equiv=refresh: {REFRESH}\n```\n"
        ),
        10,
    ),
}


@pytest.mark.parametrize("name", sorted(META_PAGES))
def test_meta_http_equiv_is_omitted_like_raw_html(make_app, tmp_path, name):
    page, line = META_PAGES[name]
    out, warnings = build(make_app, tmp_path, {name: page})
    metas = _metas(out, name.split(".")[0])
    assert not [meta for meta in metas if "http-equiv" in meta]
    assert {"name": "description", "content": "kept"} in metas
    assert _raw_html_warnings(warnings) == [(name, line)]


def test_meta_http_equiv_is_kept_when_raw_html_is_allowed(make_app, tmp_path):
    out, warnings = build(
        make_app, tmp_path, {"r.rst": META_PAGES["r.rst"][0]}, hugo_unsafe_html=True
    )
    assert {"http-equiv": "refresh", "content": REFRESH} in _metas(out, "r")
    assert not _raw_html_warnings(warnings)


LAYOUT = (
    '{% extends "!layout.html" %}\n{% block extrahead %}{{ super() }}'
    '<meta name="page-type" content="{{ hugo_params.type }}">'
    '{% if hugo_params.tags %}<meta name="first-tag" content="{{ hugo_params.tags[0] }}">'
    '<meta name="nested" content="{{ hugo_params.extra.note }}">{% endif %}{% endblock %}\n'
)
PAYLOAD = f'"><img src=x onerror="{PWN}">'


def test_hugo_params_in_templates_are_text(make_app, tmp_path):
    page = (
        f"---\ntitle: P\ntype: '{PAYLOAD}'\ntags: ['{PAYLOAD}']\nextra:\n"
        f"  note: '<script>{PWN}</script>'\n---\n\nText.\n"
    )
    conf = CONF + 'templates_path = ["_templates"]\nexclude_patterns = ["_templates"]\n'
    out, _ = build(
        make_app, tmp_path, {"p.md": page, "conf.py": conf, "_templates/layout.html": LAYOUT}
    )
    html = (out / "p" / "index.html").read_text(encoding="utf-8")
    parsed = BeautifulSoup(html, "html.parser")
    assert not parsed.find_all("img") and PWN not in "".join(
        s.text for s in parsed.find_all("script")
    )
    values = {meta.get("name"): meta.get("content") for meta in parsed.find_all("meta")}
    assert values["page-type"] == values["first-tag"] == PAYLOAD
    assert values["nested"] == f"<script>{PWN}</script>"


def _mathjax_settings(out, page: str) -> list[str]:
    html = (out / page / "index.html").read_text(encoding="utf-8")
    return [
        script.text
        for script in BeautifulSoup(html, "html.parser").find_all("script")
        if "window.MathJax" in script.text
    ]


MATH = "---\ntitle: P\n---\n\nMath {math}`\\href{javascript:alert(1)}{click}`.\n"


def test_mathjax_loads_its_safe_extension(make_app, tmp_path):
    out, _ = build(make_app, tmp_path, {"p.md": MATH})
    assert _mathjax_settings(out, "p") == ['window.MathJax = {"loader": {"load": ["ui/safe"]}}']


def test_mathjax_settings_of_conf_py_win(make_app, tmp_path):
    conf = (
        CONF
        + 'mathjax3_config = {"tex": {"tags": "ams"}}\nmathjax4_config = {"tex": {"tags": "ams"}}\n'
    )
    out, _ = build(make_app, tmp_path, {"p.md": MATH, "conf.py": conf})
    settings = _mathjax_settings(out, "p")
    assert settings and all(s == 'window.MathJax = {"tex": {"tags": "ams"}}' for s in settings)
