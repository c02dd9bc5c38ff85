"""Story clustering: complete linkage, follow-ups that join on average, roundups that do not glue."""
from __future__ import annotations

import reconcile
from reconcile.cluster import ClusterSettings, _attach_followups, _key_amounts, _merge_stories

SETTINGS = ClusterSettings(similarity=0.15, attach_min=0.05, merge_similarity=0.25)


def test_a_followup_joins_the_story_it_resembles_on_average():
    members = {0: [0, 1], 2: [2]}
    adjusted = {(0, 1): 0.6, (0, 2): 0.25, (1, 2): 0.08}  # one weak pair kept it out
    _attach_followups(members, adjusted, SETTINGS)
    assert members == {0: [0, 1, 2]}


def test_an_article_whose_title_tells_it_apart_from_a_member_stays_alone():
    """'PAYLESS CASHWAYS MARCH SALES UP' resembles the company's buy-back and first-quarter
    reports enough on average, but not its February sales report: another month's figures."""
    members = {0: [0, 1], 2: [2]}
    adjusted = {(0, 1): 0.6, (0, 2): 0.5, (1, 2): 0.07}
    _attach_followups(members, adjusted, SETTINGS, told_apart={(1, 2)})
    assert members == {0: [0, 1], 2: [2]}
    _attach_followups(members, adjusted, SETTINGS)
    assert members == {0: [0, 1, 2]}


def test_an_article_unlike_one_member_of_the_story_stays_alone():
    members = {0: [0, 1], 2: [2]}
    adjusted = {(0, 1): 0.6, (0, 2): 0.5}  # nothing in common with article 1
    _attach_followups(members, adjusted, SETTINGS)
    assert members == {0: [0, 1], 2: [2]}


def test_a_roundup_joins_one_story_at_most_and_never_glues_two():
    members = {0: [0, 1], 2: [2, 3], 4: [4]}
    adjusted = {(0, 1): 0.6, (2, 3): 0.6, (0, 4): 0.2, (1, 4): 0.2, (2, 4): 0.3, (3, 4): 0.3}
    _attach_followups(members, adjusted, SETTINGS)
    assert members == {0: [0, 1], 2: [2, 3, 4]}


def test_articles_alone_do_not_pair_up_through_this_pass():
    members = {0: [0], 1: [1]}
    _attach_followups(members, {(0, 1): 0.14}, SETTINGS)
    assert members == {0: [0], 1: [1]}


def test_two_parts_of_a_story_that_resemble_each_other_on_average_merge():
    # the shooting (0, 1) and the trial (2, 3): one weak pair (1, 3) split them
    members = {0: [0, 1], 2: [2, 3]}
    adjusted = {(0, 1): 0.6, (2, 3): 0.6, (0, 2): 0.4, (0, 3): 0.3, (1, 2): 0.3, (1, 3): 0.06}
    _merge_stories(members, adjusted, SETTINGS)
    assert members == {0: [0, 1, 2, 3]}


def test_parts_merge_only_when_every_pair_resembles_a_little_and_the_mean_is_high():
    pairs = {(0, 1): 0.6, (2, 3): 0.6, (0, 2): 0.4, (0, 3): 0.4, (1, 2): 0.4}
    for weak in ({(1, 3): 0.04}, {}):  # one pair below attach_min, or no candidate pair at all
        members = {0: [0, 1], 2: [2, 3]}
        _merge_stories(members, {**pairs, **weak}, SETTINGS)
        assert members == {0: [0, 1], 2: [2, 3]}
    members = {0: [0, 1], 2: [2, 3]}
    _merge_stories(members, {(0, 1): 0.6, (2, 3): 0.6, **{pair: 0.2 for pair in
                                                        [(0, 2), (0, 3), (1, 2), (1, 3)]}},
                   SETTINGS)
    assert members == {0: [0, 1], 2: [2, 3]}  # mean 0.2, below merge_similarity


def test_parts_with_a_pair_the_titles_tell_apart_stay_apart():
    # a company's February reports (0, 1) and its March ones (2, 3): alike on average, but the
    # March sales report's title names another month than the February sales report's
    members = {0: [0, 1], 2: [2, 3]}
    adjusted = {(0, 1): 0.6, (2, 3): 0.6, (0, 2): 0.4, (0, 3): 0.3, (1, 2): 0.3, (1, 3): 0.3}
    _merge_stories(members, adjusted, SETTINGS, told_apart={(1, 3)})
    assert members == {0: [0, 1], 2: [2, 3]}
    _merge_stories(members, adjusted, SETTINGS)
    assert members == {0: [0, 1, 2, 3]}


