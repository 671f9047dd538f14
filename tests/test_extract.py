"""``geomap extract``: from a report's text to draft claims.

The passages are quoted from the five reports the project was made from
(``../shared/seeds/``, file names below); each test states what an analyst
would code from them: claimant, place, side, date.
"""

import datetime as dt

import pytest

from geomap.extract import extract
from geomap.mentions import find_mentions

#: 000_e8b945cf758ab19a.txt (GPA, November 2017; no date line)
SU25_GPA = """Damascus (GPA) – Earlier this week the world got its first glimpse of post-Daesh US operations in Syria when US jets fired warning flares at Russian pilots.

According to sources within the US, the interception of several Russia SU-25 Jets was caused by the Russian pilots crossing the Euphrates. The river has been serving as the line demarcating the “deconfliction zones” established by the US and Russia earlier this year.

According to Russia, even the setting of the US story is wrong and that, rather than crossing the Euphrates, the Russian jets were actually escorting an aid convoy. The MoD is also contesting the claim that Russia planes crossed the Euphrates, saying the whole operation took place on the west side of the river near the village of Mayadin.
"""

#: 001_a379a69c71b5a3de.txt (Global Research / Fort Russ, December 2017)
SU25_FORTRUSS = """# Dangerous Crossroads: US and Russian Air Forces Engaged in Syria?

Global Research, December 10, 2017

*The Russian MOD has reported today that on November 23rd, there was a major incident where US and Russian air forces engaged each other in Syria. According to the MOD today, December 9th, **Major-General Igor Konashenkov**, the Russian Defense Ministry's spokesperson was quoted saying:*

*"An American F-22 fighter actively prevented the Russian pair of Su-25 attack aircraft from carrying out a combat mission to destroy the Daesh stronghold in the suburbs of the city of Mayadin in the airspace over the western bank of the Euphrates River on November 23. The F-22 aircraft fired off heat flares and released brake shields with permanent maneuvering, imitating an air battle,"*
"""

#: 002_3355e681a8676f98.txt (June 2017)
SU22_HOTLINE = """Russia doesn’t see threat of direct confrontation with US in Syria

Russia said its warplanes were flying over Syria at the time of the shootdown and the USA failed to use the existing deconfliction channel between us military officers at al-Udeid air base in Qatar and Russian officers at Hemeimeem air base.

“If the regime continues attacking our positions in Raqqa province, we will be forced to retaliate”, a SDF spokesman said.
"""

#: 004_52a27579c9f229eb.txt (June 2017)
SU22_JADIN = """Russian Federation threatens to shoot down United States, coalition aircraft in Syria

A number of SDF fighters were wounded in the assault, and the SDF soon left Ja’Din. The attack drove the SDF from Ja’Din, which is west of Raqqa, the coalition statement said.
"""


def _claims(text, **kw):
    ex = extract(text, source="report.txt", **kw)
    return ex, [c for inc in ex.incidents for c in inc.claims]


def _side(claim):
    from geomap.incidents import claims_frame
    from geomap.claims import Incident
    from geomap.verdicts import verdict_table

    frame = claims_frame([Incident("x", claims=[claim])])
    return verdict_table(frame, ["euphrates"]).iloc[0]["side"]


def test_su25_the_mod_puts_its_jets_west_of_the_river_and_denies_the_crossing():
    ex, claims = _claims(SU25_GPA, date=dt.date(2017, 11, 24))
    assert ex.date == dt.date(2017, 11, 24)  # the text has no date line: --date
    mod = [c for c in claims if c.party == "Russian MoD" and "Mayadin" in c.where]
    assert mod and "the Euphrates" in mod[0].where and "west side" in mod[0].where
    assert "the river" in mod[0].location  # the report's words, verbatim
    assert _side(mod[0]) == "west"
    us = [c for c in claims if c.party == "US-led coalition"]
    # "the Russian pilots crossing the Euphrates": Russia's side is the west, so the claim is the east.
    assert us and us[0].where == "east of the Euphrates" and us[0].location == "crossing the Euphrates"
    assert _side(us[0]) == "east"
    denials = [c for c in claims if c.denies]
    assert denials and all(c.party.startswith("Russia") for c in denials)
    assert {c.denies for c in denials} == {us[0].id}
    assert all(c.where == "east of the Euphrates" for c in denials if "cross" in c.location)
    assert all(c.drafted and dict(c.confidence) for c in claims)


def test_su25_the_mod_statement_its_date_and_the_west_bank():
    ex, claims = _claims(SU25_FORTRUSS)
    assert ex.date == dt.date(2017, 12, 10) and "Dangerous Crossroads" in ex.title
    assert {c.party for c in claims} == {"Russian MoD"}
    # One position, worded in two parts: read together, as the seed file codes it.
    bank = next(c for c in claims if "western bank" in c.where)
    assert bank.where.startswith("in the suburbs of the city of Mayadin in the airspace over")
    assert bank.date == dt.date(2017, 11, 23)  # "on November 23" in the quote
    assert _side(bank) == "west"


def test_su22_the_hotline_ends_and_the_sdf_in_raqqa_province():
    _, claims = _claims(SU22_HOTLINE, date=dt.date(2017, 6, 19))
    got = {(c.party, c.where) for c in claims}
    assert ("Russia", "at al-Udeid air base in Qatar") in got and ("Russia", "at Hemeimeem air base") in got
    assert ("SDF", "in Raqqa province") in got
    assert not any("Qatar" == c.where or "Syria" == c.where for c in claims)  # countries as actors


def test_su22_jadin_west_of_raqqa_is_the_raqqa_village():
    _, claims = _claims(SU22_JADIN, date=dt.date(2017, 6, 20))
    coalition = [c for c in claims if c.party == "US-led coalition"]
    assert coalition and "Ja’Din" in coalition[0].where and "west of Raqqa" in coalition[0].where
    from geomap.relations import claim_geometry

    cg = claim_geometry(coalition[0].where)
    assert any(p.admin1 == "Raqqa" and p.name.startswith("Ja") for p in cg.places)


@pytest.mark.parametrize("text", [
    "Al-Mayadeen television reported heavy fighting.",
    "The Deir ez-Zor Military Council said it advanced.",
    "President Bashar al-Assad met the delegation.",
    "Damascus stated that the plane was on a mission.",
    "The Inside Syria Media Center published a poll.",
])
def test_things_named_after_places_are_not_places(text):
    assert find_mentions(text) == []


def test_mentions_carry_their_spans():
    text = "Clashes near al-Mayadin and in Raqqa Province, said the army."
    ms = find_mentions(text)
    assert [text[m.start:m.end] for m in ms] == [m.text for m in ms] == ["al-Mayadin", "Raqqa Province"]
    assert ms[1].place.kind == "admin1"


def test_pronouns_and_descriptions_take_the_last_source():
    from geomap.attribution import attribute

    text = ("A Pentagon spokesman said the jets left. He added that the aircraft were west of Raqqa. "
            "The weather was fine.")
    parties = [s.party for s in attribute(text)]
    assert parties == ["US-led coalition", "US-led coalition", None]


def test_a_drafted_file_reads_back_and_maps_the_same(tmp_path):
    from geomap.claims import read_claims
    from geomap.incidents import claims_frame

    ex, claims = _claims(SU25_FORTRUSS)
    path = tmp_path / "draft.yaml"
    path.write_text(ex.to_yaml(), encoding="utf-8")
    back = claims_frame(read_claims(path))
    direct = claims_frame(ex.incidents)
    assert list(back["claim_id"]) == list(direct["claim_id"])
    assert all(a.equals(b) for a, b in zip(back.geometry, direct.geometry))
    assert read_claims(path)[0].claims[0].drafted


def test_a_denial_cannot_be_true_with_what_it_denies():
    from geomap.incidents import claims_frame
    from geomap.verdicts import compare_claims

    ex, claims = _claims(SU25_GPA, date=dt.date(2017, 11, 24))
    frame = claims_frame(ex.incidents)
    pairs = [p for p in compare_claims(frame) if p.get("denial")]
    assert pairs and all(not p["compatible"] and "denies" in p["why"] for p in pairs)


