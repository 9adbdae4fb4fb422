"""Random hostile sites: whatever a page says, the build stays inside its folders and runs no
script.

Each example is a small Hugo tree whose pages mix every front matter key,
shortcode, heading attribute, link and alias form the extension reads with
strings an attacker would try. For every example the build must exit 0,
write nothing outside the output folder and change nothing in the source,
publish neither a local secret file nor the build's environment, emit no
live script (raw HTML is off, as in Hugo by default), and locate every
warning in a page.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import strip_ansi, write_tree

pytestmark = pytest.mark.slow  # builds a dozen generated sites

SECRET_FILE_TEXT = "top-secret-file-7f3a"
SECRET_ENV_TEXT = "top-secret-env-91c2"
PWN = "document.documentElement.dataset.pwned=1"

HOSTILE = [
    f"<script>{PWN}</script>",
    f'"><img src=x onerror="{PWN}">',
    f"javascript:{PWN}",
    f" javascript:{PWN}",
    f"java\tscript:{PWN}",
    f"\x01javascript:{PWN}",
    f"data:text/html,<script>{PWN}</script>",
    f"'a #x\"><svg/onload={PWN}//'",
    "a<b>c",
    "../../../../../../../../etc/passwd",
    "/proc/self/environ",
    "../secret.txt",
    "../../secret.txt",
    "/../secret.txt",
    "../../../../../../tmp/escaped",
    "../_static/basic.css",
    "/_static/basic.css",
    "/searchindex.js",
    "/_redirects",
    "/.htaccess",
    "x" * 300,
    "a\x00b",
    "with spaces/and more",
    "2023-02-30",
    '{{< readfile file="../secret.txt" >}}',
    '{hugo-shortcode}`readfile {"p":["../secret.txt"]}`',
    "",
]
PLAIN = ["Plain", "guide", "/guide/", "https://example.org/", "#top", "3"]
value = st.sampled_from(HOSTILE + PLAIN)

FRONT_KEYS = [
    "title",
    "linkTitle",
    "headerTitle",
    "description",
    "headcontent",
    "slug",
    "url",
    "aliases",
    "weight",
    "date",
    "tocdepth",
    "tags",
    "keywords",
    "menu",
]


def _front_matter(draw: st.DrawFn) -> str:
    keys = draw(st.lists(st.sampled_from(FRONT_KEYS), unique=True, max_size=6))
    data = {key: draw(value) for key in keys}
    if "aliases" in data and draw(st.booleans()):
        data["aliases"] = [data["aliases"], draw(value)]
    data.setdefault("title", "Page")
    if draw(st.booleans()):
        return "---\n" + "\n".join(f"{k}: {json.dumps(v)}" for k, v in data.items()) + "\n---\n"
    return json.dumps(data) + "\n"


def _q(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


@st.composite
def body_lines(draw: st.DrawFn) -> str:
    text = _q(draw(value))
    forms = [
        f"## Heading {{#{draw(value).replace('}', '')}}}",
        f"## Notes {{data-x={draw(value).replace('}', '')}}}",
        f"[link]({draw(value).replace(')', '').replace(' ', '%20') or 'x'})",
        f"![image]({draw(value).replace(')', '').replace(' ', '%20') or 'x'})",
        f'{{{{< readfile file="{text}" code="true" >}}}}',
        f'{{{{< readfile file="{text}" >}}}}',
        f'{{{{% includeMarkdown "{text}" %}}}}',
        f'{{{{< figure src="{text}" link="{text}" title="{text}" caption="{text}" >}}}}',
        f'{{{{% alert title="{text}" %}}}}\nInside\n{{{{% /alert %}}}}',
        f'{{{{< details summary="{text}" >}}}}\nHidden\n{{{{< /details >}}}}',
        (
            f'{{{{< tabpane text=true >}}}}\n{{{{% tab header="{text}" %}}}}\nTab\n'
            f"{{{{% /tab %}}}}\n{{{{< /tabpane >}}}}"
        ),
        f'{{{{< card header="{text}" >}}}}\nCard\n{{{{< /card >}}}}',
        f'{{{{< index/item title="T" url="{text}" >}}}}',
        f'{{{{< blocks/feature title="T" url="{text}" >}}}}\nF\n{{{{< /blocks/feature >}}}}',
        f'{{{{< lead link="{text}" >}}}}\nLead\n{{{{< /lead >}}}}',
        f'{{{{< iframe src="{text}" >}}}}',
        f'{{{{< imgproc "{text}" Fill "10x10" >}}}}\nCaption\n{{{{< /imgproc >}}}}',
        f"## Relevant blog posts\n\n- [post]({draw(value).replace(')', '') or 'x'})",
        draw(value),
        "{{< note >}}\n" * 3 + "deep",
    ]
    return draw(st.sampled_from(forms))


@st.composite
def pages(draw: st.DrawFn) -> str:
    lines = draw(st.lists(body_lines(), max_size=6))
    return _front_matter(draw) + "\n" + "\n\n".join(lines) + "\n"


@st.composite
def sites(draw: st.DrawFn) -> dict[str, str]:
    count = draw(st.integers(1, 4))
    files = {
        "content/_index.md": "---\ntitle: Home\n---\n",
        "content/guide.md": "---\ntitle: Guide\n---\n",
    }
    for number in range(count):
        files[f"content/docs/page{number}.md"] = draw(pages())
    return files


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def _build(src: Path, out: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HUGO_TEST_SECRET": SECRET_ENV_TEXT}
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-q",
        "-N",
        "-b",
        "dirhtml",
        "-C",
        "-D",
        "extensions=sphinx_comparisons",
        str(src),
        str(out),
    ]
    return subprocess.run(
        command, capture_output=True, text=True, check=False, env=env, timeout=300
    )


def _live_script(page: BeautifulSoup) -> list[str]:
    found = []
    for element in page.find_all(True):
        for name, raw in element.attrs.items():
            text = " ".join(raw) if isinstance(raw, list) else str(raw)
            squeezed = "".join(ch for ch in text if ch > " ").lower()
            if name.lower().startswith("on"):
                found.append(f"<{element.name} {name}=...>")
            if name.lower() in {
                "href",
                "src",
                "action",
                "formaction",
                "xlink:href",
            } and squeezed.startswith(("javascript:", "data:", "vbscript:")):
                found.append(f"<{element.name} {name}={text[:40]!r}>")
        # the payload as code; our own redirect script may carry its letters in a cleaned-up
        # URL, which has lost the "=" an assignment needs
        if element.name in {
            "script",
            "svg",
            "iframe",
            "object",
            "embed",
        } and PWN in str(element):
            found.append(f"<{element.name}> with the payload")
    return found


@settings(
    max_examples=int(os.environ.get("HOSTILE_EXAMPLES", "12")),
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(sites())
def test_hostile_site_stays_contained(tmp_path_factory, files):
    root = tmp_path_factory.mktemp("hostile")
    (root / "secret.txt").write_text(SECRET_FILE_TEXT, encoding="utf-8")
    src = write_tree(root, files) / "content"
    out = root / "out"
    before_src, before_root = _digest(src), set(_digest(root))
    result = _build(src, out)
    stderr = strip_ansi(result.stderr)
    assert result.returncode == 0, stderr
    assert "Traceback" not in stderr and "Exception occurred" not in stderr, stderr
    assert _digest(src) == before_src, "the build changed the source folder"
    outside = {name for name in set(_digest(root)) - before_root if not name.startswith("out/")}
    assert not outside, f"written outside the output folder: {sorted(outside)}"
    for warning in (line for line in stderr.splitlines() if "WARNING" in line or "ERROR" in line):
        assert warning.startswith(str(src)), f"unlocated warning: {warning}"
    for path in out.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        data = path.read_bytes()
        assert SECRET_FILE_TEXT.encode() not in data, (
            f"{path} publishes a file from outside the site"
        )
        assert SECRET_ENV_TEXT.encode() not in data, f"{path} publishes the build's environment"
        assert b"root:x:0:0" not in data, f"{path} publishes /etc/passwd"
        if path.suffix == ".html" and "_static" not in path.parts:
            page = BeautifulSoup(data.decode("utf-8", "replace"), "html.parser")
            assert not _live_script(page), f"{path.relative_to(out)}: {_live_script(page)}"
