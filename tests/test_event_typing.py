"""Event typing (issue 10, PLOVER): which category a found act gets, each rule on sentences built
for it (none from the PLOVER or Wikinews evaluation sentences)."""

from __future__ import annotations


from polgraph.loaders.lexicon import default_lexicon

from tests.helpers import read_relations


read = read_relations


def types_between(relations, source: str, target: str) -> set[str]:
    return {t for (s, t, o) in relations if s == source and o == target}


# -- intent, condition, purpose -----------------------------------------------------------------
def test_a_concession_a_word_of_intent_governs_is_an_offer(loader):
    relations, _ = read(loader, "Russia said it is willing to withdraw its troops from Georgia.")
    assert types_between(relations, "Russia", "Georgia") >= {"PROPOSES"}
    assert relations[("Russia", "PROPOSES", "Georgia")].plover == "AGREE"
    assert "YIELDS" not in types_between(relations, "Russia", "Georgia")


def test_a_concession_announced_with_will_is_the_concession(loader):
    relations, _ = read(loader, "Russia will withdraw its troops from Georgia.")
    assert relations[("Russia", "YIELDS", "Georgia")].plover == "RETREAT"


def test_a_conditional_act_of_cooperation_is_an_offer_not_a_threat(loader):
    relations, _ = read(loader, "Iran would meet the United States if Washington lifted its sanctions.")
    assert ("Iran", "PROPOSES", "United States") in relations
    assert "THREATENS" not in types_between(relations, "Iran", "United States")


def test_a_conditional_act_of_conflict_stays_a_threat(loader):
    relations, _ = read(loader, "Iran will expel the British ambassador unless London apologizes.")
    assert "THREATENS" in {t for (s, t, _) in relations if s == "Iran"}


def test_a_demand_made_by_a_protest_is_a_protest_against_who_is_asked(loader):
    relations, _ = read(loader, "Kurdish activists began a hunger strike to demand the release of Selahattin Demirtas by Turkey.")
    assert ("Kurdish activists", "PROTESTS", "Turkey") in relations
    assert not any(t == "CALLS_FOR" for (_, t, _) in relations)
    relations, _ = read(loader, "Belarusian workers marched in Minsk to demand the resignation of Alexander Lukashenko.")
    assert any(t == "PROTESTS" and o == "Alexander Lukashenko" for (_, t, o) in relations)
    assert not any(t == "CALLS_FOR" and o == "Alexander Lukashenko" for (_, t, o) in relations)


def test_a_reported_they_is_the_state_its_speakers_adjective_names(loader):
    relations, _ = read(loader, "Iranian leaders said they would boycott any talks with the United States.")
    assert ("Iran", "THREATENS", "United States") in relations


# -- the verb and its object --------------------------------------------------------------------
def test_blocking_a_road_is_a_protest_not_a_coercion(loader):
    relations, _ = read(loader, "Bolivian miners blocked highways around La Paz on Monday.")
    assert any(t == "PROTESTS" for (_, t, _) in relations)
    assert not any(t == "COERCES" for (_, t, _) in relations)


def test_a_lawsuit_is_a_disapproval(loader):
    relations, _ = read(loader, "Mexico sued the United States over the border wall.")
    assert relations[("Mexico", "CRITICIZES", "United States")].plover == "DISAPPROVE"
    relations, _ = read(loader, "Mexico filed a lawsuit against the United States over the border wall.")
    assert ("Mexico", "CRITICIZES", "United States") in relations
    assert "COERCES" not in types_between(relations, "Mexico", "United States")


def test_object_patterns_match_the_lemma_of_a_plural_object():
    lexicon = default_lexicon()
    # The dictionaries spell the object "ties" and "relations"; the parse gives "tie" and "relation".
    assert lexicon.verb_type("establish", "tie") == lexicon.verb_type("establish", "ties")
    assert lexicon.verb_type("establish", "relation") == lexicon.verb_type("establish", "relations")


def test_establishing_diplomatic_relations_is_support(loader):
    relations, _ = read(loader, "Bhutan established diplomatic relations with Slovakia in May.")
    assert any(s == "Bhutan" and t == "SUPPORTS" for (s, t, _) in relations)


def test_lifting_a_blockade_is_a_military_retreat(loader):
    relations, _ = read(loader, "Saudi Arabia lifted its blockade of Qatar on Tuesday.")
    assert relations[("Saudi Arabia", "YIELDS", "Qatar")].plover == "RETREAT"


