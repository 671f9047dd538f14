"""Who says it: speakers known by their role, subjects with words between them and the verb,
quotations of several sentences (geomap.attribution)."""

import pytest

from geomap.attribution import attribute


@pytest.mark.parametrize("text, party, speaker", [
    # The name is no party's; the role after it is.
    ('"The jets turned back west of the river," said Col. Jane Doe, a spokeswoman for the U.S.-led '
     'coalition.', "US-led coalition", "Col. Jane Doe"),
    ("Jane Doe, a spokeswoman for the Russian Defence Ministry, said the strike hit a camp near Mayadin.",
     "Russian MoD", "Jane Doe"),
    # A role and a name as one subject.
    ("Shells fell near the SDF north of Deir ez-Zor, coalition spokesman John Roe said.",
     "US-led coalition", "coalition spokesman John Roe"),
    # Words between the subject and its verb.
    ("The Syrian army in a statement said the coalition bombed a post near Tanf.",
     "Syrian government", "The Syrian army"),
    ("A U.S.-backed force in Syria says an airstrike wounded its fighters near Deir ez-Zor.",
     "SDF", "A U.S.-backed force"),
    ("We in the Syrian Democratic Forces confirm that we fight east of the Euphrates.",
     "SDF", "the Syrian Democratic Forces"),
    # The role's party before it, and a dateline with its agency, which is no part of the speaker.
    ("WASHINGTON (AP) - Col. John Roe, a US military spokesman, said the fighting began near Khasham.",
     "US-led coalition", "Col. John Roe"),
    # After "said" comes the reported clause's subject, not an inverted speaker.
    ("A U.S. official, speaking on condition of anonymity, said the Russian jets had flown east of the river.",
     "US-led coalition", "A U.S. official"),
    # ... while an inverted speaker ends the sentence or is followed by "in", "on", "adding" ...
    ('"The jets stayed west of the river," said the Russian Defence Ministry on Friday.',
     "Russian MoD", "the Russian Defence Ministry"),
    ('"The jets stayed west of the river," said a statement released by the Russian Defence Ministry.',
     "Russian MoD", "a statement released by the Russian Defence Ministry"),
])
def test_a_speaker_is_known_by_role_or_through_words_before_the_verb(text, party, speaker):
    st = attribute(text)[0]
    assert (st.party, st.speaker) == (party, speaker)


def test_a_role_for_no_party_gives_no_party():
    st = attribute('"We saw it," said Jane Doe, a spokeswoman for the regional weather office.')[0]
    assert st.party is None


def test_a_dateline_is_not_part_of_the_speaker():
    st = attribute("BEIRUT - A U.S.-backed force says it was struck near Deir ez-Zor.")[0]
    assert (st.party, st.speaker) == ("SDF", "A U.S.-backed force")


def test_a_quotation_of_several_sentences_is_its_speakers_throughout():
    text = ('"Our aircraft escorted a convoy near Mayadin on the western bank. A US jet came from the '
            'eastern bank," the Russian Defence Ministry said. Later the convoy arrived.')
    st = attribute(text)
    assert [(s.party, s.how) for s in st] == [("Russian MoD", "quote"), ("Russian MoD", "said"), (None, "")]


def test_an_unclosed_quotation_or_one_with_no_source_lends_nothing():
    # The quotation is closed by no attributed sentence: the first sentence keeps no source.
    st = attribute('"Jets flew near Mayadin. They left at dawn." Nobody commented.')
    assert [s.party for s in st] == [None, None, None]
    # A quotation across a paragraph break: the later paragraph's source is not carried back.
    st = attribute('"Jets flew near Mayadin.\nThey left," the ministry of Russia said.')
    assert st[0].party is None


def test_a_statement_in_the_passive_is_by_its_source():
    text = ("The downing was confirmed by an official statement from Operation Inherent Resolve, which "
            "blamed the regime. Nobody else spoke.")
    st = attribute(text)
    assert (st[0].party, st[0].how) == ("US-led coalition", "according to")
    assert st[1].party is None


def test_it_said_is_the_statement_named_before():
    text = "A Syrian army statement said the plane crashed. It said the pilot was missing."
    assert [s.party for s in attribute(text)] == ["Syrian government", "Syrian government"]
    # "It" that says nothing is no source.
    assert attribute("The army said it was hit. It was not clear by whom.")[1].party is None


