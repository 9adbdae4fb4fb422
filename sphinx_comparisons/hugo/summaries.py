"""A page's summary (``.Summary``), as feeds and list pages show it.

In Hugo's order (``hugolib/page__content.go``): the rendered text before
``<!--more-->`` (a manual summary), else the ``summary`` front matter, else the
automatic summary of the first ``summaryLength`` words (default 70). Two
automatic rules exist:

``paragraphs`` (current Hugo, ``resources/page/page_markup.go``,
    ``ExtractSummaryFromHTML``, v0.134.0+): whole paragraphs of the rendered HTML,
    up to and including the one in which the count reaches ``summaryLength``.
``sentence`` (v0.111.3, ``helpers/content.go``, ``TruncateWordsToWholeSentence``):
    the plain text's first ``summaryLength`` words, extended to the end of that sentence.

The default is ``paragraphs``: the project follows current Hugo where versions differ, and it
keeps the summary's markup (links, emphasis). ``sentence`` is kept for sites built with the
older Hugo, whose feeds the oracle (0.111.3) shows (``hugo_summary_rule``).

Words are counted as Hugo counts them: runs of non-space characters; with
``hasCJKLanguage`` (or a page's ``isCJKLanguage``) each CJK character is a word
of its own (``helpers.TotalWords`` / ``countWords``).
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

#: ``summaryLength``'s default.
DEFAULT_LENGTH = 70
RULES = ("paragraphs", "sentence")
#: Hugo's marker of a manual summary (matched as written, with or without inner spaces).
MORE = re.compile(r"<!--\s*more\s*-->")
_SENTENCE_END = '.?!"'


@dataclass(frozen=True, slots=True)
class Block:
    """One top-level block of the page's rendered body: its plain text and its HTML;
    ``paragraph`` when it is a paragraph (only paragraphs count toward the automatic summary
    under the ``paragraphs`` rule)."""

    text: str
    html: str
    paragraph: bool = True


@dataclass(frozen=True, slots=True)
class Summary:
    """The summary as HTML (feeds escape it once more), and ``.Truncated``."""

    html: str
    truncated: bool


def _is_cjk(char: str) -> bool:
    """Han, Hiragana, Katakana and Hangul (the scripts Hugo's ``isCJK`` names)."""
    try:
        name = unicodedata.name(char)
    except ValueError:
        return False
    return name.startswith(("CJK ", "HIRAGANA", "KATAKANA", "HANGUL"))


def words(text: str, cjk: bool = False) -> list[str]:
    """The words of ``text``: runs of non-space characters; with ``cjk``, each CJK character
    is a word of its own and the rest of a run counts once."""
    found: list[str] = []
    for run in text.split():
        if not cjk:
            found.append(run)
            continue
        rest = ""
        for char in run:
            if _is_cjk(char):
                if rest:
                    found.append(rest)
                    rest = ""
                found.append(char)
            else:
                rest += char
        if rest:
            found.append(rest)
    return found


def sentence(text: str, length: int = DEFAULT_LENGTH, cjk: bool = False) -> Summary:
    """v0.111.3's automatic summary of the plain text (paragraphs end in a newline): up to the
    ``length``-th white space, then on to the next end of a sentence (``.``, ``?``, ``!``,
    ``"`` or a newline); the whole text, not truncated, when there is none. With ``cjk``,
    v0.111.3's ``TruncateWordsByRune``: the first ``length`` words, CJK characters one each."""
    if cjk:
        return _by_rune(text, length)
    spaces = [index for index, char in enumerate(text) if char.isspace()][:length]
    if not spaces:
        return Summary(html.escape(text.strip(), quote=False), False)
    start = spaces[-1]
    ends = [i for i in range(start, len(text)) if text[i] in _SENTENCE_END or text[i] == "\n"]
    if not ends:
        return Summary(html.escape(text.strip(), quote=False), False)
    end = ends[0] + 1
    return Summary(html.escape(text[:end].strip(), quote=False), end < len(text))


def _by_rune(text: str, length: int) -> Summary:
    kept: list[str] = []
    count = 0
    for run in text.split():
        found = words(run, True)
        if count + len(found) > length:
            kept.append("".join(found[: length - count]))
            return Summary(html.escape(" ".join(k for k in kept if k), quote=False), True)
        count += len(found)
        kept.append(run)
    return Summary(html.escape(" ".join(kept), quote=False), False)


def paragraphs(blocks: list[Block], length: int = DEFAULT_LENGTH, cjk: bool = False) -> Summary:
    """Current Hugo's automatic summary: the blocks up to and including the paragraph in
    which the word count reaches ``length``; all of them (not truncated) if it never does."""
    count = 0
    for index, block in enumerate(blocks):
        if not block.paragraph:
            continue
        count += len(words(block.text, cjk))
        if count >= length:
            kept = blocks[: index + 1]
            truncated = any(b.text.strip() for b in blocks[index + 1 :])
            return Summary("".join(b.html for b in kept), truncated)
    return Summary("".join(b.html for b in blocks), False)


def summary(
    manual: list[Block] | None,
    front_matter: object,
    blocks: list[Block],
    length: int = DEFAULT_LENGTH,
    cjk: bool = False,
    rule: str = "paragraphs",
) -> Summary:
    """The page's summary: ``manual`` (the blocks before ``<!--more-->``, None without one),
    else the ``summary`` front matter (a string, used as written), else the automatic one."""
    if manual is not None:
        return Summary("".join(b.html for b in manual), True)
    if isinstance(front_matter, str) and front_matter.strip():
        return Summary(front_matter, False)
    if rule == "sentence":
        return sentence("\n".join(" ".join(b.text.split()) for b in blocks), length, cjk)
    return paragraphs(blocks, length, cjk)


def length_of(value: object) -> int:
    """The site's ``summaryLength`` (a positive integer; else the default)."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    return DEFAULT_LENGTH
