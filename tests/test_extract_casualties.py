"""Casualty counts said in words, and the predicate subject of counts."""
from __future__ import annotations

import re

import pytest

import reconcile
from reconcile.extract.predicate import predicate_subject


def predicate_of(sentence, phrase):
    start = sentence.index(phrase)
    return predicate_subject(sentence, start, start + len(phrase), 0, len(sentence))


def counts(text):
    return [(c.text, c.value.stated, c.value.unit, c.subject)
            for c in reconcile.extract(text) if c.kind == "count"]


@pytest.mark.parametrize(("text", "expected"), [
    ("A 19-year-old man was shot and killed Sunday night.",
     [("A 19-year-old man", 1, "man", "killed")]),
    # found so
    ("A teenage boy was found shot to death at an apartment complex.",
     [("A teenage boy", 1, "boy", "killed")]),
    ("A man was found fatally shot in a parked car.", [("A man", 1, "man", "killed")]),
    # an age written with a space
    ("The shooting left a 17 year-old girl dead.", [("a 17 year-old girl", 1, "girl", "killed")]),
    ("A 17 year old was wounded.", [("A 17 year old", 1, "person", "injured")]),
    # and in words
    ("A six-year-old boy was wounded.", [("A six-year-old boy", 1, "boy", "injured")]),
    ("A three-year-old was killed.", [("A three-year-old", 1, "person", "killed")]),
    ("An off-duty officer was critically injured.", [("An off-duty officer", 1, "officer", "injured")]),
    ("A woman was fatally shot outside the store.", [("A woman", 1, "woman", "killed")]),
    ("A teenager was shot in the leg.", [("A teenager", 1, "teenager", "injured")]),
    ("A man died at the hospital.", [("A man", 1, "man", "killed")]),
    ("A teenager handling a gun accidentally shot himself and died.",
     [("A teenager", 1, "teenager", "killed")]),
    ("A 20-year-old man is dead and a boy is wounded.",
     [("A 20-year-old man", 1, "man", "killed"), ("a boy", 1, "boy", "injured")]),
    ("The woman was dead when deputies arrived.", [("The woman", 1, "woman", "killed")]),
    ("A 14-year-old boy who was shot inside a home in Littleton on Friday afternoon has died.",
     [("A 14-year-old boy", 1, "boy", "killed")]),
    # the clause names another victim: whose death is it?
    ("A man who shot his wife in the kitchen of their home on Sunday has died.", []),
    # ... a possessive names no victim ("his grandfather's gun"); "that" opens such a clause too
    ("A 3-year-old boy that shot himself with his grandfather's gun on Sunday has died.",
     [("A 3-year-old boy", 1, "boy", "killed")]),
    ("A man suffered a gunshot wound to the arm.", [("A man", 1, "man", "injured")]),
    ("The gunman shot and killed a woman.", [("a woman", 1, "woman", "killed")]),
    ("The shooting left a teenager dead.", [("a teenager", 1, "teenager", "killed")]),
    ("Officers found a man shot to death.", [("a man", 1, "man", "killed")]),
    ("The shooting sent a teenage girl to the hospital.", [("a teenage girl", 1, "girl", "injured")]),
    ("The gun went off and left the boy seriously injured.", [("the boy", 1, "boy", "injured")]),
    ("A man was struck and wounded by a bullet.", [("A man", 1, "man", "injured")]),
    ("A 5-year-old boy was hit in his ankle.", [("A 5-year-old boy", 1, "boy", "injured")]),
    ("A 16-year-old is being treated for a gunshot wound.",
     [("A 16-year-old", 1, "person", "injured")]),
    # shot and survived: a wound in any article
    ("A man was killed on Sunday. His wife was shot twice but survived.",
     [("A man", 1, "man", "killed"), ("His wife", 1, "wife", "injured")]),
    # a kin's wound; not a kin's death (as often one of the past), nor a kin after a preposition
    ("Their mother was flown to a hospital with serious injuries.",
     [("Their mother", 1, "mother", "injured")]),
    ("Police say her 6-year-old daughter was shot in the leg.",
     [("her 6-year-old daughter", 1, "daughter", "injured")]),
    ("His brother was killed in 2014.", []),
    ("According to his father, Frank was wounded by a friend.", []),
    ("An officer was struck in the left arm.", [("An officer", 1, "officer", "injured")]),
    ("A girl is recovering after being accidentally shot by her sister.",
     [("A girl", 1, "girl", "injured")]),
    # a clause of speech with its own subject: the car was hit; "her" is no determiner here
    ("A woman says her car was wounded by gunfire.", []),
    ("A deputy said the officer told her he was wounded in the foot.",
     [("the officer", 1, "officer", "injured")]),
    ("The boy was treated at the hospital for non-life-threatening injuries.",
     [("The boy", 1, "boy", "injured")]),
    ("Police said no one was injured.", [("no one", 0, "people", "injured")]),
    ("No-one was injured in the fire.", [("No-one", 0, "people", "injured")]),
    ("Nobody was hurt in the blast.", [("Nobody", 0, "people", "injured")]),
    ("No injuries were reported.", [("No injuries", 0, "people", "injured")]),
    # people named by their work or their part in the day
    ("A firefighter was wounded.", [("A firefighter", 1, "firefighter", "injured")]),
    ("A bailiff was fatally shot.", [("A bailiff", 1, "bailiff", "killed")]),
    ("The gunman killed a hostage.", [("a hostage", 1, "hostage", "killed")]),
    ("He is accused of murdering a man.", [("a man", 1, "man", "killed")]),
    ("Two teens are accused of gunning down a student.", [("a student", 1, "student", "killed")]),
], ids=lambda v: v if isinstance(v, str) else "")
def test_casualties_in_words_are_counts(text, expected):
    assert [(t, s, u, subj) for t, s, u, subj in counts(text)
            if subj in ("killed", "injured")] == expected


@pytest.mark.parametrize("text", ["Not one person was hurt.", "No-one else was hurt."])
def test_one_after_no_or_not_is_no_count_of_one(text):
    """'Not one person was hurt' tells of nobody: never a toll of one."""
    assert [c for c in counts(text) if c[1] == 1] == []


@pytest.mark.parametrize("text", [
    "A man and a woman were killed.",          # two victims, not one
    "A man whose son was killed spoke at the vigil.",  # the man is not the victim
    "A woman was not hurt.",                   # negated
    "No one else was hurt.",                   # "else": besides those already counted
    "No one was seriously hurt.",              # some were, slightly
    "There were no other injuries.",
    "A man was arrested on Friday.",           # no casualty at all
    "A girl was shot along with her uncle, who died.",  # the uncle died, not the girl
])
def test_casualty_lookalikes_are_not_counts_of_one(text):
    assert not [c for c in counts(text) if c[1] == 1 and c[3] in ("killed", "injured")]


