"""The stance of what a speaker said, on sentences built for it: criticism, support (sympathy,
praise, solidarity), a call on someone to act, a refusal, or a plain comment; and its target, the
actor the statement is about."""

from __future__ import annotations


from polgraph.graph.model import Relation
from polgraph.loaders.pipeline import Loader
from polgraph.loaders.relations import stance
from polgraph.loaders.relations.records import Stance

from tests.helpers import Triple, read_relations


def read(loader: Loader, text: str) -> dict[Triple, Relation]:
    return read_relations(loader, text)[0]


def between(relations, source: str, target: str) -> set[str]:
    return {t for s, t, o in relations if s == source and o == target}


# -- criticism and support by the polarity of what was said about the target -------------------
def test_scornful_words_about_the_subject_of_a_statement_criticize_it(loader):
    relations = read(loader, "Emmanuel Macron said Vladimir Putin had behaved in a cowardly and dishonest way.")
    assert between(relations, "Emmanuel Macron", "Vladimir Putin") == {"CRITICIZES"}


def test_praise_of_the_subject_of_a_statement_supports_it(loader):
    relations = read(loader, "Joe Biden said Angela Merkel has been a brave and wise leader.")
    assert between(relations, "Joe Biden", "Angela Merkel") == {"SUPPORTS"}


def test_sympathy_and_solidarity_with_an_actor_support_it(loader):
    relations = read(loader, 'Angela Merkel said, "Our thoughts and prayers are with the people of France."')
    assert between(relations, "Angela Merkel", "France") == {"SUPPORTS"}
    relations = read(loader, "Justin Trudeau said Canada stands in solidarity with Ukraine.")
    assert between(relations, "Justin Trudeau", "Ukraine") == {"SUPPORTS"}


def test_a_verb_of_saying_whose_object_names_a_stance_takes_it(loader):
    relations = read(loader, "Emmanuel Macron expressed his condolences to the people of Turkey.")
    assert between(relations, "Emmanuel Macron", "Turkey") == {"SUPPORTS"}


def test_a_plain_statement_is_a_comment(loader):
    relations = read(loader, "Angela Merkel said the talks with China were held in Berlin.")
    assert between(relations, "Angela Merkel", "China") == {"COMMENTS_ON"}


def test_harm_an_actor_suffered_is_no_criticism_of_it(loader):
    relations = read(loader, 'Brett McGurk said, "The Kurds suffered thousands of casualties in the war against ISIS."')
    assert "CRITICIZES" not in between(relations, "Brett McGurk", "Kurds")


def test_acts_a_statement_reports_are_not_its_polarity(loader):
    # "killed" names an act (the reader's event lexicon), not the speaker's judgement of Nigeria.
    relations = read(loader, "Muhammadu Buhari said Nigeria had killed many of the militants during the operation.")
    assert "CRITICIZES" not in between(relations, "Muhammadu Buhari", "Nigeria")


# -- calls: an obligation on another actor, an order ---------------------------------------------
def test_an_obligation_on_another_actor_in_a_quotation_is_a_call_on_it(loader):
    relations = read(loader, '"Russia must withdraw its troops from Ukraine," Boris Johnson said.')
    assert between(relations, "Boris Johnson", "Russia") == {"CALLS_FOR"}


def test_an_obligation_on_no_actor_is_no_call(loader):
    relations = read(loader, "Ali Khamenei said the 36 suspects must face murder charges in Iran.")
    assert "CALLS_FOR" not in {t for _, t, _ in relations}


def test_an_order_to_the_addressee_is_a_call_on_it(loader):
    relations = read(loader, 'Boris Johnson told Vladimir Putin: "Stop the war now."')
    assert between(relations, "Boris Johnson", "Vladimir Putin") == {"CALLS_FOR"}


# -- refusals: the speaker's own acceptance negated --------------------------------------------
def test_the_speakers_negated_acceptance_is_a_refusal(loader):
    relations = read(loader, '"We will not accept the decision of the European Union," Viktor Orbán said.')
    assert between(relations, "Viktor Orban", "European Union") == {"REJECTS"}
    relations = read(loader, "Iran said it would never negotiate with the United States.")
    assert between(relations, "Iran", "United States") == {"REJECTS"}


def test_anothers_negated_acceptance_is_no_refusal_by_the_speaker(loader):
    relations = read(loader, "Iran said the United States would never accept the deal.")
    assert "REJECTS" not in between(relations, "Iran", "United States")


# -- the stance of single words -----------------------------------------------------------------
def test_a_words_own_valence_names_its_stance():
    assert stance.word_stance("condolence") == Stance.SUPPORT
    assert stance.word_stance("outrage") == Stance.CRITICISM
    assert stance.word_stance("meeting") == Stance.NEUTRAL


# -- cooperation and support ----------------------------------------------------------------------
def test_joining_an_alliance_is_cooperation_not_praise(loader):
    relations = read(loader, "Poland joined the alliance with Lithuania on Monday.")
    assert between(relations, "Poland", "Lithuania") == {"COOPERATES"}