@pytest.mark.parametrize("sentence, where", [
    ("Syrian government jets crossed the Euphrates, the coalition said.", "east of the Euphrates"),
    # The far side, narrowed by the words after the river.
    ("SDF fighters crossed the Euphrates near Deir ez-Zor, Damascus said.", "west of the Euphrates, near Deir ez-Zor"),
    ("Syrian government troops crossed the Euphrates River south of Deir ez-Zor city on Monday, the Russian "
     "Defence Ministry said.", "east of the Euphrates, south of Deir ez-Zor city"),
    # No actor whose side is known: a movement over the river, at no position of its own.
    ("A convoy crossed the Euphrates, the coalition said.", None),
])
def test_a_party_crossing_a_line_is_on_the_side_that_is_not_its_own(sentence, where):
    _, claims = _claims("Report\n\n" + sentence, date=dt.date(2017, 11, 24))
    crossing = [c for c in claims if "cross" in c.location]
    assert (crossing[0].where if crossing else None) == where


@pytest.mark.parametrize("text, name, kind", [
    ("Fighters moved into Idlib's countryside overnight.", "Idlib’s countryside", "admin1"),
    ("Militants were sent from Raqqa's province.", "Raqqa's province", "admin1"),
])
def test_a_possessive_before_an_area_word_is_a_place(text, name, kind):
    ms = find_mentions(text.replace("Idlib's", "Idlib’s"))
    assert [(m.text, m.place.kind) for m in ms] == [(name, kind)]


def test_a_possessive_before_anything_else_is_the_government():
    assert find_mentions("Moscow's reaction came within hours.") == []


@pytest.mark.parametrize("sentence, where, side", [
    ("Rockets were fired from the eastern shore of the Euphrates, the Russian Defence Ministry said.",
     "the eastern shore of the Euphrates", "east"),
    ("The militants moved to the northern areas of Deir ez-Zor province, the Russian Defence Ministry said.",
     "northern areas of Deir ez-Zor province", None),
    ("Government troops were approaching Mayadin, the coalition said.", "Mayadin", None),
])
def test_report_wordings_become_readings(sentence, where, side):
    from geomap.incidents import claims_frame
    from geomap.verdicts import verdict_table

    ex, claims = _claims("Report\n\n" + sentence, date=dt.date(2017, 9, 21))
    assert len(claims) == 1 and claims[0].where.endswith(where)
    if side:
        table = verdict_table(claims_frame(ex.incidents))
        assert table.loc[table["line"] == "euphrates", "side"].tolist() == [side]


def test_a_person_never_introduced_speaks_for_the_last_source_as_a_guess():
    from geomap.attribution import attribute

    text = ("The Russian Defence Ministry said the jets returned. Fire came from the east bank, "
            "Ivanovsky said. Heavy rain fell, Reuters reported.")
    st = attribute(text)
    assert [(s.party, s.how) for s in st] == [("Russian MoD", "said"), ("Russian MoD", "person"), (None, "")]
    assert attribute("Fire came from the east bank, Ivanovsky said.")[0].party is None  # no source yet


def test_a_capitalised_function_word_inside_a_sentence_can_begin_a_name():
    ms = find_mentions("Partner forces trained at At Tanf for months.")
    assert [(m.text, m.place.name) for m in ms] == [("At Tanf", "At Tanf")]
    assert [m.text for m in find_mentions("At Raqqa the jets turned.")] == ["Raqqa"]


def test_a_partys_own_release_speaks_in_its_voice():
    release = "Coalition statement on strikes\nMay 2, 2017\n\nCoalition aircraft struck a convoy near Mayadin.\n"
    _, claims = _claims(release)
    assert [(c.party, c.where) for c in claims] == [("US-led coalition", "near Mayadin")]
    news = "Strikes reported\nMay 2, 2017\n\nAircraft struck a convoy near Mayadin.\n"
    assert _claims(news)[1] == []   # a reporter's own sentence is nobody's claim


def test_a_release_whose_headline_does_not_say_whose_speaks_in_the_voice_the_reader_gives():
    summary = ("Strikes continue against ISIS\nMarch 4, 2017\n\nCoalition forces conducted "
               "nine strikes on March 3, the task force said.\n\nNear Mayadin, two strikes destroyed a "
               "vehicle.\n\nNear Raqqa, seven strikes engaged four tactical units.\n")
    # The headline names no statement and no dateline says whose release it is: a reporter's own sentences.
    assert _claims(summary)[1] == []
    ex = extract(summary, source="summary.txt", voice="CJTF-OIR")
    claims = ex.incidents[0].claims
    assert [(c.party, c.speaker, c.where) for c in claims] == [
        ("US-led coalition", "CJTF-OIR", "Near Mayadin"), ("US-led coalition", "CJTF-OIR", "Near Raqqa")]
    unknown = extract(summary, voice="Joint Operations Command").incidents[0].claims
    assert {c.party for c in unknown} == {"Joint Operations Command"}   # a source no party list knows


@pytest.mark.parametrize("text", ["Strikes were reported on Nov. 12 in Syria.", "On 12 November the jets returned.",
                                  "The raid of March 3rd hit a depot.", "By Dec 3, the front had moved."])
def test_a_month_beside_a_day_is_a_date_not_a_place(text):
    assert all(m.text.split(".")[0] not in ("Nov", "November", "March", "Dec") for m in find_mentions(text))


def test_a_state_agency_reports_its_own_army_without_naming_the_state():
    report = ("Warplane downed\nApril 2, 2017\nDamascus, SANA\n\n"
              "The army general command said a jet was hit over the Raqqa southern countryside.\n")
    _, claims = _claims(report)
    assert [(c.party, c.where) for c in claims] == [("Syrian government", "over the Raqqa southern countryside")]
    wire = report.replace("Damascus, SANA", "Beirut, Reuters")
    assert _claims(wire)[1] == []   # whose army, the text does not say


def test_a_hedged_sentence_right_after_a_source_carries_its_account_on():
    from geomap.attribution import attribute

    text = ("The Syrian army said the coalition downed its jet. The jet was reportedly bombing "
            "militants near Tabqa. Markets opened. Prices reportedly rose.")
    assert [(s.party, s.how) for s in attribute(text)] == [
        ("Syrian government", "said"), ("Syrian government", "reportedly"), (None, ""), (None, "")]


def test_a_near_spelling_settled_by_the_documents_other_places_is_written_the_gazetteers_way():
    report = ("Jet downed\nJune 18, 2017\n\nThe Syrian army said its jet was hit near Rusafa, south of "
              "Tabqa in Raqqa province.\n")
    ex, claims = _claims(report)
    rusafa = [m for m in ex.mentions if m.text == "Rusafa"]
    assert rusafa and rusafa[0].place.name == "Ar Rasafah"
    assert any("Ar Rasafah" in c.where and "Rusafa" in c.location for c in claims)


def test_an_agency_in_capitals_is_not_the_village_of_that_name():
    assert find_mentions("Damascus, SANA - the army advanced.")[0].text == "Damascus"
    assert [m.text for m in find_mentions("Damascus, SANA - the army advanced.")] == ["Damascus"]


def test_two_accounts_in_one_sentence_are_each_their_sources():
    report = ("Jet downed\nJune 19, 2017\n\nThe jet fell on Sunday, with the coalition saying it bombed "
              "fighters south of Tabqa and Damascus saying it was hit over the Raqqa southern countryside.\n")
    ex, claims = _claims(report)
    assert [(c.party, c.where) for c in claims] == [
        ("US-led coalition", "south of Tabqa"), ("Syrian government", "over the Raqqa southern countryside")]
    assert "Damascus" not in [m.text for m in ex.mentions]   # the government, not the city


def test_a_country_skipped_as_the_theatre_does_not_swallow_the_place_after_it():
    _, claims = _claims("Report\n\nThe Russian Defence Ministry said planes flying in Syria, west of the "
                        "Euphrates River, would be targets.", date=dt.date(2017, 6, 19))
    assert [(c.party, c.where) for c in claims] == [("Russian MoD", "west of the Euphrates River")]


def test_a_demonym_before_a_feature_word_is_part_of_the_relation():
    _, claims = _claims("Report\n\nCentral Command said a jet bombed its allies south of the Syrian town "
                        "of Tabqah.", date=dt.date(2017, 6, 19))
    assert [c.where for c in claims] == ["south of the Syrian town of Tabqah"]


