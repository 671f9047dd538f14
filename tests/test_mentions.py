"""Place mentions: names that only look like places are left out."""

from __future__ import annotations

from geomap.mentions import find_mentions


def _names(text):
    return [m.text for m in find_mentions(text)]


def test_a_persons_surname_is_not_the_village_of_that_name():
    # "al-Baghdadi" ends a person's full name: named again alone, or after a role, it is that person.
    text = ("IS leader Baghdadi was killed in Raqqa, Moscow says. Abu Bakr al-Baghdadi led the group. "
            "Washington has no information that Baghdadi is dead.")
    assert _names(text) == ["Raqqa"]
    # Without a person of that name, the village stays a place; so does a place's own "al-" name.
    assert _names("Clashes in Deir al-Zor and al-Baghdadi village near Abu Kamal.") == [
        "Deir al-Zor", "al-Baghdadi village", "Abu Kamal"]


def test_a_channel_named_with_the_article_is_no_persons_surname():
    text = "The Lebanon-based Al-Mayadeen channel said the army was near Mayadin."
    assert _names(text) == ["Mayadin"]


def test_a_towns_name_written_as_a_present_tense_verb_is_the_verb():
    # "تدمر" is Palmyra and "destroys": "air strikes destroy positions near Albu Kamal".
    text = "ضربات جوية تدمر مواقع لداعش قرب البوكمال"
    assert [m.text for m in find_mentions(text)] == ["البوكمال"]
    # ... and the town where a word says a place comes, or a proclitic does.
    assert [m.text for m in find_mentions("قصفت الطائرات مدينة تدمر")] == ["تدمر"]
    assert "تدمر" in [m.text for m in find_mentions("اشتباكات عنيفة بتدمر")]
    # ... and a town struck, then a time ("the planes shelled Palmyra yesterday").
    assert [m.text for m in find_mentions("قصفت الطائرات تدمر أمس")] == ["تدمر"]


def test_a_name_joined_by_and_to_a_village_is_a_village_too():
    # "the two villages of Hatla and Marrat": the proclitic "و" before a little-known village.
    text = "سيطرت وحدات الجيش على قريتي حطلة ومراط شمال شرق مدينة دير الزور"
    assert _names(text) == ["حطلة", "مراط", "دير الزور"]


def test_a_weapon_named_after_a_place_is_no_place():
    # "Apache" is spelled like a variant of Aleppo; before "helicopters" it is the helicopter.
    assert _names("U.S. Apache helicopters supported the landing west of Raqqa.") == ["Raqqa"]


def test_a_word_of_a_relation_in_arabic_is_no_hamlet():
    # "الضفة المقابلة" is "the opposite bank", though a little-known village bears "الضفة" as a name.
    text = "نفذت طائرات التحالف غارات على بلدة الباغوز في الضفة المقابلة"
    assert _names(text) == ["الباغوز"]


def test_a_letter_and_a_number_can_be_a_name():
    # "T2", the pumping station, though two letters alone are never a name.
    assert "T2 pumping station" in _names("The army advanced from the T2 pumping station toward Albu Kamal.")


def test_a_place_inside_a_local_outlets_name_is_no_place():
    assert _names("Activists of the Deir Ezzor 24 network said jets struck al-Quriyah.") == ["al-Quriyah"]


def test_a_river_named_as_one_is_no_village_of_a_near_spelling():
    # No river "Khabur" is in the data; the village Al Khabrah has its consonants, but is no river.
    text = ("Our partners in the SDF continue to clear ISIS remnants from villages along the Khabur river valley "
            "and north of Abu Hamam on the east side of the Euphrates.")
    assert _names(text) == ["Abu Hamam", "Euphrates"]