@pytest.mark.parametrize(("text", "expected"), [
    ("A 13-year-old girl was accidentally shot in the neck by her sister.",
     [("A 13-year-old girl", 1, "girl", "injured")]),
    ("Police said a man had been shot while walking home. He is expected to recover.",
     [("a man", 1, "man", "injured")]),
    # a death in the article: the one shot may be the one who died
    ("A man was shot Sunday. He died at the scene.", [("He", 1, "person", "killed")]),
    ("A man was shot Sunday. Police are investigating the homicide.", []),
    ("A 7-year-old boy was hit by a stray bullet on Monday.",
     [("A 7-year-old boy", 1, "boy", "injured")]),
    ("Her 4-year-old son was shot on Monday.", [("Her 4-year-old son", 1, "son", "injured")]),
    # the father shot, and is no victim (the baby's clause holds another person: no one read)
    ("A baby shot by her father on Monday was in stable condition.", []),
    # missed, or shot where a wound often kills
    ("A man was shot at but not hit.", []),
    ("A boy was shot in the head on Friday.", []),
    ("A man was shot twice in the chest.", []),
    # with a verb of its own
    ("A 5-year-old boy shot himself with a handgun at a paintball range.",
     [("A 5-year-old boy", 1, "boy", "injured")]),
    ("A boy playing with a gun accidentally shot himself and a friend.", []),  # two
    ("A man shot himself in the head.", []),
    ("A 15-year-old boy shot himself in an apparent suicide.", []),  # a death
    ("A 15-year-old boy shot himself in an apparent suicide attempt.",
     [("A 15-year-old boy", 1, "boy", "injured")]),
    # the victim after the verb: one, not the first of several; not in an article with a death
    ("Police say he accidentally shot his 13-year-old brother.",
     [("his 13-year-old brother", 1, "brother", "injured")]),
    ("A man shot a 3-year-old girl and a bystander on Sunday.", []),
    ("He shot his wife and two sons.", [("two sons", 2, "son", "")]),
    ("He shot a man outside a bar. The man died on Monday.", [("The man", 1, "man", "killed")]),
    # found suffering from a wound: not a fatal one, nor one where a wound often kills
    ("Officers found a man suffering from a gunshot wound to the leg.",
     [("a man", 1, "man", "injured")]),
    ("Police found a 49-year-old man suffering from a fatal gunshot wound.", []),
    ("Officers found a boy suffering from a gunshot wound to the head.", []),
    ("Police found a man suffering from gunshot wounds. He died at the hospital.",
     [("He", 1, "person", "killed")]),
    # the age after "of" is the victim, not the relative before it
    ("The grandmother of a 4-year-old who was shot Sunday has been charged.",
     [("a 4-year-old", 1, "person", "injured")]),
    # an age said of the victim is no other person
    ("A second teen, also 15 years old, was shot in the foot.",
     [("A second teen", 1, "teen", "injured")]),
    ("Another young man under 18-years-old also died.", [("Another young man", 1, "man", "killed")]),
])
def test_one_shot_in_an_article_of_no_death_was_wounded(text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("One man was killed and another was wounded.",
     [("One man", 1, "man", "killed"), ("another", 1, "person", "injured")]),
    ("The shooting left one man dead and another critically injured.",
     [("one man", 1, "man", "shooting left dead"), ("another", 1, "person", "injured")]),
    # a grade of one victim's state, not a wound told as such
    ("One person is dead and another is in critical condition.",
     [("One person", 1, "people", "dead")]),
    ("Two men were killed and another two injured.",
     [("Two men", 2, "man", "killed"), ("two", 2, "people", "injured")]),
])
def test_another_wounded_after_a_death_is_one_more_victim(text, expected):
    assert counts(text) == expected


def test_an_article_with_a_toll_in_figures_keeps_its_one_victim_sentences_out_of_it():
    text = "A man was killed and four others were wounded. A woman was shot in the leg."
    assert counts(text) == [("A man", 1, "man", "killed"), ("four others", 4, "other", "wounded")]


def test_one_man_stays_the_number_extractors_claim():
    assert counts("One man was killed.") == [("One man", 1, "man", "killed")]


@pytest.mark.parametrize(("sentence", "phrase", "subject"), [
    ("Three people were arrested Friday in connection with the killing.", "Three people",
     "arrested friday"),
    ("The shooting left four people dead.", "four people", "shooting left dead"),
    ("Police said two men were killed in the shooting.", "two men", "killed"),
    ("All three suspects were charged with murder.", "three suspects", "charged"),
    ("It sent 82 HIMARS launchers to the front.", "82 HIMARS launchers", "sent front"),
    ("Two 17-year-olds were killed in the shooting.", "Two", "killed"),  # people of an age
    # "to death" completes the verb; "to" opens a circumstance otherwise
    ("Three people were found shot to death in a car.", "Three people", "found shot death"),
    ("Two men were beaten to death.", "Two men", "beaten death"),
    ("Two people were shot to the ground.", "Two people", "shot"),
    # where the people were, between them and their verb
    ("Four people in the car were killed.", "Four people", "killed"),
    ("One of the men inside was pronounced dead.", "One of the men", "pronounced dead"),
    # but not a longer phrase, which may hold a clause of its own
    ("He shot four people in Greenville in 2013 and was sentenced.", "four people", "shot"),
    # a part whose whole is a pronoun
    ("Four men were shot and two of them died early Friday.", "two", "died early friday"),
    # a relative clause before the sentence's own verb, a death
    ("Two teens who were shot in a triple shooting on Wednesday have died.", "Two teens", "died"),
    ("One of five people shot Sunday outside a store in Pine Hills has died.", "One of five people",
     "died"),
    ("All four people involved in a shooting early Saturday have now died.", "four people",
     "died"),
    ("Three people who were wounded last week have since died.", "Three people", "died"),
    # "having" is an auxiliary: the three words after it are the predicate's
    ("Only four people having suffered non-fatal injuries were kept.", "four people",
     "suffered non-fatal injuries"),
    # an outcome said before the counted noun is the count's too
    ("Police found three wounded people inside the van.", "three wounded people", "found wounded"),
    ("The two injured officers were identified on Monday.", "two injured officers",
     "injured identified"),
])
def test_count_subject_is_its_predicate_not_the_whole_clause(sentence, phrase, subject):
    assert predicate_of(sentence, phrase) == subject


@pytest.mark.parametrize(("text", "scope"), [
    ("Six people were killed, including the gunman.", "including the attacker"),
    ("Five people were killed, not including the shooter.", "not including the attacker"),
    ("Four people were killed in separate shootings across the city.", "in separate incidents"),
    ("There have been 12 homicides this year.", "over a period"),
    ("Five people were killed.", None),
    ("Three of the shooting victims died.", "part of a group"),
    # a household counted whole: the toll itself, not a part of it
    ("He killed four of his family members.", None),
    ("Two of their children were found dead.", None),
    ("Two of his victims died.", "part of a group"),
    ("Three of his eight children were killed.", "part of a group"),
    ("Two of his brothers were identified as soldiers.", "part of a group"),  # no toll
    ("One of her children was killed.", "part of a group"),
    ("Five people died in a string of separate, apparently unrelated shootings.",
     "in separate incidents"),
    ("Two teenagers were killed in two days.", "over a period"),
    ("Five people were killed within a three-hour period.", "over a period"),
    ("Eight children have been shot in the past 17 months.", "over a period"),
    # an aside after the figure has its own time: the announcement's, not the count's
    ("Taiwan is due to receive three NASAMS batteries, a purchase first announced last year. "
     "It is the second sale this month.", None),
    ("Five people were killed, the most in one shooting this year.", None),
    # another event told beside the story's own
    ("Police closed the street. About the same time, two people were shot on the West Side.",
     "in another incident"),
    ("Police closed the street. Elsewhere, two people were shot.", "in another incident"),
    # an outlet credited is no superseded figure (see the test below)
    ("Five people were injured, as first reported by the Tribune.", None),
    # a figure the article gives as an early report
    ("Early reports said one person had died, but that proved to be incorrect.",
     "in early reports"),
    ("Initial reports indicated six men had been shot.", "in early reports"),
])
def test_counting_conventions_are_kept_on_the_claim(text, scope):
    assert [c.value.scope for c in reconcile.extract(text) if c.kind == "count"] == [scope]