def test_a_place_after_a_locative_preposition_is_a_place_whatever_verb_follows():
    assert [m.text for m in find_mentions("The coalition headquarters in Iraq said the jet fell.")] == ["Iraq"]
    assert find_mentions("Damascus said the jet fell.") == []


def test_forces_named_by_their_backer_are_a_source():
    _, claims = _claims("Report\n\nU.S.-backed Syrian militias said Russian jets struck their positions in "
                        "Deir al-Zor province on Monday.", date=dt.date(2017, 9, 25))
    assert [(c.party, c.location) for c in claims] == [("SDF", "in Deir al-Zor province")]


def test_a_capital_asked_for_comment_is_its_government_not_a_place():
    from geomap.mentions import find_mentions

    found = [m.text for m in find_mentions("There was no immediate comment from Moscow or Damascus. "
                                           "Jets took off from Damascus.")]
    assert found == ["Damascus"]     # the airport's city, not the government asked


@pytest.mark.parametrize("sentence, denial", [
    ("Russian warplanes did not conduct any airstrikes against the militia in the city of Mayadin, "
     "the Russian Defence Ministry said.", True),
    ("The jets struck not far from Mayadin, the Russian Defence Ministry said.", False),
    ("The ministry contested the report, saying the strike took place near Mayadin, the Russian "
     "Defence Ministry said.", False),
])
def test_a_negation_in_the_same_clause_makes_a_denial(sentence, denial):
    _, claims = _claims("Report\n\n" + sentence, date=dt.date(2017, 9, 25))
    assert claims and all(c.text.startswith("denies: ") == denial for c in claims)


def test_an_unintroduced_person_in_another_paragraph_is_nobodys_guess():
    from geomap.attribution import attribute

    text = "The SDF said the jets struck at dawn.\n\nFire came from the east bank, Ivanovsky said."
    assert [s.party for s in attribute(text)] == ["SDF", None]


def test_a_possessive_before_a_settlement_word_is_not_part_of_the_name():
    assert [m.text for m in find_mentions("positions north of Syria's city of Deir ez-Zor")] == \
        ["Syria", "Deir ez-Zor"]


@pytest.mark.parametrize("text, names", [
    ("Deir Ezzor 24 reported that the village was hit.", []),   # a local outlet, speaking
    ("Jets struck Raqqa 24 times.", ["Raqqa"]),                 # a number is no organisation word
])
def test_places_and_outlets_named_after_places_with_numbers(text, names):
    assert [m.text for m in find_mentions(text)] == names


def test_a_compass_word_before_a_river_names_its_side():
    from geomap.relations import claim_geometry

    cg = claim_geometry("East Euphrates")
    assert cg.line == "euphrates" and cg.parts[0].startswith("east side")
    _, claims = _claims("Report\n\nWe in the Syrian Democratic Forces confirm that we fought in the areas of "
                        "East Euphrates.", date=dt.date(2017, 12, 1))
    assert [(c.party, c.where) for c in claims] == [("SDF", "East Euphrates")]


@pytest.mark.parametrize("text, party, location", [
    ("The US-led coalition has released a statement claiming that Russian forces struck partner forces "
     "north of Deir Ezzor city.", "US-led coalition", "north of Deir Ezzor city"),
    ("The SDF has condemned the Russian jets attacking its forces near Mayadin.", "SDF", "near Mayadin"),
])
def test_a_released_statement_or_a_condemnation_names_its_source(text, party, location):
    _, claims = _claims("Report\n\n" + text, date=dt.date(2017, 9, 16))
    assert (claims[0].party, claims[0].location) == (party, location)


def test_a_quote_after_a_statement_is_the_statement():
    text = ("Report\n\nSyrian Democratic Forces (SDF) General Command has issued a written statement on the "
            "attacks.\n\n\"Today at 03.30, jets have bombed our positions near Mayadin.\"")
    _, claims = _claims(text, date=dt.date(2017, 9, 16))
    assert [(c.party, c.location) for c in claims] == [("SDF", "near Mayadin")]
    assert "03.30" in claims[0].quote      # a period between digits ends no sentence


def test_a_distance_from_the_deconfliction_line_is_read_whole():
    text = ("Report\n\nThe US Central Command stated that its advisers were co-located with SDF partners "
            "8 kilometers east of the agreed-upon Euphrates River de-confliction line.")
    _, claims = _claims(text, date=dt.date(2018, 2, 8))
    assert [c.location for c in claims] == [
        "8 kilometers east of the agreed-upon Euphrates River de-confliction line"]


def test_the_ministry_is_the_ministry_named_before():
    text = ("Report\n\nOn Monday, elite Syrian troops crossed the river, Russia's defence ministry said.\n\n"
            "\"Today, Syrian government forces crossed the Euphrates River near Mayadin\", the ministry said "
            "in a statement.")
    _, claims = _claims(text, date=dt.date(2017, 9, 18))
    assert [c.party for c in claims] == ["Russian MoD"]


def test_a_place_of_two_words_is_not_taken_for_a_person():
    from geomap.attribution import attribute

    text = ("Syrian forces crossed the river south of Deir Ezzor city, according to the Russian Ministry of "
            "Defence.\n\nHead of the Deir Ezzor Military Council, Ahmed Abu Kholed, warned the regime.\n\n"
            "The statement by the coalition Commander Paul E. Funk said that Russian forces struck a target.")
    parties = [s.party for s in attribute(text)]
    assert parties == ["Russian MoD", "SDF", "US-led coalition"]   # the council is one of the SDF's


def test_a_second_statement_inside_a_sentence_is_its_own_speakers():
    text = ("Report\n\nThe U.S. confirmed Tuesday that a coalition aircraft shot down a drone near At Tanf, a day "
            "after Russia halted communication channels and declared that it will treat coalition aircraft west "
            "of the Euphrates River as targets.")
    _, claims = _claims(text, date=dt.date(2017, 6, 20))
    assert {(c.party, c.location) for c in claims} == {("US-led coalition", "near At Tanf"),
                                                       ("Russia", "west of the Euphrates River")}


def test_a_news_agency_reporting_is_a_source():
    from geomap.attribution import attribute

    said = attribute("SANA news agency reported that soldiers were killed near Mayadin.")
    assert [(s.party, s.speaker) for s in said] == [("Syrian government", "SANA news agency")]


def test_arabic_mentions_without_capitals():
    text = ("من الجهة الشرقية لنهر الفرات التي تقسم دير الزور إلى قسمين. "
            "قصفت الطائرات مدينة الرقة والميادين. وقصفت قرية جعدين.")
    found = {m.text: m.place.name for m in find_mentions(text)}
    # Names next to other words (no capitals tell where an Arabic name ends), a proclitic
    # before the name ("لنهر": "of the river"), and the article behind "and" ("والميادين").
    assert found["دير الزور"] == "Deir ez-Zor"
    assert found["نهر الفرات"] == "Euphrates"
    assert {"الرقة", "والميادين", "جعدين"} <= set(found)
    # Common words that are also hamlets' names ("eastern", "two parts") are no places unless
    # a word introduces them ("قرية جعدين": the village of Ja'Din).
    assert "الشرقية" not in found and "قسمين" not in found
    # Nor are loose alternate spellings of little-known villages ("the bank", "more"); a village
    # reported on and written its own way is a place with no word before it.
    found = {m.text: m.place.name for m in find_mentions(
        "استهدف القصف الشعفة التي تقع بمحاذاة الضفة الشرقية لنهر الفرات، وقتل أكثر من 50 شخصاً.")}
    assert "الضفة" not in found and "أكثر" not in found
    assert found["الشعفة"] == "Ash Sha`fah"


def test_the_river_named_before_is_a_place_to_claim():
    text = ("Report\n\nCOL. DILLON: Russian aircraft struck a position east of the Euphrates River near "
            "Deir ez-Zor, the coalition said.\n\nThe coalition said it was about 7 kilometers east of the river.")
    ex = extract(text, date=dt.date(2017, 9, 19))
    claims = [c for inc in ex.incidents for c in inc.claims]
    assert ("7 kilometers east of the river", "7 kilometers east of the Euphrates River") in \
        {(c.location, c.where) for c in claims}
    assert "the river" not in [m.text for m in ex.mentions]   # a reference, not a mention of its own