def test_who_a_cooperative_act_is_against_is_no_partner(loader):
    relations = read(loader, "France supported the government of Mali against the Islamic State.")
    assert not between(relations, "France", "Islamic State")


# -- naming: a name given to an actor or to what is its own --------------------------------------
def test_a_scornful_quoted_name_for_an_actors_own_criticizes_the_actor(loader):
    relations = read(loader, 'Tom Watson called Prime Minister Theresa May\'s proposed Brexit deal "lousy".')
    assert between(relations, "Tom Watson", "Theresa May") == {"CRITICIZES"}


def test_a_name_of_praise_supports_and_a_plain_name_comments(loader):
    relations = read(loader, "Joe Biden called Angela Merkel a great leader.")
    assert between(relations, "Joe Biden", "Angela Merkel") == {"SUPPORTS"}
    relations = read(loader, "Joe Biden called Angela Merkel the chancellor of Germany.")
    assert "CRITICIZES" not in between(relations, "Joe Biden", "Angela Merkel")
    assert "SUPPORTS" not in between(relations, "Joe Biden", "Angela Merkel")


def test_a_naming_participle_names_what_its_verb_is_about(loader):
    relations = read(loader, 'Emmanuel Macron commented on the Russian plan, calling it "absurd and ridiculous".')
    assert "CRITICIZES" in between(relations, "Emmanuel Macron", "Russia")


def test_a_naming_participle_names_the_actors_of_what_its_verb_is_about(loader):
    relations = read(loader, 'Kyriakos Mitsotakis commented on the Turkish-Iraqi border agreement, calling it "null and void" '
                             'and "ridiculous".')
    assert "CRITICIZES" in between(relations, "Kyriakos Mitsotakis", "Turkey")


def test_a_situation_called_bad_criticizes_nobody(loader):
    relations = read(loader, "The United Nations called the humanitarian crisis in Yemen the worst in the world.")
    assert "CRITICIZES" not in {t for s, t, o in relations if s == "United Nations"}


# -- verbs of saying that state, whatever their CAMEO code ----------------------------------------
def test_a_claim_is_a_statement_typed_by_its_stance(loader):
    relations = read(loader, "Emily Murphy claimed she made the decision without influence from the White House.")
    assert "CRITICIZES" not in between(relations, "Emily Murphy", "White House")
    relations = read(loader, "Joe Biden argued that Angela Merkel has been a brave and wise leader.")
    assert between(relations, "Joe Biden", "Angela Merkel") == {"SUPPORTS"}


# -- acts asked for are not done ------------------------------------------------------------------
def test_support_asked_for_is_a_call_on_who_is_asked_not_support(loader):
    relations = read(loader, "Volodymyr Zelensky asked Germany and France to come together to support Ukraine.")
    assert between(relations, "Volodymyr Zelensky", "Germany") == {"CALLS_FOR"}
    assert not between(relations, "Germany", "Ukraine") and not between(relations, "France", "Ukraine")
    relations = read(loader, "Volodymyr Zelensky appealed to Germany to help Ukraine.")
    assert between(relations, "Volodymyr Zelensky", "Germany") == {"CALLS_FOR"}
    assert not between(relations, "Volodymyr Zelensky", "Ukraine")


def test_an_act_another_must_or_should_do_is_a_call_not_the_act(loader):
    relations = read(loader, "Volodymyr Zelensky said Germany should give Ukraine more weapons.")
    assert between(relations, "Volodymyr Zelensky", "Germany") == {"CALLS_FOR"}
    assert not between(relations, "Germany", "Ukraine")
    relations = read(loader, "Stephen Schwarzman said Donald Trump needs to accept the result and move on.")
    assert between(relations, "Stephen Schwarzman", "Donald Trump") == {"CALLS_FOR"}
    assert not {t for s, t, o in relations if s == "Donald Trump"}


def test_an_obligation_a_speaker_states_on_itself_is_its_intent(loader):
    relations = read(loader, "Iran said it has to retaliate against Israel.")
    assert between(relations, "Iran", "Israel") & {"THREATENS"}


def test_a_for_to_clause_under_a_word_of_obligation_is_a_call(loader):
    relations = read(loader, 'Ted Cruz said, "It is long past time for Congress to hold itself accountable."')
    assert between(relations, "Ted Cruz", "Congress") == {"CALLS_FOR"}
    relations = read(loader, "Angela Merkel said it was essential for Russia to withdraw its troops from Ukraine.")
    assert between(relations, "Angela Merkel", "Russia") == {"CALLS_FOR"}
    assert not {t for s, t, o in relations if s == "Russia"}


def test_what_a_speaker_says_another_must_do_to_an_end_is_not_done(loader):
    relations = read(loader, "Kathimerini said Greece had to speed up to counter the plans of Turkey.")
    assert not between(relations, "Greece", "Turkey")