def test_the_thing_given_not_the_recipient_types_a_double_object_verb(loader):
    relations, _ = read(loader, "Japan gave Vietnam a loan of 200 million dollars for new railways.")
    assert ("Japan", "AIDS", "Vietnam") in relations


# -- armed combat -------------------------------------------------------------------------------
def test_an_invasion_and_opening_fire_are_fighting(loader):
    relations, _ = read(loader, "Turkey mounted an invasion of Cyprus on Saturday.")
    assert relations[("Turkey", "ASSAULTS", "Cyprus")].plover == "FIGHT"
    relations, _ = read(loader, "Indian troops opened fire on Pakistani soldiers near the border.")
    assert relations[("India", "ASSAULTS", "Pakistan")].plover == "FIGHT"


def test_shelling_positions_is_force_not_words(loader):
    relations, _ = read(loader, "Armenian artillery shelled Azerbaijani positions overnight.")
    assert {t for (s, t, _) in relations if s == "Armenia"} == {"ASSAULTS"}


def test_attacking_a_position_in_words_stays_criticism(loader):
    relations, _ = read(loader, "Senator Elizabeth Warren attacked the position of Joe Biden on trade.")
    assert "ASSAULTS" not in {t for (s, t, _) in relations if s == "Elizabeth Warren"}


# -- the source actor's state (event+dyad) ------------------------------------------------------
def test_a_group_named_with_a_demonym_is_of_that_state(loader):
    _, graph = read(loader, "Afghan rebels kidnapped two Russian engineers near Kabul.")
    rebels = next(a for a in graph.actors if a.name == "Afghan rebels")
    assert rebels.country == "afghanistan" and rebels.iso3 == "AFG"


def test_a_group_named_with_a_demonym_the_parser_took_for_a_name_is_of_that_state(loader):
    _, graph = read(loader, "Radical Italian farmers said they would blockade Rome from Monday night.")
    farmers = next(a for a in graph.actors if a.kind == "group" and "farmers" in a.name)
    assert farmers.country == "italy"


def test_people_of_a_state_can_act_against_it(loader):
    relations, graph = read(loader, "Syrian rebels attacked Syrian government forces near Aleppo.")
    assert next(a for a in graph.actors if a.name == "Syrian rebels").country == "syria"
    assert ("Syrian rebels", "ASSAULTS", "Syria") in relations


def test_sending_away_inspectors_or_diplomats_is_a_sanction_and_people_a_coercion(loader):
    relations, _ = read(loader, "Venezuela expelled the diplomats of Panama on Monday.")
    assert ("Venezuela", "SANCTIONS", "Panama") in relations
    relations, _ = read(loader, "The United Nations will withdraw its observers from Ethiopia.")
    assert ("United Nations", "THREATENS", "Ethiopia") in relations  # a sanction only announced
    relations, _ = read(loader, "Russia expelled two American journalists.")
    assert any(t == "COERCES" for (s, t, _) in relations if s == "Russia")


# -- CAMEO codes too general to type a verb -------------------------------------------------------
def test_a_verb_the_cameo_dictionary_gives_only_unspecified_cooperation_is_no_act(loader):
    # "rule", "found", "govern" (060) and "organize", "influence" (050) name no act with a partner.
    for text in ("The Supreme Court of Freedonia ruled on the appeal by Rudolf Rassendyll.",
                 "Osama bin Laden founded Al-Qaeda.",
                 "Iran organized a rally against Israel.",
                 "Russia influenced the election in Ukraine."):
        relations, _ = read(loader, text)
        assert not any(t in ("COOPERATES", "SUPPORTS") for (_, t, _) in relations), text


def test_an_unspecified_code_still_types_a_verb_with_its_object_or_a_curated_verb(loader):
    relations, _ = read(loader, "Vladimir Putin established ties with Kim Jong-un.")  # (establish, ties): 050
    assert types_between(relations, "Vladimir Putin", "Kim Jong Un") == {"SUPPORTS"}
    relations, _ = read(loader, "France cooperated with Germany on border security.")
    assert types_between(relations, "France", "Germany") == {"COOPERATES"}