def test_an_observatory_documenting_and_a_settlement_placed_by_distance():
    text = ("Report\n\nThe Syrian Observatory for Human Rights documented that the coalition targeted areas in "
            "the town of Hajin on the eastern bank of the Euphrates.\n\nAircraft struck militants near the "
            "settlement of Khsham, 12 km east of Deir ez-Zor, the Russian Ministry of Defence reported.")
    _, claims = _claims(text, date=dt.date(2017, 10, 5))
    assert {(c.party, c.location) for c in claims} == {
        ("SOHR", "in the town of Hajin on the eastern bank of the Euphrates"),
        ("Russian MoD", "near the settlement of Khsham, 12 km east of Deir ez-Zor")}


def test_state_television_and_a_second_said_without_that():
    text = ("Report\n\nSyrian state television said two civilians were killed when coalition jets bombed the "
            "village of Kasrat Sheikh Juma, south of Raqqa.\n\nThe Pentagon said the jet had dropped bombs south "
            "of Tabqa, while the Syrian army said the plane was downed in the Rasafa area.")
    _, claims = _claims(text, date=dt.date(2017, 6, 19))
    got = {(c.party, c.location) for c in claims}
    assert ("Syrian government", "Kasrat Sheikh Juma, south of Raqqa") in got
    assert ("US-led coalition", "south of Tabqa") in got
    assert ("Syrian government", "in the Rasafa area") in got


def test_tokens_keep_inner_hyphens_and_apostrophes_and_split_possessives():
    from geomap.mentions import tokens

    words = [w for w, _, _ in tokens("O’Brien’s report: Deir ez-Zor's west, at-Tanf`s base, ‘Ayn, it's x- 2nd L'Aquila")]
    assert words == ["O’Brien", "’s", "report", "Deir", "ez-Zor", "'s", "west", "at-Tanf`s", "base", "Ayn", "it",
                     "'s", "x", "nd", "L'Aquila"]


def test_words_before_a_name_that_call_it_a_village_make_it_a_place():
    """A little-known spelling alone is not placed (as often a person's or a group's name); "a
    village called ..." says it is a place, and the report's governorate supports it."""
    bare = "The Syrian army said jets hit Rasafah in the Raqqa countryside."
    called = "The Syrian army said jets hit a village called Rasafah in the Raqqa countryside."
    assert "Rasafah" not in [m.text for m in find_mentions(bare)]
    ms = {m.text: m for m in find_mentions(called)}
    assert ms["Rasafah"].place.name == "Ar Rasafah"
    _, claims = _claims("Report\n\n" + called, date=dt.date(2017, 6, 18))
    assert [c.where for c in claims if "Rasafah" in c.location] == ["Ar Rasafah in the Raqqa countryside"]


def test_a_state_agency_speaks_in_its_own_voice_and_a_wire_agency_does_not():
    sana = "Civilians killed in raid\n\nDeir Ezzor, SANA - Coalition planes targeted houses in Hajin town."
    _, claims = _claims(sana, date=dt.date(2017, 11, 20))
    assert [(c.party, c.speaker) for c in claims] == [("Syrian government", "SANA")]
    wire = "Civilians killed in raid\n\nBEIRUT (Reuters) - Coalition planes targeted houses in Hajin town."
    assert _claims(wire, date=dt.date(2017, 11, 20))[1] == []


def test_sources_that_told_an_outlet_and_where_the_sources_are():
    text = ("Report\n\nLocal sources in al-Mayadeen city told SANA's reporter that coalition warplanes struck "
            "al-Tibeh village. The sources noted that a building 45 km southeast of Deir Ezzor was hit.")
    _, claims = _claims(text, date=dt.date(2017, 7, 29))
    # The sources' own town is where they are, not where the strike was ("reported by" is not
    # a source's verb); the distance is kept.
    _, said = _claims("Report\n\nThe Syrian army said there was shelling near Hajin reported by activists.",
                      date=dt.date(2017, 7, 29))
    assert [c.where for c in said] == ["near Hajin"]
    # The sources' "45 km southeast of Deir Ezzor" holds al-Tibeh, which they named: the same place,
    # told vaguer, is no second claim ...
    assert [(c.party, c.speaker, c.where) for c in claims] == [("Syrian government", "SANA", "Taybah")]
    # ... and said alone, the distance is read and kept.
    _, alone = _claims("Report\n\nLocal sources told SANA's reporter that a building 45 km southeast of Deir "
                       "Ezzor was hit.", date=dt.date(2017, 7, 29))
    assert [(c.party, c.where) for c in alone] == [("Syrian government", "45 km southeast of Deir Ezzor")]


def test_a_loose_spelling_at_the_end_of_a_persons_name_is_no_place():
    # "Soleimani" is a variant spelling of Sulaymaniyah (Iraq); after "Qassem" it ends a name.
    assert [m.text for m in find_mentions("Qassem Soleimani was seen near Albu Kamal.")] == ["Albu Kamal"]
    assert find_mentions("General Soleimani visited the front.") == []
    # A common word starting the sentence is no name: the place stays.
    assert [m.place.name for m in find_mentions("Near Tabqah, jets flew over the dam.")] == ["Ath Thawrah"]


def test_the_village_is_the_settlement_named_last():
    text = ("Report\n\nRussian air strikes hit Al-Shafa, a village on the eastern bank of the Euphrates, the "
            "Syrian Observatory for Human Rights said. The Russian defence ministry denied that its aircraft "
            "had struck the village.")
    ex = extract(text, date=dt.date(2017, 11, 27))
    claims = [c for inc in ex.incidents for c in inc.claims]
    mod = [c for c in claims if c.party == "Russian MoD"]
    # A denial of the strike at Al-Shafa, the Observatory's claim.
    assert [(c.location, c.where) for c in mod] == [("the village", "Ash Sha`fah")]
    assert mod[0].denies == next(c.id for c in claims if c.party == "SOHR")
    assert "the village" not in [m.text for m in ex.mentions]
    # "the town of X" names a place; it refers to none.
    text = "Report\n\nJets hit Hajin. Later the coalition said it struck the town of Mayadin."
    assert [c.where for c in _claims(text, date=dt.date(2017, 11, 27))[1]] == ["Mayadin"]


def test_an_arabic_report_gives_claims_sources_dates_and_denials():
    """Arabic reported speech puts the verb first ("وقال المرصد ...": and-said the Observatory);
    "نفت" (denied) makes a denial; an Arabic date line is the report's date."""
    text = ("قصف على دير الزور\n27 نوفمبر 2017\n\nوقال المرصد السوري لحقوق الإنسان إن الطائرات الروسية "
            "قصفت قرية الشعفة بريف دير الزور.\n\nونفت وزارة الدفاع الروسية أن طائراتها قصفت قرية الشعفة.")
    ex, claims = _claims(text)
    assert ex.date == dt.date(2017, 11, 27)
    sohr = [c for c in claims if c.party == "SOHR"]
    mod = [c for c in claims if c.party == "Russian MoD"]
    # Arabic relation words are read in the English geomap reads, the names as written.
    assert sohr[0].where == "قرية الشعفة, countryside of دير الزور" and sohr[0].speaker == "المرصد السوري"
    assert [(c.where, c.denies) for c in mod] == [("قرية الشعفة", sohr[0].id)]
    # A side of the river in Arabic is that side.
    ex, claims = _claims("غارات\n27 نوفمبر 2017\n\nوذكر المرصد السوري أن الغارات استهدفت بلدة هجين شرق نهر الفرات.")
    assert [c.where for c in claims] == ["بلدة هجين, east of نهر الفرات"]
    assert _side(claims[0]) == "east"