def test_a_figure_the_article_corrects_is_kept_apart_from_the_correction():
    """"four people were injured, not five as first reported": the five was superseded, and
    only the four is the article's toll."""
    claims = reconcile.extract("Police say four people were injured, not five as first reported.")
    assert [(c.text, c.value.scope) for c in claims if c.kind == "count"] == [
        ("four people", None), ("five", "as first reported")]


def test_a_scope_phrase_does_not_scope_the_duration_inside_it():
    """"within a span of four hours" gives the toll its period; "four hours" is the period
    (a count of shootings in "two unrelated shootings" is a roundup's, and keeps the scope)."""
    claims = reconcile.extract("Five people were killed within a span of four hours.")
    assert [(c.text, c.value.scope) for c in claims if c.kind in ("count", "quantity")] == [
        ("Five people", "over a period"), ("four hours", None)]


def test_a_figure_with_a_scope_is_only_matched_with_the_same_scope():
    from reconcile.match import block_key

    with_gunman = next(c for c in reconcile.extract("Six people died, including the gunman.")
                       if c.kind == "count")
    plain = next(c for c in reconcile.extract("Five people died.") if c.kind == "count")
    assert block_key(with_gunman) != block_key(plain)


def test_subject_words_keep_letters_of_any_script():
    from reconcile.extract.words import content_words

    assert content_words("Café owner in São Paulo paid O’Brien") == [
        "café", "owner", "são", "paulo", "paid", "o’brien"]


@pytest.mark.parametrize(("text", "expected"), [
    # the injury form comes first, the death later in the same sentence: one death
    ("The boy was taken to a hospital in Newark, where he was pronounced dead an hour later.",
     [("The boy", 1, "boy", "killed")]),
    ("Deputies said the man was rushed to the hospital but died hours later.",
     [("the man", 1, "man", "killed")]),
    # "fatally" is no adverb of a wound: the killed form reads it
    ("The man and the girl were rushed to a hospital, where they later died.",
     [("The man and the girl", 2, "people", "killed")]),
    # a hospital's name is no second victim
    ("The child was rushed to Riley Hospital for Children, where he was pronounced dead.",
     [("The child", 1, "child", "killed")]),
    ("A toddler was fatally wounded while she slept.", [("A toddler", 1, "toddler", "killed")]),
    ("A teenager was mortally wounded outside the store.",
     [("A teenager", 1, "teenager", "killed")]),
    # another victim named before the death owns it
    ("A man was wounded in the leg, and a neighbor who ran outside died.",
     [("A man", 1, "man", "injured"), ("a neighbor", 1, "neighbor", "killed")]),
    ("A woman was taken to a hospital; no one died.", [("A woman", 1, "woman", "injured")]),
], ids=lambda v: v if isinstance(v, str) else "")
def test_a_wounded_victim_who_died_in_the_same_sentence_is_a_death(text, expected):
    assert [c for c in counts(text) if c[3] in ("killed", "injured")] == expected


def test_the_victim_an_article_said_died_is_not_also_an_injury():
    text = ("A 30-year-old man was shot and killed outside a bar on Friday. The man was taken to "
            "a hospital. The victim was listed in critical condition before he was identified.")
    assert counts(text) == [("A 30-year-old man", 1, "man", "killed")]


def test_another_definite_victim_keeps_their_injury():
    text = ("A man was shot and killed on Elm Street. The boy was taken to a hospital "
            "in stable condition.")
    assert counts(text) == [("A man", 1, "man", "killed"), ("The boy", 1, "boy", "injured")]


@pytest.mark.parametrize(("text", "expected"), [
    ("A fifth victim, an 18-year-old woman found outside, was taken to a hospital.",
     [("A fifth victim", 1, "victim", "injured")]),
    ("A victim, the woman's son, was taken to a hospital.", [("A victim", 1, "victim", "injured")]),
    # a list is several victims, and a victim told beside another is not the one hurt
    ("A man, a woman, and a child were shot.", []),
    ("A girl was shot along with her uncle, who died.", []),
], ids=lambda v: v if isinstance(v, str) else "")
def test_a_victim_named_again_in_an_aside_is_one_victim(text, expected):
    assert [c for c in counts(text) if c[3] in ("killed", "injured")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the second victim of "left ... dead and ... wounded", its verb unsaid
    ("A shooting left a boy dead and a woman wounded.",
     [("a boy", 1, "boy", "killed"), ("a woman", 1, "woman", "injured")]),
    ("A man was killed and a police officer was injured.",
     [("A man", 1, "man", "killed"), ("a police officer", 1, "officer", "injured")]),
    ("A 15-month-old suffered a gunshot wound.", [("A 15-month-old", 1, "person", "injured")]),
    # a form turned down (the officer is not the one killed) does not hide the victim inside it
    ("The officer said a man was killed.", [("a man", 1, "man", "killed")]),
], ids=lambda v: v if isinstance(v, str) else "")
def test_a_second_victim_of_a_sentence_is_read_too(text, expected):
    assert [c for c in counts(text) if c[3] in ("killed", "injured")] == expected


def test_one_figure_of_two_kinds_of_people_counts_them_all():
    assert counts("Five men and women were injured in a drive-by shooting.") == [
        ("Five men and women", 5, "people", "injured")]
    # a figure after "and" is a count of its own, and the two are added up
    assert ("Two men", 2, "man", "") in counts("Two men and three women were injured.")


def test_a_victims_relative_is_not_the_victim():
    text = "Police spoke with the boy's mother, who was taken to a hospital after fainting."
    assert not [c for c in counts(text) if c[3] == "injured"]


@pytest.mark.parametrize(("text", "expected"), [
    ("One person died after seven were shot on Sunday.",
     [("One person", 1, "people", "died"), ("seven", 7, "people", "shot")]),
    ("Officers found one man dead and several others hurt.", [("one man", 1, "man", "officers found dead")]),
    ("One person reportedly was killed.", [("One person", 1, "people", "killed")]),
    ("One man shot and killed", [("One man", 1, "man", "shot killed")]),
], ids=lambda v: v if isinstance(v, str) else "")
def test_a_single_counted_noun_ends_before_what_became_of_it(text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Five people were shot Sunday night, one of whom died.", [("one", 1, "people", "killed")]),
    ("9 People Shot, 1 Fatally, After Party", [("1", 1, "people", "killed")]),
    # the number extractor's own count stays the only one; "both" is no part of two
    ("Four people were shot, one fatally.", [("one", 1, "people", "fatally")]),
    ("Two men were shot, both fatally.", []),
], ids=lambda v: v if isinstance(v, str) else "")
def test_the_dead_among_people_shot_are_a_death_toll(text, expected):
    assert [c for c in counts(text) if c[3] in ("killed", "fatally")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("He was charged with three counts of murder and one count of burglary.",
     [("three counts of murder", 3, "count", "charged murder"),
      ("one count of burglary", 1, "count", "burglary")]),
    ("Gregory is charged with six counts of attempted first-degree murder.",
     [("six counts of attempted first-degree murder", 6, "count",
       "gregory charged attempted first-degree murder")]),
    ("He pleaded guilty to one count of wire fraud, admitting the scheme.",
     [("one count of wire fraud", 1, "count", "pleaded guilty wire fraud")]),
], ids=lambda v: v if isinstance(v, str) else "")
def test_charge_counts_are_counts_of_charges_not_a_toll(text, expected):
    assert counts(text) == expected


