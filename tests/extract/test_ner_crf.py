"""The CRF named-entity tagger: the committed model, IOB2 output, `marsad tag --conll`.

Every sentence here is invented; the names belong to no one.
"""
from __future__ import annotations

import io
import subprocess
import sys

import pytest

from marsad.cli import main
from marsad.config import Options
from marsad.errors import DataFileError
from marsad.extract.ner_crf import CrfTagger, FeatureConfig, FeatureExtractor, repair_iob2, tag_conll

TYPES = {"PERS", "LOC", "ORG", "MISC"}

SENTENCES = [
    "صرح المتحدث باسم الوزارة سامر الحلبي للصحفيين في دمشق أمس .",
    "قال الرئيس السوري بشار الأسد إن الحكومة ستواصل العمل .",
    "وأعلن وزير الخارجية العراقي فؤاد حسين أن الوفد سيزور عمان الأسبوع المقبل .",
    "وأكد الناطق باسم الشركة ماهر الدباغ أن المصنع في حلب عاد إلى العمل .",
    "التقى رئيس الوزراء اللبناني نجيب ميقاتي السفير الفرنسي في بيروت .",
    "واشنطن ( رويترز ) - قالت الأمم المتحدة يوم الثلاثاء إن المساعدات وصلت إلى غزة .",
]


@pytest.fixture(scope="module")
def tagger() -> CrfTagger:
    return CrfTagger.load()


def split(sentence: str) -> list[str]:
    return sentence.split()


def assert_iob2(tags: list[str]) -> None:
    prev = "O"
    for t in tags:
        assert t == "O" or (t[:2] in ("B-", "I-") and t[2:] in TYPES), t
        if t.startswith("I-"):
            assert prev != "O" and prev[2:] == t[2:], f"{t} after {prev} in {tags}"
        prev = t


def test_model_loads(tagger):
    stage1, final = tagger.tables()
    assert final is not None
    assert (stage1 is not None) == tagger.config.stacked
    meta = tagger.meta
    assert meta["scheme"] == "IOB2"
    assert meta["dev"]["micro"]["f1"] > 0.5
    assert CrfTagger.load() is tagger


