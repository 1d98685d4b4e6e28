"""Each review rule: a bad item it reports, a good item it leaves alone."""

from __future__ import annotations

from pathlib import Path

from tests.banks.review.factory import bank, found, mr, review, sc, text, tf, write
from trainer.banks.review.engine import load_for_review
from trainer.banks.review.rules import RULES, Rule, Severity, message


def test_key_longest_is_a_notice_per_item() -> None:
    bad = sc(
        "q", "Who is a child?", ["Any person under eighteen years of age", "A pupil", "A minor"]
    )
    good = sc("q", "Who is a child?", ["Under 18", "A pupil at school", "Anyone unmarried"])
    [f] = found(bank(bad), Rule.KEY_LONGEST)
    assert f.severity is Severity.NOTICE and f.question_id == "q"
    assert f.params == {"key_length": 38, "other_length": 7}
    assert found(bank(good), Rule.KEY_LONGEST) == []


def test_key_longest_share_counts_ties_against_chance() -> None:
    tie = [sc(f"q{i}", "Pick one", ["same", "size", "text"]) for i in range(8)]
    [f] = found(bank(*tie), Rule.KEY_LONGEST_SHARE)
    assert f.severity is Severity.WARNING and f.question_id is None and f.line == 1
    assert f.params["share"] == 1.0 and f.params["count"] == 8
    assert abs(f.params["chance"] - 1 / 3) < 1e-9
    assert "100% of the 8" in f.message("en") and "contre 33\u00a0% par hasard" in f.message("fr")
    # 2 of 8 keys longest (25%): fine; and fewer than 8 questions are never counted.
    mixed = [sc(f"q{i}", "Pick one", ["a", "longer b", "longer c"]) for i in range(6)]
    mixed += [sc(f"r{i}", "Pick one", ["longest one", "b", "c"]) for i in range(2)]
    assert found(bank(*mixed), Rule.KEY_LONGEST_SHARE) == []
    assert found(bank(*tie[:7]), Rule.KEY_LONGEST_SHARE) == []


def test_key_position_only_where_options_are_not_shuffled() -> None:
    items = [sc(f"q{i}", "Pick one", ["a", "bb", "cc"]) for i in range(8)]
    fixed_module = [{"id": "m", "title": text("Module"), "shuffle": False}]
    [f] = found(bank(*items, modules=fixed_module), Rule.KEY_POSITION)
    assert f.params == {"share": 1.0, "count": 8, "position": 1}
    assert found(bank(*items), Rule.KEY_POSITION) == []  # shuffled: the position tells nothing
    spread = [sc(f"q{i}", "Pick one", ["a", "bb", "cc"], key=i % 3) for i in range(8)]
    assert found(bank(*spread, modules=fixed_module), Rule.KEY_POSITION) == []


def test_key_position_counts_a_fixed_right_option() -> None:
    items = [sc(f"q{i}", "Pick one", ["a", "bb", "cc"]) for i in range(8)]
    for q in items:
        q["options"][0]["fixed"] = True
    assert len(found(bank(*items), Rule.KEY_POSITION)) == 1


def test_multiple_response_pattern() -> None:
    same = [mr(f"q{i}", options=4, right=2) for i in range(8)]
    [f] = found(bank(*same), Rule.MR_PATTERN)
    assert f.params == {"share": 1.0, "count": 8, "right": 2, "options": 4}
    varied = [mr(f"q{i}", options=4, right=1 + i % 2) for i in range(8)]  # 50% each
    assert found(bank(*varied), Rule.MR_PATTERN) == []


def test_multiple_response_all_right_is_a_problem(tmp_path: Path) -> None:
    bad = write(tmp_path / "all.yaml", mr("q", options=3, right=3))
    good = write(tmp_path / "some.yaml", mr("q", options=3, right=2))
    banks, invalid = load_for_review([bad, good])
    [review_bad] = invalid
    [f] = review_bad.findings
    assert f.rule is Rule.MR_ALL_OR_NONE and f.severity is Severity.PROBLEM
    assert review_bad.has_problem and "every option is correct" in f.message("en")
    assert [b.id for b in banks] == ["t"] and not review(banks[0]).has_problem


def test_all_or_none_of_the_above() -> None:
    for words in (
        ("All of the above", "Toutes ces réponses"),
        ("x", "Aucune des réponses ci-dessus"),
    ):
        [f] = found(bank(sc("q", "Pick", ["a", "b", words])), Rule.ALL_NONE_ABOVE)
        assert f.params["option"] == "c" and f.severity is Severity.WARNING
    assert (
        found(bank(sc("q", "Pick", ["a", "b", "Above the age of 18"])), Rule.ALL_NONE_ABOVE) == []
    )