def test_parts_whose_articles_mostly_name_different_days_or_amounts_stay_apart():
    # two shootings in one template (0, 1 on Saturday; 2, 3 on Wednesday) and a roundup (4)
    # naming both days, in the Wednesday story: alike on average, but two events
    members = {0: [0, 1], 2: [2, 3, 4]}
    adjusted = {(0, 1): 0.8, (2, 3): 0.8, (2, 4): 0.6, (3, 4): 0.5, (0, 2): 0.38, (0, 3): 0.13,
                (1, 2): 0.13, (1, 3): 0.3, (0, 4): 0.58, (1, 4): 0.4}
    apart = {(0, 2), (0, 3), (1, 2), (1, 3)}
    _merge_stories(members, adjusted, SETTINGS, apart)
    assert members == {0: [0, 1], 2: [2, 3, 4]}
    _merge_stories(members, adjusted, SETTINGS, {(0, 2), (0, 3)})  # fewer than half apart
    assert members == {0: [0, 1, 2, 3, 4]}


def test_merged_parts_are_weighed_again_against_a_third_best_first():
    # 0-1 and 2-3 merge first (0.5); against that whole, 4-5 has a mean of 0.3 and joins;
    # 6 is alone and left to the follow-up pass
    members = {0: [0, 1], 2: [2, 3], 4: [4, 5], 6: [6]}
    adjusted = {(0, 1): 0.9, (2, 3): 0.9, (4, 5): 0.9,
                **{(a, b): 0.5 for a in (0, 1) for b in (2, 3)},
                **{(a, b): 0.3 for a in (0, 1, 2, 3) for b in (4, 5)},
                **{(a, 6): 0.9 for a in range(6)}}
    _merge_stories(members, adjusted, SETTINGS)
    assert members == {0: [0, 1, 2, 3, 4, 5], 6: [6]}


def test_a_name_spelled_two_ways_across_sources_is_flagged():
    from reconcile.names import name_variants

    variants = name_variants({
        "a": "Defence minister Raymond Greene said the deal was signed.",
        "b": "Raymond Greene, the minister, confirmed it on Tuesday.",
        "c": "Minister Raymond Green told reporters the sale would go ahead.",
    })
    assert [v.to_dict() for v in variants] == [{"spellings": [
        {"name": "Raymond Green", "sources": ["c"]},
        {"name": "Raymond Greene", "sources": ["a", "b"]}]}]


def test_different_people_and_one_sources_own_spellings_are_not_flagged():
    from reconcile.names import name_variants

    assert name_variants({"a": "Maria Lopez and Mario Lopez were both there.",
                          "b": "John Smith spoke to Jane Doe."}) == ()
    assert name_variants({"a": "Maria Lopez met Mario Lopez."}) == ()


def test_possessives_apostrophes_and_institutions_are_not_name_variants():
    """"Owen Halvorsen's car" names Owen Halvorsen; "Sheriff's" and "Sheriff’s" are one
    spelling; an office, a hospital or a holiday is not a person."""
    from reconcile.names import name_variants

    assert name_variants({
        "a": "Owen Halvorsen\u2019s car was towed by the Ridgefield County Sheriff's Office.",
        "b": "Owen Halvorsen was taken to Lakeview Children's Hospital on Mother's Day.",
        "c": "The Ridgefield County Sheriff\u2019s deputies left Lakeview Children\u2019s Hospital.",
    }) == ()


def test_punctuation_and_ordinary_words_are_not_misspelt_names():
    """An apostrophe, a plural street type or a word the sources also write in lower case
    is no misspelling; a surname with an extra letter still is."""
    from reconcile.names import name_variants

    assert name_variants({
        "a": "The crash happened near Dunkin' Donuts on Bell's Ferry Road, where Grant Street "
             "meets the park. Witnesses gathered late Tuesday.",
        "b": "Police closed Dunkin Donuts and Bells Ferry Road at Ellis and Grant Streets. "
             "The victim was named later Tuesday, when the streets reopened.",
        "c": "Late Tuesday, officers found the car.",
        "d": "Later Tuesday the car was towed.",
        "e": "Officers worked in Northeast Harlow through the night.",
        "f": "Northwest Harlow residents heard the shots.",
    }) == ()
    variants = name_variants({
        "a": "Jacqueline Seabrook and Karen Sargent testified.",
        "b": "Jacqueline Seabrooks and Karen Sergeant testified; the sergeant stayed.",
    })
    assert [[name for name, _ in v.spellings] for v in variants] == [
        ["Jacqueline Seabrook", "Jacqueline Seabrooks"], ["Karen Sargent", "Karen Sergeant"]]


