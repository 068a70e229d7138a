"""The quotation tracker on built paragraphs: who speaks a quotation from sentence to sentence,
and the sentences of one whose speaker is named only where it ends."""

from __future__ import annotations

from datetime import date


from polgraph.loaders.mentions import find_mentions
from polgraph.loaders.pipeline import Loader
from polgraph.loaders.relations.context import Sentence, Topics
from polgraph.loaders.relations.records import Slot
from polgraph.loaders.relations.speech import QuotationTracker, spoken_by

DAY = date(2021, 6, 15)


def sentences(loader: Loader, text: str) -> list[Sentence]:
    doc = loader.nlp(text)
    found = find_mentions(doc, loader.registry, DAY)
    topics = Topics()
    return [Sentence(sent, n, found, loader.lexicon, DAY, topics) for n, sent in enumerate(doc.sents, 1)]


def names(speakers) -> list[str]:
    return [a.node for a in speakers]


def test_a_quotation_is_held_until_the_sentence_that_names_its_speaker(loader):
    text = 'Reporters asked about the talks on Monday. "China has broken every promise. Beijing cannot be trusted," said Angela Merkel.'
    tracker = QuotationTracker()
    held = []
    for s in sentences(loader, text):
        s = tracker.enter(s)
        tracker.words(s)
        held.append(tracker.leave(s))
    assert held[:2] == [None, None]
    assert [s.number for s in held[2].sentences] == [2, 3] and names(held[2].speakers) == ["angela-merkel"]
    assert not tracker.open and tracker.held == []


def test_a_quotation_running_on_is_its_speakers_words(loader):
    text = 'Angela Merkel said, "Russia has violated international law. It must withdraw its troops from Ukraine."'
    tracker = QuotationTracker()
    first, second = sentences(loader, text)
    tracker.leave(tracker.enter(first))
    assert tracker.open and names(tracker.speaker) == ["angela-merkel"]
    second = tracker.enter(second)
    assert [f.kind for f in tracker.words(second)] == ["quote"]
    tracker.leave(second)
    assert not tracker.open and tracker.speaker == []


def test_a_paragraph_opening_without_a_mark_ends_a_quotation_left_open(loader):
    text = 'Angela Merkel said, "Russia has violated international law.\n\nThe talks went on in Berlin on Tuesday.'
    tracker = QuotationTracker()
    first, *_, last = sentences(loader, text)
    tracker.leave(tracker.enter(first))
    assert tracker.open
    tracker.enter(last)
    assert not tracker.open and tracker.speaker == []


def test_reading_a_sentence_as_someones_words_leaves_the_sentence_as_it_was(loader):
    s, = sentences(loader, "We will never accept this.")
    merkel, = sentences(loader, "Angela Merkel spoke.")
    speaker = merkel.phrases.arguments(merkel.sent[1], Slot.SPEAKER, ())
    spoken = spoken_by(s, speaker)
    assert names(spoken.phrases.quoting) == ["angela-merkel"] and s.phrases.quoting == []
    assert spoken_by(s, []) is s


def test_a_sentence_run_on_after_a_closed_quotation_names_no_speaker(loader):
    from polgraph.loaders.relations.speech import introducers
    doc = loader.nlp('"We disagreed many times. That is to be sure." John Bolton previously served as ambassador to the United Nations.')
    found = find_mentions(doc, loader.registry, DAY)
    that = next(t for t in doc if t.text == "That")
    run_on = doc[that.i:]  # the parser sometimes runs the closing quotation and the next sentence into one
    s = Sentence(run_on, 2, found, loader.lexicon, DAY, Topics())
    assert names(introducers(s, True)) == []
    defended = loader.nlp('John Bolton defended the plan, "We disagreed many times."')
    s = Sentence(defended[:], 1, find_mentions(defended, loader.registry, DAY), loader.lexicon, DAY, Topics())
    assert names(introducers(s, False)) == ["john-bolton"]
