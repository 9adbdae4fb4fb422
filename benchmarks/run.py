"""Build a generated Hugo tree and its plain-MyST twin, and compare them.

    python benchmarks/run.py [--sizes 500 2000] [--runs 3] [--theme furo]
                             [--steps full navigation] [--plain-up-to 1000]

For each size: full build (-j 1 and -j 2), incremental build after editing
one page body, and after one navigation edit (a menu weight in the Hugo tree,
the section's toctree page in the twin). ``--steps`` picks some of them
(``full``, ``body``, ``navigation``, ``parallel``); an edit is timed against the
output of the steps before it, so keep ``full`` with an edit. ``--theme`` builds
both trees in alabaster (the default), furo or pydata; sizes above
``--plain-up-to`` build our tree only (the twin's sidebar is quadratic in furo).
Each build is its own ``sphinx-build`` process.
Reports median wall time (and per page), median peak RSS and the ratio
ours/plain as a Markdown table, plus how many pages each incremental build
re-read; then, per size, what the front matter scan
and the site model cost before reading (``navigation_cost.py``).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generate import generate
from navigation_cost import measure as measure_before_reading

PYTHON = sys.executable
THEMES = {"alabaster": "alabaster", "furo": "furo", "pydata": "pydata_sphinx_theme"}


def build(
    src: Path, out: Path, jobs: int, hugo: bool, theme: str = "alabaster"
) -> tuple[float, int, int]:
    """(seconds, peak RSS in KiB, pages read) of one sphinx-build run."""
    command = [PYTHON, "-m", "sphinx", "-N", "-b", "dirhtml", "-j", str(jobs), str(src), str(out)]
    command[3:3] = ["-D", f"html_theme={THEMES[theme]}"]
    if hugo:
        command[3:3] = ["-C", "-D", "extensions=sphinx_comparisons"]
    start = time.perf_counter()
    result = subprocess.run(
        ["/usr/bin/time", "-f", "RSS %M", *command], capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(result.stderr[-2000:])
    rss = int(re.findall(r"RSS (\d+)", result.stderr)[-1])
    changed = re.search(r"(\d+) added, (\d+) changed", result.stdout)
    read = int(changed.group(1)) + int(changed.group(2)) if changed else 0
    return elapsed, rss, read


def edit_body(root: Path) -> None:
    page = min(root.glob("section-3/page-*.md"))
    page.write_text(page.read_text() + "\nOne more sentence.\n")


def edit_navigation(root: Path, hugo: bool) -> None:
    if hugo:
        page = sorted(root.glob("section-3/page-*.md"))[1]
        text = page.read_text()
        text = re.sub(
            r"(weight[\"']?\s*[:=]\s*)(\d+)",
            lambda m: m.group(1) + str(int(m.group(2)) + 1000),
            text,
            count=1,
        )
        page.write_text(text)
    else:
        index = root / "section-3" / "index.md"
        index.write_text(index.read_text().replace(":glob:", ":glob:\n:reversed:"))


#: Each step's name in ``--steps``, its row label, its -j and its edit.
STEPS = {
    "full": ("full build", 1, None),
    "body": ("after one body edit", 1, lambda src, hugo: edit_body(src)),
    "navigation": ("after one navigation edit", 1, edit_navigation),
    "parallel": ("full build, -j 2", 2, None),
}


def measure(
    size: int,
    runs: int,
    theme: str = "alabaster",
    steps: tuple[str, ...] = tuple(STEPS),
    plain: bool = True,
) -> dict[str, dict[str, list[tuple[float, int, int]]]]:
    """Each step alternates between the two trees, so drift in the machine's speed hits both."""
    results: dict[str, dict[str, list[tuple[float, int, int]]]] = {"ours": {}, "plain": {}}
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        for run in range(runs):
            sources = {"ours": (base / f"hugo{run}", True), "plain": (base / f"plain{run}", False)}
            generate(size, sources["ours"][0], sources["plain"][0])
            if not plain:
                del sources["plain"]
            for step, jobs, edit in (STEPS[name] for name in STEPS if name in steps):
                for name, (src, hugo) in sources.items():
                    out = base / f"out-{name}-{jobs}"
                    if edit is not None:
                        edit(src, hugo)
                    elif out.exists():
                        shutil.rmtree(out)
                    measured = build(src, out, jobs, hugo, theme)
                    results[name].setdefault(step, []).append(measured)
            for name, (src, _) in sources.items():
                shutil.rmtree(src, ignore_errors=True)
                for jobs in (1, 2):
                    shutil.rmtree(base / f"out-{name}-{jobs}", ignore_errors=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--theme", choices=sorted(THEMES), default="alabaster")
    parser.add_argument("--steps", nargs="+", choices=list(STEPS), default=list(STEPS))
    parser.add_argument("--plain-up-to", type=int, default=None)
    args = parser.parse_args()
    # as an installed package is: compiled once, not on every import
    subprocess.run(
        [
            PYTHON,
            "-m",
            "compileall",
            "-q",
            str(Path(__file__).resolve().parent.parent / "sphinx_comparisons"),
        ],
        check=True,
    )
    print(
        f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; "
        f"{args.runs} runs each, medians; theme {args.theme}.\n"
    )
    print(
        "| pages | build | ours (s) | ms per page | plain (s) | time ratio | ours RSS (MiB) | "
        "plain RSS (MiB) | RSS ratio | pages read (ours / plain) |"
    )
    print("| --: | :-- | --: | --: | --: | --: | --: | --: | --: | :-- |")
    measured = {}
    for size in args.sizes:
        plain = args.plain_up_to is None or size <= args.plain_up_to
        results = measured[size] = measure(size, args.runs, args.theme, tuple(args.steps), plain)
        for step in results["ours"]:
            print(_row(size, step, results["ours"][step], results["plain"].get(step)), flush=True)
    print()
    for size, results in measured.items():
        for step in results["ours"]:
            times = {
                name: ", ".join(f"{r[0]:.1f}" for r in results[name].get(step, [])) or "-"
                for name in ("ours", "plain")
            }
            print(
                f"- {size} pages, {step}, each run (s): ours {times['ours']}; plain "
                f"{times['plain']}"
            )
    if set(args.steps) != set(STEPS):
        return
    for size in args.sizes:
        before = measure_before_reading(size, args.runs)
        print(
            f"- {size} pages, before reading (in-process, median): front matter scan "
            f"{before['scan']:.3f} s ({1000 * before['scan'] / size:.3f} s per 1,000 pages), "
            f"site model {before['model']:.3f} s; a body edit re-reads "
            f"{len(before['reread'])} page{'' if len(before['reread']) == 1 else 's'}.",
            flush=True,
        )


def _row(
    size: int,
    step: str,
    ours: list[tuple[float, int, int]],
    plain: list[tuple[float, int, int]] | None,
) -> str:
    t_ours = statistics.median(r[0] for r in ours)
    m_ours = statistics.median(r[1] for r in ours) / 1024
    per_page = f"{1000 * t_ours / size:.1f}"
    if not plain:
        return f"| {size} | {step} | {t_ours:.1f} | {per_page} | - | - | {m_ours:.0f} | - | - | |"
    t_plain = statistics.median(r[0] for r in plain)
    m_plain = statistics.median(r[1] for r in plain) / 1024
    read = f"{ours[0][2]} / {plain[0][2]}" if "edit" in step else ""
    return (
        f"| {size} | {step} | {t_ours:.1f} | {per_page} | {t_plain:.1f} | {t_ours / t_plain:.2f} | "
        f"{m_ours:.0f} | {m_plain:.0f} | {m_ours / m_plain:.2f} | {read} |"
    )


if __name__ == "__main__":
    main()