@pytest.mark.parametrize("sentence, party, where", [
    # A hyphenated compass word relates a place.
    ("The drone was downed north-east of Tanf, according to a US military statement.",
     "US-led coalition", "north-east of Tanf"),
    # A place taken control of, escaped or left is where it happened; a day may come between a
    # subject and its verb.
    ("The Syrian Observatory for Human Rights said the army took control of the village of Jaaedeen.",
     "SOHR", "Ja`din"),
    ("The Russian Defense Ministry on Tuesday said the US let ISIS vehicles escape Abu Kamal last week.",
     "Russian MoD", "Abu Kamal"),
])
def test_report_phrasings_give_the_party_and_the_place(sentence, party, where):
    _, claims = _claims("Report\n\n" + sentence, date=dt.date(2017, 11, 15))
    assert [(c.party, c.where) for c in claims] == [(party, where)]


def test_a_bank_or_the_river_named_again_is_the_river_named_first():
    # "the eastern bank" with no river after it, and "the river" after another reference to it.
    text = ("Jets stayed west, ministry says\n\nMOSCOW, Nov 24 - The Russian Defence Ministry said its jets "
            "struck near Mayadin, on the western bank of the Euphrates. The ministry said the jets never crossed "
            "to the eastern bank. Activists said boats were crossing the river. The Syrian Observatory said "
            "strikes hit the town of Hajin, on the eastern bank of the river.")
    _, claims = _claims(text)
    got = {(c.party, c.where, _side(c)) for c in claims}
    assert ("Russian MoD", "eastern bank of the Euphrates", "east") in got
    assert ("SOHR", "Hajin, on the eastern bank of the Euphrates", "east") in got
    assert [c.denies is not None or "denies" in c.claim for c in claims if c.where.startswith("eastern")] == [True]


def test_where_a_speaker_is_is_not_where_it_happened():
    text = ("Strikes in eastern Syria\n\nIn Beirut, an official with Hezbollah said the coalition hit its "
            "fighters near Hajin.")
    _, claims = _claims(text)
    assert [(c.party, c.where) for c in claims] == [("Hezbollah", "near Hajin")]


def test_a_road_named_after_a_place_is_not_that_place_and_the_centre_of_a_city_is_the_city():
    text = ("Strikes hit Raqqa\n\nActivists of the group Raqqa Is Being Slaughtered Silently said jets bombed a "
            "market in the centre of Raqqa city. Al-Mayadeen television said the strikes also hit the Tabqa road "
            "west of the city.")
    _, claims = _claims(text, date=dt.date(2017, 8, 21))
    assert [(c.party, c.where) for c in claims] == [
        ("Raqqa Is Being Slaughtered Silently", "in the centre of Raqqa city"),
        ("Al-Mayadeen", "west of Ar Raqqah")]


@pytest.mark.parametrize("sentence", [
    # where people fled from
    "The coalition said the strike hit a school housing families who had fled fighting in Aleppo.",
    # a goal not reached
    "The coalition said it cratered the road to stop the convoy from reaching Albu Kamal.",
    # a description of the speaker
    "Sama TV, which is close to Damascus, said the convoy was hit.",
    # a country that is the base, not the scene
    "The Russian Defence Ministry said the bombers left an airbase in Russia.",
])
def test_places_that_are_not_the_scene_make_no_claim(sentence):
    _, claims = _claims(f"Strikes in eastern Syria\n\n{sentence} Jets struck near Mayadin, it said.")
    assert [c.where for c in claims] == ["near Mayadin"]


def test_a_country_where_something_landed_is_claimed_when_the_report_is_about_another():
    text = ("Missiles fired at Deir ez-Zor\n\nIran's Revolutionary Guards said the missiles hit Deir ez-Zor. "
            "Israeli officials said that three of them landed in Iraq.")
    _, claims = _claims(text)
    assert [(c.party, c.where) for c in claims] == [("Iran", "Deir ez-Zor"), ("Israel", "in Iraq")]


def test_a_speakers_quotation_with_he_said_is_its_claim():
    text = ("Jets over the Euphrates\n\nThe Russian Defence Ministry denied the report. "
            '"Our jets struck only west of the Euphrates near Mayadin," he said.')
    _, claims = _claims(text)
    assert [(c.party, c.where) for c in claims] == [("Russian MoD", "west of the Euphrates near Mayadin")]


def test_arabic_sources_named_again_and_the_word_city_before_a_name():
    """"وأضافت المصادر أن" (and the sources added that) is the source named before; "مدينة" (city)
    before a name says what the name is, and is no village of that name."""
    text = ("غارات\n27 نوفمبر 2017\n\nوقال المرصد السوري إن الطائرات قصفت بلدة هجين في ريف دير الزور.\n\n"
            "وأضافت المصادر أن الغارات استهدفت منازل على الضفة الشرقية لنهر الفرات قرب مدينة الميادين.")
    ex, claims = _claims(text)
    assert [(c.party, c.where) for c in claims] == [
        ("SOHR", "بلدة هجين, countryside of دير الزور"),
        ("SOHR", "east bank of نهر الفرات, near مدينة الميادين")]
    assert "مدينة" not in [m.text for m in ex.mentions]
    assert _side(claims[1]) == "east"


def test_a_spokesman_of_the_ministry_named_before_and_where_an_advance_got_to():
    text = ("Strikes near Abu Kamal\nNovember 2, 2017\n\nThe Russian Defence Ministry said jets struck terrorist "
            "facilities in the area of the settlement of Abu Kamal. \"Up to 30 militants were killed on the western "
            "bank of the Euphrates,\" the ministry's spokesman, Major General Ivan Petrov, said. Petrov added that "
            "the army had advanced south-east of Mayadin toward Abu Kamal.")
    _, claims = _claims(text)
    assert [(c.party, c.where) for c in claims] == [
        ("Russian MoD", "in the area of the settlement of Abu Kamal"),
        ("Russian MoD", "on the western bank of the Euphrates"),
        ("Russian MoD", "south-east of Mayadin")]


def test_a_question_claims_nothing():
    text = ("Briefing\nOctober 19, 2017\n\nThe coalition said regime forces were on the west side of the "
            "Euphrates at Mayadin.\n\nQ: Has the coalition said Russian aircraft flew east of the river near Mayadin?")
    _, claims = _claims(text)
    assert [c.where for c in claims] == ["on the west side of the Euphrates at Mayadin"]
    assert _side(claims[0]) == "west"     # "<side> of the river at <place>": both read


def test_a_bank_is_the_rivers_even_beside_a_dam_named_after_it():
    """With the Euphrates Dam in the report's context, "the southern bank of the Euphrates" is still
    the river's bank: the drafts read back together (the dam used to stop the whole map)."""
    from geomap.incidents import claims_frame

    text = ("Strike near Raqqa\nMarch 22, 2017\n\nThe Syrian Observatory for Human Rights said the strike hit "
            "al-Mansoura, west of Raqqa. The monitor said the school was on the southern bank of the Euphrates, "
            "25 km west of Raqqa city.\n\nThe SDF are advancing toward Tabqa, where the Euphrates dam lies.")
    ex, claims = _claims(text)
    frame = claims_frame(list(ex.incidents))
    bank = frame[frame["claim_id"].str.contains("southern-bank")]
    assert len(bank) == 1 and "ne:water:euphrates" in list(bank["place_ids"].iloc[0])
    assert "cur:tabqa-dam" not in list(bank["place_ids"].iloc[0])


def test_a_place_between_two_places_is_read_whole():
    text = ("Bridge hit\nOctober 3, 2017\n\nThe Syrian army said jets bombed a bridge over the Euphrates between "
            "al-Asharah and Deir ez-Zor city.")
    _, claims = _claims(text)
    assert [c.where for c in claims] == ["between al-Asharah and Deir ez-Zor city"]


def test_a_briefing_transcript_speaks_in_its_speakers_turns_not_the_reporters():
    text = ("Department of Defense Press Briefing by Colonel Ryan Smith\n\nOctober 2, 2017\n\n"
            "COL. SMITH: Coalition aircraft struck ISIS positions near Hajin.\n\n"
            "Q: Your strikes hit a hospital in Mayadin.\n\n"
            "COL. SMITH: Regime forces remain on the west bank of the Euphrates.\n")
    ex = extract(text)
    claims = [c for inc in ex.incidents for c in inc.claims]
    assert {c.location for c in claims} == {"near Hajin", "on the west bank of the Euphrates"}
    assert {c.party for c in claims} == {"US-led coalition"}
    assert {c.speaker for c in claims} == {"Col. Smith"}
    assert all(not c.quote.startswith("COL.") for c in claims)


