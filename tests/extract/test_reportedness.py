"""The report model: which mentions it weighs, how it ranks them, and its model file."""
import json

import pytest

from marsad.errors import DataFileError
from marsad.extract.events import EventExtractor
from marsad.extract.reportedness import ReportModel, judged, report_features
from marsad.model import Document


@pytest.fixture(scope="module")
def mentions(pipeline):
    """(context, hits) of the event stage for one invented sentence, before weighing."""
    at = next(i for i, s in enumerate(pipeline.stages) if isinstance(s, EventExtractor))

    def _mentions(text: str):
        doc = Document(doc_id="t", text=text)
        for stage in pipeline.stages[:at]:
            stage(doc)
        return pipeline.stages[at].mentions(doc)
    return _mentions


def weighed(mentions, pipeline, text: str, type_: str) -> tuple[bool, float]:
    ctx, hits = mentions(text)
    model = next(s for s in pipeline.stages if isinstance(s, EventExtractor)).report_model
    n = next(n for n, h in enumerate(hits) if h.type == type_)
    return judged(ctx, hits, n), model.probability(report_features(ctx, hits, n), type_)


@pytest.mark.parametrize("text, type_", [
    ("اغتال مجهولون مختار البلدة أمام منزله.", "ASSASSINATION"),                  # a verb
    ("انفجار سيارة مفخخة قرب مقر الشرطة في المدينة.", "EXPLOSION"),               # the clause opens with the act
    ("شن مسلحون مجهولون هجوماً على حاجز للقوات في البلدة.", "ATTACK"),           # the object of شن
    ("حاول مسلحون اغتيال القيادي في الفصيل.", "ATTACK"),                          # the object of حاول
    ("وخرج العشرات من أهالي البلدة، أمس الأحد، في مظاهرة أمام مقر المجلس.", "PROTEST"),  # the sentence's verb
    ("وفي مدينة الميادين قام مسلحون ملثمون بخطف مدير المدرسة.", "ABDUCTION"),    # قام بـ, after a place
    ("وجاء ذلك بعد محاولة عناصر من لواء الفجر اغتيال مختار القرية.", "ATTACK"),   # an attempt and its agent
    ("كما نظم العشرات من أهالي البلدة وقفة احتجاجية أمام مبنى البلدية.", "PROTEST"),  # a connective, then the verb
    ("أطلق مسلحون مجهولون النار على موكب المحافظ.", "ATTACK"),                    # a verb phrase past its subject
])
def test_the_rules_judge_verbs_and_clauses_that_open_with_the_act(mentions, pipeline, text, type_):
    assert weighed(mentions, pipeline, text, type_)[0] is False


def test_the_model_weighs_a_noun_inside_its_clause(mentions, pipeline):
    assert weighed(mentions, pipeline, "وتفقد المحافظ موقع التفجير الانتحاري في المدينة.", "EXPLOSION")[0] is True


def test_a_report_with_its_toll_date_and_place_outranks_a_passing_mention(mentions, pipeline):
    _, told = weighed(mentions, pipeline,
                      "أعلنت الشرطة مقتل ثلاثة أشخاص وإصابة عشرة في تفجير استهدف سوقاً وسط بغداد أمس.", "EXPLOSION")
    _, passing = weighed(mentions, pipeline,
                         "وتفقد المحافظ موقع التفجير الانتحاري في المدينة.", "EXPLOSION")
    assert told > passing


def test_an_event_carries_the_probability_that_it_is_reported(run):
    doc = run("أعلنت الشرطة مقتل ثلاثة أشخاص وإصابة عشرة في تفجير استهدف سوقاً وسط بغداد أمس.")
    explosion = next(e for e in doc.events if e.type == "EXPLOSION")
    assert 0.0 < explosion.confidence <= 1.0


def test_a_missing_model_file_says_how_to_make_it(tmp_path):
    with pytest.raises(DataFileError, match="train_event_report.py"):
        ReportModel.read(tmp_path / "event_report.json")


def test_a_malformed_model_file_is_reported(tmp_path):
    path = tmp_path / "event_report.json"
    path.write_text(json.dumps({"weights": {}, "bias": 0.0}), encoding="utf-8")
    with pytest.raises(DataFileError, match="not a report model"):
        ReportModel.read(path)


def test_each_family_has_its_own_threshold():
    model = ReportModel({}, 0.0, {"ATTACK": "ASSAULT", "PROTEST": "PROTEST"}, {"ASSAULT": 0.6, "PROTEST": 0.4})
    assert model.reports(0.5, "PROTEST") and not model.reports(0.5, "ATTACK")
    assert not model.judges("MEETING")