def test_a_charge_count_is_never_matched_with_a_toll():
    from reconcile.match import block_key

    charges = next(c for c in reconcile.extract("He faces two counts of murder.")
                   if c.kind == "count")
    toll = next(c for c in reconcile.extract("There were two murders.") if c.kind == "count")
    assert block_key(charges) != block_key(toll)


@pytest.mark.parametrize(("sentence", "phrase", "subject"), [
    # a conjunction right before the count opens its clause: the verb before is another's
    ("He admitted shooting and killing after two rival groups traded threats.",
     "two rival groups", "traded threats"),
    ("The man was killed before two others were wounded.", "two others", "wounded"),
    ("He is accused in the deaths of six people.", "six people", "deaths"),
    ("Those two children were not injured.", "two children", "not injured"),
    ("Police said two men were shot and killed.", "two men", "shot killed"),
    ("Four people were shot and two were killed.", "two", "killed"),
    ("Four people were shot and hospitalized after the party.", "Four people",
     "shot hospitalized"),
    ("Two men were shot and two women were hurt.", "Two men", "shot"),
    ("Four people, including a 13-year-old girl, were injured.", "Four people", "injured"),
    # an aside between dashes, or of ages, is skipped; what stands inside it is no toll
    ("Four teens -- including two children -- were injured.", "Four teens", "injured"),
    ("Four teens -- including two children -- were injured.", "two children", ""),
    ("Three others — two men and a woman — were wounded.", "Three others", "wounded"),
    ("Three others — two men and a woman — were wounded.", "two men", ""),
    ("Two teenagers, ages 16 and 17, were injured.", "Two teenagers", "injured"),
    ("Three other men, ages 24, 25, and 41, were wounded.", "Three other men", "wounded"),
    ("Three other men, ages 24, 25 and 41, were wounded.", "Three other men", "wounded"),
    # the counted named again before the auxiliary
    ("Two other victims, a man and a woman, were listed in serious condition.",
     "Two other victims", "listed"),
    ("Two boys, an 11- and 12-year-old, were also struck.", "Two boys", "struck"),
    # a clause after the count that is no relative clause of it tells of something else
    ("He lived two blocks from where he was shot.", "two blocks", "lived"),
    ("There were four incidents where a child got hold of a gun.", "four incidents", ""),
    ("Two men who were shot died.", "Two men", "shot died"),
    # the dead and the wounded together are a toll of neither alone
    ("Sixteen people were killed or injured in the attack.", "Sixteen people", "casualties"),
    ("The 16 people hurt or killed at the club were young.", "16 people", "casualties"),
    ("Two men were injured or hospitalized.", "Two men", "injured hospitalized"),
])
def test_count_predicates_stop_at_clauses_and_keep_negation(sentence, phrase, subject):
    assert predicate_of(sentence, phrase) == subject


@pytest.mark.parametrize(("text", "phrase", "injured"), [
    # a wound told with a verb of its own is the outcome, whatever words the predicate keeps
    ("Three others sustained non-fatal bullet wounds.", "Three others", True),
    ("Four people are recovering from gunshot wounds after the party.", "Four people", True),
    ("Three people suffered from nonlife-threatening gunshot wounds.", "Three people", True),
    ("Two boys are recovering after suffering gunshot wounds.", "Two boys", True),
    ("Two men suffered non-life threatening injuries, police said.", "Two men", True),
    ("Four men, ages 19 and 20, received non-life threatening wounds.", "Four men", True),
    ("Four people are recovering after being shot early Sunday. One died.", "Four people", True),
    # a shooting that sent people to a hospital wounded them all
    ("A shooting at a bar sent five people to the hospital.", "five people", True),
    ("The gunfire sent a total of nine people to area hospitals.", "nine people", True),
    # taken to a hospital, or in a condition: some of the wounded, maybe not all of them
    ("Four men were transported to the hospital with gunshot wounds.", "Four men", False),
    ("Three others are listed in serious condition.", "Three others", False),
    # the count is not the verb's subject, or the wound is in another clause
    ("The uncle of two officers suffered severe knife wounds.", "two officers", False),
    # (a death in the article: people shot are not all wounded then)
    ("Four people were shot, and one of them suffered a head wound. One died.", "Four people",
     False),
])
def test_a_wound_told_with_its_own_verb_is_the_counts_outcome(text, phrase, injured):
    from reconcile.rules import load_rules

    words = load_rules().casualties.toll_words["injured"]
    subject = next(subject for found, _, _, subject in counts(text) if found == phrase)
    assert bool(words.intersection(subject.split())) == injured


@pytest.mark.parametrize(("text", "injured"), [
    ("Four people were shot at a party on Sunday. All are expected to survive.", True),
    # a death anywhere in the article: the people shot may include the dead
    ("Four people were shot at a party on Sunday. One of them died.", False),
    # a death denied is none
    ("Four people were shot Sunday, none fatally.", True),
    ("Four people were shot Sunday. It is a blessing no one died.", True),
    # a death told later, in words of no toll: "four people were shot" holds the dead
    ("Four people were shot at a party, including a girl who did not survive her injuries.",
     False),
    ("Four people were shot on Sunday. The youngest passed away at a hospital.", False),
    ("Four people were shot on Sunday. Police are investigating the homicide.", False),
    # a unit's name or a charge names no killing
    ("Four people were shot on Sunday. The homicide unit is investigating.", True),
    ("Four people were shot Sunday. He is charged with criminal attempt homicide.", True),
    # a charge or a threat to kill is no death
    ("Four people were shot Sunday. He is charged with assault with intent to kill.", True),
    ("Four people were shot Sunday. He had threatened to kill his neighbors.", True),
    # what did not happen is no death, nor is the verb "lives"; the noun with a figure is
    ('Four people were shot Sunday. "I could have died," one said.', True),
    ("Four people were shot Sunday. One man was nearly killed.", True),
    ("Four people were shot Sunday near the house where she lives.", True),
    ("Four people were shot Sunday. Such shootings claimed two lives last year.", False),
    ("Four people were shot Sunday. Two of them lost their lives.", False),
    # the verb after other words of the predicate, or before the figure
    ("Police said in total eight people were shot.", True),
    ("The party ended with five people shot early Sunday.", True),
    ("Police say the gunman shot the four men around 2 a.m.", True),
    # a part is no toll
    ("Police say Mary was one of five people shot by a gunman.", False),
    # shot at is not hit
    ("Two officers were shot at by a man.", False),
    ("Two men shot at them from a car.", False),  # the two fired
])
def test_people_shot_in_an_article_that_tells_of_no_death_were_wounded(text, injured):
    subject = counts(text)[0][3]
    assert ("injured" in subject.split()) == injured