def test_a_river_crossed_is_no_position_but_the_bank_reached_is():
    text = ("Fighters airlifted across the Euphrates\n\nMarch 22, 2017\n\n"
            "U.S. forces airlifted fighters across the Euphrates River, landing them on the southern bank "
            "near the Tabqa dam, the Pentagon said. A family crossed the Euphrates by boat, the "
            "Syrian Observatory for Human Rights said.\n")
    claims = [c for inc in extract(text).incidents for c in inc.claims]
    assert [c.location for c in claims] == ["on the southern bank near the Tabqa dam"]


def test_places_listed_before_a_relation_share_it():
    text = ("Army advances\n\nDeir Ezzor, SANA, November 19, 2017\n\nArmy units took control of the villages of "
            "al-Salihiyeh and al-Jalaa on the western bank of the Euphrates, a military source said.\n")
    _, claims = _claims(text, date=dt.date(2017, 11, 19))
    first = next(c for c in claims if c.location == "al-Salihiyeh")
    assert first.where == "al-Salihiyeh, on the western bank of the Euphrates"


def test_a_crossing_refused_is_no_position():
    text = ("SDF warns\n\nOctober 2, 2017\n\nShells fell near the Euphrates, the SDF said. \"We will not allow "
            "anyone to cross to the east of the river,\" the SDF spokesman said.\n")
    _, claims = _claims(text, date=dt.date(2017, 10, 2))
    assert not any("cross" in c.location for c in claims)


def test_the_city_is_the_last_city_named_not_a_village_named_since():
    text = ("Report\n\nMOSCOW, September 26, 2017\n\nSyrian troops advanced from the bridgehead east of Deir ez-Zor, "
            "Russia's Defence Ministry said. The ministry said troops had liberated the village of Marrat, "
            "8 km north-east of the city.\n")
    _, claims = _claims(text, date=dt.date(2017, 9, 26))
    marrat = next(c for c in claims if "Marrat" in c.location)
    assert marrat.location == "Marrat, 8 km north-east of the city"   # the report's words
    assert marrat.where.endswith("8 km north-east of Deir ez-Zor")                   # geomap's reading


@pytest.mark.parametrize("sentence", [
    "Syrian troops advanced toward Albu Kamal, the Russian Defence Ministry said.",
    "وقالت وزارة الدفاع الروسية إن القوات السورية تقدمت نحو مدينة البوكمال.",
])
def test_a_heading_is_no_position(sentence):
    _, claims = _claims("Report\n\n" + sentence, date=dt.date(2017, 11, 24))
    assert claims == [] or all("Kamal" not in c.location and "البوكمال" not in c.location for c in claims)


def test_a_spokesman_after_his_quote_and_a_report_rejected_speak_for_the_coalition():
    text = ("Report\n\nWASHINGTON, September 26, 2017\n\nThe U.S.-led coalition on Tuesday rejected a report that "
            "its aircraft had struck troops near Jafra. \"The coalition did not conduct any strikes near "
            "Mayadin,\" spokesman Colonel Ryan Dillon said.\n")
    _, claims = _claims(text, date=dt.date(2017, 9, 26))
    assert {c.party for c in claims} == {"US-led coalition"}
    assert any(c.speaker == "spokesman Colonel Ryan Dillon" and "Mayadin" in c.location for c in claims)


def test_a_jet_crashed_in_a_part_of_a_neighbouring_country_is_there():
    text = ("Report\n\nDAMASCUS, February 10, 2018\n\nAir defences hit an F-16 over Homs province, which crashed "
            "in northern Israel, the Syrian army said.\n")
    _, claims = _claims(text, date=dt.date(2018, 2, 10))
    assert any(c.location == "in northern Israel" and c.party == "Syrian government" for c in claims)


@pytest.mark.parametrize("text, names", [
    # "وزارة" (ministry) is no proclitic "و" before the village of Zarah; "ودمشق" is "and Damascus".
    ("أعلنت وزارة الدفاع الروسية أن الطائرات دمرت مواقع في محيط مدينة الميادين على الضفة الغربية لنهر الفرات.",
     ["Al Mayādīn", "Euphrates"]),
    ("قصفت الطائرات مواقع في دمشق وحلب", ["Damascus", "Aleppo"]),
    # "السورية" (Syrian) is the country's adjective: its name never takes the article.
    ("تقدمت القوات السورية نحو الميادين", ["Al Mayādīn"]),
    ("قصفت الطائرات مواقع في سورية والعراق", ["Syria", "Iraq"]),
])
def test_arabic_words_that_only_look_like_places(text, names):
    assert [m.place.name for m in find_mentions(text)] == names


def test_a_headline_told_again_in_the_body_is_the_bodys_claim():
    # "Russia says" sums up what the ministry said; "near Deir ez-Zor" what the SDF placed exactly.
    text = ("Russia says its jets hit militants near Raqqa\n\nMOSCOW, June 16, 2017\n\nRussia's Defence "
            "Ministry said its jets struck a command post on the southern outskirts of Raqqa.\n")
    _, claims = _claims(text, date=dt.date(2017, 6, 16))
    assert [c.party for c in claims] == ["Russian MoD"]
    text = ("SDF says Russian jets hit its fighters near Deir ez-Zor\n\nAMUDA, September 16, 2017\n\nThe SDF "
            "said Russian jets struck its positions on the eastern bank of the Euphrates.\n")
    _, claims = _claims(text, date=dt.date(2017, 9, 16))
    assert [c.location for c in claims] == ["on the eastern bank of the Euphrates"]
    # A headline the body does not tell again is kept.
    text = ("SDF says Russian jets hit its fighters near Deir ez-Zor\n\nAMUDA, September 16, 2017\n\nThe "
            "fighting went on all day.\n")
    _, claims = _claims(text, date=dt.date(2017, 9, 16))
    assert [c.location for c in claims] == ["near Deir ez-Zor"]


def test_a_few_kilometres_from_a_place_joins_the_relation_before_it():
    text = ("Report\n\nBEIRUT, September 16, 2017\n\nThe SDF said the strikes hit its positions in an industrial "
            "zone on the eastern bank of the Euphrates, a few kilometres from the city of Deir al-Zor.\n")
    _, claims = _claims(text, date=dt.date(2017, 9, 16))
    assert [c.location for c in claims] == [
        "on the eastern bank of the Euphrates, a few kilometres from the city of Deir al-Zor"]


def test_an_arabic_dateline_naming_a_state_agency_speaks_in_its_voice():
    text = ("الجيش يحرر قريتين على الضفة الشرقية لنهر الفرات\n\nدير الزور، سانا، 25 أيلول 2017\n\n"
            "حررت وحدات من الجيش العربي السوري قريتي حطلة ومراط على الضفة الشرقية لنهر الفرات في ريف دير الزور، "
            "حسب ما أفاد مصدر عسكري.\n")
    ex, claims = _claims(text)
    assert ex.meta["outlet"] == "دير الزور، سانا" and ex.date == dt.date(2017, 9, 25)
    assert {c.party for c in claims} == {"Syrian government"}
    # "قريتي" (the two villages of) introduces a place as "قرية" does.
    assert any(c.where == "حطلة" for c in claims)


def test_an_arabic_dateline_with_dashes_and_a_monitors_own_report_speak_in_their_voice():
    sana = ("الطيران الحربي يدمر مقرات في محيط الميادين\n\nدمشق - سانا - 2017-10-04\n\n"
            "دمرت وحدات من الجيش العربي السوري مقرات في محيط مدينة الميادين بريف دير الزور.\n")
    assert {c.party for c in _claims(sana)[1]} == {"Syrian government"}
    sohr = ("قصف يستهدف الشحيل\n\nالمرصد السوري لحقوق الإنسان - 2017-11-02\n\n"
            "قصفت طائرات حربية مناطق في بلدة الشحيل بالريف الشرقي لدير الزور.\n")
    assert {c.party for c in _claims(sohr)[1]} == {"SOHR"}
    # A newspaper that holds a party's word is no party's voice.
    paper = "Jets hit Hajin\n\nThe Washington Post, November 2, 2017\n\nJets struck the town of Hajin.\n"
    assert _claims(paper)[1] == []


