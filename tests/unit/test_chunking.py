from backend.retrieval.chunking import chunk_body, parse_blocks
from backend.text import count_tokens


def test_blocks_keep_heading_path():
    blocks = parse_blocks("# A\n\nintro\n\n## B\n\nbody b\n\n### C\n\ndeep\n\n## D\n\nbody d")
    assert [(b.heading_path, b.text) for b in blocks] == [
        ("A", "intro"), ("A > B", "body b"), ("A > B > C", "deep"), ("A > D", "body d")]


def test_lists_tables_and_code_are_blocks():
    body = "para\n- one\n- two\n\n| h | v |\n|---|---|\n| a | 1 |\n\n```\ncode\n# not a heading\n```"
    kinds = [(b.kind, b.text.split("\n")[0]) for b in parse_blocks(body)]
    assert kinds == [("paragraph", "para"), ("list", "- one"), ("table", "| h | v |"), ("code", "```")]


def test_chunks_respect_token_budget_and_overlap():
    sentences = " ".join(f"Sentence number {i} talks about refunds and returns." for i in range(200))
    chunks = chunk_body(f"# Policy\n\n{sentences}", max_tokens=80, overlap=20)
    assert len(chunks) > 5
    assert all(c.token_count <= 80 for c in chunks)
    assert all(c.heading_path == "Policy" for c in chunks)
    # consecutive chunks of one section share their boundary sentence(s)
    first_tail = chunks[0].text.split(". ")[-1]
    assert first_tail.rstrip(".") in chunks[1].text


def test_oversized_table_repeats_header_row():
    rows = "\n".join(f"| item {i} | {i} dollars of store credit for the return |" for i in range(120))
    chunks = chunk_body(f"## Prices\n\n| Item | Credit |\n|---|---|\n{rows}", max_tokens=100, overlap=0)
    assert len(chunks) > 3
    assert all(c.text.startswith("| Item | Credit |\n|---|---|") for c in chunks)
    assert all(count_tokens(c.text) <= 100 for c in chunks)


def test_enormous_sentence_is_hard_cut():
    chunks = chunk_body("word " * 2000, max_tokens=120, overlap=0)
    assert len(chunks) >= 16
    assert all(c.token_count <= 120 for c in chunks)


def test_small_sections_merge_but_new_big_section_starts_a_chunk():
    body = "# T\n\n## A\n\nshort a\n\n## B\n\nshort b"
    chunks = chunk_body(body, max_tokens=200)
    assert len(chunks) == 1 and "short a" in chunks[0].text and "short b" in chunks[0].text


def test_empty_body_gives_no_chunks():
    assert chunk_body("   \n\n  ") == []
