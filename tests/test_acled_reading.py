"""ACLED's sub-event types read from an event's type, mode, notes and actors."""

from __future__ import annotations

import pytest

from eventwire.extraction.acled_reading import acled_reading
from eventwire.extraction.codebook import Codebook
from eventwire.records import Actor, StoryActor

CODEBOOK = Codebook.load()


def actor(name: str, sector: str, kind: str) -> Actor:
    return Actor(id=name, name=name, kind=kind, sector=sector, mentions=[])


ARMY = actor("the army", "MIL", "military")
REBELS = actor("the rebels", "REB", "armed_group")
VILLAGERS = actor("villagers", "CVL", "group")


@pytest.mark.parametrize(
    ("type_", "mode", "notes", "sources", "targets", "expected"),
    [
        # Two armed sides: a clash; civilians attacked: an attack, whatever the weapon.
        (
            "ASSAULT",
            None,
            "Rebels attacked an army outpost near the river at dawn.",
            [REBELS],
            [],
            "Armed clash",
        ),
        (
            "ASSAULT",
            None,
            "Soldiers and rebels fought for hours outside the town.",
            [],
            [],
            "Armed clash",
        ),
        (
            "ASSAULT",
            None,
            "Rebels killed four soldiers on the road.",
            [REBELS],
            [ARMY],
            "Armed clash",
        ),
        (
            "ASSAULT",
            "firearms",
            "Gunmen opened fire on a wedding party, killing six guests.",
            [REBELS],
            [VILLAGERS],
            "Attack",
        ),
        # A grenade is its own sub-event type; a smoke grenade at a protest is not one.
        (
            "ASSAULT",
            "explosives",
            "A man threw a grenade into a crowded bus station.",
            [],
            [],
            "Grenade",
        ),
        (
            "ASSAULT",
            "explosives",
            "A roadside bomb hit a minibus on the highway.",
            [],
            [],
            "Remote explosive/landmine/IED",
        ),
        # Ground taken: by the state, by a non-state group, or handed over without a fight.
        (
            "COERCE",
            "seize",
            "Government troops recaptured the village from the militants.",
            [ARMY],
            [],
            "Government regains territory",
        ),
        (
            "COERCE",
            "seize",
            "The militia seized two towns in the north on Sunday.",
            [REBELS],
            [],
            "Non-state actor overtakes territory",
        ),
        (
            "RETREAT",
            None,
            "The army withdrew from the border town overnight.",
            [ARMY],
            [],
            "Non-violent transfer of territory",
        ),
        ("RETREAT", None, "The rebels released twelve prisoners.", [REBELS], [ARMY], "Other"),
        # Weapons seized or defused are no use of force.
        (
            "COERCE",
            "seize",
            "Police seized four rifles and 300 rounds of ammunition.",
            [],
            [],
            "Disrupted weapons use",
        ),
        ("COERCE", "seize", "Troops seized the port.", [ARMY], [], "Government regains territory"),
        # the doers the event names outrank the side named nearest the verb
        (
            "ASSAULT",
            "firearms",
            "The army pushed into the enclave, clashing with rebels and capturing a village.",
            [ARMY],
            [REBELS],
            "Government regains territory",
        ),
        (
            "COERCE",
            "seize",
            "Paratroopers captured two rebel camps in the hills.",
            [],
            [],
            "Government regains territory",
        ),
        (
            "MOBILIZE",
            "troops",
            "The army set up a new base near the frontier.",
            [ARMY],
            [],
            "Headquarters or base established",
        ),
        (
            "MOBILIZE",
            "troops",
            "The army deployed two battalions to the frontier.",
            [ARMY],
            [],
            "Change to group/activity",
        ),
        # A protest by what its people and the police did.
        (
            "PROTEST",
            "demo",
            "Hundreds marched through the capital demanding higher pay.",
            [],
            [],
            "Peaceful protest",
        ),
        (
            "PROTEST",
            "demo",
            "Police used tear gas to disperse the marchers.",
            [],
            [],
            "Protest with intervention",
        ),
        (
            "PROTEST",
            "demo",
            "Police opened fire on the march, killing two protesters.",
            [],
            [],
            "Excessive force against protesters",
        ),
        (
            "PROTEST",
            "demo",
            "Protesters threw stones at police and set cars ablaze.",
            [],
            [],
            "Violent demonstration",
        ),
        (
            "ASSAULT",
            None,
            "An angry mob beat a suspected thief to death.",
            [VILLAGERS],
            [],
            "Mob violence",
        ),
        (
            "ASSAULT",
            None,
            "Militants fired shells filled with chlorine at the suburb.",
            [],
            [],
            "Chemical weapon",
        ),
        # Who took the ground is the side named at the verb, whatever the event's source.
        (
            "ASSAULT",
            None,
            "The army shelled the hills before the rebels overran the town.",
            [ARMY],
            [],
            "Non-state actor overtakes territory",
        ),
        (
            "ASSAULT",
            None,
            "Militants launched an attack to capture the town but were repelled.",
            [REBELS],
            [],
            "Armed clash",
        ),
        # Truces, peace talks and prisoner swaps are ACLED agreements; defections a change.
        (
            "RETREAT",
            None,
            "The two sides released forty prisoners in a prisoner swap.",
            [],
            [],
            "Agreement",
        ),
        (
            "CONSULT",
            None,
            "Rebel leaders and the government opened peace talks in Nairobi.",
            [],
            [],
            "Agreement",
        ),
        (
            "RETREAT",
            None,
            "Two hundred soldiers defected to the rebels.",
            [],
            [],
            "Change to group/activity",
        ),
        (
            "ASSAULT",
            "explosives",
            "A suicide bomber blew himself up at the checkpoint.",
            [],
            [],
            "Suicide bomb",
        ),
        # A crowd's violence that the notes call no protest: the act is read, not the source.
        (
            "PROTEST",
            "riot",
            "Villagers were wounded when warplanes bombed the market.",
            [VILLAGERS],
            [],
            "Air/drone strike",
        ),
        (
            "RETREAT",
            "disarm",
            "Forty fighters surrendered to the army on Monday.",
            [],
            [],
            "Agreement",
        ),
        (
            "ASSAULT",
            "firearms",
            "Air defences shot down two drones over the port.",
            [],
            [],
            "Disrupted weapons use",
        ),
        (
            "PROTEST",
            "demo",
            "Marchers burned tyres and set up roadblocks on the highway.",
            [],
            [],
            "Violent demonstration",
        ),
        # A protest about violence is no violent protest, nor one met with force.
        (
            "PROTEST",
            "demo",
            "Women marched against domestic violence and police shootings.",
            [],
            [],
            "Peaceful protest",
        ),
        # Demonstrators who act violently, burn or fight the police: a violent demonstration;
        # police who act violently against them are not.
        (
            "PROTEST",
            "demo",
            "Students protested violently over fees outside the college gates.",
            [],
            [],
            "Violent demonstration",
        ),
        (
            "PROTEST",
            "demo",
            "A march by dock workers descended into violence near the harbour.",
            [],
            [],
            "Violent demonstration",
        ),
        (
            "PROTEST",
            "demo",
            "Traders lit bonfires on the main street to protest the new levy.",
            [],
            [],
            "Violent demonstration",
        ),
        (
            "PROTEST",
            "demo",
            "Police violently dispersed the march, shooting two marchers dead.",
            [],
            [],
            "Excessive force against protesters",
        ),
        (
            "PROTEST",
            "demo",
            "Farmers rallied at the ministry until police intervened and moved them on.",
            [],
            [],
            "Protest with intervention",
        ),
        # Destruction that killed is an attack, not looting or property destruction.
        (
            "ASSAULT",
            "destroy",
            "Raiders burned down the hamlet and killed three herders.",
            [REBELS],
            [VILLAGERS],
            "Attack",
        ),
        (
            "ASSAULT",
            "destroy",
            "Unknown men burned down a warehouse at night.",
            [],
            [],
            "Looting/property destruction",
        ),
        # Armed forces pulling out of a place hand it over; a release of captives does not.
        (
            "RETREAT",
            None,
            "The army withdrew from the border post overnight.",
            [ARMY],
            [],
            "Non-violent transfer of territory",
        ),
        (
            "RETREAT",
            None,
            "The rebels freed twelve hostages on Sunday.",
            [REBELS],
            [],
            "Other",
        ),
    ],
)
def test_the_notes_decide_what_type_and_mode_cannot(type_, mode, notes, sources, targets, expected):
    assert acled_reading(CODEBOOK, type_, mode, notes, sources, targets)[1] == expected


