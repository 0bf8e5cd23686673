"""The NumPy decoder gives CRFsuite's own tags: on a small model trained here and on the committed
tagger's two stages, for sentences of many lengths decoded in one batch."""
from __future__ import annotations

import random
from pathlib import Path

import pycrfsuite
import pytest

from marsad.extract.crf_decode import WeightTable
from marsad.extract.ner_crf import STAGE1_FILE, CrfTagger, add_stacked_features, repair_iob2
SENTENCES = [   # invented
    "صرح المتحدث باسم الوزارة سامر الحلبي للصحفيين في دمشق أمس .",
    "وأعلن وزير الخارجية العراقي فؤاد حسين أن الوفد سيزور عمان الأسبوع المقبل .",
    "واشنطن ( رويترز ) - قالت الأمم المتحدة يوم الثلاثاء إن المساعدات وصلت إلى غزة .",
    "اشتباكات",
    "وقال قائد لواء الفجر أبو سامر الديري إن مقاتليه دخلوا قرية الحسينية بعد معارك مع قوات العشائر في ريف دير الزور الشرقي يوم الاثنين .",
]
SHARED_ANERCORP = Path(__file__).resolve().parents[3] / "shared" / "data" / "anercorp" / "ANERCorp_CamelLab_train.txt"


def _toy_sequence(rng: random.Random, n: int) -> tuple[list[list[str]], list[str]]:
    words = [rng.choice("abcdefgh") for _ in range(n)]
    labels = ["X" if w in "abc" else "Y" if w in "de" else "Z" for w in words]
    feats = [[f"w={w}", f"prev={words[i - 1] if i else '^'}"] for i, w in enumerate(words)]
    return feats, labels


@pytest.fixture(scope="module")
def toy_model(tmp_path_factory) -> Path:
    rng = random.Random(1)
    trainer = pycrfsuite.Trainer(verbose=False)
    for _ in range(60):
        feats, labels = _toy_sequence(rng, rng.randint(1, 12))
        # noisy labels, so that the transitions carry weight too
        labels = [lab if rng.random() > 0.2 else rng.choice("XYZ") for lab in labels]
        trainer.append(feats, labels)
    trainer.set_params({"max_iterations": 50, "c2": 0.1})
    path = tmp_path_factory.mktemp("crf") / "toy.crfsuite"
    trainer.train(str(path))
    return path


def test_toy_model_batch_matches_crfsuite(toy_model):
    rng = random.Random(2)
    sequences = [_toy_sequence(rng, n)[0] for n in [1, 2, 7, 30, 3, 1, 15] * 5]
    reference = pycrfsuite.Tagger()
    reference.open(str(toy_model))
    table = WeightTable.from_crfsuite(toy_model)
    emissions = [table.sum_bags(feats) for feats in sequences]
    assert table.viterbi(emissions, batch=4) == [reference.tag(feats) for feats in sequences]


def test_unknown_attributes_add_nothing(toy_model):
    table = WeightTable.from_crfsuite(toy_model)
    assert not table.sum_bags([["never-seen", "nor-this"], []]).any()


@pytest.mark.parametrize("which", ["toy", "stage1", "final"])
def test_weights_are_read_as_tagger_info_reads_them(toy_model, which):
    path = {"toy": toy_model, "stage1": CrfTagger.load().model_dir / STAGE1_FILE,
            "final": CrfTagger.load().model_dir / "ner_crf.crfsuite"}[which]
    reference = pycrfsuite.Tagger()
    reference.open(str(path))
    info = reference.info()
    table = WeightTable.from_crfsuite(path)
    at = {lab: j for j, lab in enumerate(table.labels)}
    assert list(table.attributes) == list(dict.fromkeys(attr for attr, _ in info.state_features))
    assert {(attr, lab): table.state[table.attributes[attr], at[lab]] for attr, lab in info.state_features} \
        == info.state_features
    assert (table.state != 0).sum() <= len(info.state_features)
    assert {(a, b): table.transitions[at[a], at[b]] for a, b in info.transitions} == info.transitions


def test_empty_batch(toy_model):
    assert WeightTable.from_crfsuite(toy_model).viterbi([]) == []


def _crfsuite_tags(tagger: CrfTagger, sentences: list[list[str]]) -> list[list[str]]:
    """What the tagger did before the NumPy decoder: CRFsuite on the feature strings."""
    fe = tagger.features
    stage1 = pycrfsuite.Tagger()
    stage1.open(str(tagger.model_dir / STAGE1_FILE))
    final = pycrfsuite.Tagger()
    final.open(str(tagger.model_dir / "ner_crf.crfsuite"))
    feats = [fe.sentence(s) for s in sentences]
    first = [repair_iob2(stage1.tag(f)) for f in feats]
    add_stacked_features(feats, [fe.doc_keys(s) for s in sentences], first, fe.config.doc_window)
    return [repair_iob2(final.tag(f)) for f in feats]


def test_tagger_matches_crfsuite_on_invented_sentences():
    tagger = CrfTagger.load()
    sentences = [s.split() for s in SENTENCES] * 2
    assert list(tagger.tag_sentences(sentences)) == _crfsuite_tags(tagger, sentences)


@pytest.mark.skipif(not SHARED_ANERCORP.exists(), reason="../shared/data/anercorp is not beside the repository")
def test_tagger_matches_crfsuite_on_anercorp():
    text = SHARED_ANERCORP.read_text(encoding="utf-8")
    sentences = [[line.split()[0] for line in block.splitlines() if line.strip()]
                 for block in text.split("\n\n") if block.strip()][-600:]
    tagger = CrfTagger.load()
    assert list(tagger.tag_sentences(sentences)) == _crfsuite_tags(tagger, sentences)
