import json
from pathlib import Path

import pytest

from backend.services.kb_formats import FieldMap, expand_paths, html_to_markdown, read_file
from backend.services.readers import FileFormatError


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


def test_markdown_front_matter(tmp_path):
    path = write(tmp_path / "a.md", "---\nid: x1\ntitle: Refunds\nurl: https://h/x1\ntags: [a, b]\n---\nBody text\n")
    [article] = read_file(path, tmp_path)
    assert article.external_id == "x1" and article.title == "Refunds" and article.url == "https://h/x1"
    assert article.tags == ["a", "b"] and article.body == "Body text"


def test_markdown_without_front_matter_uses_heading_and_path(tmp_path):
    path = write(tmp_path / "Returns" / "Refund Timing.md", "# When refunds arrive\n\nFive days.")
    [article] = read_file(path, tmp_path)
    assert article.external_id == "returns/refund-timing"
    assert article.title == "When refunds arrive"


def test_html_main_content_without_chrome():
    html = """<html><head><title>T</title><script>var x=1</script></head><body>
    <nav>Home | Help</nav><header>Brand</header>
    <main><h1>Shipping</h1><p>We ship <b>fast</b>.</p><h2>Costs</h2>
    <ul><li>Standard: $5</li><li>Express: $15</li></ul>
    <table><tr><th>Zone</th><th>Days</th></tr><tr><td>US</td><td>3</td></tr></table></main>
    <footer>© 2026</footer><script>track()</script></body></html>"""
    title, body = html_to_markdown(html)
    assert title == "Shipping"
    assert "## Costs" in body and "- Standard: $5" in body and "| Zone | Days |" in body
    assert "We ship fast ." in body or "We ship fast." in body
    for junk in ("var x", "track()", "Home | Help", "Brand", "© 2026"):
        assert junk not in body


def test_broken_html_still_reads(tmp_path):
    path = write(tmp_path / "b.html", "<div><p>Unclosed <b>tags <p>second para<li>item")
    [article] = read_file(path, tmp_path)
    assert "Unclosed" in article.body and "second para" in article.body


def test_csv_with_guessed_and_named_fields(tmp_path):
    path = write(tmp_path / "faq.csv", "question,answer,link\nHow to pay?,By card.,https://h/1\nRefund?,In 5 days.,\n")
    articles = read_file(path, tmp_path)
    assert [a.title for a in articles] == ["How to pay?", "Refund?"]
    assert articles[0].url == "https://h/1" and articles[1].url is None
    path2 = write(tmp_path / "k.csv", "k,q,a\n7,Q?,A.\n")
    [article] = read_file(path2, tmp_path, fields=FieldMap(id="k", title="q", body="a"))
    assert article.external_id == "7"


def test_csv_missing_body_column_is_a_clear_error(tmp_path):
    path = write(tmp_path / "bad.csv", "name,colour\nx,y\n")
    with pytest.raises(FileFormatError, match=r"no body field.*--body-field"):
        read_file(path, tmp_path)


def test_jsonl_and_malformed_line(tmp_path):
    good = write(tmp_path / "a.jsonl", json.dumps({"id": 1, "title": "T", "body": "<p>html <b>body</b></p>"}) + "\n")
    [article] = read_file(good, tmp_path)
    assert article.body == "html body"
    bad = write(tmp_path / "b.jsonl", '{"title": "T", "body": "x"}\n{"title": oops}\n')
    with pytest.raises(FileFormatError, match="line 2"):
        read_file(bad, tmp_path)


def test_zendesk_export(tmp_path):
    data = {"articles": [{"id": 360001, "title": "Returns", "body": "<h2>Window</h2><p>30 days.</p>",
                          "html_url": "https://x.zendesk.com/hc/articles/360001", "label_names": ["returns"],
                          "draft": False}]}
    path = write(tmp_path / "export.json", json.dumps(data))
    [article] = read_file(path, tmp_path)
    assert article.external_id == "360001" and article.url.endswith("360001")
    assert "## Window" in article.body and article.tags == ["returns"]
    with pytest.raises(FileFormatError, match="Zendesk"):
        read_file(write(tmp_path / "list.json", "[]"), tmp_path, "zendesk")


@pytest.mark.parametrize("content,reason", [
    (b"\x00\x01\x02", "binary"),
    (b"caf\xe9 au lait", "not UTF-8"),
    (b"   \n", "empty"),
    (b"---\ntitle: [unclosed\n---\nbody", "front matter"),
])
def test_bad_files_have_reasons(tmp_path, content, reason):
    path = write(tmp_path / "bad.md", content)
    with pytest.raises(FileFormatError, match=reason):
        read_file(path, tmp_path)


def test_unknown_extension_needs_format(tmp_path):
    with pytest.raises(FileFormatError, match="--format"):
        read_file(write(tmp_path / "x.docx", "text"), tmp_path)


def test_expand_paths_recurses_known_types(tmp_path):
    write(tmp_path / "a.md", "x")
    write(tmp_path / "sub" / "b.html", "x")
    write(tmp_path / "sub" / "image.png", "x")
    write(tmp_path / ".hidden.md", "x")
    assert [p.name for p, _ in expand_paths([tmp_path])] == ["a.md", "b.html"]


def test_yaml_aliases_cannot_expand_a_few_bytes_into_megabytes(tmp_path):
    bomb = ("---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
            "title: *d\n---\nbody\n")
    assert len(bomb) < 500
    with pytest.raises(FileFormatError, match="aliases"):
        read_file(write(tmp_path / "bomb.md", bomb), tmp_path)
    with pytest.raises(FileFormatError, match=r"title is .* characters"):
        read_file(write(tmp_path / "long.md", "---\ntitle: " + "x" * 600 + "\n---\nbody\n"), tmp_path)


def test_deeply_nested_html_is_read_not_recursed(tmp_path):
    page = "<html><body><main>" + "<div>" * 1200 + "<p>Deep refund policy text.</p>" + "</div>" * 1200 + "</main></body></html>"
    [article] = read_file(write(tmp_path / "deep.html", page), tmp_path)
    assert "Deep refund policy text." in article.body


def test_links_out_of_the_folder_and_hidden_folders_are_not_followed(tmp_path):
    outside = write(tmp_path / "outside" / "secret.md", "---\ntitle: Secret\n---\nnot for the KB")
    kb = tmp_path / "kb"
    write(kb / "ok.md", "---\ntitle: Fine\n---\nbody")
    write(kb / ".git" / "notes.md", "---\ntitle: Hidden\n---\nbody")
    (kb / "link.md").symlink_to(outside)
    (kb / "linked-dir").symlink_to(outside.parent, target_is_directory=True)
    (kb / "inside-link.md").symlink_to(kb / "ok.md")
    files = [(p.name, root) for p, root in expand_paths([kb])]
    assert ("notes.md", kb) not in files and ("secret.md", kb) not in files
    names = sorted(name for name, _ in files)
    assert names == ["inside-link.md", "link.md", "linked-dir", "ok.md"]
    for path, root in expand_paths([kb]):
        if path.name in ("link.md", "linked-dir"):
            with pytest.raises(FileFormatError, match="outside the folder"):
                read_file(path, root)
        else:
            assert read_file(path, root)[0].title == "Fine"