def test_stem_words_repeated_only_in_the_key() -> None:
    bad = sc("q", "Which document proves identity?", ["An identity card", "A letter", "A ticket"])
    [f] = found(bank(bad), Rule.STEM_CLUE)
    assert f.params == {"words": ["identity"]} and f.severity is Severity.NOTICE
    good = sc(
        "q",
        "Which document proves identity?",
        ["An identity card", "An identity photo", "A ticket"],
    )
    assert found(bank(good), Rule.STEM_CLUE) == []


def test_absolute_words_only_in_wrong_options() -> None:
    bad = sc(
        "q",
        "When may a victim be interviewed?",
        [
            ("After rest and with consent", "Après repos"),
            ("Never", "Jamais"),
            ("Always", "Toujours"),
        ],
    )
    [f] = found(bank(bad), Rule.ABSOLUTE_WORDS)
    assert f.params["words"] == ["always", "never", "jamais", "toujours"]
    good = sc("q", "When?", ["Only with consent", "Never", "Always"])
    assert found(bank(good), Rule.ABSOLUTE_WORDS) == []


def test_negative_stem_needs_emphasis() -> None:
    for stem in (
        text("Which is not an indicator?", "Lequel n'est PAS un indicateur ?"),
        text("Which is NOT an indicator?", "Lequel n'est pas un indicateur ?"),
        text("All are indicators except which?", "Tous sont des indicateurs SAUF lequel ?"),
    ):
        [f] = found(bank(sc("q", stem, ["a", "b"])), Rule.NEGATIVE_STEM)
        assert f.severity is Severity.WARNING
    assert found(bank(tf("q", "A victim's consent does not matter.")), Rule.NEGATIVE_STEM)
    for stem in (
        text("Which is NOT an indicator?", "Lequel n'est PAS un indicateur ?"),
        text("Which is *not* an indicator?", "Lequel n'est *pas* un indicateur ?"),
        # A negative in the case, not in the question asked, is no negative stem.
        text("She did not speak. What should you do?", "Elle ne parlait pas. Que faire ?"),
        text("Which is an indicator?", "Lequel est un indicateur ?"),
        # "at least" states a quantity; it asks for no exception
        text("How long must it last at least?", "Quelle doit être sa durée minimale ?"),
    ):
        assert found(bank(sc("q", stem, ["a", "b"])), Rule.NEGATIVE_STEM) == []
    least = text("Which measure is the least intrusive?", "Quelle mesure est la moins intrusive ?")
    assert found(bank(sc("q", least, ["a", "b"])), Rule.NEGATIVE_STEM)


def test_near_duplicates_within_a_bank_and_across_the_library() -> None:
    stem = "Which document proves the age of a child found working in a brick factory?"
    a = sc("a", stem, ["A birth certificate", "A school report", "A church card"])
    b = sc(
        "b",
        stem.replace("brick", "tea"),
        ["A birth certificate", "A school report", "A church card"],
    )
    c = sc("c", "Who refers a victim to shelter?", ["The police", "The judge", "The mayor"])
    [f] = found(bank(a, b, c), Rule.NEAR_DUPLICATE)
    assert (f.question_id, f.params["other"]) == ("b", "a") and f.params["similarity"] >= 0.85
    assert f.params["place"].startswith("t:")
    assert found(bank(a, c), Rule.NEAR_DUPLICATE) == []
    other = bank(b, bank_id="other")
    [g] = [x for x in review(bank(a, c), library=[other]).findings if x.rule is Rule.NEAR_DUPLICATE]
    assert g.question_id == "a" and g.params["place"].startswith("other:")


def test_year_bound_wording() -> None:
    for stem in (
        text("According to the 2023 report, who is at risk?"),
        text("Who is at risk this year?"),
        text("Who is at risk?", "Qui est actuellement exposé ?"),
        text("Who is at risk?", "Selon le dernier rapport, qui est exposé ?"),
        text("Who is at risk?", "Selon le rapport 2023, qui est exposé ?"),
    ):
        [f] = found(bank(sc("q", stem, ["a", "b"])), Rule.YEAR_BOUND)
        assert f.severity is Severity.WARNING
    for dated in (
        text("Under Law No. 1/28 of 2014, who is at risk?"),
        text(
            "According to the FATF report (2018), what is at risk?",
            "Selon le rapport du GAFI (2018), qu'est-ce qui est en jeu ?",
        ),
    ):
        assert found(bank(sc("q", dated, ["a", "b"])), Rule.YEAR_BOUND) == []