def test_a_clock_time_ends_a_sentence_only_before_a_capital():
    from geomap.attribution import sentences

    text = "A drone was shot down at 12:30 a.m. after it advanced. It fell at 3 p.m. The army said so."
    assert [s.strip() for s, _, _ in sentences(text)] == [
        "A drone was shot down at 12:30 a.m. after it advanced.", "It fell at 3 p.m.", "The army said so."]


def test_a_ministry_spokesman_named_in_a_new_paragraph_speaks_for_the_ministry_named_before():
    text = ("MOSCOW, Sept 21 - SDF fighters are nearing Deir ez-Zor, the Russian Defence Ministry said.\n\n"
            '"Fire was opened on Syrian troops from the eastern shore," ministry spokesman Major General Igor '
            "Konashenkov said.\n\nAccording to Konashenkov, the militants came from Raqqa.\n\n"
            "General Joseph Votel said the coalition saw no such fire.")
    got = [(st.party, st.speaker) for st in attribute(text) if st.speaker]
    assert got[1:3] == [("Russian MoD", "ministry spokesman Major General Igor Konashenkov"),
                        ("Russian MoD", "Konashenkov")]
    # A title names no one: another general is not the ministry's.
    assert all(party != "Russian MoD" for party, speaker in got if "Votel" in speaker)


def test_a_source_described_again_is_the_one_described_so_not_the_last_one():
    text = ("Col. John Roe, a US military spokesman, said the troops advanced on Khasham. In Beirut, an official "
            "with Hezbollah said the group had no one there. The military spokesman said the troops wanted the "
            "oil fields east of the Euphrates.")
    got = [(st.party, st.speaker, st.how) for st in attribute(text) if st.speaker]
    assert got[1][0] == "Hezbollah"
    assert got[2] == ("US-led coalition", "Col. John Roe", "pronoun")


@pytest.mark.parametrize("text, party", [
    ("The activist group Raqqa Is Being Slaughtered Silently reported that jets bombed a market.",
     "Raqqa Is Being Slaughtered Silently"),
    # An outlet is one party whatever its medium is called.
    ("Al-Mayadeen television, which is close to Hezbollah, said the strikes hit a road.", "Al-Mayadeen"),
    ("Deir Ezzor 24 reported shelling near a village.", "Deir Ezzor 24"),
    # Whose role the name holds, before it.
    ("The Syrian Observatory's director Rami Abdulrahman said the strike hit a market.", "SOHR"),
    # A monitor's own verbs of reporting.
    ("The Observatory learned that warplanes struck positions near a town.", "SOHR"),
    ("The Syrian Observatory for Human Rights monitored an attack on a checkpoint.", "SOHR"),
    # A wire agency is the report's own voice; a person heading an organisation is not its voice.
    ("Reuters reported that jets bombed a market.", None),
    ("Head of the Hajin Tribal Elders Council, Ahmed Abu Kholed, warned the regime.", None),
    # One of the SDF's member councils speaks for the SDF.
    ("Head of the Deir Ezzor Military Council, Ahmed Abu Kholed, warned the regime.", "SDF"),
])
def test_an_organisation_of_no_known_party_is_its_own_claimant(text, party):
    assert attribute(text)[0].party == party


@pytest.mark.parametrize("second, speaker", [
    # A pronoun speaking after its quotation.
    ('"No SDF unit was in that area," he said.', "The Russian Defence Ministry"),
    # A possessive pronoun and a role, with the name in apposition.
    ("Its spokesman, Major General Ivan Petrov, said the jets stayed west of the river.",
     "The Russian Defence Ministry"),
])
def test_a_source_named_again_by_a_pronoun_or_what_it_is_is_the_last_source(second, speaker):
    text = f"The Russian Defence Ministry said its jets hit targets near Mayadin. {second}"
    st = attribute(text)[1]
    assert (st.party, st.speaker) == ("Russian MoD", speaker)


def test_a_monitor_described_again_is_the_monitor_named_before():
    text = ("An air strike hit a school near Tabqa, the Syrian Observatory for Human Rights said. "
            "The London-based monitor said the strike came late on Monday.")
    assert [s.party for s in attribute(text)] == ["SOHR", "SOHR"]