@pytest.mark.parametrize(("text", "expected"), [
    ("A man and a woman were killed.", [("A man and a woman", 2, "people", "killed")]),
    ("The shooting killed a 1-year-old boy and his 21-year-old uncle last month.",
     [("a 1-year-old boy and his 21-year-old uncle", 2, "people", "killed")]),
    ("A father and daughter were found dead in the house.",
     [("A father and daughter", 2, "people", "killed")]),
    ("The blast left a man and a woman wounded.", [("a man and a woman", 2, "people", "injured")]),
    # a list of three is no pair; a second clause is no pair either
    ("A man, a woman and a child were killed.", []),
    ("A man was killed and a woman was injured.",
     [("A man", 1, "man", "killed"), ("a woman", 1, "woman", "injured")]),
], ids=lambda v: v if isinstance(v, str) else "")
def test_two_victims_joined_by_and_are_a_count_of_two(text, expected):
    assert [c for c in counts(text) if c[3] in ("killed", "injured")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "the child" is one of the two wounded, not a third victim
    ("A man and a child were wounded on Elm Street. The child was shot in the leg.",
     [("A man and a child", 2, "people", "injured")]),
    ("A man and his son were killed Sunday. The son was found dead in the yard.",
     [("A man and his son", 2, "people", "killed")]),
    # another outcome, or a victim told with "a", is no member of the pair
    ("A man and a woman were killed. The boy was wounded.",
     [("A man and a woman", 2, "people", "killed"), ("The boy", 1, "boy", "injured")]),
    ("A man and a woman were wounded. A boy was wounded too.",
     [("A man and a woman", 2, "people", "injured"), ("A boy", 1, "boy", "injured")]),
], ids=lambda v: v if isinstance(v, str) else "")
def test_a_definite_victim_after_a_pair_is_one_of_the_pair(text, expected):
    assert [c for c in counts(text) if c[3] in ("killed", "injured")] == expected


def sums(text):
    """The counts of people an article gives as parts joined by "and"."""
    return [c for c in reconcile.extract(text)
            if c.kind == "count" and c.value.unit == "people" and " and " in c.text]


@pytest.mark.parametrize(("text", "expected"), [
    ("Four adults and two children were killed in the home.",
     ("Four adults and two children", 6, None)),
    ("Deputies found two men and a woman dead.", ("two men and a woman", 3, None)),
    ("A woman and two men were wounded.", ("A woman and two men", 3, None)),
    ("Two men and a 15-year-old girl were shot and killed.",
     ("Two men and a 15-year-old girl", 3, None)),
    # an age alone names a person, in figures or in words
    ("Two men and a 15-year-old were shot and killed.", ("Two men and a 15-year-old", 3, None)),
    ("Police said a 16-year-old and two children were shot.",
     ("a 16-year-old and two children", 3, None)),
    ("A ten year old boy and two adults were wounded.",
     ("A ten year old boy and two adults", 3, None)),
    ("Two officers and the shooter are dead.",
     ("Two officers and the shooter", 3, "including the attacker")),
    ("Two bailiffs and the shooter are dead.",
     ("Two bailiffs and the shooter", 3, "including the attacker")),
    ("A woman and her two young sons were found dead.",
     ("A woman and her two young sons", 3, None)),
    ("He killed his two children and their mother.", ("two children and their mother", 3, None)),
    ("Two adults and their four children were shot to death.",
     ("Two adults and their four children", 6, None)),
    ("A retired officer killed his two children and himself.",
     ("two children and himself", 3, "including the attacker")),
    ("A gunman killed two people and then himself.",
     ("two people and then himself", 3, "including the attacker")),
    # "one police officer" counts officers; civilians and grandchildren are people too
    ("Two civilians and one police officer were killed.",
     ("Two civilians and one police officer", 3, None)),
    ("She killed two grandchildren and three stepchildren.",
     ("two grandchildren and three stepchildren", 5, None)),
], ids=lambda v: v if isinstance(v, str) else "")
def test_a_toll_stated_in_parts_is_also_stated_whole(text, expected):
    assert [(c.text, c.value.stated, c.value.scope) for c in sums(text)] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("A man killed his wife, son and daughter in their home.",
     [("his wife, son and daughter", 3.0, None)]),
    ("The gunman killed a man, a woman and a child.", [("a man, a woman and a child", 3.0, None)]),
    ("He shot and killed his wife, two sons and a neighbor.",
     [("his wife, two sons and a neighbor", 4.0, None)]),
    ("The blast wounded a young man, an elderly woman and two girls.",
     [("a young man, an elderly woman and two girls", 4.0, None)]),
    # the attacker at the list's end, or dead after it
    ("Police say he fatally shot his wife, two daughters and himself.",
     [("his wife, two daughters and himself", 4.0, "including the attacker")]),
    ("He killed his wife, son and daughter before killing himself.",
     [("his wife, son and daughter", 3.0, None),
      ("his wife, son and daughter before killing himself", 4.0, "including the attacker")]),
    # no list of people: a plural with no number, a second verb, the unborn, a pair
    ("He killed his wife and children.", []),
    ("He killed a man, a woman and then fled.", []),
    ("He killed his girlfriend, their unborn child and her mother.", []),
    ("He killed his wife, her cat and her mother.", []),
], ids=lambda v: v if isinstance(v, str) else "")
def test_a_list_of_victims_after_an_active_verb_is_a_toll(text, expected):
    lists = [c for c in reconcile.extract(text) if c.kind == "count" and c.value.unit == "people"
             and "," in c.text]
    assert [(c.text, c.value.stated, c.value.scope) for c in lists] == expected


def test_no_victim_of_a_list_is_a_toll_of_its_own():
    """"killed a man, a woman and a child" is three, not "a man" killed, nor a pair."""
    claims = [c for c in reconcile.extract("The gunman killed a man, a woman and a child.")
              if c.kind == "count"]
    assert [(c.text, c.value.stated) for c in claims] == [("a man, a woman and a child", 3.0)]


@pytest.mark.parametrize(("text", "injured"), [
    ("A 16-year-old and two children were shot late Saturday.", True),
    ("A teenager and two younger boys were shot.", True),
    ("A teenager and two younger boys were shot. The teenager died.", False),
])
def test_a_toll_in_parts_of_people_shot_in_an_article_of_no_death_were_wounded(text, injured):
    total = next(c for c in sums(text))
    assert ("injured" in total.subject.split()) == injured


@pytest.mark.parametrize("text", [
    "He shot five people and wounded two others.",   # two predicates: two facts, no sum
    "Two men and about 20 women were hurt.",         # a hedged part cannot be added
    "Three of the victims and two officers were hurt.",  # a part of a group is no toll
    "Two men, three women and four children were killed.",  # three parts: not the last two
    "A man, two women and a child were killed.",    # the same with an article
    "Two men and a dog were killed.",                # no person
    "Two men and the woman were hurt.",              # "the woman" may be one already counted
    "He fatally shot a man and three others.",       # the others may only have been wounded
    "Five adults and an unborn child were killed.",  # outlets count the unborn both ways
    "A woman died and three men were wounded.",      # "died" stands between: two clauses
    "He shot two mothers and their daughters.",      # how many daughters?
])
def test_counts_in_different_clauses_are_not_added(text):
    assert sums(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    # one more member of a group already told: part of it, not a toll of one
    ("A 50-year-old man was shot and killed; a second man was critically injured.",
     [("A 50-year-old man", None), ("a second man", "part of a group")]),
    ("Another man was wounded in the arm.", [("Another man", "part of a group")]),
    # ... and says the whole's toll ("five people hurt")
    ("One of five people hurt in the shooting has died.",
     [("One of five people", "part of a group"), ("five people hurt", None)]),
    ("He was one of Sunday's three victims.", [("one of Sunday's three victims", "part of a group")]),
    # "one ..., the other ...": where one of the group was hit; a death stays the deaths' toll
    ("Police said one was shot in the thigh; the other was shot in the hand.",
     [("one", "part of a group")]),
    ("One died at the hospital, while the other is in stable condition.", [("One", None)]),
    # ... also with a noun, and when the other's words repeat the outcome ("wounded", "shot")
    ("One officer was wounded in the foot, and the other was wounded in the leg.",
     [("One officer", "part of a group")]),
    ("One woman was wounded in the arm, the other was shot in the leg.",
     [("One woman", "part of a group")]),
    ("One man was killed and another was shot in the leg.", [("One man", None)]),
    # a victim named inside a larger toll is one of it
    ("Four people, including a 13-year-old girl, were injured.", [("Four people", None)]),
], ids=lambda v: v if isinstance(v, str) else "")
def test_one_member_of_a_group_is_not_the_groups_toll(text, expected):
    assert [(c.text, c.value.scope) for c in reconcile.extract(text) if c.kind == "count"] == expected


