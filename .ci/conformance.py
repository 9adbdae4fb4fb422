"""Fail on any warning of a corpus build that the corpus's allow-list does not name.

Usage: conformance.py ALLOWED BUILD_LOG CONTENT_DIR

ALLOWED (``.ci/conformance/<corpus>/allowed.txt``) has one rule per line: the warning
type, a glob of the files it may come from (relative to CONTENT_DIR), and why Hugo would
be silent or loud there too. Blank lines and lines starting with ``#`` are skipped. A rule
that no warning used is reported too, so the lists stay short.
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


def rules_of(text: str) -> list[tuple[str, str]]:
    rules = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 3 and not line.startswith("#"):
            rules.append((parts[0], parts[1]))
        elif parts and not line.startswith("#"):
            raise SystemExit(f"allow-list line without type, glob and reason: {line!r}")
    return rules


def main(allowed_path: str, log_path: str, content: str) -> int:
    rules = rules_of(Path(allowed_path).read_text(encoding="utf-8"))
    root = str(Path(content).resolve()) + "/"
    seen: Counter[tuple[str, str]] = Counter()
    bad = []
    log = re.sub(r"\x1b\[[0-9;]*m", "", Path(log_path).read_text(encoding="utf-8"))
    for line in log.splitlines():
        if "WARNING" not in line and "ERROR" not in line:
            continue
        match = WARNING.match(line)
        kind = (match and match.group("type")) or "untyped"
        path = (match.group("file") if match else "").removeprefix(root)
        rule = next((r for r in rules if kind == r[0] and fnmatch.fnmatch(path, r[1])), None)
        if rule is None:
            bad.append(line)
        else:
            seen[rule] += 1
    for (kind, glob), count in sorted(seen.items()):
        print(f"allowed: {count:4d} {kind} {glob}")
    unused = [rule for rule in rules if rule not in seen]
    for kind, glob in unused:
        print(f"allow-list rule no warning used (remove it): {kind} {glob}")
    if bad:
        print(f"{len(bad)} warnings not in {allowed_path}:")
        print("\n".join(bad))
    if bad or unused:
        return 1
    print("conformance: no other warnings")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