def test_without_cues_the_reading_is_the_codebook_crosswalk():
    for type_, mode in [("ASSAULT", "aerial"), ("COERCE", "arrest"), ("CONSULT", None)]:
        assert acled_reading(CODEBOOK, type_, mode, "It happened.") == CODEBOOK.to_acled(
            type_, mode
        )


def test_a_story_actor_has_a_sector_and_no_kind():
    rebels = StoryActor(name="rebels", sector="REB")
    reading = acled_reading(CODEBOOK, "ASSAULT", None, "They killed two.", [], [rebels])
    assert reading == ("Battles", "Armed clash")


def test_sanctions_are_no_acled_event():
    assert acled_reading(CODEBOOK, "COERCE", "withhold", "The EU imposed sanctions.") == (
        None,
        None,
    )


@pytest.mark.parametrize(
    ("notes", "sub_event"),
    [
        (
            "Police fired tear gas to disperse hundreds of protesters in Nairobi.",
            "Protest with intervention",
        ),
        ("Police shot into the air to disperse protesters in Kisumu.", "Protest with intervention"),
        ("Police shot two protesters dead in Kisumu.", "Excessive force against protesters"),
    ],
)
def test_shots_of_tear_gas_or_into_the_air_are_crowd_control_not_harm(notes, sub_event):
    from eventwire.extraction.acled_reading import _protest

    assert _protest("demo", notes) == ("Protests", sub_event)


