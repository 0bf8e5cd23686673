"""Page furniture lines are flagged whole; article sentences are not."""
import json
from pathlib import Path

import pytest

from marsad.config import Options
from marsad.ingest.boilerplate import find_boilerplate
from marsad.ingest.stage import Boilerplate
from marsad.model import Document

FURNITURE = [
    "Facebook", "Twitter", "WhatsApp", "Telegram", "فيسبوك", "تويتر",
    "Facebook | Twitter | WhatsApp", "فيسبوك تويتر واتساب تلغرام", "شارك على فيسبوك",
    "شارك هذا المقال", "مشاركة", "نسخ الرابط", "120 مشاركة",
    "+A", "-A", "حجم الخط", "A+",
    "2913.jpg", "IMG_20210224.JPEG", "icon", "صورة",
    "التغطية الحية", "بث مباشر",
    "اقرأ أيضاً: غارات روسية على ريف إدلب الجنوبي",
    "إقرأ أيضا: مقتل عنصرين من قوات النظام بانفجار لغم في درعا",
    "اقرأ أيضاً:\u00a0اشتباكات بين فصائل المعارضة في عفرين",
    "شاهد أيضاً: فيديو يظهر لحظة استهداف الرتل العسكري",
    "اقرأ المزيد", "للمزيد: تقرير عن الانتهاكات في الرقة",
    "اشترك بنشرتنا البريدية", "اشترك في النشرة البريدية ليصلك كل جديد",
    "هل أعجبك المحتوى وتريد المزيد منه يصل إلى صندوق بريدك الإلكتروني بشكلٍ دوري؟",
    "انضم إلى قائمة من يقدّرون محتوى الموقع واشترك بنشرتنا البريدية.",
    "انضم إلى قناتنا على تلغرام", "تابعونا على تويتر", "تابعونا عبر غوغل نيوز", "اشترك الآن",
    "مقالات ذات صلة", "أخبار ذات صلة", "مواضيع مشابهة", "الأكثر قراءة",
    "زر الذهاب إلى الأعلى", "العودة إلى الأعلى", "إلى الأعلى",
    "نستخدم ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك على موقعنا", "موافق",
    "جميع الحقوق محفوظة © 2021", "© 2024 عنب بلدي. كل الحقوق محفوظة",
    "الوسوم: سوريا، دير الزور، الحرس الثوري", "#سوريا #دير_الزور",
    "من نحن | اتصل بنا | سياسة الخصوصية", "الرئيسية / أخبار / سوريا", "3 تعليقات", "أضف تعليقاً",
    "الرئيسية » المناطق الخاضعة لسيطرة قوات سوريا الديمقراطية",
]

ARTICLE_LINES = [
    "ونشر ناشطون على فيسبوك صوراً تظهر الدمار الذي خلفه القصف على البلدة.",
    "وقالت قناة على تلغرام تابعة للميليشيا إن عناصرها سيطروا على القرية.",
    "Telegram channels linked to the militia reported the attack on Wednesday.",
    "أرسلت ميليشيا الدفاع الوطني تعزيزات عسكرية إلى البوكمال.",
    "اشترك عناصر من الفرقة الرابعة في الهجوم على البلدة.",
    "انضم عشرات الشبان إلى صفوف الميليشيا خلال الشهر الماضي.",
    "تابع المصدر أن التعزيزات وصلت صباح اليوم عبر طريق تدمر.",
    "شاهد عيان قال إن القصف استهدف سوق البلدة.",
    "وأعلن الجيش أنه سيرد بالقوة، وفق بيان نشره على حسابه في تويتر.",
    "دير الزور ـ خاص",
    "2021.02.24 | 19:54 دمشق",
    "تم النشر بواسطة عين الفرات - Eye of the Euphrates في الاثنين، ١٥ فبراير ٢٠٢١",
    "#عاجل: اشتباكات بين عناصر من الفوج 47 وميليشيا الدفاع الوطني في البوكمال",
    "المصدر: المدن",
    "اتهامات مباشرة",
    "روسيا تعزز نفوذها في البادية السورية. والحرس الثوري يرد",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_line_is_flagged(line):
    text = f"قصفت قوات النظام بلدة في ريف إدلب.\n{line}\nوقال المصدر إن القصف تجدد."
    spans = find_boilerplate(text)
    assert [s.of(text) for s in spans] == [line]


@pytest.mark.parametrize("line", ARTICLE_LINES)
def test_article_line_is_not_flagged(line):
    assert find_boilerplate(line) == []


def test_spans_are_the_trimmed_lines_in_the_original_text():
    lines = ["Facebook", "\u00a0 حجم الخط  ", "", "نص الخبر الأول عن الاشتباكات في درعا.",
             "\tاقرأ أيضاً:\u00a0قصف على إدلب\r", "زر الذهاب إلى الأعلى"]
    text = "\n".join(lines)
    spans = find_boilerplate(text)
    assert [text[s.start:s.end] for s in spans] == [
        "Facebook", "حجم الخط", "اقرأ أيضاً:\u00a0قصف على إدلب", "زر الذهاب إلى الأعلى"]


def test_headline_under_a_bare_read_also_label_is_flagged_too():
    text = "نص الخبر.\nاقرأ أيضاً\n\nمقتل قيادي في الحرس الثوري بغارة قرب البوكمال\nوتابع المصدر حديثه."
    assert [s.of(text) for s in find_boilerplate(text)] == [
        "اقرأ أيضاً", "مقتل قيادي في الحرس الثوري بغارة قرب البوكمال"]


@pytest.mark.parametrize("label", ["اقرأ أيضاً:", "مرتبط", "مقالات ذات صلة", "أخبار ذات صلة"])
def test_every_linked_headline_of_a_list_under_a_label_is_flagged(label):
    text = (f"نص الخبر.\n\n{label}\nالمرصد السوري: عبوة ناسفة تستهدف سيارة عسكرية\n"
            "بالتزامن مع التوتر.. الميليشيات تستقدم تعزيزات إلى البوكمال\n\nويعيد التصعيد إلى الأذهان المعارك")
    assert [s.of(text) for s in find_boilerplate(text)] == [
        label, "المرصد السوري: عبوة ناسفة تستهدف سيارة عسكرية",
        "بالتزامن مع التوتر.. الميليشيات تستقدم تعزيزات إلى البوكمال"]


def test_boilerplate_stage_sets_document_spans():
    stage = Boilerplate(Options())
    assert (stage.name, stage.requires, stage.provides) == ("boilerplate", ("text",), ("boilerplate",))
    doc = Document(doc_id="d", text="Twitter\nقصفت الطائرات الروسية مدينة أريحا.\nمقالات ذات صلة")
    stage(doc)
    assert [s.of(doc.text) for s in doc.boilerplate] == ["Twitter", "مقالات ذات صلة"]


GOLD = Path("/work/shared/eval/gold/seeds.json")
SEEDS = Path("/work/shared/corpus/seeds")


@pytest.mark.skipif(not GOLD.is_file(), reason="shared gold annotations not available")
def test_seed_gold_furniture_is_found():
    for gold in json.loads(GOLD.read_text(encoding="utf-8"))["documents"]:
        text = (SEEDS / gold["file"]).read_text(encoding="utf-8")
        found = {(s.start, s.end) for s in find_boilerplate(text)}
        for b in gold["boilerplate"]:
            assert (b["start"], b["end"]) in found, (gold["doc_id"], b["text"])
