"""Build a generated Hugo tree and its plain-MyST twin, and compare them.

    python benchmarks/run.py [--sizes 500 2000] [--runs 3]

For each size: full build (-j 1 and -j 2), incremental build after editing
one page body, and after one navigation edit (a menu weight in the Hugo tree,
the section's toctree page in the twin). Reports median wall time, median
peak RSS and the ratio ours/plain as a Markdown table, plus how many pages
each incremental build re-read; then, per size, what the front matter scan
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


def build(src: Path, out: Path, jobs: int, hugo: bool) -> tuple[float, int, int]:
    """(seconds, peak RSS in KiB, pages read) of one sphinx-build run."""
    command = [PYTHON, "-m", "sphinx", "-N", "-b", "dirhtml", "-j", str(jobs), str(src), str(out)]
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


def measure(size: int, runs: int) -> dict[str, dict[str, list[tuple[float, int, int]]]]:
    """Each step alternates between the two trees, so drift in the machine's speed hits both."""
    results: dict[str, dict[str, list[tuple[float, int, int]]]] = {"ours": {}, "plain": {}}
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        for run in range(runs):
            sources = {"ours": (base / f"hugo{run}", True), "plain": (base / f"plain{run}", False)}
            generate(size, sources["ours"][0], sources["plain"][0])
            steps = (
                ("full build", 1, None),
                ("after one body edit", 1, lambda src, hugo: edit_body(src)),
                ("after one navigation edit", 1, edit_navigation),
                ("full build, -j 2", 2, None),
            )
            for step, jobs, edit in steps:
                for name, (src, hugo) in sources.items():
                    out = base / f"out-{name}-{jobs}"
                    if edit is not None:
                        edit(src, hugo)
                    elif out.exists():
                        shutil.rmtree(out)
                    results[name].setdefault(step, []).append(build(src, out, jobs, hugo))
            for name, (src, _) in sources.items():
                shutil.rmtree(src)
                for jobs in (1, 2):
                    shutil.rmtree(base / f"out-{name}-{jobs}", ignore_errors=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000])
    parser.add_argument("--runs", type=int, default=3)
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
        f"{args.runs} runs each, medians.\n"
    )
    print(
        "| pages | build | ours (s) | plain (s) | time ratio | ours RSS (MiB) | plain RSS (MiB) | "
        "RSS ratio | pages read (ours / plain) |"
    )
    print("| --: | :-- | --: | --: | --: | --: | --: | --: | :-- |")
    measured = {}
    for size in args.sizes:
        results = measured[size] = measure(size, args.runs)
        for step in results["ours"]:
            ours, plain = results["ours"][step], results["plain"][step]
            t_ours, t_plain = (
                statistics.median(r[0] for r in ours),
                statistics.median(r[0] for r in plain),
            )
            m_ours, m_plain = (
                statistics.median(r[1] for r in ours) / 1024,
                statistics.median(r[1] for r in plain) / 1024,
            )
            read = f"{ours[0][2]} / {plain[0][2]}" if "edit" in step else ""
            print(
                (
                    f"| {size} | {step} | {t_ours:.1f} | {t_plain:.1f} | {t_ours / t_plain:.2f} | "
                    f"{m_ours:.0f} | {m_plain:.0f} | {m_ours / m_plain:.2f} | {read} |"
                ),
                flush=True,
            )
    print()
    for size, results in measured.items():
        for step in results["ours"]:
            times = {
                name: ", ".join(f"{r[0]:.1f}" for r in results[name][step])
                for name in ("ours", "plain")
            }
            print(
                f"- {size} pages, {step}, each run (s): ours {times['ours']}; plain "
                f"{times['plain']}"
            )
    for size in args.sizes:
        before = measure_before_reading(size, args.runs)
        print(
            f"- {size} pages, before reading (in-process, median): front matter scan "
            f"{before['scan']:.3f} s ({1000 * before['scan'] / size:.3f} s per 1,000 pages), "
            f"site model {before['model']:.3f} s; a body edit re-reads "
            f"{len(before['reread'])} page{'' if len(before['reread']) == 1 else 's'}.",
            flush=True,
        )


if __name__ == "__main__":
    main()