@pytest.mark.parametrize("text, party", [
    # The role names the organisation served ...
    ("Khalid Omar, head of the Hajin Tribal Elders Council, said shells fell near the town.",
     "Hajin Tribal Elders Council"),
    ("Khalid Omar, head of the Manbij Military Council, said shells fell near the town.", "SDF"),  # an SDF council
    # ... or says the speaker is an organisation.
    ("Furat Post, an activist network, said the jets struck the market.", "Furat Post"),
])
def test_a_role_in_apposition_names_the_organisation_that_speaks(text, party):
    assert attribute(text)[0].party == party


def test_he_after_a_newly_introduced_speaker_is_that_speaker_not_the_earlier_one():
    text = ("The coalition said jets struck near Deir ez-Zor.\n\nKhalid Omar, head of the Manbij Military "
            "Council, said six fighters were wounded. He told reporters the jets were Russian.")
    assert [s.party for s in attribute(text)][-1] == "SDF"   # the council is the SDF's, not the coalition


def test_an_organisation_is_named_without_where_it_is_based():
    said = attribute("The Lebanon-based Al-Mayadeen channel said the army was near the city.")
    assert said[0].party == "Al-Mayadeen"


def test_a_party_inside_what_a_source_said_is_not_the_source():
    text = ("The coalition struck a position near Tanf, SANA said. The source said the position was far from "
            "any area where the coalition claims to be fighting ISIS.")
    said = attribute(text)
    assert said[-1].party != "US-led coalition"
    # ... while an attribution that closes the sentence is still its source.
    closing = attribute("The ministry contested the report, saying the strike hit Mayadin, the Russian Defence "
                        "Ministry said.")
    assert closing[0].party == "Russian MoD"


@pytest.mark.parametrize("role", ["a ministry spokesman", "a spokesman for the ministry"])
def test_a_person_whose_role_serves_an_institution_speaks_for_the_one_named_before(role):
    text = ("Russia's Defence Ministry said on Thursday it had warned the U.S. military.\n\n"
            f"Major-General Igor Konashenkov, {role}, said troops came under fire from the eastern bank.\n\n"
            '"Fire will be suppressed," Konashenkov said.')
    said = attribute(text)
    assert [s.party for s in said] == ["Russian MoD"] * 3
    assert said[1].speaker.startswith("Major-General Igor Konashenkov, ")


def test_a_role_written_before_the_name_names_the_party():
    text = ("The army has liberated the eastern bank of the Euphrates, the head of the Russian General Staff's "
            "main operations directorate, Colonel-General Sergei Rudskoy, said on Thursday. Rudskoy told "
            "reporters that Russian aircraft had flown 670 sorties.")
    said = attribute(text)
    assert [s.party for s in said] == ["Russian MoD", "Russian MoD"]


def test_a_subject_with_a_long_relative_clause_still_speaks():
    said = attribute("The SDF, which is fighting its own campaign against Islamic State north and east of the "
                     "city, denied it had fired on government forces.")
    assert said[0].party == "SDF"


def test_a_source_that_disputes_is_a_source_and_its_spokesman_is_its_own():
    said = attribute("Russia said the east bank was cleared. The U.S.-led coalition disputed the claim. Its "
                     "spokesman, Colonel Ryan Dillon, said fighters held out in Hajin.")
    assert [s.party for s in said] == ["Russia", "US-led coalition", "US-led coalition"]


def test_the_observatory_monitored_in_arabic():
    said = attribute("كما رصد المرصد السوري قصفاً مدفعياً على بلدة موحسن.")
    assert said[0].party == "SOHR"


def test_an_unnamed_military_source_speaks_for_the_forces_the_sentence_is_about():
    text = ("The Syrian Arab Army (SAA) has liberated the city of Al-Mayadeen, a military source told Al-Masdar "
            "News on Saturday. According to the source, the Tiger Forces entered the city from the west.")
    said = attribute(text)
    assert [(s.party, s.speaker) for s in said] == [("Syrian government", "a military source")] * 2
    # A state outlet's own source is its state's, whatever the sentence is about.
    assert attribute("Russian jets struck Hajin, a military source said.", home="Syrian government")[0].party \
        == "Syrian government"


def test_where_a_source_is_based_is_not_whom_it_speaks_for():
    said = attribute("The Turkey-based monitor said coalition jets struck Raqqa.")
    assert said[0].party is None
    said = attribute("The Britain-based Syrian Observatory for Human Rights said jets struck Raqqa.")
    assert said[0].party == "SOHR"