@pytest.mark.parametrize(
    ("notes", "sub_event"),
    [
        # "riot police" name the police, not a riot
        (
            "Riot police used water cannon to break up a protest by teachers.",
            "Protest with intervention",
        ),
        ("Riot police stood guard as teachers marched to the ministry.", "Peaceful protest"),
        # fireworks fired at the police are the crowd's violence
        (
            "Supporters fired firecrackers at police during the protest in the square.",
            "Violent demonstration",
        ),
    ],
)
def test_riot_police_are_no_riot(notes, sub_event):
    from eventwire.extraction.acled_reading import _protest

    assert _protest("demo", notes)[1] == sub_event


@pytest.mark.parametrize(
    "notes",
    [
        "The bomb disposal squad safely detonated an improvised explosive device on the highway.",
        "Troops defused an explosive device found on the highway near the bridge.",
        "An IED found by a patrol was removed from the road.",
    ],
)
def test_a_weapon_found_or_made_safe_is_disrupted(notes):
    reading = acled_reading(CODEBOOK, "ASSAULT", "explosives", notes, [], [])
    assert reading == ("Strategic developments", "Disrupted weapons use")


def test_a_ceasefire_signed_is_an_agreement():
    # signing a formal agreement is SUPPORT in PLOVER's CAMEO crosswalk
    notes = "On 7 July, the government and the rebels signed a ceasefire agreement in the capital."
    reading = acled_reading(CODEBOOK, "SUPPORT", None, notes, [ARMY], [REBELS])
    assert reading == ("Strategic developments", "Agreement")


@pytest.mark.parametrize(
    ("notes", "sub_event"),
    [
        (
            "Police used tear gas to break up a non-violent demonstration.",
            "Protest with intervention",
        ),
        ("Police used tear gas to break up a violent demonstration.", "Violent demonstration"),
    ],
)
def test_a_non_violent_demonstration_is_no_violent_one(notes, sub_event):
    from eventwire.extraction.acled_reading import _protest

    assert _protest("demo", notes)[1] == sub_event