def test_import_is_light():
    code = ("import sys, marsad, marsad.extract.ner_crf, marsad.cli; "
            "assert 'pycrfsuite' not in sys.modules; print('ok')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"


def test_output_is_valid_iob2(tagger):
    sents = [split(s) for s in SENTENCES]
    tagged = list(tagger.tag_sentences(sents))
    assert [len(t) for t in tagged] == [len(s) for s in sents]
    for tags in tagged:
        assert_iob2(tags)
    # one sentence alone, punctuation only, one token, nothing
    for toks in (sents[0], ["،", ".", "("], ["دمشق"], ["x" * 40]):
        tags = tagger.tag(toks)
        assert len(tags) == len(toks)
        assert_iob2(tags)
    assert tagger.tag([]) == []


def test_empty_sentences_keep_their_place(tagger):
    sents = [split(SENTENCES[0]), [], split(SENTENCES[1])]
    tagged = list(tagger.tag_sentences(sents))
    assert [len(t) for t in tagged] == [len(s) for s in sents]


def test_blocks_give_the_same_tags(tagger, monkeypatch):
    sents = [split(s) for s in SENTENCES] * 3
    whole = list(tagger.tag_sentences(sents))
    monkeypatch.setattr(tagger, "block", 2)
    assert list(tagger.tag_sentences(sents)) == whole


@pytest.mark.parametrize("sentence, name", [
    ("صرح المتحدث باسم الوزارة سامر الحلبي للصحفيين", "سامر الحلبي"),
    ("قال الرئيس السوري بشار الأسد إن الحكومة ستواصل العمل", "بشار الأسد"),
    ("وأكد الناطق باسم الشركة ماهر الدباغ أن المصنع عاد إلى العمل", "ماهر الدباغ"),
    ("وقال وزير الزراعة خالد العبيدي في مؤتمر صحفي إن الموسم جيد", "خالد العبيدي"),
])
def test_person_names(tagger, sentence, name):
    toks = split(sentence)
    tags = tagger.tag(toks)
    start = toks.index(name.split()[0])
    n = len(name.split())
    assert tags[start:start + n] == ["B-PERS"] + ["I-PERS"] * (n - 1), list(zip(toks, tags))


def test_repair_iob2():
    assert repair_iob2(["I-PERS", "I-PERS", "O", "I-LOC", "B-ORG", "I-LOC"]) == \
        ["B-PERS", "I-PERS", "O", "B-LOC", "B-ORG", "B-LOC"]


@pytest.fixture(scope="module")
def lexicon_only() -> FeatureExtractor:
    return FeatureExtractor(FeatureConfig(gazetteers=False, cues=False, clusters=False))


@pytest.mark.parametrize("sentence, word, feature", [
    ("وصل جورج إلى المطار", "جورج", "g=LEX_FIRST_NAMES:B"),
    ("وقال الرئيس بوش", "بوش", "g=LEX_SURNAMES:B"),
    ("زار الوفد بوينس آيرس أمس", "آيرس", "g=LEX_PLACES:I"),
    ("بحسب منظمة الصحة العالمية", "الصحة", "g=LEX_ORGANISATIONS:I"),
    ("دفع مليون دولار", "دولار", "g=LEX_MISC:B"),
    ("قال مدير وشركة النفط", "وشركة", "lx=org_heads"),     # a proclitic does not hide the word
    ("قال مدير وشركة النفط", "النفط", "-1:lx=org_heads"),  # neighbours see it
    ("وصرح المدرب أمس", "المدرب", "lx=person_context"),
    ("في مدينة كبيرة", "كبيرة", "-1:lx=place_context"),
])
def test_lexicon_features(lexicon_only, sentence, word, feature):
    toks = split(sentence)
    assert feature in lexicon_only.sentence(toks)[toks.index(word)]


def test_lexicon_off_adds_nothing():
    fe = FeatureExtractor(FeatureConfig(gazetteers=False, cues=False, clusters=False, lexicon=False))
    feats = [f for fs in fe.sentence(split("قال الرئيس جورج بوش في منظمة الصحة العالمية")) for f in fs]
    assert not [f for f in feats if "LEX_" in f or "lx=" in f]


def test_word_in_two_lists_gets_both(tmp_path):
    (tmp_path / "ner_lexicon.yaml").write_text(
        "phrases: {places: [كاتماندو]}\nwords: {a_list: [ميناء], b_list: [ميناء, مطار]}\n", encoding="utf-8")
    fe = FeatureExtractor(FeatureConfig(gazetteers=False, cues=False, clusters=False),
                          options=Options(data_dir=tmp_path))
    feats = fe.sentence(split("ميناء كاتماندو"))
    assert {"lx=a_list", "lx=b_list"} <= set(feats[0])
    assert "g=LEX_PLACES:B" in feats[1] and "-1:lx=b_list" in feats[1]


@pytest.mark.parametrize("text", ["phrases: [a, b]\n", "- a\n- b\n", "words: a\n"])
def test_malformed_lexicon_names_the_file(tmp_path, text):
    (tmp_path / "ner_lexicon.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match="ner_lexicon.yaml"):
        FeatureExtractor(FeatureConfig(gazetteers=False, cues=False, clusters=False),
                         options=Options(data_dir=tmp_path))


def test_feature_config_round_trip():
    cfg = FeatureConfig(clusters=False, doc_window=3)
    assert FeatureConfig.from_dict({**cfg.to_dict(), "unknown": 1}) == cfg


CONLL_IN = (
    "\n"
    "صرح\tO\n"
    "المتحدث O\n"
    "سامر B-PERS\n"
    "الحلبي I-PERS\n"
    ".\n"
    "\n"
    "\n"
    "قال\n"
    "الرئيس\n"
    "بشار   B-PERS extra\n"
    "الأسد\n"
    "   \n"
    "دمشق\n"
)


def _check_round_trip(text_in: str, text_out: str) -> None:
    lines_in, lines_out = text_in.split("\n"), text_out.split("\n")
    assert len(lines_in) == len(lines_out)
    for a, b in zip(lines_in, lines_out):
        if not a.strip():
            assert b == ""
            continue
        token, tag = b.split(" ")
        assert token == a.split()[0]
        assert tag == "O" or tag[:2] in ("B-", "I-") and tag[2:] in TYPES
    sentences = [[line.split()[1] for line in block.strip().split("\n")]
                 for block in text_out.strip().split("\n\n") if block.strip()]
    for tags in sentences:
        assert_iob2(tags)


def test_tag_conll_keeps_tokens_order_and_blank_lines(tagger):
    out = io.StringIO()
    assert tag_conll(io.StringIO(CONLL_IN), out, tagger) == (3, 10)
    _check_round_trip(CONLL_IN, out.getvalue())
    # no final newline in, none out
    out = io.StringIO()
    tag_conll(io.StringIO("دمشق\nبيروت"), out, tagger)
    assert out.getvalue().count("\n") == 2 and out.getvalue().endswith("\n")


def test_cli_tag_round_trip(tmp_path):
    src, dst = tmp_path / "in.txt", tmp_path / "out.txt"
    src.write_text(CONLL_IN, encoding="utf-8")
    assert main(["tag", "--conll", str(src), "-o", str(dst)]) == 0
    text_out = dst.read_text(encoding="utf-8")
    _check_round_trip(CONLL_IN, text_out)
    tags = [line.split(" ")[1] for line in text_out.split("\n") if line]
    assert tags[2:4] == ["B-PERS", "I-PERS"]


def test_cli_tag_errors(tmp_path, capsys):
    assert main(["tag", "--conll", str(tmp_path / "missing.txt")]) == 2
    assert "no such file" in capsys.readouterr().err
    src = tmp_path / "in.txt"
    src.write_text("دمشق\n", encoding="utf-8")
    assert main(["tag", "--conll", str(src), "-o", str(src)]) == 2
    assert src.read_text(encoding="utf-8") == "دمشق\n"
