"""FAQ mining's pure parts and the history parsers."""

from __future__ import annotations

import numpy as np
import pytest

from backend.retrieval import clustering
from backend.services import faq
from backend.services.history import normalize_role, parse_csv, parse_jsonl, parse_zendesk
from backend.services.readers import FileFormatError


def _topics(spread: float, dims: int = 32, topics: int = 4, size: int = 25, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(topics, dims))
    points = np.concatenate([c + spread * rng.normal(size=(size, dims)) for c in centres])
    return points / np.linalg.norm(points, axis=1, keepdims=True)


def test_cluster_finds_topics_without_being_told_how_many():
    points = _topics(0.05)
    labels = clustering.cluster(points, clustering.cut_distance(points))
    assert len(set(labels)) == 4
    assert all(len(set(labels[i * 25:(i + 1) * 25])) == 1 for i in range(4))
    # The k-means + linkage path used above DENSE_LIMIT finds the same topics.
    big = clustering.cluster(points, clustering.cut_distance(points), dense_limit=50)
    assert len(set(big)) == 4 and all(len(set(big[i * 25:(i + 1) * 25])) == 1 for i in range(4))
    assert list(clustering.cluster(points[:1], 0.4)) == [0]


def test_a_question_asked_again_in_the_same_words_joins_its_first_askers_topic():
    points = _topics(0.05)
    asked = np.concatenate([points] * 6)  # every wording asked six times, as stored histories are
    cut = clustering.cut_distance(points)
    for dense_limit in (200, 50):  # few distinct wordings: linkage on them; many: weighted k-means first
        labels = clustering.cluster(asked, cut, dense_limit=dense_limit)
        copies = labels.reshape(6, len(points))
        assert (copies == copies[0]).all()
        assert len(set(labels)) == 4 and all(len(set(copies[0, i * 25:(i + 1) * 25])) == 1 for i in range(4))


def test_the_cut_adapts_to_how_spread_out_each_history_is():
    # Tightly worded topics (templated requests) and loosely worded ones (tweets): one global distance
    # fits one of them; the measured cut gives one draft per topic in both.
    tight, loose = _topics(0.25), _topics(0.7, seed=2)
    tight_cut, loose_cut = clustering.cut_distance(tight), clustering.cut_distance(loose)
    assert loose_cut > 1.5 * tight_cut
    for points, cut in ((tight, tight_cut), (loose, loose_cut)):
        labels = clustering.cluster(points, cut)
        drafts = [label for label, n in enumerate(np.bincount(labels)) if n >= 5]  # what a reviewer would see
        assert len(drafts) == 4
        for i in range(4):  # each topic is mostly one draft
            assert np.bincount(labels[i * 25:(i + 1) * 25]).max() >= 19
    # The loose history cut at the tight one's distance shatters into fragments and loses its topics.
    shattered = clustering.cluster(loose, tight_cut)
    assert len(set(shattered)) > 40 and sum(n >= 5 for n in np.bincount(shattered)) < 4


def test_topics_whose_agents_answered_alike_merge():
    points = _topics(0.05, topics=3, size=10)
    groups = [list(range(i * 10, (i + 1) * 10)) for i in range(3)]
    replies = _topics(0.02, topics=3, size=1)  # three distinct answers
    same_answer = [replies[0], replies[0] * 0.99 + replies[1] * 0.01, replies[2]]
    units = [r / np.linalg.norm(r) for r in same_answer]
    roots = clustering.merge_subtopics(points, groups, units, link=9.0, replies=0.9)
    assert roots[0] == roots[1] and roots[2] not in (roots[0], roots[1])
    unknown = clustering.merge_subtopics(points, groups, [units[0], None, units[2]], link=9.0, replies=0.9)
    assert len(set(unknown)) == 3  # no reply known: nothing to compare


def test_topics_whose_agents_sent_the_same_page_merge():
    points = _topics(0.02, topics=3, size=10, seed=2)
    groups = [list(range(0, 10)), list(range(10, 20)), list(range(20, 30))]
    pages = ["help.example.com/articles/12-refunds", "help.example.com/articles/12-refunds", None]
    roots = clustering.merge_subtopics(points, groups, [None] * 3, link=9.0, replies=1.01, pages=pages)
    assert roots[0] == roots[1] and roots[2] not in (roots[0], roots[1])
    distinct = ["help.example.com/a/1", "help.example.com/a/2", "help.example.com/a/1"]
    roots = clustering.merge_subtopics(points, groups, [None] * 3, link=9.0, replies=1.01, pages=distinct)
    assert roots[0] == roots[2] and roots[1] not in (roots[0], roots[2])