def test_a_past_obligation_the_text_tells_was_met(loader):
    relations = read(loader, "Ukraine had to release the sailors of Russia after the talks.")
    assert between(relations, "Ukraine", "Russia") == {"YIELDS"}


def test_a_clause_of_time_is_not_what_a_speaker_said(loader):
    relations = read(loader, "Minutes before the Senate voted on the bill, Donald Trump claimed the documents were "
                             "subject to executive privilege.")
    assert not between(relations, "Donald Trump", "United States Senate")


def test_a_negated_concession_is_a_refusal(loader):
    relations = read(loader, "Donald Trump did not concede.")
    assert {t for s, t, o in relations if s == "Donald Trump"} == {"REJECTS"}


def test_who_a_speaker_wants_or_calls_for_to_act_is_called_on(loader):
    relations = read(loader, "Angela Merkel called for Russia to withdraw its troops from Ukraine.")
    assert between(relations, "Angela Merkel", "Russia") == {"CALLS_FOR"}
    assert not {t for s, t, o in relations if s == "Russia"}
    relations = read(loader, "Angela Merkel said she expects Russia to withdraw its troops from Ukraine.")
    assert between(relations, "Angela Merkel", "Russia") == {"CALLS_FOR"}
    assert not {t for s, t, o in relations if s == "Russia"}


def test_saying_another_is_responsible_blames_it(loader):
    relations = read(loader, "Angela Merkel said Russia was responsible for the attack on the pipeline.")
    assert between(relations, "Angela Merkel", "Russia") == {"CRITICIZES"}


def test_who_what_is_asked_for_would_come_from_is_asked(loader):
    relations = read(loader, "Volodymyr Zelensky pleaded for more military support from Germany.")
    assert between(relations, "Volodymyr Zelensky", "Germany") == {"CALLS_FOR"}


def test_an_inference_with_must_have_is_no_obligation(loader):
    relations = read(loader, "Mike Pompeo said Iran must have supplied the missiles to the Houthis.")
    assert between(relations, "Iran", "Houthis") & {"AIDS"}


def test_an_act_of_another_that_a_speaker_claims_is_an_accusation(loader):
    relations = read(loader, "John Ratcliffe claimed Iran spoofed e-mails about the vote.")
    assert between(relations, "John Ratcliffe", "Iran") == {"CRITICIZES"}
    relations = read(loader, "Howie Hawkins claimed that the United States has enough money to spend.")
    assert between(relations, "Howie Hawkins", "United States") == {"COMMENTS_ON"}


def test_what_another_wants_is_no_call_by_the_speaker(loader):
    relations = read(loader, "Ken Gude said the staff of the White House want Donald Trump to resign.")
    assert "CALLS_FOR" not in between(relations, "Ken Gude", "Donald Trump")


def test_the_speakers_refusal_to_attend_or_meet_and_no_intention_to_are_refusals(loader):
    relations = read(loader, "Iran said it would not attend the talks with the United States.")
    assert between(relations, "Iran", "United States") == {"REJECTS"}
    relations = read(loader, "Iran said it had no intention of negotiating with the United States.")
    assert between(relations, "Iran", "United States") == {"REJECTS"}


def test_a_vote_against_or_for_an_actors_motion_rejects_or_supports_it(loader):
    relations = read(loader, "Germany voted against the resolution of France.")
    assert between(relations, "Germany", "France") == {"REJECTS"}
    relations = read(loader, "Bernie Sanders voted for Joe Biden.")
    assert between(relations, "Bernie Sanders", "Joe Biden") == {"SUPPORTS"}


def test_the_speakers_negated_support_is_a_refusal(loader):
    relations = read(loader, "Angela Merkel said Germany would not support the plan of Russia.")
    assert between(relations, "Angela Merkel", "Russia") == {"REJECTS"}


# -- naming an actor's act ----------------------------------------------------------------------
def test_naming_an_act_judges_its_doer(loader):
    text = 'Boris Johnson suspended Parliament on Monday. Jeremy Corbyn called the move a "smash and grab on our democracy".'
    assert between(read(loader, text), "Jeremy Corbyn", "Boris Johnson") == {"CRITICIZES"}
    text = 'Jeremy Corbyn called the decision by Boris Johnson "an outrage".'
    assert between(read(loader, text), "Jeremy Corbyn", "Boris Johnson") == {"CRITICIZES"}


def test_a_quoted_label_of_no_warmth_for_an_actors_act_criticizes_the_actor(loader):
    text = "Nancy Pelosi called Donald Trump's conduct a \"breach of his constitutional responsibilities\"."
    assert between(read(loader, text), "Nancy Pelosi", "Donald Trump") == {"CRITICIZES"}


def test_a_quoted_name_for_the_actor_itself_is_read_by_its_words(loader):
    text = 'Jeremy Corbyn called Boris Johnson "a decent man".'
    assert "CRITICIZES" not in between(read(loader, text), "Jeremy Corbyn", "Boris Johnson")