def casualty_counts(text):
    return [c for c in counts(text) if c[3] in ("killed", "injured")]


@pytest.mark.parametrize(("text", "expected"), [
    # a roundup's toll counts other shootings: the victim of this one is still a toll of one
    ("At least eight people were killed in shootings across the city this weekend. "
     "A 19-year-old man was shot and killed on Elm Street.",
     [("At least eight people", "in separate incidents"), ("A 19-year-old man", None)]),
    ("Last summer, two people were killed at the same lot. A woman was shot and killed there "
     "on Friday.", [("two people", "in another incident"), ("A woman", None)]),
    # this incident's own toll: the man is one of the two
    ("Two people were killed on Elm Street on Friday. A man was shot and killed in the car.",
     [("Two people", None)]),
    ("Six people were killed, including the gunman. A woman was shot and killed in the hall.",
     [("Six people", "including the attacker")]),
    # a toll counts people: "lives two doors down" is none
    ("A man was shot and killed. His neighbor, who lives two doors down, heard the shots.",
     [("A man", None), ("two doors", None)]),
], ids=lambda v: v if isinstance(v, str) else "")
def test_only_a_toll_of_this_incident_sets_one_victim_sentences_aside(text, expected):
    assert [(c.text, c.value.scope) for c in reconcile.extract(text) if c.kind == "count"] == \
        expected


@pytest.mark.parametrize(("text", "expected"), [
    # no noun but an age: a person
    ("A 15-year-old was killed Sunday in Mesa County.",
     [("A 15-year-old", 1, "person", "killed")]),
    ("Police said the 16-year-old was taken to a hospital.",
     [("the 16-year-old", 1, "person", "injured")]),
    ("A hunter has been found dead in the woods.", [("A hunter", 1, "hunter", "killed")]),
    ("A suspect was shot and killed by deputies.", [("A suspect", 1, "suspect", "killed")]),
    # found ... dead, as left ... dead
    ("Officers found a male dead with gunshot wounds.", [("a male", 1, "male", "killed")]),
    ("Deputies discovered a woman wounded in the yard.", [("a woman", 1, "woman", "injured")]),
    # the age describes the noun that follows it
    ("A 17-year-old girl was wounded.", [("A 17-year-old girl", 1, "girl", "injured")]),
    # a school names which student
    ("A 17-year-old Riverton high school student was killed.",
     [("A 17-year-old Riverton high school student", 1, "student", "killed")]),
    ("A college student was shot and wounded.", [("A college student", 1, "student", "injured")]),
], ids=lambda v: v if isinstance(v, str) else "")
def test_more_ways_to_name_one_victim(text, expected):
    assert casualty_counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("He was charged in the shooting death of a 13-year-old boy.",
     [("a 13-year-old boy", 1, "boy", "killed")]),
    ("She is accused in the killing of her husband.", [("her husband", 1, "husband", "killed")]),
    ("An arrest was made in the murder of 14-year-old Tomas Keller.",
     [("14-year-old Tomas Keller", 1, "person", "killed")]),
    ("The confrontation claimed the life of a 20-year-old man.",
     [("a 20-year-old man", 1, "man", "killed")]),
    ("Police are investigating the death of a 10-year-old boy at a gun range.",
     [("a 10-year-old boy", 1, "boy", "killed")]),
    ("He admitted to reckless homicide in the fatal shooting of a 14-year-old boy.",
     [("a 14-year-old boy", 1, "boy", "killed")]),
    # one victim only: "a woman and her two sons" are three (the number extractor's sum)
    ("The death of a woman and her sons was ruled a murder-suicide.", []),
    ("He is charged in the death of a 15-year-old mother and her unborn child.", []),
    ("He is charged in the death of 6-year-old Liam Brandt and his father.", []),
    # an attempt is no death
    ("He is charged with the attempted murder of a police officer.", []),
    # no victim after "of"
    ("The killing of wildlife is banned in the park.", []),
    # an earlier year's killing, which the article only recalls
    ("Marchers recalled the 2014 killing of a 12-year-old boy.", []),
], ids=lambda v: v if isinstance(v, str) else "")
def test_a_death_named_by_a_noun_is_one_death(text, expected):
    assert [(c.text, c.value.stated, c.value.unit, c.subject)
            for c in reconcile.extract(text, published="2016-06-01")
            if c.kind == "count"] == expected


def test_a_killing_of_the_articles_own_year_is_read():
    assert [c.text for c in reconcile.extract("Marchers recalled the 2016 killing of a boy.",
                                              published="2016-06-01")
            if c.kind == "count"] == ["a boy"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Shots rang out on Elm Street. He was taken to an area hospital, where he later died.",
     [("he", 1, "person", "killed")]),
    ("A gun went off. She was pronounced dead at the scene.", [("She", 1, "person", "killed")]),
    # a death with no violence told near it is no casualty
    ("She died on September 8 in Dar es Salaam after travelling widely.", []),
    # the wound the next sentence says was fatal is that death, not an injury too
    ("A man was shot in the chest. He died at a hospital.", [("He", 1, "person", "killed")]),
    # ... unless the pronoun cannot stand for that victim
    ("A woman was wounded. He was killed by police.",
     [("A woman", 1, "woman", "injured"), ("He", 1, "person", "killed")]),
    # one death told twice in a sentence
    ("The boy was rushed to a hospital, where he died.", [("The boy", 1, "boy", "killed")]),
    # after two victims, "he" is one of them
    ("A man and a boy were fatally shot. He was pronounced dead at a hospital.",
     [("A man and a boy", 2, "people", "killed")]),
    # a pronoun with no death after it is no victim
    ("He was arrested on Friday and taken to a hospital.", []),
], ids=lambda v: v if isinstance(v, str) else "")
def test_a_death_told_with_a_pronoun_is_one_death(text, expected):
    assert casualty_counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Shots hit the house. She was taken to a hospital with non-life-threatening injuries.",
     [("She", 1, "person", "injured")]),
    ("He was treated at the hospital for minor injuries and released.",
     [("He", 1, "person", "injured")]),
    # no wound named: an arrest may end in a hospital too
    ("He was arrested and taken to a hospital for an evaluation.", []),
    # a wound an autopsy or a coroner tells of may have been the death
    ("An autopsy found he suffered a gunshot wound to the chest.", []),
], ids=lambda v: v if isinstance(v, str) else "")
def test_a_wound_told_with_a_pronoun_and_its_injuries_is_one_injury(text, expected):
    assert casualty_counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("A man shot and killed a young girl in Southaven before turning the gun on himself.",
     ("a young girl in Southaven before turning the gun on himself", 2)),
    ("The man who fatally shot seven people before killing himself had been drinking.",
     ("seven people before killing himself", 8)),
    ("The rampage left seven people dead before the gunman killed himself.",
     ("seven people dead before the gunman killed himself", 8)),
    ("A man killed a customer and was shot and killed by police.",
     ("a customer and was shot and killed by police", 2)),
    ("He killed four people, including his ex-wife, before taking his own life.",
     ("four people, including his ex-wife, before taking his own life", 5)),
], ids=lambda v: v if isinstance(v, str) else "")
def test_a_death_toll_followed_by_the_attackers_death_counts_the_attacker(text, expected):
    whole = [(c.text, c.value.stated) for c in reconcile.extract(text)
             if c.kind == "count" and c.value.scope == "including the attacker"]
    assert whole == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Detectives are investigating a double homicide.", [("double homicide", 2, None)]),
    ("Police called it a triple-murder.", [("triple-murder", 3, None)]),
    ("The quadruple slaying shook the town.", [("quadruple slaying", 4, None)]),
    ("It was a double fatal shooting.", [("double fatal shooting", 2, None)]),
    ("Police say it was a double murder-suicide.",
     [("double murder-suicide", 3, "including the attacker")]),
    ("He was held after the double murder and suicide attempt.",  # the attacker lived
     [("double murder", 2, None)]),
    ("He played the double bass and a triple jump.", []),
], ids=lambda v: v if isinstance(v, str) else "")
def test_a_killing_named_by_its_number_is_a_toll(text, expected):
    assert [(c.text, c.value.stated, c.value.scope) for c in reconcile.extract(text)
            if c.kind == "count" and c.subject == "killed"] == expected