def test_the_statement_said_is_the_statement_of_the_source_named_last():
    text = ("Iraqi jets bomb targets inside Syria\n\nBAGHDAD, February 24, 2017\n\nIraqi jets struck positions "
            "near Mayadin on Friday, the Iraqi military said in a statement.\n\nThe strikes also targeted "
            "command centres in Albu Kamal, the statement said.\n")
    _, claims = _claims(text)
    assert [(c.party, c.location) for c in claims] == [("Iraq", "near Mayadin"), ("Iraq", "in Albu Kamal")]


def test_an_office_without_a_country_is_the_datelines_capitals():
    text = ("Forces recapture al-Qaim\n\nBAGHDAD, November 3, 2017 (Reuters)\n\nIraqi forces recaptured the town "
            "of al-Qaim on the border with Syria, Prime Minister Haider al-Abadi said in a statement.\n")
    _, claims = _claims(text)
    assert [(c.party, c.speaker) for c in claims] == [("Iraq", "Prime Minister Haider al-Abadi")]
    beirut = text.replace("BAGHDAD", "BEIRUT")   # no party's capital: the office is nobody's known party
    assert _claims(beirut)[1] == []


def test_driving_the_enemy_out_of_a_place_claims_that_place():
    text = ("Army advances\n\nDAMASCUS, November 3, 2017\n\nThe Syrian army said its troops had driven the "
            "militants out of Deir ez-Zor city.\n")
    _, claims = _claims(text)
    assert [(c.party, c.location) for c in claims] == [("Syrian government", "Deir ez-Zor city")]



def test_state_media_named_without_a_state_are_the_media_of_the_state_where_it_happens():
    text = ("Army crosses the Euphrates\n\nBEIRUT, September 18, 2017 (Reuters)\n\nSyrian government forces "
            "crossed the river and took positions on its eastern bank near Deir al-Zor, state media said.\n\n"
            "State television said army units had entered the village of Hatla.\n")
    _, claims = _claims(text)
    assert {c.party for c in claims} == {"Syrian government"}
    assert {c.speaker for c in claims} == {"state media", "State television"}


def test_where_fighters_escape_from_is_not_where_the_strike_was_and_a_ministry_is_its_states():
    text = ("Russian jets pound convoys\n\nMOSCOW (AP) - June 9, 2017\n\nRussia's military said Friday its "
            "warplanes had destroyed convoys of fighters who were trying to escape from Raqqa.\n\nThe Defense "
            "Ministry said in a statement that the strikes hit vehicles about 20 kilometers south of Raqqa.\n")
    got = [(c.party, c.where) for c in _claims(text)[1]]
    assert got == [("Russian MoD", "20 kilometers south of Raqqa")]


def test_a_place_struck_in_the_passive_is_where_it_happened():
    text = ("Raqqa pounded\n\nBEIRUT (AP) - June 9, 2017\n\nActivists from the group Raqqa Is Being "
            "Slaughtered Silently said the city of Raqqa itself was being pounded by coalition aircraft.\n")
    got = [(c.party, c.where) for c in _claims(text)[1]]
    assert got == [("Raqqa Is Being Slaughtered Silently", "Raqqa")]


def test_a_sources_vaguer_words_for_a_place_it_named_precisely_are_one_claim():
    text = ("Strikes on crossings\n\nBEIRUT (AFP) - October 12, 2017\n\nAir strikes on boats killed 14 civilians "
            "near the town of al-Ashara on Wednesday, the Syrian Observatory for Human Rights said. The monitor "
            "said the raids hit the river crossing south-east of al-Mayadin.\n")
    got = [(c.party, c.where) for c in _claims(text)[1]]
    assert got == [("SOHR", "near the town of al-Ashara")]
    # Another party's vaguer words are its own claim.
    other = text + "\nThe Russian defence ministry said its jets struck south-east of al-Mayadin.\n"
    assert ("Russian MoD", "south-east of al-Mayadin") in [(c.party, c.where) for c in _claims(other)[1]]


def test_a_place_is_read_with_its_own_words_and_a_purpose_is_no_event():
    text = ("Iraqi jets strike in Syria\n\nBAGHDAD, April 20, 2017\n\nThe Iraqi air force carried out air strikes on "
            "Islamic State positions in the town of Albu Kamal on the Syrian side of the border, the Iraqi "
            "military said. The statement said the depots were used by the militants to launch attacks on "
            "Iraq's western Anbar province.\n")
    assert [(c.party, c.where) for c in _claims(text)[1]] == [("Iraq", "in the town of Albu Kamal")]


def test_a_towns_old_city_named_and_referred_to_again():
    text = ("Old City breached\n\nBEIRUT (AP) - July 4, 2017\n\nU.S.-backed fighters breached the wall around "
            "Raqqa's Old City on Tuesday with the help of coalition air strikes, the U.S. military said.\n\n"
            "The SDF said its fighters had entered the Old City from the southeast.\n")
    got = {(c.party, _side(c)) for c in _claims(text)[1]}
    assert got == {("US-led coalition", "east"), ("SDF", "east")}


def test_the_city_is_never_the_dateline_and_a_drafted_report_always_classifies():
    from geomap.incidents import claims_frame

    text = ("SDF says government forces shelled it east of Deir ez-Zor\n\nQAMISHLI, Syria (Reuters) - September "
            "25, 2017\n\nThe Syrian Democratic Forces accused Syrian government forces on Monday of shelling "
            "their positions in the town of al-Salihiyah, on the eastern bank of the Euphrates.\n\nA statement "
            "from the SDF said the shells were fired from the western bank of the river near the city.\n")
    ex, claims = _claims(text)
    assert [c.where for c in claims][-1] == "from the western bank of the Euphrates near Deir ez-Zor"
    frame = claims_frame(list(ex.incidents))   # read together, every drafted reading still reads
    assert len(frame) == len(claims)


def test_an_arabic_claims_id_is_spelled_with_its_places_latin_name():
    ids = [c.id for c in _claims("غارات على الشعفة\n\n2017-11-28\n\nقال المرصد السوري إن طائرات قصفت بلدة الشعفة.\n")[1]]
    assert ids and all(i.isascii() and "shafah" in i for i in ids)


def test_a_border_is_read_with_the_place_on_it_not_as_the_country():
    _, claims = _claims("Strikes hit camp\n\nBEIRUT (AFP) - June 1, 2017\n\nAir strikes hit a camp near Abu Kamal "
                        "on the Iraqi border, the Syrian Observatory for Human Rights said.\n")
    assert [(c.party, c.where) for c in claims] == [("SOHR", "near Abu Kamal on the Iraqi border")]


def test_a_border_town_is_the_town_and_a_government_by_its_seat_is_no_place():
    ex, claims = _claims("Iraqi jets hit Albu Kamal\n\nBAGHDAD (Reuters) - May 8, 2017\n\nIraqi F-16 jets struck "
                         "Islamic State positions in the Syrian border town of Albu Kamal, the Iraqi military said in "
                         "a statement, in a raid approved by the government in Damascus.\n")
    assert [(c.party, c.where) for c in claims] == [("Iraq", "Albu Kamal")]
    assert "Damascus" not in [m.text for m in ex.mentions]


def test_a_sentence_that_opens_on_its_scene_narrows_the_positions_it_names_after():
    release = ("Strike release\nOctober 3, 2017\n\nNear Raqqa, coalition forces conducted three strikes that "
               "destroyed two ISIS fighting positions north of the Euphrates River.\n")
    _, claims = _claims(release, voice="CJTF-OIR")
    assert len(claims) == 1   # not 'near Raqqa' beside 'north of the Euphrates'
    assert "Raqqa" in claims[0].where and "Euphrates" in claims[0].where and _side(claims[0]) == "east"
    alone = ("Strike release\nOctober 3, 2017\n\nNear Raqqa, coalition forces conducted three strikes that "
             "destroyed two ISIS fighting positions.\n")
    assert [c.where.lower() for c in _claims(alone, voice="CJTF-OIR")[1]] == ["near raqqa"]


