"""``check --report``: one self-contained page whose suggested mappings paste as they are."""

from __future__ import annotations

import ast
import json
import re
from html.parser import HTMLParser

from conftest import write_tree
from sphinx_comparisons.migrate import report
from sphinx_comparisons.migrate.check import Problem
from test_cli import run

PAGES = {
    "_index.md": "---\ntitle: Home\n---\n\n"
    '{{% warnbox title="Careful" %}}\nSome **bold** words.\n\nA second paragraph.\n'
    "{{% /warnbox %}}\n\n"
    'Press {{< key >}}Ctrl{{< /key >}} on {{< version "1.2" >}}{{< spacer >}}.\n',
    "docs/_index.md": "---\ntitle: Docs\n---\n\n{{< spacer >}}\n\n{{< key >}}Alt{{< /key >}}\n\n"
    '{{< banner "main" >}}\n',
}


class _Page(HTMLParser):
    """The text of the page, and every tag and attribute it has."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.pre: list[str] = []
        self._in_pre = False

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)
        self._in_pre = tag == "pre"

    def handle_endtag(self, tag):
        self._in_pre = False if tag == "pre" else self._in_pre

    def handle_data(self, data):
        if self._in_pre:
            self.pre.append(data)


def read(path) -> tuple[str, _Page]:
    text = path.read_text(encoding="utf-8")
    parsed = _Page()
    parsed.feed(text)
    return text, parsed


def test_report_counts_uses_and_a_mapping_that_pastes_into_conf_py(tmp_path):
    src = write_tree(tmp_path / "src", PAGES)
    result = run("check", str(src), "--report", str(tmp_path / "report.html"))
    assert result.returncode == 1, result.stderr
    text, page = read(tmp_path / "report.html")
    assert '<td>hugo.shortcode_unknown</td><td class="n">7</td>' in text
    assert re.search(r"<td>key</td><td class=\"n\">2</td><td>2</td>", text)
    assert re.search(r"<td>spacer</td><td class=\"n\">2</td><td>2</td>", text)
    assert "<h3>docs/_index.md (3)</h3>" in text and "<td>5</td><td>hugo.shortcode_unknown" in text
    # self-contained: nothing to load, no script
    assert not page.tags & {"script", "link", "img", "iframe"} and "src" not in page.attributes
    pasted = "".join(page.pre)
    mapping = ast.literal_eval(pasted.split("=", 1)[1])
    assert mapping == {
        "key": {"text": "{inner}"},
        "banner": "drop",
        "spacer": "drop",
        "version": {"text": "{0}"},
        "warnbox": {"directive": "admonition", "argument": "title"},
    }
    (src / "conf.py").write_text('extensions = ["sphinx_comparisons"]\n' + pasted)
    again = run("check", "--format", "json", str(src))
    assert again.returncode == 0 and json.loads(again.stdout)["counts"] == {}, again.stdout


def test_report_escapes_what_pages_and_messages_hold(tmp_path):
    hostile = '</pre></td><script>alert(1)</script><img src=x onerror="alert(2)">'
    problems = [
        Problem(hostile + ".md", 3, "hugo.x" + hostile, hostile),
        Problem(hostile + ".md", None, report.UNKNOWN, f"shortcode {hostile!r} is not known"),
    ]
    used = {hostile: report.Usage(uses=2, pages={"a.md"}, block=2, positional=2)}
    text = report.page(hostile, problems, used)
    parsed = _Page()
    parsed.feed(text)
    assert parsed.tags == {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "h1",
        "p",
        "table",
        "thead",
        "tr",
        "th",
        "tbody",
        "td",
        "h2",
        "h3",
        "pre",
        "code",
    }
    assert parsed.attributes <= {"lang", "charset", "name", "content", "class"}
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert ast.literal_eval("".join(parsed.pre).split("=", 1)[1]) == {
        hostile: {"directive": "admonition"}
    }


def test_a_hostile_file_name_is_escaped_end_to_end(tmp_path):
    name = "x<script>alert(1)<!--.md"
    src = write_tree(
        tmp_path / "src", {**PAGES, f"docs/{name}": "---\ntitle: X\n---\n\n{{< spacer >}}\n"}
    )
    result = run("check", str(src), "--report", str(tmp_path / "r.html"))
    assert result.returncode == 1, result.stderr
    text, page = read(tmp_path / "r.html")
    assert "script" not in page.tags and "docs/x&lt;script&gt;alert(1)&lt;!--.md" in text


def test_suggestions_from_use():
    assert report.suggest(report.Usage(uses=1, block=1)) == {"directive": "note"}
    assert report.suggest(report.Usage(uses=1, block=1, positional=1)) == {
        "directive": "admonition"
    }
    assert report.suggest(report.Usage(uses=1, empty=1, in_text=1, named={"v": 1})) == {
        "text": "{v}"
    }
    # alone on its line with nothing inside: page furniture, dropped
    assert report.suggest(report.Usage(uses=1, empty=1, positional=1)) == "drop"
    # a named argument no text template can name is not used
    assert report.suggest(report.Usage(uses=1, empty=1, in_text=1, named={"a}{b": 1})) == "drop"


def test_report_with_json_keeps_stdout_json_and_an_unwritable_report_exits_2(tmp_path):
    src = write_tree(tmp_path / "src", PAGES)
    result = run("check", "--format", "json", str(src), "--report", str(tmp_path / "r.html"))
    assert result.returncode == 1 and json.loads(result.stdout)["status"] == "problems"
    assert (tmp_path / "r.html").is_file()
    missing = tmp_path / "no" / "r.html"
    result = run("check", "--format", "json", str(src), "--report", str(missing))
    assert result.returncode == 2 and "could not be written" in json.loads(result.stdout)["error"]
    result = run("check", str(src), "--report", str(missing))
    assert result.returncode == 2 and "could not be written" in result.stderr
