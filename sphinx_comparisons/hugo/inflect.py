"""English plurals as Hugo makes them for the titles of sections without a file.

Hugo (``pluralizeListTitles``) pluralizes with an inflection library's rules:
irregular and uncountable words first, then suffix rules, else ``s``. These
rules reproduce its answers for common folder names (tests/fixtures/hugo-list-titles.json).
"""

from __future__ import annotations

import re

IRREGULAR = {
    "person": "people",
    "man": "men",
    "woman": "women",
    "child": "children",
    "mouse": "mice",
    "louse": "lice",
    "foot": "feet",
    "tooth": "teeth",
    "goose": "geese",
    "ox": "oxen",
    "photo": "photos",
    "piano": "pianos",
    "halo": "halos",
}
UNCOUNTABLE = {
    "data",
    "media",
    "metadata",
    "news",
    "series",
    "species",
    "sheep",
    "fish",
    "equipment",
    "information",
    "rice",
    "money",
    "jeans",
    "police",
}
#: (pattern, replacement), the first that matches wins.
SUFFIXES = [
    (r"(quiz)$", r"\1zes"),
    (r"(matr|vert|ind)(ix|ex)$", r"\1ices"),
    (r"(alias|status|bus)$", r"\1es"),
    (r"sis$", "ses"),
    (r"(x|ch|ss|sh|zz)$", r"\1es"),
    (r"s$", "s"),
    (r"([^aeiouy]|qu)y$", r"\1ies"),
    (r"(?:([^f])fe|([lr])f)$", r"\1\2ves"),
    (r"([ti])um$", r"\1a"),
    (r"o$", "oes"),
]


def pluralize(word: str) -> str:
    lower = word.lower()
    if lower in UNCOUNTABLE:
        return word
    for singular, plural in IRREGULAR.items():
        if lower.endswith(singular) and (
            len(lower) == len(singular) or not lower[-len(singular) - 1].isalpha()
        ):
            return word[: len(word) - len(singular)] + plural
    for pattern, replacement in SUFFIXES:
        if re.search(pattern, word, flags=re.IGNORECASE):
            return re.sub(pattern, replacement, word, count=1, flags=re.IGNORECASE)
    return word + "s"