def test_the_army_said_is_the_army_its_sentence_names_with_a_state():
    said = attribute("The Syrian army and its allies captured the town of Maadan, on the Euphrates' southern bank, "
                     "the army said in a statement on Saturday.")
    assert (said[0].party, said[0].speaker) == ("Syrian government", "the army")
    # No state named anywhere: no party guessed.
    assert attribute("Troops captured Maadan, the army said.")[0].party is None


def test_a_place_said_to_be_something_is_no_speaker():
    said = attribute("The coalition said it struck targets near Raqqa. Hajin, said to be the last IS stronghold, "
                     "was also hit.")
    assert said[1].party is None and said[1].speaker == ""


def test_an_unnamed_spokesman_speaks_for_the_forces_the_sentence_is_about():
    # Nobody has spoken before: "a spokesman" is the subject's, not its backer's.
    said = attribute("U.S.-backed Syrian Democratic Forces pushed into the Mashlab district of Raqqa on "
                     "Thursday, a spokesman said.")
    assert (said[0].party, said[0].speaker) == ("SDF", "a spokesman")
    # A sentence that names no party gives a spokesman no party.
    assert attribute("Fighters pushed into Raqqa, a spokesman said.")[0].party is None


def test_a_group_named_with_is_and_a_dateline_without_year_are_read_whole():
    text = ("BEIRUT, Aug 21 (Reuters) - The U.S.-led coalition said it found no evidence of civilian deaths. "
            "Raqqa is Being Slaughtered Silently, an activist group, said 42 civilians were killed.")
    said = attribute(text)
    assert [(s.party, s.speaker) for s in said] == [
        ("US-led coalition", "The U.S.-led coalition"),
        ("Raqqa is Being Slaughtered Silently", "Raqqa is Being Slaughtered Silently")]


def test_an_arabic_outlet_of_no_known_party_speaks_for_itself_and_is_named_again():
    text = ('قتل خمسة مدنيين جراء غارات على بلدة الشعفة، بحسب ما أفادت شبكة "فرات بوست" المحلية. '
            "وقالت الشبكة إن الطائرات تتبع للتحالف الدولي.")
    said = attribute(text)
    assert [(s.party, s.speaker) for s in said] == [("فرات بوست", 'شبكة "فرات بوست"')] * 2


def test_a_person_of_a_source_named_again_by_what_it_is_speaks_for_it():
    text = ("Air strikes killed 14 people, the Syrian Observatory for Human Rights said.\n\n"
            "The monitor's director Rami Abdel Rahman said the strikes were carried out by the coalition.")
    assert [s.party for s in attribute(text)] == ["SOHR", "SOHR"]


def _sources(text, **kw):
    return [(st.party, st.speaker) for st in attribute(text, **kw) if st.party]


def test_a_source_named_again_by_what_it_is_is_the_last_one_named():
    text = ("The Syrian Observatory for Human Rights said jets struck Hajin. "
            "Jets also hit Gharanij on Tuesday, the monitor said.")
    gharanij = next(st for st in attribute(text) if "Gharanij" in st.text)
    assert gharanij.party == "SOHR"


def test_with_no_source_named_before_it_is_the_publisher_of_the_report():
    text = "A coalition air strike on the Tawassuiya district killed nine civilians, the activist group said."
    assert _sources(text, outlet="Raqqa Is Being Slaughtered Silently") == [
        ("Raqqa Is Being Slaughtered Silently", "the activist group")]
    assert _sources(text, outlet="Reuters") == []   # a wire agency reports others: nobody's claim
    assert _sources(text) == []


def test_an_unnamed_organisation_is_not_taken_for_the_forces_the_sentence_is_about():
    assert _sources("Russian jets struck Hajin on Monday, a rights group said.") == []
    assert _sources("The SDF pushed into Raqqa on Monday, a spokesman said.") == [("SDF", "a spokesman")]


def test_a_month_cut_short_before_its_day_does_not_end_the_sentence():
    from geomap.attribution import sentences

    text = "Coalition forces conducted 8 strikes on Oct. 29. Near Abu Kamal, four strikes hit a unit."
    assert [s.strip() for s, _, _ in sentences(text)] == [
        "Coalition forces conducted 8 strikes on Oct. 29.", "Near Abu Kamal, four strikes hit a unit."]


def test_a_body_named_again_by_its_common_noun_is_the_source_named_before():
    text = ("Syrian troops crossed the river, Russia's defence ministry said. Later, troops took a village "
            "near Mayadin, the ministry said.")
    assert [st.speaker for st in attribute(text) if st.speaker] == ["Russia's defence ministry"] * 2