# -- what a request asks for is not done ----------------------------------------------------------
def test_the_aid_or_support_a_request_asks_for_is_not_given(loader):
    for text in ("Volodymyr Zelensky called for German military aid to Ukraine.",
                 "Volodymyr Zelensky requested American assistance to Ukraine.",
                 "Volodymyr Zelensky urged Germany's support for Ukraine."):
        relations, _ = read(loader, text)
        assert {t for (s, t, _) in relations if s == "Volodymyr Zelensky"} == {"CALLS_FOR"}, text
        assert not any(t in ("AIDS", "SUPPORTS") for (_, t, _) in relations), text


def test_aid_welcomed_or_ordered_is_aid_given(loader):
    relations, _ = read(loader, "Volodymyr Zelensky welcomed German aid to Ukraine.")
    assert ("Germany", "AIDS", "Ukraine") in relations
    relations, _ = read(loader, "Joe Biden ordered an attack on Iran.")  # ordering is authorizing, not asking
    assert ("Joe Biden", "ASSAULTS", "Iran") in relations


# -- a curated verb's type is changed only by curated object patterns -----------------------------
def test_refusing_another_actors_claim_rejects_that_actor(loader):
    # The CAMEO dictionary's pattern (dismiss, claim) is 016, a statement; "dismiss" is a refusal.
    relations, _ = read(loader, "The Russian government dismissed the claim from Berlin as groundless.")
    assert types_between(relations, "Russia", "Germany") == {"REJECTS"}
    relations, _ = read(loader, "Iran denied the accusations by Saudi Arabia.")
    assert types_between(relations, "Iran", "Saudi Arabia") == {"REJECTS"}


def test_a_demand_for_an_explanation_is_a_demand_not_an_investigation(loader):
    relations, _ = read(loader, "Angela Merkel demanded an explanation from Russia.")  # (demand, explanation): 090
    assert types_between(relations, "Angela Merkel", "Russia") == {"CALLS_FOR"}


def test_the_cameo_dictionarys_object_patterns_still_type_a_verb_not_curated(loader):
    relations, _ = read(loader, "Belarus imposed a curfew on Minsk.")  # (impose, curfew): 1723
    assert any(s == "Belarus" and t == "COERCES" for (s, t, _) in relations)


# -- a request or offer answered ------------------------------------------------------------------
def test_a_request_granted_or_refused_was_made_to_who_answers_it(loader):
    relations, _ = read(loader, "Elizabeth II complied with the request of Boris Johnson.")
    assert ("Boris Johnson", "CALLS_FOR", "Elizabeth II") in relations
    assert ("Elizabeth II", "YIELDS", "Boris Johnson") in relations
    relations, _ = read(loader, "Germany rejected the demands of France.")
    assert ("France", "CALLS_FOR", "Germany") in relations
    relations, _ = read(loader, "Volodymyr Zelensky declined Oleksiy Honcharuk's offer to resign.")
    assert ("Oleksiy Honcharuk", "PROPOSES", "Volodymyr Zelensky") in relations


def test_a_request_only_talked_about_has_no_addressee(loader):
    relations, _ = read(loader, "Elizabeth II discussed the request of Boris Johnson.")
    assert not any(s == "Boris Johnson" for (s, _, _) in relations)


def test_an_act_done_at_someones_request_is_asked_by_them_and_not_done_to_them(loader):
    relations, _ = read(loader, "Russia sent troops to Kazakhstan at the request of Kassym-Jomart Tokayev.")
    assert ("Kassym-Jomart Tokayev", "CALLS_FOR", "Russia") in relations
    assert not any(s == "Russia" and o == "Kassym-Jomart Tokayev" for (s, _, o) in relations)
    relations, _ = read(loader, "Vladimir Putin visited Syria at the invitation of Bashar al-Assad.")
    assert ("Bashar al-Assad", "CALLS_FOR", "Vladimir Putin") in relations


def test_signatories_of_an_agreement_agree_with_each_other(loader):
    relations, _ = read(loader, "Turkey and Libya signed a maritime border agreement.")
    assert ("Turkey", "AGREES", "Libya") in relations and ("Libya", "AGREES", "Turkey") in relations
    relations, _ = read(loader, "France signed an agreement with Germany.")
    assert types_between(relations, "France", "Germany") == {"AGREES"}


def test_signing_a_bill_is_support(loader):
    relations, _ = read(loader, "Joe Biden signed the bill.")
    assert {t for (s, t, _) in relations if s == "Joe Biden"} == {"SUPPORTS"}