def test_no_difficulty() -> None:
    bad = sc("q", "Pick", ["a", "b"])
    del bad["difficulty"]
    [f] = found(bank(bad), Rule.NO_DIFFICULTY)
    assert f.severity is Severity.WARNING and f.question_id == "q"
    assert found(bank(sc("q", "Pick", ["a", "b"])), Rule.NO_DIFFICULTY) == []
    # A scenario part takes its scenario's difficulty.
    part = sc("p1", "Pick", ["a", "b"])
    del part["difficulty"]
    scenario = {
        "id": "s1",
        "kind": "scenario",
        "topic": "indicators",
        "difficulty": 2,
        "text": text("A case."),
        "parts": [part, sc("p2", "Pick again", ["c", "d"])],
    }
    assert found(bank(scenario), Rule.NO_DIFFICULTY) == []
    del scenario["difficulty"]
    assert [f.question_id for f in found(bank(scenario), Rule.NO_DIFFICULTY)] == ["p1"]


def test_explanation_must_mention_the_answer() -> None:
    q = sc("q", "Who is a child?", ["Anyone under eighteen", "A pupil"])
    q["explanation"] = text("The Protocol defines it in Article 3.")
    [f] = found(bank(q), Rule.EXPLANATION_KEY)
    assert f.params == {"words": ["Anyone under eighteen"]} and f.severity is Severity.NOTICE
    q["explanation"] = text("A child is anyone aged under 18 (eighteen years).")
    assert found(bank(q), Rule.EXPLANATION_KEY) == []


def test_versions_that_disagree_on_numbers() -> None:
    bad = sc("q", text("Up to 18 years?", "Jusqu'à 16 ans ?"), ["a", "b"])
    [f] = found(bank(bad), Rule.TRANSLATION_NUMBERS)
    assert f.params["numbers"] == ["18"] and f.params["other_numbers"] == ["16"]
    assert "the English and French versions of the question" in f.message("en")
    good = sc(
        "q",
        text(
            "A fine of 100,000 francs, 1.5 times, on the 1st day?",
            "Une amende de 100 000 francs, 1,5 fois, le 1er jour ?",
        ),
        ["a", "b"],
    )
    assert found(bank(good), Rule.TRANSLATION_NUMBERS) == []


def test_versions_that_cite_different_articles() -> None:
    bad = sc("q", text("Under Article 3, who?", "Selon l'article 4, qui ?"), ["a", "b"])
    [f] = found(bank(bad), Rule.TRANSLATION_ARTICLES)
    assert (f.params["numbers"], f.params["other_numbers"]) == (["3"], ["4"])
    assert found(bank(bad), Rule.TRANSLATION_NUMBERS) == []  # the article is not counted twice
    for good_text in (
        text("Under Art. 3(a), who?", "Selon l'article 3 a), qui ?"),
        text("Art. 6(2) requires what?", "Que prévoit l'article 6, paragraphe 2 ?"),
        text("Under Arts. 242-243, who?", "Selon les articles 242 et 243, qui ?"),
        # sub-parts as French writes them: inside the reference, around it, in a list
        text("What does Art. 6(3) list?", "Qu'énumère l'art. 6, par. 3 ?"),
        text("Art. 3(a) names which means?", "Quels moyens l'art. 3, al. a) cite-t-il ?"),
        text("Why do Art. 26(2)-(3) matter?", "Pourquoi l'article 26, paragraphes 2 et 3 ?"),
        text("Are Art. 6(1) and 6(2) binding?", "Les paragraphes 1 et 2 de l'article 6 lient-ils ?"),
        text("Which Guideline 4(5) rule?", "Quelle règle de la Directive 4, paragraphe 5 ?"),
        text("Paras. 8-11 of the Declaration?", "Les par. 8 à 11 de la Déclaration ?"),
    ):
        good = sc("q", good_text, ["a", "b"])
        assert found(bank(good), Rule.TRANSLATION_ARTICLES) == []
        assert found(bank(good), Rule.TRANSLATION_NUMBERS) == []


def test_versions_that_ask_for_a_different_number_of_options() -> None:
    bad = mr("q")
    bad["text"] = text("Which two apply?", "Lesquelles (trois) s'appliquent ?")
    [f] = found(bank(bad), Rule.TRANSLATION_COUNT)
    assert (f.params["numbers"], f.params["other_numbers"]) == ([2], [3])
    bad["text"] = text("Which two apply?", "Quelles deux s'appliquent ?")
    assert found(bank(bad), Rule.TRANSLATION_COUNT) == []


def test_every_rule_explains_itself_in_english_and_french() -> None:
    for rule, info in RULES.items():
        assert set(info.message) == {"en", "fr"} and set(info.title) == {"en", "fr"}, rule
        assert info.message["en"] != info.message["fr"], rule
    assert message(Rule.NO_DIFFICULTY, {}, "fr").startswith("aucune difficulté")
