"""Plain text, Markdown and HTML become headings, paragraphs and list items."""

from __future__ import annotations

from lumbar.ask.readers import Block, html_blocks, markdown_blocks, text_blocks


def test_text_blocks_find_title_headings_items_and_joined_lines() -> None:
    title, blocks = text_blocks(
        "Back cramps at home\n\nHeat\nHeat relaxes the muscles and\nthe pain eases.\n"
        "For the stretch:\n- Get on your hands and knees.\n  2. Arch your back.\n"
    )
    assert title == "Back cramps at home"
    assert blocks == [
        Block("heading", "Heat"),
        Block("paragraph", "Heat relaxes the muscles and the pain eases."),
        Block("paragraph", "For the stretch:"),
        Block("item", "Get on your hands and knees."),
        Block("item", "Arch your back."),
    ]


def test_text_title_skips_a_date_and_prefers_the_repeated_line() -> None:
    title, _ = text_blocks(
        "Sunday, July 7, 2024\nHomeWhat To Do For Back Spasms\nWhat To Do For Back Spasms\n\nRest a little."
    )
    assert title == "What To Do For Back Spasms"


def test_a_long_bullet_is_a_paragraph() -> None:
    _, blocks = text_blocks("Title of the page here\n• " + "word " * 50)
    assert blocks[0].kind == "paragraph"


def test_markdown_blocks_strip_markup_and_skip_code() -> None:
    title, blocks = markdown_blocks(
        "---\nauthor: x\n---\n# Heat for spasms\n\nUse **moist** heat, see [the guide](http://x).\n\n"
        "```\ncode here\n```\n* one\n* two\n\nSub heading\n-----------\nText.\n"
    )
    assert title == "Heat for spasms"
    assert blocks == [
        Block("heading", "Heat for spasms"),
        Block("paragraph", "Use moist heat, see the guide."),
        Block("item", "one"),
        Block("item", "two"),
        Block("heading", "Sub heading"),
        Block("paragraph", "Text."),
    ]


def test_html_blocks_use_the_title_and_skip_scripts_and_navigation() -> None:
    title, blocks = html_blocks(
        "<html><head><title>Back &amp; heat</title><script>var x=1;</script></head><body>"
        "<nav><a>Home</a></nav><h2>Heat</h2><p>Use heat<br>for 15 minutes.</p>"
        "<ul><li>Wrap it</li><li>Check skin</li></ul><style>p{}</style></body></html>"
    )
    assert title == "Back & heat"
    assert blocks == [
        Block("heading", "Heat"),
        Block("paragraph", "Use heat"),
        Block("paragraph", "for 15 minutes."),
        Block("item", "Wrap it"),
        Block("item", "Check skin"),
    ]
