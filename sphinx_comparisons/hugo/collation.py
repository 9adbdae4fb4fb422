"""How Hugo orders titles: with the collator of the site's language.

Hugo sorts pages of equal weight and date by link title with
``golang.org/x/text/collate`` for the language (``langs/language.go``,
``hugolib/pages_sort.go``), so Chinese titles go in pinyin order and German
ones put ``ä`` with ``a``. English needs no dependency: accents and case count
only to break ties. For any other language the build uses ICU's collator,
which follows the same CLDR rules (less their script reordering, which Go's
collator does not apply), when PyICU is installed (the extra
``collation``); without it titles of other scripts are compared by code point.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from typing import Any

TitleKey = Callable[[str], Any]
#: A CLDR tailoring's script reordering (``[reorder Hani]`` in Chinese's): Go's
#: ``x/text/collate``, which Hugo uses, does not apply it, so Latin titles stay first.
_REORDER = re.compile(r"\[reorder[^\]]*\]")


def english(text: str) -> tuple[str, str]:
    """Close to Hugo's English collator: accents and case matter only to break ties."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return plain.casefold(), text


@functools.cache
def key_for(locale: str) -> TitleKey:
    """The title key of a language (``zh-cn``, ``de-DE``); English's when ICU cannot help."""
    language = locale.replace("_", "-").split("-")[0].lower()
    if language in ("", "en"):
        return english
    try:
        import icu  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError:
        return english
    collator = icu.Collator.createInstance(icu.Locale(locale.replace("-", "_")))
    rules = collator.getRules()
    if _REORDER.search(rules):  # Go's collator keeps every script in Unicode's order
        collator = icu.RuleBasedCollator(_REORDER.sub("", rules))

    def key(text: str) -> tuple[bytes, str]:
        return collator.getSortKey(text), text

    return key
