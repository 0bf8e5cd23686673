"""PhraseMatcher: clitic-aware, normalisation-aware, longest match wins; name vs trigger keys."""
from __future__ import annotations

import pytest

from marsad.arabic.tokenize import tokenize
from marsad.extract.lexicon import PhraseMatcher, entry_key, key_of, name_keys, token_keys


def matcher(*entries):
    m = PhraseMatcher()
    for phrase in entries:
        m.add(phrase, phrase)
    return m


def found(m, text, keys_of=token_keys):
    """(payload, written text) of every match, using the given key function."""
    tokens = tokenize(text)
    out = []
    for match in m.find(tokens, [keys_of(t) for t in tokens]):
        span_text = text[tokens[match.start].span.start:tokens[match.end - 1].span.end]
        out.append((match.payload, span_text))
    return out


def payloads(m, text, keys_of=token_keys):
    return [p for p, _ in found(m, text, keys_of)]


# ---------------------------------------------------------------- clitics and normalisation

@pytest.mark.parametrize("text, written", [
    ("هاجم والحرس الثوري مواقع", "والحرس الثوري"),
    ("بيان للحرس الثوري أمس", "للحرس الثوري"),
    ("وللحرس الثوري مقرات", "وللحرس الثوري"),
    ("التحق بالحرس الثوري", "بالحرس الثوري"),
    ("فالحرس الثوري قرر", "فالحرس الثوري"),
    ("الحرس الثوري في المدينة", "الحرس الثوري"),
])
@pytest.mark.parametrize("keys_of", [token_keys, name_keys], ids=["token_keys", "name_keys"])
def test_multi_word_entry_matches_through_proclitics(text, written, keys_of):
    assert found(matcher("الحرس الثوري"), text, keys_of) == [("الحرس الثوري", written)]


@pytest.mark.parametrize("text", ["للدفاع الوطني", "والدفاع الوطني", "بالدفاع الوطني", "الدفاع الوطني"])
def test_article_entry_matches_with_lam_lam_and_other_clitics(text):
    assert found(matcher("الدفاع الوطني"), text, name_keys) == [("الدفاع الوطني", text)]


@pytest.mark.parametrize("entry, text", [
    ("الحرس الثوري", "الحَرَسُ الثَّوْرِيُّ"),
    ("الحرس الثوري", "الـحرس الثوري"),
    ("مستشفى الأسد", "مستشفي الاسد"),
    ("إدلب", "ريف ادلب"),
    ("دير الزور", "دير\u00a0الزور"),
    ("الفوج 47", "الفوج ٤٧"),
    ("منصة SY24", "منصة sy24"),
])
def test_entry_matches_normalised_spelling(entry, text):
    assert payloads(matcher(entry), text) == [entry]


@pytest.mark.parametrize("text", ["الحرس، الثوري", "الحرس. الثوري", "الحرس الوطني الثوري", "حراس الثوري"])
def test_multi_word_entry_needs_its_words_in_a_row(text):
    assert payloads(matcher("الحرس الثوري"), text) == []


# ---------------------------------------------------------------- longest match

@pytest.mark.parametrize("order", ["short-first", "long-first"])
@pytest.mark.parametrize("text, expected, written", [
    ("هاجم والحرس الثوري الإيراني القرية", "الحرس الثوري الإيراني", "والحرس الثوري الإيراني"),
    ("هاجم الحرس الثوري القرية", "الحرس الثوري", "الحرس الثوري"),
    ("هاجم الحرس القرية", "الحرس", "الحرس"),
])
def test_longest_entry_wins(order, text, expected, written):
    entries = ["الحرس", "الحرس الثوري", "الحرس الثوري الإيراني"]
    m = matcher(*(entries if order == "short-first" else reversed(entries)))
    assert found(m, text) == [(expected, written)]


def test_longest_match_consumes_its_tokens():
    m = matcher("الدفاع الوطني", "الوطني السوري", "الجيش")
    assert payloads(m, "الدفاع الوطني السوري والجيش") == ["الدفاع الوطني", "الجيش"]


def test_find_all_returns_overlapping_matches_longest_first_at_each_position():
    m = matcher("الحرس", "الحرس الثوري", "الثوري الإيراني")
    tokens = tokenize("والحرس الثوري الإيراني")
    keys = [token_keys(t) for t in tokens]
    got = [(x.start, x.end, x.payload) for x in m.find_all(tokens, keys)]
    assert got == [(0, 2, "الحرس الثوري"), (0, 1, "الحرس"), (1, 3, "الثوري الإيراني")]


def test_candidates_at_lists_longest_first():
    m = matcher("الحرس", "الحرس الثوري الإيراني", "الحرس الثوري")
    tokens = tokenize("الحرس الثوري الإيراني")
    keys = [token_keys(t) for t in tokens]
    assert [x.payload for x in m.candidates_at(tokens, 0, keys)] == [
        "الحرس الثوري الإيراني", "الحرس الثوري", "الحرس"]


def test_entry_longer_than_the_remaining_text_does_not_match():
    assert payloads(matcher("الحرس الثوري الإيراني"), "قادة الحرس الثوري") == []


# ---------------------------------------------------------------- militia spellings

@pytest.mark.parametrize("entry", ["ميليشيا", "مليشيا", "ميلشيا"])
@pytest.mark.parametrize("text", ["ميليشيا", "مليشيا", "ميلشيا", "مليشيا", "وميليشيا", "بمليشيا"])
def test_militia_singular_spellings_match_each_other(entry, text):
    assert payloads(matcher(entry), text) == [entry]


