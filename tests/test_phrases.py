"""The words around a place that make a location phrase (geomap.phrases)."""

from geomap.phrases import NEGATION, chain_end, cue_start, is_cue


def test_a_phrase_begins_at_the_first_relation_word_not_on_glue():
    text = "The jets flew on the west side of the river near the village of Mayadin."
    assert text[cue_start(text, 0, text.index("Mayadin")):].startswith("on the west side")
    text = "The jets hit the village of Mayadin."
    assert cue_start(text, 0, text.index("Mayadin")) == text.index("Mayadin")   # "hit the village of": no cue


def test_arabic_relation_words_with_a_proclitic():
    assert is_cue("شرق") and is_cue("بريف") and is_cue("near") and not is_cue("بيت")
    text = "ضربات جوية على قرية الشعفة"
    assert text[cue_start(text, 0, text.index("الشعفة")):] == "على قرية الشعفة"
    assert NEGATION.search("نفت وزارة الدفاع الروسية تنفيذ ضربات") and not NEGATION.search("قالت الوزارة")


def test_a_chain_runs_over_places_joined_by_relation_words_only():
    class M:
        def __init__(self, text, whole):
            self.start = whole.index(text)
            self.end = self.start + len(text)

    text = "near Mayadin in the airspace over the western bank of the Euphrates, and later Raqqa."
    inside = [M("Mayadin", text), M("Euphrates", text), M("Raqqa", text)]
    assert text[:chain_end(text, inside[0].end, len(text), inside)] == \
        "near Mayadin in the airspace over the western bank of the Euphrates"


def test_arabic_relations_read_as_english_clauses_with_the_names_as_written():
    from geomap.phrases import arabic_relations

    assert arabic_relations("الضفة الشرقية لنهر الفرات") == "east bank of نهر الفرات"
    assert arabic_relations("قرية الشعفة بريف دير الزور") == "قرية الشعفة, countryside of دير الزور"
    assert arabic_relations("شمال شرق دير الزور") == "northeast of دير الزور"
    assert arabic_relations("قرية الشعفة التي تقع بمحاذاة الضفة الشرقية لنهر الفرات") == \
        "قرية الشعفة, east bank of نهر الفرات"
    # An adjective ("الشرقية", eastern) after a noun is no relation of its own.
    assert arabic_relations("المنطقة الشرقية") == "المنطقة الشرقية"
