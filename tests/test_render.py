"""The filters that keep log text inert in Markdown, each rendered by GitHub's cmark-gfm: what a reader sees
inside code is exactly the log's text, and text escaped by ``md`` renders as itself with no markup."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from live_markdown import Page, to_html

from tokenopt.render import LINE_MARK, cell, code, fence, history, md

one_line = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r\n"), max_size=40)


@settings(max_examples=300, deadline=None)
@given(one_line)
def test_a_code_span_shows_exactly_its_text(text: str):
    html = to_html("x " + code(text))
    assert "".join(Page(html).code) == text and Page(html).tags.keys() <= {"p", "code"}


@settings(max_examples=300, deadline=None)
@given(one_line, one_line)
def test_a_code_span_in_a_table_cell_shows_exactly_its_text(first: str, second: str):
    page = Page(to_html(f"| a | b |\n|---|---|\n| {cell(first)} | {cell(second)} |\n"))
    assert page.tags["td"] == 2 and page.tags["tr"] == 2
    assert "".join(page.code) == first + second


@settings(max_examples=300, deadline=None)
@given(st.lists(one_line, min_size=1, max_size=6))
def test_a_fenced_block_in_a_list_item_shows_exactly_its_lines(lines: list[str]):
    page = Page(to_html(f"- item\n{fence(lines, 2)}\n\nafter"))
    assert page.tags["pre"] == 1 and "".join(page.code) == "\n".join(lines) + "\n"
    assert "".join(page.prose).strip().endswith("after")


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40))
def test_plain_text_escaping_leaves_no_markup(text: str):
    page = Page(to_html("x " + md(text)))
    assert page.tags.keys() <= {"p"}
    shown = "".join(page.prose).replace("\u2060", "")  # the word joiners md() adds to break up markup
    sent = "x " + text.replace("\r", " ").replace("\n", " ").replace("\u2060", "")
    assert " ".join(shown.split()) == " ".join(sent.split())


def test_line_breaks_in_one_line_text_are_marked_never_kept():
    assert code("a\r\nb\rc\nd") == f"`a{LINE_MARK}b{LINE_MARK}c{LINE_MARK}d`"
    assert fence(["a\rb", "c"]) == "```\na\nb\nc\n```"


def test_code_spans_pad_what_commonmark_would_strip():
    assert code("`x`") == "`` `x` ``" and code(" x ") == "`  x  `" and code("  ") == "`  `" and code("") == ""
    assert fence(["````", "~~~"]) == "`````\n````\n~~~\n`````"


def test_a_history_quotes_the_date_the_index_gave():
    seen = "seen in 7 of the last 10 runs since "
    assert history(seen + "2026-11-01") == seen + "`2026-11-01`"
    assert history("seen in 2 of the last 2 runs since a|`b", short=True, in_table=True) == "2/2 runs since ``a\\|`b``"
    assert history("new") == "new"