def test_the_far_bank_named_again_after_a_crossing_keeps_the_place_beside_it():
    text = ("Army crosses the river\nSeptember 20, 2017\n\nGovernment troops crossed the Euphrates to its "
            "eastern bank near the village of Marrat, a military source told SANA.\n")
    _, claims = _claims(text)
    assert len(claims) == 1 and claims[0].party == "Syrian government" and claims[0].speaker == "SANA"
    assert "Marrat" in claims[0].where and _side(claims[0]) == "east"


def test_a_publisher_named_after_a_place_is_not_a_place_the_report_names():
    text = ("Hospital hit in Mayadin\n\nDeir Ezzor 24, October 2, 2017\n\nRussian warplanes struck the national "
            "hospital in the city of al-Mayadin on Monday, the activist network Deir Ezzor 24 reported.\n")
    ex, claims = _claims(text)
    assert [m.text for m in ex.mentions] == ["Mayadin", "al-Mayadin"]
    assert claims and claims[0].party == "Deir Ezzor 24"
    dateline = "Strikes on Hajin\n\nRaqqa, SANA, October 2, 2017\n\nJets struck Hajin, SANA said.\n"
    assert "Raqqa" in [m.text for m in extract(dateline).mentions]   # a dateline's city is named


def test_a_facility_named_again_by_its_kind_and_a_thing_of_it_placed_by_the_words_after():
    text = ("Blasts at the dam\nMay 29, 2017\n\nExplosions shook the Tabqa Dam on Monday, the Syrian Observatory "
            "for Human Rights said. It said the blasts hit the dam's spillway, on the southern bank of the Euphrates.\n")
    _, claims = _claims(text)
    assert len(claims) == 1   # the dam as a whole is the same account told less precisely
    assert claims[0].location == "the dam's spillway, on the southern bank of the Euphrates"
    assert "Tabqa Dam" in claims[0].where and "southern bank" in claims[0].where and _side(claims[0]) == "west"


def test_a_place_described_before_its_name_is_where_the_action_happened():
    text = ("SDF takes oil field\nOctober 24, 2017\n\nThe SDF said its fighters seized the nearby oil field, "
            "al-Tanak, on Tuesday.\n")
    _, claims = _claims(text)
    assert [c.party for c in claims] == ["SDF"] and "Tanak" in claims[0].where


def test_a_release_published_under_the_initials_of_its_body_is_that_bodys_own_voice():
    text = ("Strikes near Hajin\n\nCJTF-OIR, November 14, 2017\n\nNear Abu Kamal, four strikes destroyed two "
            "oil tankers. Near Hajin, on the eastern bank of the Euphrates, two strikes destroyed a headquarters.\n")
    _, claims = _claims(text)
    assert [(c.party, _side(c)) for c in claims] == [("US-led coalition", "west"), ("US-led coalition", "east")]


def test_an_arabic_river_crossed_to_a_named_bank_is_read_with_the_village_beside_it():
    text = ("عبور الفرات\n\n18 أيلول 2017\n\nعبرت قوات النظام السوري نهر الفرات إلى الضفة الشرقية قرب قرية مراط، "
            "بحسب ما أفاد به مصدر عسكري لوكالة سانا.\n")
    _, claims = _claims(text)
    assert len(claims) == 1 and claims[0].party == "Syrian government"
    assert claims[0].speaker == "مصدر عسكري لوكالة سانا"   # not "به مصدر ...": "told it"
    assert "east bank" in claims[0].where and _side(claims[0]) == "east"


def test_the_end_of_a_dam_taken_is_that_end():
    text = ("The US-led coalition said on Monday that its partner forces had captured the northern end of the "
            "Tabqa dam, while IS still held the dam's southern half.")
    _, claims = _claims(text)
    assert any(c.where.startswith("northern end of") and _side(c) == "east" for c in claims)


def test_a_road_named_after_a_facility_is_no_position_at_it():
    text = ("The Syrian army reached the western outskirts of Albu Kamal, a Syrian army source said, after "
            "advancing along the T2 pumping station road.")
    _, claims = _claims(text)
    assert [c.where for c in claims] == ["western outskirts of Albu Kamal"]


def test_the_river_of_a_report_that_names_none_is_the_one_its_places_lie_along():
    text = ("The Russian Defence Ministry said U.S. special forces let Islamic State fighters pass near the "
            "village of al-Bahra, north of Hajin, to attack Syrian troops west of the river.")
    _, claims = _claims(text)
    assert {(c.where, _side(c)) for c in claims} >= {("west of the Euphrates", "west")}


def test_where_fire_came_from_is_no_position_of_the_event():
    text = ("Syrian regime forces shelled the villages of al-Jnineh and Jadid Ekeidat, east of the Euphrates, "
            "with artillery from positions in Deir ez-Zor city, the Deir ez-Zor Military Council said.")
    _, claims = _claims(text)
    assert claims and all(_side(c) == "east" for c in claims)
    assert not any("Deir ez-Zor city" in c.location for c in claims)


def test_every_place_of_a_list_after_an_action_is_a_position():
    _, claims = _claims("The SDF said it captured Tabqa and the Tabqa dam.")
    assert [c.where for c in claims] == ["Tabqa", "Tabqa dam"]
    # Arabic: "و" written onto the next name, three letters of it too ("وسد الفرات", and the Euphrates dam).
    _, claims = _claims("أعلنت قوات سوريا الديمقراطية سيطرتها على مدينة الطبقة وسد الفرات غربي مدينة الرقة.")
    assert len(claims) == 2 and any("سد الفرات" in c.where for c in claims)


def test_a_lede_source_described_is_the_one_the_report_names_next():
    text = ("Beirut (AFP) - Syrian regime forces on Saturday seized the towns of Sbikhan, al-Quriyah and "
            "Muhassan on the western bank of the Euphrates, a monitor said. The Syrian Observatory for Human "
            "Rights said Russian warplanes backed the advance.")
    _, claims = _claims(text)
    # ... and "Sbikhan", a spelling with the consonants of Subaykhan, is that town among its neighbours.
    assert len(claims) == 3 and {c.party for c in claims} == {"SOHR"}
    assert {_side(c) for c in claims} == {"west"} and any("Sbikhan" in c.location for c in claims)


def test_the_old_city_of_a_town_and_an_arabic_comma_before_a_bank():
    _, claims = _claims("Kurdish-led forces said they had pushed into the Old City of Raqqa.")
    assert [(c.party, _side(c)) for c in claims] == [("SDF", "east")]
    text = ("قالت قوات سوريا الديمقراطية إنها صدت هجوماً على بلدة الصالحية شمالي مدينة دير الزور، "
            "على الضفة الشرقية لنهر الفرات.")
    _, claims = _claims(text)
    assert len(claims) == 1 and _side(claims[0]) == "east"


def test_a_station_named_with_its_kind_is_that_station():
    text = ("Lebanese Hezbollah's al-Manar TV said Syrian troops had captured the T2 oil pumping station near "
            "the Iraqi border.")
    _, claims = _claims(text)
    assert [(c.party, _side(c)) for c in claims] == [("Hezbollah", "west")]
    assert [m.place.name for m in extract(text).mentions][0] == "T2 Pumping Station"


@pytest.mark.parametrize("text, coded, named", [
    # SANA's wording for a capture: "restored security and stability to X".
    ("DEIR EZZOR, SANA - Army units restored security and stability to al-Tabni town in the western "
     "countryside of Deir Ezzor, a military source told SANA on Friday.", [("Syrian government", "west")], "Tabni"),
    # A place held is where its holder is.
    ("A spokesman for the SDF, Mustafa Bali, said the group's fighters still controlled Dhiban.",
     [("SDF", "east")], "Dhiban"),
    # "across the border from" narrows the place named before it.
    ("Iraqi aircraft carried out strikes against Islamic State positions inside Syria near the town of "
     "Albu Kamal, across the border from the Iraqi town of al-Qaim, the Iraqi military said.",
     [("Iraq", "west")], "al-Qaim"),
])
def test_report_wordings_are_drafted_as_an_analyst_codes_them(text, coded, named):
    _, claims = _claims(text)
    assert [(c.party, _side(c)) for c in claims] == coded and named in claims[0].where
