"""``check --report``: one self-contained page whose suggested mappings paste as they are."""

from __future__ import annotations

import ast
import html
import json
import re
from html.parser import HTMLParser

from conftest import soup, sphinx_build, write_tree
from sphinx_comparisons.diagnostics import SUBTYPES
from sphinx_comparisons.migrate import outline, report, suggest
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
    used = {hostile: suggest.Usage(uses=2, pages={"a.md"}, block=2, positional=2)}
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
    def guess(name="x", **seen):
        return suggest.suggest(name, suggest.Usage(**seen))

    assert guess(uses=1, block=1) == {"directive": "note"}
    assert guess(uses=1, block=1, positional=1) == {"directive": "admonition"}
    assert guess(uses=1, empty=1, in_text=1, named={"v": 1}) == {"text": "{v}"}
    # alone on its line with nothing inside: page furniture, dropped
    assert guess(uses=1, empty=1, positional=1) == "drop"
    # a named argument no text template can name is not used
    assert guess(uses=1, empty=1, in_text=1, named={"a}{b": 1}) == "drop"
    # an argument only some uses give would warn on the others: the value is not known
    assert guess(uses=2, empty=2, in_text=2, positional=1) == "drop"
    assert guess(uses=2, empty=2, in_text=2, named={"v": 1}) == "drop"
    # of the arguments every use gives, the first one written
    assert guess(uses=2, empty=2, in_text=2, named={"term": 2, "length": 2}) == {"text": "{term}"}
    # a link's address and text
    assert guess(uses=1, empty=1, in_text=1, named={"text": 1, "url": 1}) == {
        "text": "[{text}]({url})"
    }
    assert guess(uses=1, empty=1, in_text=1, named={"href": 1}) == {"text": "[{href}]({href})"}
    # named as an admonition: that admonition
    assert guess("site/Caution", uses=1, block=1) == {"directive": "caution"}
    assert guess("warning", uses=1, inline=1) == {"directive": "warning"}
    assert guess("warning", uses=1, empty=1) == "drop"
    # a table inside prints as it is
    assert guess(uses=2, block=2, tables=2) == {"text": "{inner}"}
    assert guess(uses=2, block=2, tables=1) == {"directive": "note"}


def test_a_table_is_recognised_by_its_delimiter_row():
    assert suggest.is_table("| a | b |\n| --- | :-: |\n| 1 | 2 |")
    assert suggest.is_table("a | b\n--- | ---\n1 | 2")
    assert not suggest.is_table("| a | b |\n| 1 | 2 |")
    assert not suggest.is_table("Some text\n---")
    assert not suggest.is_table("| a |")


TABS = {
    "_index.md": "---\ntitle: Home\n---\n\n"
    '{{< tabs name="t" >}}\n{{% tab name="One" %}}\nFirst **tab**.\n{{% /tab %}}\n'
    '{{% tab name="Two" %}}\nSecond.\n{{% /tab %}}\n{{< /tabs >}}\n\n'
    "{{< note >}}\nCareful.\n\nVery.\n{{< /note >}}\n\n"
    '{{< table caption="C" >}}\n| a | b |\n| - | - |\n| 1 | 2 |\n{{< /table >}}\n\n'
    'See {{< link text="the site" url="https://example.org/" >}} or {{< v >}} and {{< v 2 >}}.\n',
}


def test_pasted_suggestions_build_tab_sets_admonitions_tables_and_links(tmp_path):
    src = write_tree(tmp_path / "src", TABS)
    result = run("check", str(src), "--report", str(tmp_path / "r.html"))
    assert result.returncode == 1, result.stderr
    _, page = read(tmp_path / "r.html")
    pasted = "".join(page.pre)
    assert ast.literal_eval(pasted.split("=", 1)[1]) == {
        "link": {"text": "[{text}]({url})"},
        "table": {"text": "{inner}"},
        "tabs": {"directive": "tab-set"},
        "v": "drop",
        "tab": {"directive": "tab-item", "argument": "name"},
    }
    (src / "conf.py").write_text('extensions = ["sphinx_comparisons"]\n' + pasted)
    built = sphinx_build(src, tmp_path / "out", "-b", "dirhtml", "-W")
    assert built.returncode == 0, built.stderr
    home = soup(tmp_path / "out" / "index.html")
    assert [label.get_text(strip=True) for label in home.select(".sd-tab-set label")] == [
        "One",
        "Two",
    ]
    assert home.select_one("table td").get_text() == "1"
    assert home.select_one('a[href="https://example.org/"]').get_text() == "the site"
    shown = home.select_one("div.body").get_text()
    assert "{{" not in shown and "|" not in shown and "Careful." in shown


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


SITE = {
    "_index.md": "---\ntitle: Home\n---\n\n[gone](/nowhere/)\n",
    "guide/_index.md": "---\ntitle: Guide\nweight: 1\nmenu: main\n---\n",
    "guide/start.md": "---\ntitle: Start <b>here</b>\nweight: 1\naliases: [/old/start/]\n---\n",
    "guide/more.md": "---\ntitle: More\nweight: 2\naliases:\n  - /older/more.html\n---\n",
    "about.md": "---\ntitle: About\nweight: 2\n---\n",
}


def test_report_shows_the_menus_the_navigation_the_redirects_and_a_fix_per_problem(tmp_path):
    src = write_tree(tmp_path / "src", SITE)
    result = run("check", str(src), "--report", str(tmp_path / "r.html"))
    assert result.returncode == 1, result.stderr
    text, page = read(tmp_path / "r.html")
    assert '<td>main</td><td class="n">1</td>' in text
    assert "The sidebar is made of the section tree" in text
    # the navigation in Hugo's order, each page at its Hugo URL, titles escaped
    tree = re.sub(r"\s+", " ", text.split("<h2>Navigation</h2>")[1].split("<h2>")[0])
    assert (
        '<ul class="nav"><li>Guide <code>/guide/</code><ul class="nav">'
        "<li>Start &lt;b&gt;here&lt;/b&gt; <code>/guide/start/</code></li>"
        "<li>More <code>/guide/more/</code></li></ul></li>"
        "<li>About <code>/about/</code></li></ul>"
    ) in tree
    assert "<td>/old/start/</td><td>/guide/start/</td><td>guide/start.md:4</td>" in text
    assert "<td>/older/more.html</td><td>/guide/more/</td><td>guide/more.md:5</td>" in text
    fix = re.sub(r"``(.+?)``", r"<code>\1</code>", html.escape(SUBTYPES["link_unresolved"][1]))
    assert "``" not in text  # the reference's literals are shown as code
    assert f'<td>hugo.link_unresolved</td><td class="n">1</td><td>{fix}</td>' in text
    assert re.search(rf"<td>hugo.link_unresolved</td><td>[^<]*</td><td>{re.escape(fix)}</td>", text)
    assert "b" not in page.tags


def test_a_huge_navigation_is_cut_with_a_mark():
    entry = outline.Entry("Page", "/p/")
    site = outline.Outline(5000, {}, (), (entry,) * 5000, ())
    text = report.page("s", [], {}, site)
    assert text.count("<li>Page ") == report.NAVIGATION_LIMIT and "<li>…</li>" in text
