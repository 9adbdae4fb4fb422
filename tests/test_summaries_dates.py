"""The core rules of summaries, dates, feeds and the sitemap (``hugo/summaries.py``,
``hugo/dates.py``, ``hugo/feeds.py``), with Hugo's answers from the oracle (0.111.3) or,
where it changed since, from current Hugo's source (said at each test)."""

from __future__ import annotations

import datetime as dt

from sphinx_comparisons.hugo import dates, feeds, summaries
from sphinx_comparisons.hugo.summaries import Block


def _p(text: str) -> Block:
    return Block(text, f"<p>{text}</p>")


def test_sentence_rule_ends_at_the_sentence_or_takes_everything():
    # oracle, summaryLength = 3: ten words with no full stop give all ten, not truncated
    ten = "one two three four five six seven eight nine ten"
    assert summaries.sentence(ten, 3) == summaries.Summary(ten, False)
    # oracle (tests/fixtures/feeds), summaryLength = 5
    text = "One two three four five six. Seven eight nine ten eleven twelve.\nSecond paragraph."
    assert summaries.sentence(text, 5) == summaries.Summary("One two three four five six.", True)
    assert summaries.sentence("a < b & c", 70).html == "a &lt; b &amp; c"


def test_paragraph_rule_takes_whole_paragraphs_as_current_hugo():
    """Current Hugo (ExtractSummaryFromHTML, v0.134.0+): paragraphs up to the one where the
    count reaches summaryLength; the oracle's 0.111.3 has the sentence rule instead."""
    blocks = [_p("one two three"), Block("Heading", "", False), _p("four five six"), _p("seven")]
    assert summaries.paragraphs(blocks, 4) == summaries.Summary(
        "<p>one two three</p><p>four five six</p>", True
    )
    assert summaries.paragraphs(blocks, 70).truncated is False


def test_cjk_characters_count_one_word_each():
    assert summaries.words("日本語のテキスト abc", cjk=True) == [*"日本語のテキスト", "abc"]
    assert len(summaries.words("日本語のテキスト", cjk=False)) == 1
    assert summaries.sentence("日本語のテキスト", 3, cjk=True) == summaries.Summary("日本語", True)


def test_manual_summary_then_front_matter_then_automatic():
    blocks = [_p("alpha beta gamma."), _p("delta")]
    assert summaries.summary([blocks[0]], "FM", blocks).html == "<p>alpha beta gamma.</p>"
    assert summaries.summary([blocks[0]], "FM", blocks).truncated
    assert summaries.summary(None, "FM summary", blocks).html == "FM summary"
    assert summaries.summary(None, ["not", "text"], blocks, 1).html == "<p>alpha beta gamma.</p>"
    assert summaries.length_of(True) == summaries.length_of("5") == summaries.length_of(-1) == 70


def test_filename_date_and_slug_and_default_expansion():
    rules = dates.rules({"date": [":filename", ":default"]})
    out = dates.apply({"title": "c"}, dates.FileFacts("docs/2019-03-04-c.md"), rules)
    assert out["date"] == dt.datetime(2019, 3, 4, tzinfo=dt.UTC) and out["slug"] == "c"
    # the oracle: publishDate and lastmod read front matter only, so they stay unset
    assert "publishdate" not in out and dates.lastmod(out) is None
    kept = dates.apply({"slug": "own"}, dates.FileFacts("2019-03-04-c/index.md"), rules)
    assert kept["slug"] == "own"
    assert dates.from_filename("2019-13-40-x.md") is None


def test_date_aliases_mtime_git_and_bad_config():
    rules = dates.rules(None)
    out = dates.apply(
        {"pubdate": "2024-01-02", "modified": "2024-02-03", "unpublishdate": "2030-01-01"},
        dates.FileFacts("a.md"),
        rules,
    )
    assert out["date"] == out["publishdate"] == dt.datetime(2024, 1, 2, tzinfo=dt.UTC)
    assert out["lastmod"] == dt.datetime(2024, 2, 3, tzinfo=dt.UTC)
    assert out["expirydate"] == dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
    stamp = dt.datetime(2020, 5, 6, tzinfo=dt.UTC)
    mtime = dates.rules({"lastmod": [":fileModTime"]})
    assert (
        mtime.uses_mtime
        and dates.lastmod(dates.apply({}, dates.FileFacts("a.md", stamp), mtime)) == stamp
    )
    git = dates.apply({"lastmod": "2001-01-01"}, dates.FileFacts("a.md", None, stamp), rules)
    assert dates.lastmod(git) == stamp  # :git comes first in lastmod's default list
    broken = dates.rules({"date": 3, "colour": ["x"]})
    assert [key for key, _ in broken.problems] == ["frontmatter.date", "frontmatter.colour"]
    assert broken.handlers["date"] == dates.DEFAULTS["date"]
    assert dates.rules(["x"]).problems


def test_rss_dates_titles_outputs_and_limits():
    zone = dt.timezone(dt.timedelta(hours=2))
    assert (
        feeds.rfc1123(dt.datetime(2024, 1, 2, 10, tzinfo=zone)) == "Tue, 02 Jan 2024 10:00:00 +0200"
    )
    assert feeds.rfc1123(None) == "Mon, 01 Jan 0001 00:00:00 +0000"
    assert feeds.rfc3339(dt.datetime(2024, 1, 2, 10, tzinfo=zone)) == "2024-01-02T10:00:00+02:00"
    assert feeds.channel_title("Blog", "") == "Blog on "  # the oracle, with no site title
    assert feeds.channel_title("Site", "Site") == "Site"
    assert feeds.channel_description("Blog", "S") == "Recent content in Blog on S"
    assert feeds.has_rss("section", None, None) and not feeds.has_rss("page", None, None)
    assert not feeds.has_rss("home", {"home": ["HTML"]}, None)
    assert feeds.has_rss("home", {"home": ["HTML"]}, "rss")
    assert feeds.limit({"rssLimit": 2}.get) == 2
    assert feeds.limit({"services.rss.limit": -1, "rssLimit": 2}.get) is None
    assert feeds.limit({"rssLimit": True}.get) is None


def test_sitemap_settings_page_over_site_and_bad_values_ignored():
    site = feeds.SitemapConfig().over({"changefreq": "Weekly", "priority": 0.4})
    assert (site.changefreq, site.priority) == ("weekly", 0.4)
    page = site.over({"changefreq": "sometimes", "priority": 7, "disable": "yes"})
    assert page == site
    assert site.over({"disable": True}).disable
    assert site.over("not a table") is site