@pytest.mark.parametrize(("text", "expected"), [
    ("See https://help.example.com/articles/12-refunds?utm=mail#step2.", {"help.example.com/articles/12-refunds"}),
    ("Two: http://WWW.Example.com/Returns/ and (https://example.com/fees)", {"example.com/returns", "example.com/fees"}),
    ("Our site https://example.com/ has it", set()),  # the home page says nothing about the question
    ("No link here, just help.example.com text", set()),
    ("Details at example-ferries.com/help/pets. Or mail pets@example-ferries.com", {"example-ferries.com/help/pets"}),
    ("Check www.example.com/status)", {"example.com/status"}),
])
def test_linked_pages_are_host_and_path(text, expected):
    assert faq.linked_pages(text) == expected


def test_a_page_is_the_topics_when_most_replies_send_it():
    refunds = {"example.com/refunds"}
    fees, other = {"example.com/fees"}, {"example.com/other"}
    assert faq.shared_page([refunds, refunds, set(), set(), fees]) == "example.com/refunds"  # 2 of 3 linking
    assert faq.shared_page([refunds, set(), set(), set()]) is None  # one reply is one agent's choice
    assert faq.shared_page([refunds, refunds, fees, fees, other]) is None  # two of five linking: not most
    assert faq.shared_page([]) is None


def test_a_topic_split_by_the_cut_merges_and_distinct_topics_do_not():
    points = _topics(0.3, topics=3, size=30, seed=4)
    # Each topic cut into two halves by wording (a line through it), as a too-fine cut leaves it.
    groups = []
    for t in range(3):
        members = np.arange(t * 30, (t + 1) * 30)
        side = points[members] @ points[members[0]] > np.median(points[members] @ points[members[0]])
        groups += [members[side].tolist(), members[~side].tolist()]
    roots = clustering.merge_subtopics(points, groups, [None] * 6, link=0.15, replies=1.01)
    assert [roots[0] == roots[1], roots[2] == roots[3], roots[4] == roots[5]] == [True, True, True]
    assert len(set(roots)) == 3
    assert len(set(clustering.merge_subtopics(points, groups, [None] * 6, link=9.0, replies=1.01))) == 6


@pytest.mark.parametrize(("text", "expected"), [
    ("Hi Sam! Yes, students get 10% off. Let me know if there's anything else.", "Yes, students get 10% off."),
    ("Hello,\nYou can return it within 30 days.\nBest,\nRiley", "You can return it within 30 days."),
    ("Thanks for reaching out! We ship to Canada.", "We ship to Canada."),
    ("We ship worldwide.", "We ship worldwide."),
])
def test_clean_reply_strips_greetings_signoffs_and_closers(text, expected):
    assert faq.clean_reply(text) == expected


def test_question_detection_and_cleaning():
    assert faq.is_question("do you ship to Canada") and faq.is_question("My parcel is late?")
    assert not faq.is_question("Thanks, all good now")
    assert faq.clean_question("hi, do you have gift cards?") == "Do you have gift cards?"
    assert len(faq.clean_question("why " * 100)) <= 201


def test_roles_from_export_names():
    assert [normalize_role(r) for r in ("end-user", "Agent", "internal", "", "robot")] == [
        "customer", "agent", "note", "unknown", "unknown"]


def test_parsers_report_where_input_is_wrong():
    with pytest.raises(FileFormatError, match="line 2: invalid JSON"):
        parse_jsonl('{"messages": []}\n{oops\n')
    with pytest.raises(FileFormatError, match="message 0 needs a 'text'"):
        parse_jsonl('{"messages": [{"role": "customer"}]}\n')
    with pytest.raises(FileFormatError, match="columns for text"):
        parse_csv("ticket,role\n1,customer\n")
    rows = parse_csv("Ticket,Role,Body\n7,customer,Where is my order?\n7,agent,On its way.\n8,user,Hello\n")
    assert [(c.ticket_id, [m.role for m in c.messages]) for c in rows] == [
        ("7", ["customer", "agent"]), ("8", ["customer"])]
    tickets = parse_zendesk({"tickets": [{"id": 1, "requester_id": 9, "comments": [
        {"id": 1, "author_id": 9, "plain_body": "Help?"}, {"id": 2, "author_id": 3, "public": False, "body": "fyi"},
        {"id": 3, "author_id": 3, "body": "Done."}]}]})
    assert [m.role for m in tickets[0].messages] == ["customer", "note", "agent"]
    with pytest.raises(FileFormatError, match="ticket 0"):
        parse_zendesk({"tickets": [{"subject": "no id"}]})
    with pytest.raises(FileFormatError, match=r"line 1: .*unknown field `surprise`"):
        parse_jsonl('{"messages": [{"text": "hi"}], "surprise": 1}\n')
