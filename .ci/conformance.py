"""Fail on any corpus warning that the README does not list as allowed.

Usage: conformance.py README.md BUILD_LOG CONTENT_DIR
"""

from __future__ import annotations

import fnmatch
import re
import sys
from collections import Counter
from pathlib import Path

WARNING = re.compile(
    r"^(?P<file>[^:]+?)(?::\d+)?: (?:WARNING|ERROR): .*?(?:\[(?P<type>[\w.]+)\])?$"
)


def allowed(readme: str) -> list[tuple[str, str]]:
    block = readme.split("<!-- conformance-allowed: start -->")[1].split(
        "<!-- conformance-allowed: end -->"
    )[0]
    rules = []
    for line in block.splitlines():
        parts = line.split()
        if len(parts) >= 2 and not line.startswith("```"):
            rules.append((parts[0], parts[1]))
    return rules


def main(readme_path: str, log_path: str, content: str) -> int:
    rules = allowed(Path(readme_path).read_text(encoding="utf-8"))
    root = str(Path(content).resolve()) + "/"
    seen: Counter[str] = Counter()
    bad = []
    log = re.sub(r"\x1b\[[0-9;]*m", "", Path(log_path).read_text(encoding="utf-8"))
    for line in log.splitlines():
        if "WARNING" not in line and "ERROR" not in line:
            continue
        match = WARNING.match(line)
        kind = (match and match.group("type")) or "untyped"
        path = (match.group("file") if match else "").removeprefix(root)
        if any(kind == rule and fnmatch.fnmatch(path, glob) for rule, glob in rules):
            seen[kind] += 1
        else:
            bad.append(line)
    for kind, count in sorted(seen.items()):
        print(f"allowed (not yet supported or expected): {count:4d} {kind}")
    if bad:
        print(f"{len(bad)} warnings not allowed by the README:")
        print("\n".join(bad))
        return 1
    print("conformance: no other warnings")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