def test_a_place_and_its_adjective_a_date_an_office_or_two_spellings_are_no_misspelt_name():
    """"Latin America/American", "Japan's/Japanese Ministry", "Pay/Record April", "Labour/
    Labor Party": forms of one word, dates, bodies; "Glen/Glenn Grimes" still is a variant."""
    from reconcile.names import name_variants

    assert name_variants({
        "a": "Growth in Latin America slowed, Japan's Ministry said. Pay April 15, Record "
             "April 1. The Coffee Organisation met the Labour Minister Aldo Ruiz. Eastern Europe "
             "watched. Late Tuesday the Agriculture Minister spoke.",
        "b": "Latin American growth slowed, the Japanese Ministry said. Pay Apirl 15, Record "
             "Apirl 1. The Coffee Organization met the Labor Minister Aldo Ruiz. Eastern European "
             "markets watched. Later Tuesday the Agriculture Ministry spoke.",
    }) == ()
    variants = name_variants({"a": "Glen Grimes spoke.", "b": "Glenn Grimes spoke."})
    assert [[name for name, _ in v.spellings] for v in variants] == [["Glen Grimes", "Glenn Grimes"]]


def test_a_name_after_titles_and_places_is_read_whole():
    """"Oak Ridge Police Chief Dana Whitfield": a three-word window stopped at "Dana" and read
    no name; a four-word name is still read in windows, and "Kanye West" keeps its "West"."""
    from reconcile.names import name_variants, names_in

    assert names_in("said Oak Ridge Police Chief Dana Whitfield.") == {"Dana Whitfield"}
    assert names_in("Fire Chief Mary K. Ellis and City Manager Harry Black spoke.") == {
        "Mary K. Ellis", "Harry Black"}
    assert names_in("Kanye West sang.") == {"Kanye West"}
    assert names_in("and Cardamien Demun Braxon Cooper, 21,") == {"Cardamien Demun Braxon"}
    variants = name_variants({"a": "Police Chief Dana Whitfield said so.",
                              "b": "Police Chief Dana Whitfeld said the gunman fired 30 rounds."})
    assert [[name for name, _ in v.spellings] for v in variants] == [
        ["Dana Whitfeld", "Dana Whitfield"]]


def test_names_join_capitalised_parts_only_at_a_hyphen():
    """"Ames-Bracken" is one surname; "PlayStation Network" and "YouTube Channel" are
    product names, which would otherwise join two tech stories through a shared "name"."""
    from reconcile.names import names_in

    assert names_in("Ruth Ames-Bracken met Mary-Kate Olsen.") == {
        "Ruth Ames-Bracken", "Mary-Kate Olsen"}
    assert names_in("The PlayStation Network and the YouTube Channel went dark.") == set()


def test_rare_names_identify_an_event_but_names_in_many_leads_do_not():
    from reconcile.cluster import _rare_names
    from reconcile.model import Source

    victims = ["Iris Rodriguez", "Omar Castillo", "Lena Park"]
    sources = [Source(f"a{i}", f"a{i}.md", f"Governor Ann Baxter spoke. The victim was {name}.")
               for i, name in enumerate(victims)]
    sources.append(Source("b", "b.md", "Police named the victim as Iris Rodriguez on Friday."))
    names = _rare_names(sources, max_sources=2)
    assert names[0] == {"Iris Rodriguez"} and names[3] == {"Iris Rodriguez"}
    assert names[1] == {"Omar Castillo"}  # Ann Baxter is in three leads: too common


def test_key_amounts_are_large_money_and_a_quake_magnitude():
    claims = reconcile.extract("A 4.6-magnitude earthquake shook the valley, causing $12.3 "
                               "million of damage to 40 homes and $50,000 to a school.")
    assert _key_amounts(claims) == {("magnitude", 4.6), ("USD", 12_000_000)}
    assert _key_amounts(reconcile.extract("A 6. 1 magnitude quake hit.")) == {("magnitude", 6.1)}
