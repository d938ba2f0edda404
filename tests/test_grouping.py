"""Grouping: an article's mentions of one event are one event, with every value's basis."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.records import Document, Event

PUBLISHED = "2025-03-14"  # a Friday: "Monday" is 2025-03-10


def extract(text: str) -> Document:
    return eventwire.extract(text, published=PUBLISHED)


def of_type(document: Document, kind: str) -> list[Event]:
    return [e for e in document.events if e.type == kind]


def actor(document: Document, mention: str) -> str:
    found = {a.id for a in document.actors for m in a.mentions if m.text == mention}
    assert len(found) == 1, (mention, found)
    return found.pop()


def place_name(document: Document, event: Event) -> str | None:
    return next((p.name for p in document.places if p.id == event.place), None)


def test_a_strike_mentioned_three_ways_is_one_event_with_three_mentions():
    document = extract(
        "Israeli warplanes bombed a house in Khan Younis on Monday. The airstrike destroyed "
        "the building, witnesses said. The army said the strike targeted a Hamas commander."
    )
    [strike] = of_type(document, "ASSAULT")
    assert [m.trigger.text for m in strike.mentions] == ["bombed", "destroyed", "targeted"]
    assert strike.trigger == strike.mentions[0].trigger
    assert strike.mode == "aerial"
    assert strike.when is not None
    assert strike.when.date == "2025-03-10"
    assert strike.when.basis == "stated"
    # "The airstrike destroyed", "the strike targeted": the anaphoric nouns link the verbs.
    # Hamas is the target only in the third mention's sentence.
    assert strike.target == [actor(document, "Hamas")]
    assert strike.target_basis == "coreferent"
    assert strike.source_basis == "stated"
    assert strike.place_basis == "stated"
    for mention in strike.mentions:  # every mention keeps its own spans
        text = document.article.text
        assert text[mention.trigger.start : mention.trigger.end] == mention.trigger.text
        assert text[mention.sentence.start : mention.sentence.end] == mention.sentence.text
    assert strike.mentions[2].target == strike.target
    assert strike.mentions[0].target == []


def test_a_strike_and_its_denial_stay_two_events():
    document = extract(
        "Russian missiles struck a market in Kharkiv on Monday. Russia denied the attack."
    )
    assert [e.type for e in document.events] == ["ASSAULT", "REJECT"]
    assert all(len(e.mentions) == 1 for e in document.events)


@pytest.mark.parametrize(
    ("text", "doer", "victim"),
    [
        ("Two robbers were shot dead in a shootout with police in Kisumu.", "police", "robbers"),
        ("A soldier was killed during clashes with Boko Haram fighters.", "Boko Haram", "soldier"),
    ],
)
def test_a_killing_in_a_fight_is_one_event_done_by_the_other_side(text, doer, victim):
    document = extract(text)
    [event] = of_type(document, "ASSAULT")
    assert len(event.mentions) == 2  # the killing and the fight
    assert event.source == [actor(document, doer)]
    assert event.target == [actor(document, victim)]


def test_two_strikes_on_two_days_stay_two_events():
    document = extract(
        "Russian drones struck Odesa on Monday. Russian drones struck Odesa again on Wednesday."
    )
    strikes = of_type(document, "ASSAULT")
    assert [e.when.date for e in strikes if e.when] == ["2025-03-10", "2025-03-12"]


def test_attacks_on_two_towns_are_two_events_each_at_its_town():
    # The town attacked is where the attack was; two towns 400 km apart are two attacks.
    document = extract(
        "Gunmen attacked Mandera on Monday. Gunmen attacked Garissa on Monday, police said."
    )
    attacks = of_type(document, "ASSAULT")
    assert [place_name(document, e) for e in attacks] == ["Mandera", "Garissa"]
    assert all(e.place_basis == "stated" for e in attacks)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Russian forces shelled the city of Kherson, wounding three civilians.", "Kherson"),
        ("The M23 rebels captured the town of Goma after days of fighting.", "Goma"),
    ],
)
def test_a_town_attacked_or_taken_by_its_kind_is_where(text, town):
    document = extract(text)
    attack = of_type(document, "ASSAULT")[0]
    assert place_name(document, attack) == town


def test_a_place_that_names_a_kind_of_another_place_is_not_where():
    # "the Red Sea port city of Jeddah": the city is Jeddah; the sea only says which port
    document = extract("The prince met Rubio in the Red Sea port city of Jeddah on Monday.")
    [meeting] = of_type(document, "CONSULT")
    assert place_name(document, meeting) == "Jeddah"


def test_a_release_and_the_truce_it_followed_stay_two_events():
    document = extract(
        "Hamas released two hostages on Saturday. The release came a week after the ceasefire "
        "agreed by Israel and Hamas took effect."
    )
    [release] = of_type(document, "RETREAT")
    assert [m.trigger.text for m in release.mentions] == ["released", "release"]
    assert of_type(document, "AGREE")


def test_negated_and_asserted_stay_two_events():
    document = extract(
        "Police arrested 20 protesters in Lagos on Monday. Police did not arrest the organisers."
    )
    arrests = [e for e in of_type(document, "COERCE") if e.mode == "arrest"]
    assert [e.negated for e in arrests] == [False, True]


def test_a_toll_in_the_next_sentence_belongs_to_the_attack():
    document = extract(
        "Gunmen attacked a village in Zamfara state on Tuesday. Five farmers were killed."
    )
    [attack] = of_type(document, "ASSAULT")
    assert len(attack.mentions) == 2
    assert attack.fatalities == 5
    assert attack.mentions[0].fatalities is None
    assert attack.mentions[1].fatalities == 5


def test_place_and_date_from_another_mention_are_coreferent():
    document = extract(
        "Two Russian drones hit an apartment block. Ukraine's air force said the strike "
        "happened in Sumy on Monday."
    )
    [strike] = of_type(document, "ASSAULT")
    assert strike.place_basis == "coreferent"
    assert "Sumy" in (place_name(document, strike) or "")
    assert strike.when is not None
    assert (strike.when.date, strike.when.basis) == ("2025-03-10", "coreferent")
    assert strike.when.text == "Monday"
    assert strike.mentions[0].when is None


def test_nationality_is_not_the_place_and_the_town_is():
    document = extract(
        "U.S. forces attacked Islamic State fighters in Raqqa on Monday. A Moscow-based analyst "
        "said Iraqi officials had reported an attack near the town of Hajin, east of Deir "
        "el-Zour, on Tuesday."
    )
    placed = {place_name(document, e) for e in document.events if e.place}
    assert "United States" not in placed
    assert "Iraq" not in placed
    first, second = of_type(document, "ASSAULT")
    assert "Raqqa" in (place_name(document, first) or "")
    assert place_name(document, second) == "Hajīn"


@pytest.mark.parametrize(
    "text",
    [
        "Rebels shelled the town. Later, U.S. military officials condemned the shelling.",
        "Iraqi officials said rebels shelled the town.",
    ],
)
def test_every_filled_value_says_where_it_came_from(text):
    for event in extract(text).events:
        assert (event.source_basis is None) == (not event.source)
        assert (event.target_basis is None) == (not event.target)
        assert (event.place_basis is None) == (event.place is None)
        assert event.mentions
        assert event.mentions[0].trigger == event.trigger


def test_a_place_earlier_in_the_paragraph_is_inherited_and_the_dateline_is_the_article_s():
    document = extract(
        "Mogadishu - Police arrested 40 people on Wednesday. The president praised the army.\n\n"
        "Fighting broke out in Baidoa on Thursday. Gunmen burned a market there on Friday.\n\n"
        "The United Nations urged calm."
    )
    events = {e.trigger.text: e for e in document.events}
    # the dateline is where the story was filed: the article's place, even in its own sentence
    assert (place_name(document, events["arrested"]), events["arrested"].place_basis) == (
        "Mogadishu",
        "article",
    )
    burned = events["burned"]
    assert (place_name(document, burned), burned.place_basis) == ("Baidoa", "inherited")
    urged = events["urged"]
    assert (place_name(document, urged), urged.place_basis) == ("Mogadishu", "article")


def test_seed_coalition_strike_is_one_event_in_syria(seed_text):
    document = eventwire.extract(seed_text)  # published "August 31, 2017", read from the text
    coalition, isis = actor(document, "US-led coalition"), actor(document, "Isis")
    strikes = [
        e
        for e in of_type(document, "ASSAULT")
        if coalition in e.source or any(coalition in m.source for m in e.mentions)
    ]
    assert len(strikes) == 1, [(e.trigger.text, len(e.mentions)) for e in strikes]
    [strike] = strikes
    assert (strike.mode, strike.source, strike.target) == ("aerial", [coalition], [isis])
    assert strike.when is not None
    assert strike.when.date == "2017-08-30"
    triggers = [m.trigger.text for m in strike.mentions]
    assert triggers[:2] == ["bombed", "airstrikes"]
    assert len(triggers) >= 2
    places = {p.id: p for p in document.places}
    assert strike.place is not None
    assert places[strike.place].country == "SYR"
    assert not [e for e in document.events if e.place and places[e.place].country == "USA"]


def test_a_demonstration_that_turned_violent_is_one_protest():
    document = extract(
        "Students demonstrated in Nairobi on Monday against fee rises. The protesters blocked a "
        "highway and burned tyres."
    )
    [protest] = of_type(document, "PROTEST")
    assert len(protest.mentions) == 3
    assert {m.mode for m in protest.mentions} >= {"demo"}


def test_an_attack_named_by_its_month_is_another_event():
    document = extract(
        "Gunmen attacked a church in Kaduna on Sunday. Police said the attack was similar to the "
        "March attack on a mosque."
    )
    church, mosque = of_type(document, "ASSAULT")
    assert [m.trigger.text for m in church.mentions] == ["attacked", "attack"]
    assert church.when is not None
    assert church.when.date == "2025-03-09"
    assert [m.trigger.text for m in mosque.mentions] == ["attack"]


def test_a_stabbing_elsewhere_is_not_the_shooting():
    document = extract(
        "Police opened fire on protesters in Dhaka on Monday. A rickshaw driver was stabbed by "
        "unknown men in Chittagong."
    )
    assert [len(e.mentions) for e in of_type(document, "ASSAULT")] == [1, 1]


def test_wounded_and_a_blocked_road_in_the_next_sentences_tell_more_of_the_one_event():
    document = extract(
        "Gunmen attacked a village in Kaduna state on Tuesday. Two policemen were wounded. "
        "Ten houses were also burned.\n\n"
        "Traders protested in Kano against new taxes on Monday. The road to the market was "
        "blocked with burning tyres."
    )
    [clash] = of_type(document, "ASSAULT")
    assert [m.trigger.text for m in clash.mentions] == ["attacked", "wounded", "burned"]
    [protest] = of_type(document, "PROTEST")
    assert len(protest.mentions) == 2


def test_a_separate_attack_in_the_next_sentence_is_another_event():
    document = extract(
        "Gunmen attacked a village in Zamfara on Tuesday. In a separate attack, two farmers were "
        "wounded. Elsewhere, a bomb exploded at a bus station."
    )
    # the separate attack is told by two words of its own sentence
    assert [[m.trigger.text for m in e.mentions] for e in of_type(document, "ASSAULT")] == [
        ["attacked"],
        ["attack", "wounded"],
        ["exploded"],
    ]


def test_the_dead_of_a_riot_are_its_toll_not_another_event():
    document = extract(
        "Rioters torched a police station in Kisumu on Friday. Two people were killed and five "
        "injured.\n\nThe governor condemned the violence."
    )
    [riot] = of_type(document, "PROTEST")
    # "Rioters" names the riot, as "Protesters" a protest; the torching is the same riot
    assert [m.trigger.text for m in riot.mentions] == ["Rioters", "torched", "killed", "injured"]
    assert riot.mode == "riot"
    assert riot.fatalities == 2
    assert not [e for e in of_type(document, "ASSAULT") if e.fatalities]


def test_an_exchange_that_names_no_party_is_talk_about_one_not_an_event():
    document = extract(
        "The only way out of the crisis is dialogue, the editorial argued. The Harbor Authority "
        "agreed to share shipping data with the port of Lagos. Three people were killed."
    )
    triggers = [e.trigger.text for e in document.events]
    assert "dialogue" not in triggers
    assert "agreed" in triggers  # a doer is named, though no actor is known for it
    assert "killed" in triggers  # an act of force is one unnamed


def test_it_stands_for_a_body_only_where_it_was_the_last_subject():
    document = extract(
        "The Kenyan government met shipping firms on Monday. It agreed to cut port fees.\n\n"
        "The Kenyan navy seized a tanker after it fled Mombasa on Monday."
    )
    events = {e.trigger.text: e for e in document.events}
    assert events["agreed"].source_basis == "inherited"
    assert events["agreed"].source == events["met"].source
    assert events["fled"].source == []  # the tanker, not the navy


def test_the_group_and_they_stand_for_the_actor_named_as_subject_just_before():
    document = extract(
        "Boko Haram fighters stormed a village in Borno state on Monday. The outfit "
        "also burned a school near Maiduguri on Tuesday.\n\n"
        "Kenya's health authorities refused to comment. They have until Friday to appeal the "
        "court's order."
    )
    events = {e.trigger.text: e for e in document.events}
    burned, appeal = events["burned"], events["appeal"]
    assert (burned.source, burned.source_basis) == ([actor(document, "Boko Haram")], "inherited")
    assert appeal.source_basis == "inherited"
    assert appeal.source == [actor(document, "Kenya's health authorities")]


def test_their_and_the_agency_stand_for_the_actor_named_as_subject_just_before():
    document = extract(
        "The Kenyan government rejected the offer on Monday. Their talks with the rebels "
        "ended in Nairobi.\n\n"
        "UNICEF warned of famine in Sudan. The agency plans to provide food to two million "
        "children."
    )
    events = {e.trigger.text: e for e in document.events}
    talks, provide = events["talks"], events["provide"]
    assert (talks.source, talks.source_basis) == (events["rejected"].source, "inherited")
    assert (provide.source, provide.source_basis) == ([actor(document, "UNICEF")], "inherited")


def test_a_pronoun_in_a_quote_is_not_taken_for_the_last_named_actor():
    document = extract(
        "Kenya's health authorities refused to comment. \"They have until Friday to appeal the "
        'order." It has until Monday to appeal the fine.'
    )
    assert all(e.source_basis != "inherited" for e in document.events)


def test_a_day_in_another_event_s_clause_does_not_date_this_one_unless_it_opens_the_sentence():
    document = extract(
        "The journalist thanked his supporters on Thursday after police freed him from prison.\n\n"
        "On 4 March, gunmen attacked a bus and killed two passengers as police fired on them."
    )
    dated = {
        m.trigger.text: m.when.date if m.when else None for e in document.events for m in e.mentions
    }
    assert dated["thanked"] == "2025-03-13"
    assert dated["freed"] is None  # Thursday is when he thanked them
    assert dated["attacked"] == dated["killed"] == dated["fired"] == "2025-03-04"


def test_a_killing_a_protest_is_about_is_not_its_toll():
    document = extract(
        "Residents of Kisumu protested on Monday after a police officer shot dead a driver."
    )
    [protest] = of_type(document, "PROTEST")
    assert len(protest.mentions) == 1
    assert protest.fatalities is None


def test_a_time_hung_on_a_participle_describing_the_object_dates_the_main_verb():
    text = "Soldiers detained 12 men accused of ties to the rebels on Tuesday, a spokesman said."
    document = eventwire.extract(text, published="2025-05-16")
    detained = next(e for e in document.events if e.trigger.text == "detained")
    assert detained.when is not None
    assert (detained.when.date, detained.when.basis) == ("2025-05-13", "stated")


def test_a_place_named_after_the_trigger_in_its_sentence_places_an_event_that_names_none():
    document = extract(
        "Scores were injured after supporters of the governor and those of the senator fought "
        "in Kitale town."
    )
    [injured] = [e for e in document.events if e.trigger.text == "injured"]
    assert place_name(document, injured) == "Kitale"
    assert injured.place_basis == "inherited"


def test_the_place_of_a_when_clause_is_where_the_act_was():
    document = extract("Two soldiers were killed when their vehicle hit a landmine near Kidal.")
    [killed] = [e for e in document.events if e.trigger.text == "killed"]
    assert place_name(document, killed) == "Kidal"  # spaCy calls "Kidal" a people
    assert killed.place_basis == "stated"


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("RSF forces took control of Wad Madani on Monday.", "Wad Medani"),
        ("JNIM militants seized control of the town of Menaka.", "Ménaka"),
        # the parser makes the bracket the object of "of": the name it qualifies is the place
        ("Wagner fighters took control of Bakhmut (Donetsk) after months of clashes.", "Bakhmut"),
    ],
)
def test_a_town_taken_control_of_is_where_it_was_taken(text, town):
    document = extract(text)
    [seized] = of_type(document, "COERCE")
    assert place_name(document, seized) == town


def test_a_state_named_with_and_is_one_place_not_a_city_of_its_first_word():
    # "Jammu and Kashmir" is the state, not Jammu city (150 km from the district) and Kashmir
    document = extract(
        "Militants attacked a police post in Kulgam district (Jammu and Kashmir), killing two "
        "policemen."
    )
    [attack] = of_type(document, "ASSAULT")
    assert place_name(document, attack) == "Kulgam"


def test_a_town_that_names_a_road_is_not_where_the_act_was():
    document = extract("Gunmen shot a driver on Thika Road in Nairobi.")
    [shooting] = of_type(document, "ASSAULT")
    assert place_name(document, shooting) == "Nairobi"


def test_an_event_is_at_the_place_the_text_puts_inside_its_place():
    document = extract("Residents of Kinangop in Nyandarua County held a demonstration.")
    [protest] = of_type(document, "PROTEST")
    assert place_name(document, protest) == "Kinangop"


def test_an_event_placed_at_a_country_is_at_the_town_its_sentence_names_there():
    document = extract(
        "After the riots in western Kenya, shopkeepers in Kisumu counted their losses."
    )
    [riots] = of_type(document, "PROTEST")
    assert place_name(document, riots) == "Kisumu"


def test_a_headline_and_a_lede_that_name_the_day_are_the_day_s_event():
    document = extract(
        "Death toll in Pakistan's train hijacking rises to 31\n\n"
        "Officials said 31 people were killed in Tuesday's train hijacking by militants. "
        "Troops freed 300 passengers on Wednesday. Gunmen attacked a bus in Quetta on "
        "Thursday. Officials said Tuesday's attack was planned abroad. Police said Thursday's "
        "attack was carried out by two men."
    )
    train, bus = of_type(document, "ASSAULT")
    # The headline's undated hijacking is the one the text dates to Tuesday, in its week.
    assert [m.trigger.text for m in train.mentions] == [
        "hijacking",
        "killed",
        "hijacking",
        "attack",
    ]
    assert train.when is not None
    assert (train.when.date, train.when.basis) == ("2025-03-11", "coreferent")
    assert [m.trigger.text for m in bus.mentions] == ["attacked", "attack"]
    assert bus.when is not None
    assert bus.when.date == "2025-03-13"


def test_an_attack_named_by_its_day_is_the_attack_stated_on_that_day():
    document = extract(
        "Militants attacked a passenger train in Balochistan on Tuesday, killing 26 people. "
        "Officials said Tuesday's attack was the deadliest this year. Police said the attack "
        "was similar to the March attack on a mosque."
    )
    train, mosque = of_type(document, "ASSAULT")
    assert [m.trigger.text for m in train.mentions] == ["attacked", "killing", "attack", "attack"]
    assert [m.trigger.text for m in mosque.mentions] == ["attack"]


def test_a_quoted_restatement_of_what_a_strike_hit_is_that_strike():
    # "yesterday" dates the telling, not what the quote tells
    document = extract(
        "The strike, carried out by US Africa Command on Tuesday, hit a vehicle travelling "
        'between Jilib and Saakow, officials said.\n\n"Our forces destroyed a vehicle carrying '
        'senior commanders", the information minister told reporters yesterday.'
    )
    [strike] = of_type(document, "ASSAULT")
    assert [m.trigger.text for m in strike.mentions] == ["hit", "destroyed"]


def test_they_after_hundreds_of_protesters_are_the_protesters():
    document = extract(
        "Hundreds of students protested in Nairobi on Monday over fees. They demanded the "
        "resignation of the minister."
    )
    [demand] = of_type(document, "REQUEST")
    assert demand.source == [actor(document, "students")]
    assert demand.source_basis == "inherited"


def test_people_of_two_paragraphs_are_two_groups_unless_the_text_points_back():
    text = (
        "Police in Mogadishu arrested 40 people on Wednesday.\n\n"
        "Hundreds of people protested in Beledweyne last week. Police dispersed the people."
    )
    document = extract(text)
    [arrest] = of_type(document, "COERCE")
    [protest] = of_type(document, "PROTEST")
    assert arrest.target
    assert protest.source
    assert set(arrest.target).isdisjoint(protest.source)
    [pointed_back] = [
        a.id for a in document.actors for m in a.mentions if m.start == text.rindex("people")
    ]
    assert protest.source == [pointed_back]


def test_a_speaker_at_a_news_conference_held_it():
    document = extract(
        "Frantz Exantus, Haiti's secretary of state for communication, told reporters during "
        "an afternoon press conference on Monday."
    )
    [conference] = of_type(document, "CONSULT")
    assert conference.source == [actor(document, "Frantz Exantus")]


def test_the_militant_group_points_back_as_the_group_does_and_the_other_group_not():
    text = (
        "Al-Shabaab fighters attacked a base on Monday. The insurgent group denied killing "
        "civilians. The other group said it was not involved."
    )
    document = extract(text)
    shabaab = actor(document, "Al-Shabaab")
    starts = {m.start for a in document.actors if a.id == shabaab for m in a.mentions}
    assert text.index("group") in starts
    assert text.rindex("group") not in starts


def test_a_counted_demonym_is_the_people_not_the_state():
    document = extract(
        "Tens of thousands of Sudanese began protesting late last year. They demanded reforms."
    )
    [protest] = of_type(document, "PROTEST")
    [demand] = of_type(document, "REQUEST")
    [people] = [a for a in document.actors if a.id in protest.source]
    assert (people.kind, people.country, people.sector) == ("group", "SDN", "CVL")
    assert demand.source == protest.source


def test_who_tells_or_addresses_a_conference_attends_it():
    document = extract("President Ruto addressed the summit on Monday.")
    [summit] = of_type(document, "CONSULT")
    assert summit.source == [actor(document, "Ruto")]


def test_a_story_told_in_one_countrys_places_is_placed_in_that_country():
    document = extract(
        "Militants attacked a train in Sibi in Pakistan on Tuesday.\n\n"
        "Troops freed 200 passengers in Quetta.\n\n"
        "The group has demanded the release of prisoners."
    )
    [demand] = of_type(document, "REQUEST")
    assert (place_name(document, demand), demand.place_basis) == ("Pakistan", "article")


def test_a_place_named_once_is_its_own_sentences_not_the_storys():
    document = extract("Police arrested a man in Sibi.\n\nProtesters demanded his release.")
    [protest] = of_type(document, "PROTEST")
    assert protest.place is None


def test_herders_or_farmers_attacking_is_communal_violence_not_a_riot():
    # ACLED codes pastoralists' and farmers' attacks as violence by communal militias
    document = extract("Herders attacked farmers in Benue state on Monday, killing five.")
    assert of_type(document, "ASSAULT")
    assert not of_type(document, "PROTEST")


def test_an_attack_whose_perpetrators_are_not_known_is_theirs():
    document = extract(
        "Three people were attacked and killed in Garissa on Monday. Perpetrators not known."
    )
    [attack] = of_type(document, "ASSAULT")
    assert attack.source == [actor(document, "Perpetrators")]
    assert attack.source_basis == "inherited"


def test_a_state_of_mind_is_no_event_the_model_adds():
    # "perceive", "think", "want": the type model read these as acts between sides
    document = extract('"China does not perceive Russia as a reliable partner," he said.')
    assert document.events == []


def test_two_sides_named_before_one_noun_both_fight():
    # the parser hangs "Al Shabaab" on "forces" as a modifier, "Kenyan" joined to it
    document = extract("04 June: Al Shabaab and Kenyan police forces clashed in Fino.")
    [clash] = of_type(document, "ASSAULT")
    names = {a.id: a.name for a in document.actors}
    assert {names[s] for s in clash.source} == {"al-Shabaab", "Kenya Police Service"}


def test_a_few_men_attacking_is_an_attack_and_a_crowd_a_riot():
    assert of_type(extract("Three men attacked the chief in Garissa on Monday."), "ASSAULT")
    riot = of_type(extract("Residents attacked the police station in Garissa."), "PROTEST")
    assert [e.mode for e in riot] == ["riot"]


def test_damage_an_attack_leaves_is_the_attacks_harm():
    document = extract(
        "Gunmen shot at the mayor's car in Garissa, leaving him injured and the vehicle damaged."
    )
    assert [e.type for e in document.events] == ["ASSAULT"]
    assert [e.type for e in extract("Protesters damaged shops in Garissa.").events] == ["PROTEST"]


def test_officials_protesting_their_pay_protest_and_a_ministry_complains():
    # officials protesting their own pay are in the street, not lodging a complaint
    pay = extract("Census officials protested in Kakamega over the delay in their payment.")
    assert [e.type for e in pay.events] == ["PROTEST"]
    visit = extract("The foreign ministry protested the visit on Monday.")
    assert [e.type for e in visit.events] == ["ACCUSE"]


def test_whoever_calls_an_attack_a_crime_did_not_attack():
    document = extract("Amnesty International called the killings in Garissa a war crime.")
    [killings] = of_type(document, "ASSAULT")
    assert killings.source == []
    [condemned] = of_type(document, "ACCUSE")
    assert condemned.source == [actor(document, "Amnesty International")]


def test_the_accused_did_what_they_are_accused_of():
    document = extract("Sudan's army accused the RSF of killing dozens of civilians in El Fasher.")
    [killing] = of_type(document, "ASSAULT")
    assert killing.source == [actor(document, "RSF")]


def test_an_act_someone_is_accused_of_is_not_more_of_an_earlier_attack():
    document = extract(
        "Al-Shabaab fighters attacked a military base on Monday, killing 12 soldiers.\n\n"
        "The president praised the army. He accused Shabaab of using schools as shields."
    )
    attacks = of_type(document, "ASSAULT")
    assert [e.trigger.text for e in attacks] == ["attacked", "using schools as shields"]
    assert attacks[1].source == attacks[0].source


@pytest.mark.parametrize(
    ("text", "envoy"),
    [
        ("Mali expelled the French ambassador on Monday.", "French ambassador"),
        ("Russia expelled two British diplomats.", "British diplomats"),
    ],
)
def test_an_envoy_expelled_names_the_state_acted_against(text, envoy):
    # the envoy is a word of the trigger ("expel ambassador"), and still the target
    document = extract(text)
    [expulsion] = of_type(document, "SANCTION")
    assert expulsion.target == [actor(document, envoy)]


def test_a_named_armed_group_and_the_militants_of_its_country_tell_one_event():
    text = (
        "Five soldiers were killed in a battle with militants near Sibi on Tuesday. Officials"
        " said the toll could rise. Fighters from the Baloch Liberation Army had taken over a"
        " train near Sibi."
    )
    document = extract(text)
    (event,) = of_type(document, "ASSAULT")
    bla = actor(document, "Fighters")
    assert [a.name for a in document.actors if a.id == bla] == ["Balochistan Liberation Army"]
    taken = next(m for m in event.mentions if m.trigger.text == "taken over")
    assert taken.source == [bla]


def test_a_region_of_no_one_country_is_no_storys_own_place():
    text = (
        "India and Mauritius upgraded their ties on Wednesday, a move aimed at influence in the"
        " Indian Ocean. Modi met Ramgoolam. China has a growing navy presence in the Indian Ocean."
    )
    document = extract(text)
    assert document.events
    ocean = next(p.id for p in document.places if p.name == "Indian Ocean")
    assert all(e.place != ocean or e.place_basis != "article" for e in document.events)


def test_a_named_person_killed_is_one_event_however_far_apart_the_reports():
    text = (
        "Iraqi special forces said Ahmed Saleh was killed Thursday in an airstrike in Anbar."
        " Trump confirmed the news on his platform. Officials praised the troops. The army"
        " thanked its partners. A spokesman said the operation took two years. Central Command"
        " said Ahmed Saleh was killed in a precision airstrike Thursday."
    )
    document = extract(text)
    killings = [e for e in of_type(document, "ASSAULT") if e.fatalities]
    assert len(killings) == 1
    assert len(killings[0].mentions) >= 2


def test_where_an_actor_works_as_a_rule_is_not_where_its_event_happened():
    text = (
        "U.S. Central Command, which oversees military operations in the Middle East, said the"
        " commander was killed in a precision airstrike on Thursday."
    )
    document = extract(text)
    region = next(p.id for p in document.places if p.name == "Middle East")
    (strike,) = of_type(document, "ASSAULT")
    assert strike.place != region
    # the place of a past act that a clause tells of is still where it was
    text = "The militants, who were hiding in Garissa, attacked a police post."
    (attack,) = of_type(extract(text), "ASSAULT")
    assert attack.place is not None


def test_a_story_about_one_countrys_actors_is_placed_in_that_country():
    text = (
        "A Kenyan court on Friday lifted orders blocking the swearing-in of the deputy president"
        " nominee. Kenyan lawmakers had impeached the deputy president last month. The Kenyan"
        " judges said the petition had no merit, and Kenyan police arrested two protesters."
    )
    document = extract(text)
    assert document.events
    for event in document.events:
        assert (place_name(document, event), event.place_basis) == ("Kenya", "article")
    # a story between two countries' actors is placed nowhere it does not say
    text = (
        "Chinese and Philippine officials met on Monday. The Chinese envoy accused Philippine"
        " vessels of ramming Chinese boats, and Philippine officials rejected the claim."
    )
    document = extract(text)
    assert document.events
    assert all(e.place is None for e in document.events)


def test_a_series_of_attacks_and_one_attack_of_it_stay_two_events():
    document = extract(
        "Since the beginning of the year, the BLA has ramped up attacks on security forces. "
        "Last month, BLA insurgents ambushed a bus in Kalat and killed 18 of those on board."
    )
    assaults = [e for e in document.events if e.type == "ASSAULT"]
    assert [e.trigger.text for e in assaults] == ["attacks", "ambushed"]
    assert len(assaults[1].mentions) == 2  # the ambush and its killing are one


def test_an_attack_days_later_on_the_same_kind_of_victims_is_another_event():
    document = extract(
        "Earlier this month, a bomber attacked a convoy in Kalat, killing a security worker. "
        "Last month, insurgents ambushed a bus in Kalat. "
        "Days later, a roadside bomb killed 11 coal workers in the city."
    )
    killings = [e for e in of_type(document, "ASSAULT") if "killed" in e.trigger.text]
    assert len(killings) == 1
    assert len(killings[0].mentions) == 1


def test_the_two_presidents_are_the_two_people_just_named():
    document = extract(
        "Earlier this month, Trump hosted Erdogan in the White House. "
        "The two presidents are closely cooperating in Syria."
    )
    (event,) = of_type(document, "COOPERATE")
    assert set(event.source) == {actor(document, "Trump"), actor(document, "Erdogan")}


def test_a_storm_is_no_one_and_slamming_into_a_coast_no_criticism():
    document = extract(
        "Tropical Cyclone Jude slammed into parts of southern Africa this week. "
        "The opposition slammed the government over the deaths."
    )
    assert not [a for a in document.actors if a.name == "Jude"]
    assert [e.trigger.text for e in of_type(document, "ACCUSE")] == ["slammed"]
    assert of_type(document, "ACCUSE")[0].trigger.start > document.article.text.index("week")


def test_one_who_stands_accused_is_the_accused():
    document = extract("Jimmy Lai stands accused of collusion with foreign forces.")
    (event,) = of_type(document, "ACCUSE")
    assert event.source == []
    assert event.target == [actor(document, "Jimmy Lai")]


def test_a_thing_compromised_is_no_concession():
    document = extract("The security infrastructure in Mali has been compromised.")
    assert of_type(document, "CONCEDE") == []


@pytest.mark.parametrize(
    "text",
    [
        "ECOWAS has stated it will maintain trade and security relations with the trio.",
        '"Our students in particular said they want to see themselves represented," she said.',
        "The first large group of Chinese immigrants arrived in Houston in the 1940s.",
        "Cairo has so far refrained from commenting on Ankara's overtures.",
    ],
)
def test_a_verb_too_general_to_name_an_act_gets_no_event_from_the_model(text):
    assert extract(text).events == []


def test_an_act_told_in_an_after_clause_is_another_event_and_the_attack_the_news():
    document = extract(
        "KHARTOUM, Sudan — Paramilitary fighters attacked a camp in North Darfur on Sunday, "
        "killing 40 people. The attack came two days after the army said it had repelled an "
        "RSF offensive on El Fasher. The United Nations condemned the assault."
    )
    attacks = of_type(document, "ASSAULT")
    assert len(attacks) == 2
    camp, offensive = attacks
    assert [m.trigger.text for m in offensive.mentions] == ["offensive"]
    assert {"attacked", "attack", "assault"} <= {m.trigger.text for m in camp.mentions}
    # the dateline is no subject of the lede's verb
    assert actor(document, "Paramilitary fighters") in camp.source


def test_the_strikes_point_back_to_the_strikes_not_to_the_last_attack():
    document = extract(
        "Israeli jets struck Gaza on Monday. Hamas fighters attacked an army post in Sderot. "
        "The strikes killed 20 people."
    )
    mentions = {e.trigger.text: [m.trigger.text for m in e.mentions] for e in document.events}
    assert mentions == {"struck": ["struck", "killed"], "attacked": ["attacked"]}


def test_a_town_named_in_a_countrys_province_is_where_the_event_was():
    # the province after a country's possessive only says where the town is
    for text, town in [
        ("Traders in Hyderabad in Pakistan's Sindh province observed a strike.", "Hyderabad"),
        (
            "Protesters set fire to the council building in Nasiriyah, in southern Iraq's "
            "Dhi Qar province.",
            "Nasiriyah",
        ),
        ("Gunmen attacked Lokori in Turkana South on Monday.", "Lokori"),
    ]:
        document = extract(text)
        assert [place_name(document, e) for e in document.events] == [town], text


def test_what_a_protest_is_against_named_bare_is_its_cause_not_an_act():
    document = extract("Hundreds of women in Bukavu marched against sexual violence.")
    assert [e.type for e in document.events] == ["PROTEST"]
    # a killing named as one is recorded
    document = extract("Students protested over the killing of a classmate by police.")
    assert sorted(e.type for e in document.events) == ["ASSAULT", "PROTEST"]


def test_a_dateline_is_the_articles_place_not_the_place_of_an_event_placed_elsewhere():
    document = extract(
        "DAMASCUS — Unidentified gunmen assassinated a local militia commander in the southern "
        "province of Daraa on Friday, a war monitor said.\n\nThe attackers opened fire on his "
        "car as he drove through the town of Jasim."
    )
    [killing] = of_type(document, "ASSAULT")
    assert place_name(document, killing) != "Damascus"
    # nor is the dateline's city a side
    assert not any(m.text == "DAMASCUS" for a in document.actors for m in a.mentions)
    document = extract(
        "MOGADISHU, Somalia — Al-Shabab militants attacked a military base in the Lower "
        "Shabelle region early Monday, officials said."
    )
    [attack] = of_type(document, "ASSAULT")
    names = {a.id: a.name for a in document.actors}
    assert [names[i] for i in attack.source] == ["al-Shabaab"]
    assert place_name(document, attack) == "Lower Shabelle"


def test_a_country_gives_way_to_the_town_another_mention_names():
    document = extract(
        "A gunman opened fire at a bus stop in central Israel on Thursday, killing two "
        "people.\n\nThe attack took place in the city of Raanana, police said."
    )
    [attack] = of_type(document, "ASSAULT")
    assert len(attack.mentions) >= 2
    assert place_name(document, attack) == "Ra'anana"
    assert attack.place_basis == "coreferent"


@pytest.mark.parametrize(
    ("text", "answer", "doer"),
    [
        (
            "Gunmen from the Islamic State attacked a church in Kano on Sunday. The Nigerian "
            "government condemned the attack.",
            "ACCUSE",
            "Islamic State",
        ),
        (
            "The European Union imposed new sanctions on Iran on Monday. Tehran rejected the "
            "move as illegal.",
            "REJECT",
            "European Union",
        ),
        (
            "Russia accused Ukraine of shelling a hospital in Donetsk. Kyiv denied the accusation.",
            "REJECT",
            "Russia",
        ),
        (
            "North Korea fired a ballistic missile into the sea on Sunday. South Korea's "
            "military condemned the launch as a provocation.",
            "ACCUSE",
            "North Korea",
        ),
    ],
)
def test_an_answer_to_an_act_is_aimed_at_whoever_did_it(text, answer, doer):
    document = extract(text)
    names = {a.id: a.name for a in document.actors}
    [event] = of_type(document, answer)
    assert [names[i] for i in event.target] == [doer]
    assert event.target_basis == "inherited"


def test_an_answer_to_ones_own_side_takes_no_target_from_it():
    document = extract("Ukraine shelled a hospital in Donetsk. Kyiv denied the attack.")
    [denial] = of_type(document, "REJECT")
    names = {a.id: a.name for a in document.actors}
    assert not {names[i] for i in denial.target} & {"Ukraine", "Ukrainian government"}


def test_the_day_an_attack_was_reported_does_not_part_it_from_the_day_it_happened():
    document = extract(
        "Gunmen killed at least 30 civilians in an attack on two villages in central Mali, "
        "local officials said on Thursday. The assailants arrived on motorcycles on Wednesday "
        "evening and opened fire on residents, a local youth leader said."
    )
    [attack] = of_type(document, "ASSAULT")
    assert len(attack.mentions) >= 3
    assert attack.when is not None
    assert (attack.when.date, attack.when.basis) == ("2025-03-12", "coreferent")
    # two attacks each on its own day stay two
    document = extract(
        "Gunmen killed ten villagers in Mopti on Friday. On Saturday, gunmen attacked a market in "
        "Gao, killing four."
    )
    assert len(of_type(document, "ASSAULT")) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Central Mali has been plagued by violence between armed groups for years.",
        "The Islamic State affiliate has carried out similar attacks in the past.",
    ],
)
def test_acts_summed_over_years_are_no_event(text):
    assert extract(text).events == []
    [killing] = extract("The militants have killed 20 people since Monday.").events
    assert killing.type == "ASSAULT"


def test_a_bomber_who_rammed_the_convoy_attacked_is_that_attack():
    document = extract(
        "Militants attacked a convoy carrying Chinese engineers in northwest Pakistan on "
        "Tuesday, killing five people, police said. A suicide bomber rammed his explosive-laden "
        "vehicle into the convoy in the Shangla district, a police chief said."
    )
    [attack] = of_type(document, "ASSAULT")
    assert "suicide bomber" in [m.trigger.text for m in attack.mentions]
    assert attack.mode == "suicide-attack"


@pytest.mark.parametrize(
    "text",
    ["Shoukry and Fidan discussed the war in Gaza.", "The UN condemned the attack in Kabul."],
)
def test_what_words_are_about_is_not_where_they_were_said(text):
    document = extract(text)
    [said] = [e for e in document.events if e.type in ("CONSULT", "ACCUSE")]
    assert said.place is None
    [arrest] = extract("Police arrested five men in Kisumu.").events
    assert place_name(extract("Police arrested five men in Kisumu."), arrest) == "Kisumu"


def test_violence_as_a_state_of_affairs_is_no_event():
    document = extract("The policy is driving a surge in violence. Police arrested ten men.")
    assert [e.type for e in document.events] == ["COERCE"]
    [violence] = extract("Violence erupted in Kisumu on Monday.").events
    assert violence.type == "ASSAULT"


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Police in Karachi's Lyari area clashed with gang members.", "Karachi"),
        ("Gunmen crossed into Maradi and killed eight villagers.", "Maradi"),
    ],
)
def test_a_town_owning_a_quarter_or_crossed_into_is_where(text, town):
    [event] = extract(text).events
    assert town in (place_name(extract(text), event) or "")


def test_sides_that_clashed_are_one_fight_with_its_dead():
    document = extract(
        "Armed farmers and Fulani herders clashed in the village of Tokoro on Monday. Several "
        "farmers were killed and wounded in the clashes."
    )
    [fight] = of_type(document, "ASSAULT")
    assert [m.trigger.text for m in fight.mentions][:2] == ["clashed", "killed"]