@pytest.mark.parametrize("entry", ["مليشيات", "ميليشيات"])
@pytest.mark.parametrize("text", ["مليشيات", "ميليشيات", "ميلشيات", "الميليشيات", "والمليشيات", "للميليشيات"])
def test_militia_plural_spellings_match_each_other(entry, text):
    assert payloads(matcher(entry), text) == [entry]


@pytest.mark.parametrize("text", ["مليشيا الدفاع الوطني", "ميليشيا الدفاع الوطني", "وميلشيا الدفاع الوطني"])
def test_multi_word_militia_entry_matches_every_spelling(text):
    assert payloads(matcher("ميليشيا الدفاع الوطني"), text, name_keys) == ["ميليشيا الدفاع الوطني"]


def test_militia_singular_and_plural_stay_apart():
    assert payloads(matcher("ميليشيا"), "مليشيات") == []
    assert payloads(matcher("مليشيات"), "ميليشيا") == []


@pytest.mark.parametrize("word, key", [
    ("ميليشيا", "مليشيا"), ("الميليشيا", "المليشيا"), ("ميليشيات", "مليشيات"), ("الميلشيات", "المليشيات"),
])
def test_militia_key(word, key):
    assert entry_key(word) == key


@pytest.mark.parametrize("word", ["مليون", "ملاحظة", "مشيا"])
def test_other_words_are_not_folded_to_militia(word):
    assert "مليشي" not in entry_key(word)


def test_latin_keys_are_case_insensitive():
    assert key_of("SY24") == key_of("sy24") == "sy24"


# ---------------------------------------------------------------- names keep the article, triggers do not

@pytest.mark.parametrize("keys_of", [token_keys, name_keys], ids=["token_keys", "name_keys"])
@pytest.mark.parametrize("text", ["إشارة", "وإشارة", "بإشارة", "اشارة"])
def test_entry_with_article_does_not_match_word_without_it(keys_of, text):
    assert payloads(matcher("الأشارة"), text, keys_of) == []


@pytest.mark.parametrize("keys_of", [token_keys, name_keys], ids=["token_keys", "name_keys"])
@pytest.mark.parametrize("text", ["الإشارة", "والإشارة", "بالإشارة", "للإشارة"])
def test_entry_with_article_matches_word_with_it(keys_of, text):
    assert payloads(matcher("الأشارة"), text, keys_of) == ["الأشارة"]


@pytest.mark.parametrize("entry, text", [
    ("سورية", "السورية"), ("سورية", "والسورية"), ("سورية", "بالسورية"),
    ("حماة", "الحماة"), ("قسد", "القسد"), ("فاطميون", "الفاطميون"),
])
def test_name_entry_without_article_does_not_match_word_with_it(entry, text):
    assert payloads(matcher(entry), text, name_keys) == []


@pytest.mark.parametrize("entry, text", [
    ("سورية", "سورية"), ("سورية", "وسورية"), ("سورية", "بسورية"), ("حماة", "لحماة"), ("قسد", "وقسد"),
])
def test_name_entry_without_article_matches_word_with_clitics(entry, text):
    assert payloads(matcher(entry), text, name_keys) == [entry]


@pytest.mark.parametrize("entry, text", [
    ("لبنان", "عاد القائد للبنان"), ("لواء الباقر", "مجموعة تابعة للواء الباقر"), ("ليبيا", "سافر لليبيا"),
])
def test_name_entry_starting_with_lam_matches_after_the_preposition_lam(entry, text):
    assert payloads(matcher(entry), text, name_keys) == [entry]


@pytest.mark.parametrize("text", ["اشتباك", "الاشتباك", "والاشتباك", "بالاشتباك", "للاشتباك", "باشتباك", "فاشتباك"])
def test_trigger_entry_without_article_matches_word_with_it(text):
    assert payloads(matcher("اشتباك"), text, token_keys) == ["اشتباك"]


def test_name_keys_keep_only_readings_with_the_article():
    t = tokenize("وللدفاع")[0]
    assert "الدفاع" in name_keys(t) and "دفاع" not in name_keys(t)
    assert {"الدفاع", "دفاع"} <= token_keys(t)


# ---------------------------------------------------------------- building the dictionary

def test_len_counts_entries_and_skips_phrases_without_words():
    m = PhraseMatcher().add_all([("الحرس الثوري", 1), ("قسد", 2), ("،", 3), ("", 4)])
    assert len(m) == 2


def test_punctuation_inside_an_entry_is_ignored():
    m = matcher("قوات سوريا الديمقراطية - قسد")
    assert payloads(m, "قوات سوريا الديمقراطية قسد") == ["قوات سوريا الديمقراطية - قسد"]


def test_payload_is_returned_as_given():
    m = PhraseMatcher().add_all([("الحرس الثوري", {"kb": "irgc"})])
    tokens = tokenize("والحرس الثوري")
    assert m.find(tokens)[0].payload == {"kb": "irgc"}


@pytest.mark.parametrize("text", ["طريق تدمر - دير الزور", "طريق تدمر – دير الزور", "طريق تدمر-دير الزور"])
def test_an_entry_with_a_dash_matches_the_text_with_one(text):
    assert payloads(matcher("طريق تدمر - دير الزور"), text) == ["طريق تدمر - دير الزور"]


def test_an_entry_with_a_dash_does_not_match_across_a_comma(text="طريق تدمر، دير الزور"):
    assert payloads(matcher("طريق تدمر - دير الزور"), text) == []