@pytest.mark.parametrize("text", [
    "A man wounded two people before turning the gun on himself.",  # no death toll
    "He killed two people and wounded nine others before killing himself.",  # two tolls between
    "The gunman killed three and wounded several others before taking his own life.",
    "Officers killed the suspect, who was shot and killed by police.",  # the toll is the suspect
    "Three people were killed in shootings across the city before the gunman killed himself.",
])
def test_the_attacker_is_added_only_to_the_death_toll_just_before(text):
    assert not [c for c in reconcile.extract(text)
                if c.kind == "count" and c.value.scope == "including the attacker"]


@pytest.mark.parametrize(("text", "expected"), [
    # "and" before another figure ends the counted noun
    ("A shooting left one dead and three injured.",
     [("one", 1, "people", "shooting left dead"), ("three", 3, "people", "injured")]),
    ("A gunfight broke out, leaving two dead and four others injured.",
     [("two", 2, "people", "leaving dead"), ("four others", 4, "other", "injured")]),
    ("Police say he shot and killed one person and wound five others.",
     [("one person", 1, "people", "shot killed"), ("five others", 5, "other", "wound")]),
    ("Police discovered one man and two children dead inside.",
     [("one man", 1, "man", "discovered"), ("one man and two children", 3, "people", "dead"),
      ("two children", 2, "child", "dead")]),
    # what became of people is no noun; "dead" before a noun is an adjective of it
    ("3 dead, 7 hurt when gunman opens fire",
     [("3", 3, "people", "dead"), ("7", 7, "people", "hurt")]),
    ("Police found four dead bodies.", [("four dead bodies", 4, "dead body", "found dead")]),
    # names of one noun joined by "and" still make one noun
    ("The recall covers 460 Kia and Hyundai vehicles.",
     [("460 Kia and Hyundai vehicles", 460, "kia hyundai vehicle", "recall covers")]),
], ids=lambda v: v if isinstance(v, str) else "")
def test_a_counted_noun_ends_at_another_figure_or_a_state(text, expected):
    assert counts(text) == expected


def test_counts_in_different_states_are_not_added():
    text = "When they arrived, they found the three dead suspects and two uninjured residents."
    assert not [c for c in reconcile.extract(text) if c.kind == "count" and " and " in c.text]


@pytest.mark.parametrize(("text", "expected"), [
    ("The shootout killed three people and injured a fourth.",
     [("three people", 3, "people", "shootout killed"), ("a fourth", 1, "person", "injured")]),
    ("Two men were killed and a third was wounded.",
     [("Two men", 2, "man", "killed"), ("a third", 1, "person", "injured")]),
    # an ordinal before a noun is no victim of its own, nor is a share
    ("Timea, a sixth grader, died later.", []),
    ("A third of the victims were wounded.", []),
], ids=lambda v: v if isinstance(v, str) else "")
def test_an_ordinal_standing_for_the_next_victim_is_one_victim(text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("A man was killed and a Louisville Metro police officer was injured.",
     [("A man", 1, "man", "killed"), ("a Louisville Metro police officer", 1, "officer",
                                      "injured")]),
    ("An Arkansas teen is dead.", [("An Arkansas teen", 1, "teen", "killed")]),
    ("A St. Paul man was wounded.", [("A St. Paul man", 1, "man", "injured")]),
    # after the article's describers too
    ("An 8-year-old Lake Marion boy is dead.",
     [("An 8-year-old Lake Marion boy", 1, "boy", "killed")]),
    # a sentence's end is no describer, nor a line's
    ("Police searched the Southwest Side. A man died.", [("A man", 1, "man", "killed")]),
    ("Police say he was murdered\n\nA young student was arrested.",
     [("he", 1, "person", "killed")]),
    # lower-case words are describers only when the rules list them
    ("The shooting victim was killed.", []),
], ids=lambda v: v if isinstance(v, str) else "")
def test_places_and_names_before_a_victims_noun_describe_the_victim(text, expected):
    assert [c for c in counts(text) if c[3] in ("killed", "injured")] == expected


def test_words_in_capitals_are_not_read_as_describers():
    assert not any(text.startswith("A VEHICLE") for text, *_ in
                   counts("A VEHICLE CRASHED ANOTHER PERSON DIED."))


def test_capitalised_describers_can_be_turned_off(tmp_path):
    from pathlib import Path

    from reconcile.rules import load_rules

    shipped = Path(reconcile.__file__).resolve().parents[1] / "rules"
    folder = tmp_path / "rules"
    folder.mkdir()
    for path in shipped.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if path.name == "casualties.yaml":
            text = re.sub(r"(?m)^capitalised_describers: .*$", "capitalised_describers: []", text)
        (folder / path.name).write_text(text, encoding="utf-8")
    rules = load_rules(str(folder))
    text = "An Arkansas teen is dead."
    assert [c.text for c in reconcile.extract(text, rules=rules) if c.kind == "count"] == []
    assert [c.text for c in reconcile.extract(text) if c.kind == "count"] == ["An Arkansas teen"]


@pytest.mark.parametrize(("old", "new", "problem"), [
    ("  he: [man,", "  he: man\n  it: [man,",
     "casualties.yaml: pronouns.he: expected a list of the nouns only this pronoun stands for, "
     "got 'man'"),
    ("people_forms: [&age '(?:\\d{1,3}|one|", "people_forms: [&age '((?:\\d{1,3}|one|",
     "casualties.yaml: people_forms[0]: expected"),
    ("unharmed: [uninjured,", "unharmed: [7,", "casualties.yaml: unharmed: expected a list"),
    ("{double: 2,", "{double: two,",
     "casualties.yaml: multiples.double: expected a whole number of 2 or more, got 'two'"),
    ("capitalised_describers: ['[A-Z]", "capitalised_describers: ['([A-Z]",
     "casualties.yaml: capitalised_describers[0]: expected a valid regular expression"),
])
def test_casualty_rule_mistakes_are_named(tmp_path, old, new, problem):
    from pathlib import Path

    from reconcile.errors import RulesError
    from reconcile.rules import load_rules

    shipped = Path(reconcile.__file__).resolve().parents[1] / "rules" / "casualties.yaml"
    text = shipped.read_text(encoding="utf-8")
    assert old in text
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "casualties.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules(str(folder))
    assert any(p.startswith(problem) for p in caught.value.problems), caught.value.problems


@pytest.mark.parametrize(("text", "expected"), [
    ("Wexley died at the scene from a gunshot wound.", [("Wexley", 1, "person", "killed")]),
    ("Officers responding to the shooting found Brannick dead on the street.",
     [("Brannick", 1, "person", "killed")]),
    # a name with a capital inside it
    ("Police found McCardle dead after the shooting.", [("McCardle", 1, "person", "killed")]),
    ("Police say LaKeisha Orr was killed while riding in a car.",
     [("LaKeisha Orr", 1, "person", "killed")]),
    ("Talia McKeever, 13, was killed in a shooting.",
     [("Talia McKeever", 1, "person", "killed")]),
    # and a suffix after it
    ("Marcus Dellano Jr. died in the shooting.", [("Marcus Dellano Jr.", 1, "person", "killed")]),
    ("Curtis Ambrose IV died after being accidentally shot.",
     [("Curtis Ambrose IV", 1, "person", "killed")]),
    ("Doctors pronounced Ana Reyes dead after the shooting.",
     [("Ana Reyes", 1, "person", "killed")]),
    # after an active verb, with an age: a person, not a day; not the first of two victims
    ("Police said he opened fire, killing Dario Pell, 18.", [("Dario Pell", 1, "person", "killed")]),
    ("The shots killed Noreen Alvey, 19, and injured the others.",
     [("Noreen Alvey", 1, "person", "killed")]),
    ("The man was fatally shot March 27, 2015, in his car.", [("The man", 1, "man", "killed")]),
    ("He is accused of killing Tessa Marr, 13, and Owen Lusk, 15, at a park.", []),
    ("Police said Colin Wexley, 50, was fatally shot outside a hospital.",
     [("Colin Wexley", 1, "person", "killed")]),
    ("Nine days later Skaggs was found dead in his hotel room from an overdose.", []),
    # a place is no victim
    ("Teen shot in head during drive-by in Millbrook dies", []),
    ("Jamaine Sutton, 32, of Dunbar was killed in the shooting.", []),
    # nor the last words of one, nor a street
    ("Jordan Ames, 15, of North Augusta was pronounced dead after the shooting.", []),
    ("A student at Tara High School died after the shooting.", [("A student", 1, "student", "killed")]),
    ("Ray Dunn of the 900 block of West 36th Street was pronounced dead after the shooting.", []),
    # a name does not run across a paragraph break
    ("Police investigate a shooting at Harbor Place\n\nCorin Marsh died after he was shot.",
     [("Corin Marsh", 1, "person", "killed")]),
    ("Jones was shot in the leg. Smith died at the scene.", [("Smith", 1, "person", "killed")]),
    # capitalised words that are no name
    ("Police were killed in the film. Sunday was killed off.", []),
    ("Nobody was killed.", [("Nobody", 0, "people", "killed")]),
    ("On Sunday a man was shot and killed.", [("a man", 1, "man", "killed")]),
], ids=lambda v: v if isinstance(v, str) else "")
def test_a_death_told_with_a_name_is_one_death(text, expected):
    assert casualty_counts(text) == expected


def test_every_death_form_holds_a_death_word():
    """The name and pronoun forms are only tried near a death word: each killed outcome must
    hold one, or those forms would miss it."""
    import yaml
    from pathlib import Path

    data = yaml.safe_load((Path(reconcile.__file__).resolve().parents[1] / "rules"
                           / "casualties.yaml").read_text(encoding="utf-8"))
    words = data["death_words"]
    for alternative in data["outcomes"]["killed"] + data["own_verb"]["killed"]:
        assert any(word in alternative for word in words), alternative


def test_a_victim_named_by_a_pronoun_is_never_compared_with_a_toll():
    """"He died" is one victim's death, who may be one of several: never a conflict with a
    toll of two ("two people were killed")."""
    from reconcile.match import block_key

    he = next(c for c in reconcile.extract("A gun went off. He died at the scene.")
              if c.kind == "count")
    toll = next(c for c in reconcile.extract("Two people died.") if c.kind == "count")
    assert (he.value.unit, block_key(he)) != (toll.value.unit, block_key(toll))
    assert block_key(he) != block_key(toll)


@pytest.mark.parametrize(("text", "whole"), [
    # the outcome follows the whole's noun: the whole is a toll too
    ("Dana Pruitt was one of the four people killed in the house.",
     [("four people killed", 4, "people", "killed")]),
    ("He was one of three men fatally shot on Monday.",
     [("three men fatally shot", 3, "man", "killed")]),
    ("She was one of the two women who were wounded.",
     [("two women who were wounded", 2, "woman", "injured")]),
    # the outcome is the part's verb: nothing is said of the whole
    ("Two of the six victims died.", []),
    ("One of the five officers was hurt.", []),
])
def test_the_whole_a_part_is_taken_from_is_a_toll(text, whole):
    assert [(t, s, u, subj) for t, s, u, subj in counts(text)
            if subj in ("killed", "injured") and "of" not in t.split()] == whole


@pytest.mark.parametrize(("text", "word", "in_place"), [
    ("Jordan Ames of North Augusta died", "Augusta", True),
    ("Lena Hale, 31, of Mt. Pleasant was charged", "Pleasant", True),
    ("a pupil at Ridge High School died", "School", True),
    # a sentence's end is no abbreviation: the next sentence's pronoun is free
    ("at his home in the 6700 block of South Aberdeen. He was pronounced dead", "He", False),
    ("Police said Ames died", "Ames", False),
])
def test_a_capitalised_word_after_a_place_preposition_belongs_to_the_place(text, word, in_place):
    from reconcile.extract.words import in_place_name

    assert in_place_name(text, text.index(word)) is in_place


@pytest.mark.parametrize(("text", "expected"), [
    # a toll's name before a figure with no noun: people, with that toll's outcome
    ("The death toll rose to five on Monday.", [("five", 5.0, "people", "killed")]),
    ("The death toll from the attack climbed to at least 49.",
     [("at least 49", 49.0, "people", "killed")]),
    ("A death toll of 12 was reported.", [("12", 12.0, "people", "killed")]),
    ("The number of injured rose to 7.", [("7", 7.0, "people", "injured")]),
    # so does a casualty verb (the active forms)
    ("The gunman killed 49 and injured 53 at a nightclub.",
     [("49", 49.0, "people", "killed"), ("53", 53.0, "people", "injured")]),
    ("He is charged with killing 12 and wounding 70.",
     [("12", 12.0, "people", "killed"), ("70", 70.0, "people", "injured")]),
    ("He was shot five times.", [("five", 5.0, "", None)]),
    # a noun after the figure is its own; a figure far from any toll stays bare
    ("Officials put the death toll at 14 people.", [("14 people", 14.0, "people", "killed")]),
    ("The team scored 12 in the last quarter.", [("12", 12.0, "", None)]),
])
def test_a_figure_after_a_tolls_name_counts_people(text, expected):
    from reconcile.rules import load_rules

    tolls = load_rules().casualties.toll_words
    found = [(t, stated, unit, next((o for o in ("killed", "injured")
                                     if tolls[o].intersection(subject.split())), None))
             for t, stated, unit, subject in counts(text)]
    assert found == expected
