"""Events: type, modality, arguments, and one event per occurrence."""
import datetime as dt
import os
import subprocess
import sys

import pytest

from marsad.extract.events import EventExtractor
from marsad.model import Document

PUBLISHED = dt.date(2024, 3, 12)   # the day the `run` fixture publishes its texts


def only(doc, type_=None):
    evs = [e for e in doc.events if type_ in (None, e.type)]
    assert len(evs) == 1, [(e.type, e.modality) for e in doc.events]
    return evs[0]


def name(doc, eid):
    e = doc.entity(eid)
    return e.name_en or e.name_ar


@pytest.mark.parametrize("text, type_", [
    ("اندلعت اشتباكات عنيفة بين الفصائل وقوات النظام في ريف حلب.", "ARMED_CLASH"),
    ("شن مسلحون مجهولون هجوماً على حاجز للقوات في البلدة.", "ATTACK"),
    ("قصفت الطائرات الروسية مواقع في البادية.", "AIRSTRIKE"),
    ("قصفت قوات النظام بالمدفعية قرى في ريف إدلب.", "SHELLING"),
    ("انفجرت عبوة ناسفة بسيارة عسكرية على الطريق.", "EXPLOSION"),
    ("اعتقلت قوات النظام شاباً في مدينة درعا.", "ARREST"),
    ("اختطف مسلحون طفلاً من أمام منزله.", "ABDUCTION"),
    ("احتجزت الجماعة المسلحة 12 رهينة من العمال الأجانب في مصنع قرب المدينة.", "ABDUCTION"),
    ("احتجزت قوات الأمن ثلاثة مطلوبين في حي الشيخ مقصود.", "ARREST"),
    ("عقد قادة الفصائل اجتماعاً في المدينة.", "MEETING"),
    ("زار وفد روسي مدينة الميادين.", "VISIT"),
    ("استقدمت قوات النظام تعزيزات عسكرية إلى المنطقة.", "MOBILIZE"),
    ("انسحبت القوات التركية من نقطة المراقبة.", "BASE_CHANGE"),
    ("هدد قائد الفصيل باستهداف المقرات.", "THREATEN"),
    ("اتهمت المعارضة النظام بارتكاب المجزرة.", "ACCUSE"),
    ("شكلت الفصائل لجنة تحقيق في الحادثة.", "INVESTIGATE"),
    ("رفضت الفصائل المقترح الروسي.", "REJECT"),
    ("توصل الطرفان إلى اتفاق في البلدة.", "AGREE"),
    ("تظاهر مئات الأهالي في ساحة البلدة.", "PROTEST"),
    ("رصد الأهالي تحليقاً لطيران الاستطلاع فوق القرية.", "SURVEILLANCE"),
])
def test_event_type(run, text, type_):
    assert type_ in {e.type for e in run(text).events}


@pytest.mark.parametrize("text, type_, modality", [
    ("نفى الجيش الروسي تنفيذ أي غارة جوية على المدينة.", "AIRSTRIKE", "denied"),
    ("أمرت القيادة بعدم تنفيذ أي غارة على المدينة.", "AIRSTRIKE", "negated"),
    ("حاول مسلحون اغتيال القيادي في الفصيل.", "ATTACK", "attempted"),
    ("هددت الميليشيا باقتحام البلدة.", "ATTACK", "threatened"),
    ("سيعقد اجتماع بين الطرفين الأسبوع المقبل.", "MEETING", "planned"),
    ("تجاوزت الهجمات على مواقع الفصائل 20 هجمة منذ بداية العام.", "ATTACK", "aggregate"),
    ("اندلعت اشتباكات بين الفصائل وقوات النظام.", "ARMED_CLASH", "asserted"),
])
def test_modality(run, text, type_, modality):
    assert (type_, modality) in {(e.type, e.modality) for e in run(text).events}


def test_film_title_is_not_an_event(run):
    assert run("شاهدنا البارحة فيلم اغتيال جيسي جيمس.").events == []


def test_accusation_content_is_not_a_separate_event(run):
    doc = run("اتهمت الميليشيا طرفاً ثالثاً بمهاجمة عناصرها في المنطقة.")
    assert [e.type for e in doc.events] == ["ACCUSE"]


def test_relative_date_resolves_against_publication(run):
    ev = only(run("اندلعت اشتباكات بين الفصائل وقوات النظام أمس الاثنين."), "ARMED_CLASH")
    assert ev.date.value == dt.date(2024, 3, 11)


def test_no_date_without_an_anchor(run):
    ev = only(run("اندلعت اشتباكات بين الفصائل وقوات النظام أمس الاثنين.", published=None), "ARMED_CLASH")
    assert ev.date is None


def test_casualties_per_side_and_civilians(run):
    doc = run("اندلعت اشتباكات بين قوات النظام والفصائل، أدت إلى إصابة ثلاثة عناصر من قوات النظام "
              "وعنصر واحد من الفصائل بالإضافة لإصابة مدني.")
    ev = only(doc, "ARMED_CLASH")
    assert ev.casualties.injured_total == 5
    assert any(c.side == "civilian" for c in ev.casualties.injured)


def test_vague_toll_is_kept_unknown(run):
    ev = only(run("أدت الاشتباكات بين الطرفين إلى إصابة عدد من العناصر."), "ARMED_CLASH")
    assert ev.casualties.injured and ev.casualties.injured_total is None


@pytest.mark.parametrize("text, injured", [
    ("أطلق مسلحون النار على سيارة القيادي دون التمكن من إصابته، فيما أصيب مرافقه بجروح خطيرة.", 1),
    ("أدى الهجوم على الحاجز إلى إصابة سائق وحارسين.", 3),
    ("أسفر الهجوم على الحاجز عن إصابة شبان من القرية.", None),   # a broken plural: some, not one
])
def test_one_person_named_by_a_singular_noun_is_counted(run, text, injured):
    ev = only(run(text), "ATTACK")
    assert ev.casualties.injured and ev.casualties.injured_total == injured


@pytest.mark.parametrize("text, type_, killed, injured", [
    ("انفجرت عبوة ناسفة بسيارة القيادي، وأصيب في الانفجار اثنان من مرافقيه.", "EXPLOSION", None, 2),
    ("قتل في الهجوم على الحاجز ثلاثة عناصر من قوات النظام.", "ATTACK", 3, None),
    ("قتل في مدينة درعا شاب برصاص مجهولين.", "ATTACK", 1, None),
    ("قتل في 12 آذار ثلاثة عناصر بهجوم على الحاجز.", "ATTACK", 3, None),   # the date is no toll
])
def test_toll_after_the_act_or_place_that_came_first(run, text, type_, killed, injured):
    c = only(run(text), type_).casualties
    assert (c.killed_total, c.injured_total) == (killed, injured)


def test_a_toll_in_the_clause_of_the_act_before_is_not_the_next_acts(run):
    doc = run("شنت طائرة مسيرة غارة على سيارة في مدينة درعا، ما أدى إلى مقتل شخصين، كما استهدفت غارة أخرى بلدة طفس.")
    tolls = sorted((e.casualties.killed_total or 0) for e in doc.events if e.type == "AIRSTRIKE")
    assert tolls == [0, 2]


@pytest.mark.parametrize("text, type_, killed, injured, civilians_injured", [
    ("أصيبت امرأة وطفلها بجروح جراء قصف مدفعي على بلدة كنصفرة.", "SHELLING", None, 2, 2),
    ("أطلق مسلحون النار على سيارة مدنية قرب البلدة، ما أدى إلى مقتل سائقها.", "ATTACK", 1, None, 0),
    ("قتل رجل وزوجته وأطفالهما الثلاثة بقصف جوي على بلدة سرمدا.", "AIRSTRIKE", 5, None, 0),
])
def test_persons_named_with_a_possessive_are_counted(run, text, type_, killed, injured, civilians_injured):
    c = only(run(text), type_).casualties
    assert (c.killed_total, c.injured_total) == (killed, injured)
    assert sum(x.count or 0 for x in c.injured if x.side == "civilian") == civilians_injured


def test_killed_in_an_attack_names_the_target(run):
    doc = run("قُتل ثلاثة عناصر من قوات النظام في هجوم على حاجز قرب الميادين.")
    ev = only(doc, "ATTACK")
    assert ev.casualties.killed_total == 3
    assert [name(doc, e) for e in ev.side_b] == ["Government of Syria (regime forces)"]


def test_subject_after_the_verb_is_side_a(run):
    doc = run("قصفت الطائرات الروسية مواقع لتنظيم داعش في البادية.")
    ev = only(doc, "AIRSTRIKE")
    assert [name(doc, e) for e in ev.side_a] == ["Military Forces of Russia"]
    assert [name(doc, e) for e in ev.side_b] == ["Islamic State"]


@pytest.mark.parametrize("text, type_, side_a, side_b", [
    # a targeting verb, its subject, then the means: the subject did it
    ("استهدفت قوات النظام بقذائف الهاون مواقع هيئة تحرير الشام في جبل الزاوية.", "SHELLING",
     "Government of Syria (regime forces)", "Hay'at Tahrir al-Sham"),
    ("استهدف الطيران الروسي بغارات جوية مواقع تنظيم داعش في البادية.", "AIRSTRIKE",
     "Military Forces of Russia", "Islamic State"),
    # "تعرض … لـ": who is named before the act suffered it; "من قبل"/"على يد" names who did it
    ("تعرضت دورية للشرطة العسكرية الروسية لهجوم من قبل عناصر الفرقة الرابعة.", "ATTACK",
     "4th Armoured Division", "Russian Military Police"),
    ("تعرض حاجز لقوات النظام لهجوم على يد مسلحين من تنظيم داعش قرب الميادين.", "ATTACK",
     "Islamic State", "Government of Syria (regime forces)"),
    ("نجا القيادي في الفرقة الرابعة من محاولة اغتيال نفذها مسلحون من تنظيم داعش.", "ATTACK",
     "Islamic State", "4th Armoured Division"),
    # the words for members, and "من" after them, lead to the group: it acted, or it lost them
    ('هاجم عناصر من خلايا تنظيم "الدولة الإسلامية" نقطة عسكرية لقوات سوريا الديمقراطية في بلدة ذيبان.', "ATTACK",
     "Islamic State", "Syrian Democratic Forces"),
    ("قُتل خمسة من مقاتلي جماعة الحوثي، مساء الجمعة، في هجوم شنته قوات الحكومة اليمنية على مواقع للجماعة.",
     "ATTACK", "Military Forces of Yemen (Government)", "Ansar Allah (Houthis)"),
    # a targeting verb, what the subject is, its (partly quoted) name, then the means
    ('استهدفت فصائل غرفة عمليات "الفتح المبين" بقذائف المدفعية مواقع قوات النظام قرب كفرنبل.', "SHELLING",
     "Al-Fath al-Mubin Operations Room", "Government of Syria (regime forces)"),
    ("استهدفت عناصر من هيئة تحرير الشام بقذائف الهاون مواقع قوات النظام.", "SHELLING",
     "Hay'at Tahrir al-Sham", "Government of Syria (regime forces)"),
])
def test_who_acted_and_who_suffered_from_the_verb(run, text, type_, side_a, side_b):
    doc = run(text)
    ev = only(doc, type_)
    assert [name(doc, e) for e in ev.side_a] == [side_a]
    assert [name(doc, e) for e in ev.side_b] == [side_b]


@pytest.mark.parametrize("text, owner", [
    ("دخل رتل عسكري للقوات الروسية إلى مدينة القامشلي.", ["Military Forces of Russia"]),
    ("وصلت تعزيزات عسكرية ضخمة لقوات النظام إلى ريف إدلب.", ["Government of Syria (regime forces)"]),
    ("سيرت دورية للشرطة العسكرية الروسية في بلدة عامودا.", ["Russian Military Police"]),
    ("تشهد المدينة توتراً وسط استنفار للمليشيات الإيرانية ومليشيا “الدفاع الوطني”.",
     ["Iran-backed militias", "National Defence Forces"]),
])
def test_whose_deployment_the_genitive_names_is_side_a(run, text, owner):
    doc = run(text)
    ev = only(doc, "MOBILIZE")
    assert [name(doc, e) for e in ev.side_a] == owner and not ev.side_b


@pytest.mark.parametrize("text, types", [
    ("تعرضت دورية للشرطة العسكرية الروسية لهجوم قرب الميادين.", ["ATTACK"]),
    ("عثرت دورية للشرطة على جثة شاب في أطراف البلدة.", []),
    # the patrol's attempt is the news, whatever unit or service it is from
    ("قال مصدر أمني إن دورية من الجهاز حاولت اعتقال القيادي بموجب مذكرة توقيف.", ["ARREST"]),
    ("قال مصدر عسكري إن دورية للفرقة حاولت اعتراض شحنة أسلحة كانت في طريقها إلى لبنان.", []),
])
def test_a_patrol_that_was_attacked_found_or_tried_something_is_no_deployment(run, text, types):
    assert [e.type for e in run(text).events] == types


def test_who_broke_up_a_protest_is_no_protester(run):
    doc = run("فرقت قوات النظام بالقوة مظاهرة خرجت في مدينة جاسم يوم الجمعة.")
    ev = only(doc, "PROTEST")
    assert not ev.side_a and [name(doc, e) for e in ev.side_b] == ["Government of Syria (regime forces)"]


@pytest.mark.parametrize("text, type_, modality", [
    # a military operation is an attack, an air operation an air strike
    ("من المتوقع أن تشن القوات التركية عملية عسكرية جديدة ضد قسد خلال الأيام المقبلة.", "ATTACK", "planned"),
    ("نفذ الجيش التركي عملية جوية استهدفت مواقع حزب العمال الكردستاني أمس.", "AIRSTRIKE", "asserted"),
    # no casualties after a shell is no failed attempt; after an attack on someone it is
    ("سقطت قذيفة هاون على حي الميدان دون وقوع إصابات.", "SHELLING", "asserted"),
    ("أطلق مسلحون النار على سيارة القيادي دون أن يصيبوه.", "ATTACK", "attempted"),
    ("استشهد شابان برصاص قوات الاحتلال خلال اقتحام مخيم جنين.", "ATTACK", "asserted"),   # two victims, not a tally
])
def test_modality_of_operations_and_tolls(run, text, type_, modality):
    assert only(run(text), type_).modality == modality


def test_by_phrase_in_a_clause_on_another_noun_names_no_side(run):
    doc = run("انتشرت الميليشيات الإيرانية حول الأماكن التي جرى الاطلاع عليها من قبل الروس.")
    assert "Military Forces of Russia" not in {name(doc, e) for e in only(doc, "MOBILIZE").side_a}


def test_place_is_the_most_specific_named(run):
    doc = run("اندلعت اشتباكات عند دوار الساعة في مدينة الميادين.")
    ev = only(doc, "ARMED_CLASH")
    assert ev.place.name_ar.startswith("دوار")


def test_quantities(run):
    doc = run("أرسلت الميليشيا تعزيزات تضم نحو 50 عنصراً و5 عربات عسكرية إلى البلدة.")
    kinds = {(q.kind, q.value) for e in doc.events for q in e.quantities}
    assert {("fighters", 50), ("vehicles", 5)} <= kinds


def test_mentions_of_one_clash_make_one_event(run):
    doc = run("اندلعت اشتباكات بين الفصائل وقوات النظام في بلدة الحسينية.\n"
              "وأدت الاشتباكات إلى إصابة عنصرين من الفصائل.")
    ev = only(doc, "ARMED_CLASH")
    assert len(ev.evidence) == 2


def test_two_clashes_in_different_places_stay_two(run):
    doc = run("اندلعت اشتباكات في بلدة الحسينية، والاشتباك الآخر عند دوار الساعة في مدينة الميادين.")
    assert len([e for e in doc.events if e.type == "ARMED_CLASH"]) == 2


def test_evidence_spans_point_at_the_text(run):
    text = "اندلعت اشتباكات بين الفصائل وقوات النظام\u00a0في ريف حلب."
    for ev in run(text).events:
        for span in ev.evidence:
            assert 0 <= span.start < span.end <= len(text)
            assert "اشتباكات" in span.of(text)


def test_toll_repeated_in_headline_and_lead_is_not_added_up(run):
    doc = run("مقتل عنصرين من قوات النظام بهجوم في ريف درعا\n"
              "قُتل عنصران من قوات النظام، أمس، جراء هجوم شنه مسلحون على حاجز عسكري في ريف درعا.")
    ev = only(doc, "ATTACK")
    assert ev.casualties.killed_total == 2


def test_verb_and_its_noun_are_one_trigger(run):
    doc = run("استقدمت قوات النظام تعزيزات عسكرية إلى البلدة.")
    ev = only(doc, "MOBILIZE")
    assert ev.modality == "asserted"


def test_targeting_verb_after_a_strike_is_not_another_attack(run):
    doc = run("ردت الفصائل بقصف مدفعي استهدف مواقع قوات النظام في بلدة كفرنبل.")
    assert [e.type for e in doc.events] == ["SHELLING"]
    assert [name(doc, e) for e in doc.events[0].side_b] == ["Government of Syria (regime forces)"]


def test_a_few_strikes_in_one_report_are_one_event_not_a_tally(run):
    ev = only(run("شنت الطائرات الروسية ثلاث غارات جوية على بلدة البارة."), "AIRSTRIKE")
    assert ev.modality == "asserted"


def test_cited_source_is_not_a_party(run):
    doc = run("قُتل مدني بغارة روسية على بلدة البارة، بحسب ما أفاد به الدفاع المدني السوري.")
    ev = only(doc, "AIRSTRIKE")
    assert "Syria Civil Defence (White Helmets)" not in [name(doc, e) for e in ev.actors]
    assert ev.attribution == "الدفاع المدني السوري"


def test_a_spokesman_voices_the_act_and_is_no_party_to_it(run):
    doc = run('وزعم المتحدث باسم الجيش الإسرائيلي، يوآف مردخاي، أن القوة "اعتقلت مشتبهين بتهريب أسلحة" في القرية.')
    ev = only(doc, "ARREST")
    assert "يوآف مردخاي" in {e.name_ar for e in doc.entities}
    assert "يوآف مردخاي" not in [doc.entity(e).name_ar for e in ev.actors]
    assert "Military Forces of Israel" in [name(doc, e) for e in ev.actors]


@pytest.mark.parametrize("text, source", [
    ("أفادت مصادر محلية أمس الثلاثاء بأن اشتباكات اندلعت بين الفصيلين في البلدة.", "مصادر محلية"),
    ("قال ناشطون يوم الجمعة إن مسلحين مجهولين اغتالوا قيادياً في الفصيل.", "ناشطون"),
    ("ذكر مصدر عسكري إن طائرة مسيرة قصفت مواقع الفصائل.", "مصدر عسكري"),
])
def test_source_named_without_the_date_it_spoke(run, text, source):
    assert [e.attribution for e in run(text).events] == [source]


@pytest.mark.parametrize("text, type_, claimant", [
    ('أعلنت ميليشيا "درع الساحل" مسؤوليتها عن الهجوم على دورية للأمن العام قرب بلدة جبلة.', "ATTACK", "Dir al-Sahil"),
    ("تبنى تنظيم داعش مسؤولية التفجير الذي استهدف حاجزاً لقسد في ريف دير الزور.", "EXPLOSION", "Islamic State"),
])
def test_claimed_act_is_reported_with_its_claimant(run, text, type_, claimant):
    doc = run(text)
    ev = only(doc, type_)
    assert ev.modality == "asserted" and [name(doc, e) for e in ev.side_a] == [claimant]


def test_dawn_is_not_an_explosion(run):
    doc = run("شن تنظيم داعش هجوماً على نقطة لقسد فجر اليوم، أسفر عن مقتل ثلاثة عناصر.")
    assert [e.type for e in doc.events] == ["ATTACK"]
    assert doc.events[0].casualties.killed_total == 3


def test_targeting_verb_before_a_strike_is_the_strike(run):
    doc = run("استهدفت طائرة مسيرة تركية سيارة عسكرية لقوات سوريا الديمقراطية قرب بلدة تل تمر.")
    assert [e.type for e in doc.events] == ["AIRSTRIKE"]


@pytest.mark.parametrize("text, type_, modality", [
    ("حشدت الفصائل قواتها لمواجهة الهجوم المرتقب.", "ARMED_CLASH", "planned"),
    ("تعرض الحاجز لهجوم من مسلحين مجهولين.", "ATTACK", "asserted"),
])
def test_purpose_after_the_preposition_lam(run, text, type_, modality):
    assert (type_, modality) in {(e.type, e.modality) for e in run(text).events}


def test_question_reports_no_event(run):
    assert run("هل يجوز تبرير القتل والاغتيال السياسي في البلاد؟").events == []


def test_lam_of_the_word_itself_is_no_purpose(run):
    doc = run("شكلت الفصائل لجنة تحقيق في الحادثة.")
    assert ("INVESTIGATE", "asserted") in {(e.type, e.modality) for e in doc.events}


def test_a_units_parent_is_on_the_units_side(run):
    doc = run("اندلعت اشتباكات بين عناصر من الفرقة الرابعة التابعة لقوات النظام ومسلحين محليين في البلدة.")
    ev = only(doc, "ARMED_CLASH")
    assert {name(doc, e) for e in ev.side_a} == {"4th Armoured Division", "Government of Syria (regime forces)"}
    assert [name(doc, e) for e in ev.side_b] == ["Local armed groups"]


def test_between_it_and_a_named_group_puts_the_group_on_side_b(run):
    doc = run("استقدمت ميليشيا الدفاع الوطني تعزيزات إلى المدينة بعد الاشتباكات التي اندلعت بينها وبين "
              "الفوج 47 التابع للحرس الثوري الإيراني.")
    ev = only(doc, "ARMED_CLASH")
    assert "Regiment 47 (IRGC)" in {name(doc, e) for e in ev.side_b}


def test_the_means_of_an_assassination_is_no_attack_of_its_own(run):
    doc = run("اغتال مجهولون القيادي السابق أحمد الزعبي بإطلاق النار عليه أمام منزله في مدينة داعل.")
    assert [e.type for e in doc.events] == ["ASSASSINATION"]


def test_the_agent_after_a_relative_verb_is_side_a(run):
    doc = run("قُتل خمسة مدنيين جراء غارات جوية شنتها طائرات حربية روسية على بلدة كفرنبل.")
    ev = only(doc, "AIRSTRIKE")
    assert [name(doc, e) for e in ev.side_a] == ["Military Forces of Russia"]


def test_the_genitive_after_a_strike_names_the_attacker(run):
    doc = run("أصيب عدد من المدنيين بجروح جراء قصف مدفعي لقوات النظام على بلدة كنصفرة.")
    ev = only(doc, "SHELLING")
    assert [name(doc, e) for e in ev.side_a] == ["Government of Syria (regime forces)"]


def test_an_attempt_and_its_bomb_are_one_event(run):
    doc = run("نجا قائد فصيل محلي من محاولة اغتيال بعبوة ناسفة زرعت في سيارته.")
    assert [(e.type, e.modality) for e in doc.events] == [("ATTACK", "attempted")]


def test_a_patrol_that_makes_an_arrest_is_its_actor(run):
    doc = run("اعتقلت دورية تابعة لقسد أربعة شبان من بلدة ذيبان أول أمس.")
    ev = only(doc)
    assert ev.type == "ARREST"
    assert [name(doc, e) for e in ev.side_a] == ["Syrian Democratic Forces"]


@pytest.mark.parametrize("text, type_", [
    ("أطلق مسلحون النار على دورية للشرطة في حي الصناعة.", "ATTACK"),
    ("شن مسلحون هجوما على رتل للقوات التركية قرب البلدة.", "ATTACK"),
    ("استهدفت عبوة ناسفة دورية للجيش على طريق المطار.", "EXPLOSION"),
])
def test_a_patrol_that_is_hit_is_no_deployment(run, text, type_):
    assert [e.type for e in run(text).events] == [type_]


@pytest.mark.parametrize("text, type_", [
    # a date between the verb and its subject does not stretch the distance
    ("وخرج مساء أول من أمس مئات من المتظاهرين في ساحة البلدة.", "PROTEST"),
    # a phrase that opens with the type's verb is a clause: its act is reported, not named in passing
    ("قال الجيش إن الانتحاريين فجرا نفسيهما عند مدخل الثكنة.", "EXPLOSION"),
    # "قام … بـ" does the act, also after a place that opens the clause
    ("وفي مدينة الميادين قام مسلحون ملثمون بخطف مدير المدرسة من سيارته.", "ABDUCTION"),
    # an act that goes on is told by the verb of which it is the subject
    ("وتواصلت المظاهرات في وسط العاصمة لليوم الثالث.", "PROTEST"),
    ("واستمرت الاشتباكات بين الطرفين في محيط المطار.", "ARMED_CLASH"),
    ("وتصاعدت الاحتجاجات في المدن الجنوبية.", "PROTEST"),
])
def test_reported_act(run, text, type_):
    assert (type_, "asserted") in {(e.type, e.modality) for e in run(text).events}


ROAD_ATTACK = """مقتل ثلاثة عناصر من قسد بهجوم على طريق الرقة – دير الزور

قتل ثلاثة عناصر من قوات سوريا الديمقراطية (قسد)، أمس الأحد، بهجوم شنه مسلحون مجهولون على حاجز لهم على طريق الرقة – دير الزور قرب بلدة الكسرة غربي دير الزور.

وقال مصدر محلي إن المسلحين استهدفوا الحاجز بالأسلحة الرشاشة قبل أن يلوذوا بالفرار.

ولم تعلق قسد على الهجوم حتى الآن، في حين اتهم ناشطون خلايا تنظيم الدولة بالوقوف وراءه."""


def _attacks(doc):
    return [e for e in doc.events if e.type == "ATTACK"]


def test_a_roads_ends_are_not_the_scene(run):
    doc = run(ROAD_ATTACK)
    names = {e.id: e.name_ar for e in doc.entities}
    assert [names[e.place.entity_id] for e in _attacks(doc)] == ["الكسرة"]


def test_near_a_town_is_geo_precision_2(run):
    attack, = _attacks(run(ROAD_ATTACK))
    assert attack.place.geo_precision == 2     # "قرب بلدة الكسرة"


def test_headline_lead_and_a_verb_on_the_same_target_are_one_attack(run):
    attack, = _attacks(run(ROAD_ATTACK))
    assert len(attack.evidence) >= 3 and attack.date is not None


def test_who_does_not_comment_on_an_attack_is_no_party_to_it(run):
    doc = run(ROAD_ATTACK)
    sdf = next(e.id for e in doc.entities if e.kb_id == "sdf")
    assert all(e.modality != "negated" for e in doc.events)
    attack, = _attacks(doc)
    assert sdf in attack.side_b and sdf not in attack.side_a


IDLIB_STRIKE = """إدلب - مراسلنا
الأحد 15 أيلول 2024

قتل خمسة مدنيين وأصيب ثمانية آخرون، صباح اليوم، جراء غارات جوية روسية استهدفت سوقاً شعبياً في مدينة أريحا جنوبي إدلب.

وقال مراسلنا إن الطائرات الحربية الروسية شنت ثلاث غارات متتالية على السوق.

كما اختطف مسلحون مجهولون الناشط الإعلامي أحمد الخطيب من منزله في بلدة الدانا، فجر الجمعة.

ونفت هيئة تحرير الشام أي علاقة لها بعملية الخطف، متهماً خلايا تابعة للنظام بالوقوف وراءها."""


def test_a_later_detail_on_the_same_target_joins_the_strike(run):
    strikes = [e for e in run(IDLIB_STRIKE, published=None).events if e.type == "AIRSTRIKE"]
    assert len(strikes) == 1 and len(strikes[0].evidence) == 2


def test_who_denies_a_link_to_an_abduction_is_not_its_perpetrator(run):
    doc = run(IDLIB_STRIKE, published=None)
    hts = next(e.id for e in doc.entities if e.kb_id == "hts")
    abduction, = [e for e in doc.events if e.type == "ABDUCTION"]
    assert hts not in abduction.actors


def test_a_group_named_by_its_kind_is_the_one_named_before(run):
    doc = run("قتل ثلاثة عناصر من ميليشيا لواء الباقر بهجوم قرب بلدة محكان. "
              "وأضاف المصدر أن الميليشيا استقدمت تعزيزات إلى البلدة، فيما اتهمت الميليشيا خلايا تنظيم داعش بالهجوم.")
    mobilize, accuse = only(doc, "MOBILIZE"), only(doc, "ACCUSE")
    assert [name(doc, e) for e in mobilize.side_a] == ["Liwa al-Baqir"]
    assert [name(doc, e) for e in accuse.side_a] == ["Liwa al-Baqir"]
    assert [name(doc, e) for e in accuse.side_b] == ["Islamic State"]


def test_a_town_named_by_its_kind_is_the_one_named_before(run):
    doc = run("هاجم مسلحون حاجزاً عند مدخل بلدة محكان. واستقدمت قوات النظام تعزيزات من مدينة الميادين، "
              "وشنت حملة دهم واعتقال في البلدة.")
    assert doc.entity(only(doc, "ARREST").place.entity_id).kb_id == "mahkan"
    # where the reinforcements came from is not where they went
    assert doc.entity(only(doc, "MOBILIZE").place.entity_id).kb_id != "al_mayadin"


def test_an_attack_nobody_claimed_is_no_denied_attack(run):
    doc = run("قتل عنصران من قوات النظام بهجوم على حاجز قرب الميادين. "
              "ولم تتبن أي جهة الهجوم حتى الآن، فيما اتهمت قوات النظام خلايا تنظيم داعش بالوقوف وراءه.")
    assert [(e.type, e.modality) for e in doc.events if e.type == "ATTACK"] == [("ATTACK", "asserted")]


@pytest.mark.parametrize("text, types", [
    ("أنشأت القوات التركية نقطة عسكرية جديدة قرب بلدة النيرب.", ["BASE_CHANGE"]),
    ("سلمت الميليشيا مقراتها في المدينة للفرقة الرابعة.", ["BASE_CHANGE"]),
    ("سلمت القوات الأمريكية شحنة أسلحة وذخائر لقوات سوريا الديمقراطية.", ["SUPPORT"]),
])
def test_a_base_is_handed_over_or_set_up_only_with_a_base(run, text, types):
    assert [e.type for e in run(text).events] == types


@pytest.mark.parametrize("text, type_, actor", [
    ("زار وفد من قيادة الحرس الثوري الإيراني مدينة البوكمال.", "VISIT", "Islamic Revolutionary Guard Corps"),
    ("توعد زعيم تنظيم داعش بشن هجمات جديدة ضد قوات سوريا الديمقراطية.", "THREATEN", "Islamic State"),
])
def test_the_group_a_delegation_or_a_leader_speaks_for_is_side_a(run, text, type_, actor):
    doc = run(text)
    assert [name(doc, e) for e in only(doc, type_).side_a] == [actor]


@pytest.mark.parametrize("text, type_, killed, injured", [
    ("أسفر القصف عن سقوط قتيلين وخمسة جرحى بين المدنيين في بلدة معرة النعمان.", "SHELLING", 2, 5),
    ("وتسبب هجوم انتحاري أمس في سقوط 16 قتيلا على الأقل.", "EXPLOSION", 16, None),
    ("قتل ما بين خمسة وسبعة عناصر من قوات النظام في كمين قرب السخنة.", "ATTACK", 5, None),   # ACLED: the lowest
])
def test_tolls_told_by_nouns_for_the_dead_or_by_a_range(run, text, type_, killed, injured):
    c = only(run(text), type_).casualties
    assert (c.killed_total, c.injured_total) == (killed, injured)


def test_a_range_keeps_what_the_text_said(run):
    doc = run("قتل ما بين خمسة وسبعة عناصر من قوات النظام في كمين قرب السخنة.")
    assert [k.vague for k in only(doc, "ATTACK").casualties.killed] == ["between 5 and 7"]




@pytest.mark.parametrize("text, actor", [
    ("قتل ستة وعشرون مدنياً في مجزرة ارتكبتها قوات النظام في قرية الحولة.", "Government of Syria (regime forces)"),
    ("قتل خمسة عناصر من قوات النظام في كمين نصبه تنظيم داعش في بادية حمص.", "Islamic State"),
])
def test_the_relative_verb_names_who_did_it(run, text, actor):
    doc = run(text)
    assert [name(doc, e) for e in only(doc, "ATTACK").side_a] == [actor]


def test_how_someone_was_killed_is_no_part_of_the_name(run):
    doc = run("قتل القيادي في الفرقة الرابعة العقيد سامر حسن برصاص قناص في درعا البلد.")
    assert only(doc, "ATTACK").casualties.killed_total == 1
    assert {e.name_ar for e in doc.entities if e.type == "PERSON"} == {"سامر حسن"}   # (the rank is no part of it)


def test_an_act_after_a_long_name_is_still_denied(run):
    doc = run("نفى الجيش الروسي أن تكون طائراته قد استهدفت مستشفى في ريف إدلب الجنوبي.")
    assert only(doc, "AIRSTRIKE").modality == "denied"   # (its aircraft struck: from the air)


def test_a_tribe_fights_and_meets(run):
    doc = run("اندلعت اشتباكات عنيفة بين عشيرة البكير وقوات سوريا الديمقراطية في قرية الحوايج. "
              "واجتمع شيوخ العشيرة مع قيادة التحالف الدولي في اليوم نفسه.")
    assert [name(doc, e) for e in only(doc, "ARMED_CLASH").side_a] == ["Ashirat al-Bakir"]
    assert [name(doc, e) for e in only(doc, "MEETING").side_b] == ["US-led Coalition"]


def test_who_backed_an_act_is_associated_and_no_support_event(run):
    doc = run("شنت قوات سوريا الديمقراطية بدعم من التحالف الدولي حملة دهم في بلدة ذيبان اعتقلت خلالها 15 شخصاً.")
    ev = only(doc)
    assert ev.type == "ARREST" and [name(doc, e) for e in ev.associated] == ["US-led Coalition"]
    assert [name(doc, e) for e in ev.side_a] == ["Syrian Democratic Forces"]



@pytest.mark.parametrize("text, type_, side_a, side_b", [
    ("قتل مدنيان بغارات روسية على بلدة البارة.", "AIRSTRIKE", ["Military Forces of Russia"], []),
    ("قتل أربعة مدنيين جراء غارات نفذتها طائرات حربية يرجح أنها روسية على بلدة البارة.", "AIRSTRIKE",
     ["Military Forces of Russia"], []),
    ("قضى المقاتل بقذائف دبابات إسرائيلية شرق المغازي.", "SHELLING", ["Military Forces of Israel"], []),
    ("استهدف مسلحون مجهولون دورية روسية قرب بلدة تل تمر.", "ATTACK", [], ["Military Forces of Russia"]),
])
def test_force_named_by_its_nationality_takes_its_side(run, text, type_, side_a, side_b):
    doc = run(text)
    ev = only(doc, type_)
    assert [name(doc, e) for e in ev.side_a] == side_a and [name(doc, e) for e in ev.side_b] == side_b


def test_nationality_qualifies_only_its_own_act(run):
    doc = run("مقتل 4 مدنيين بغارات روسية وقصف مدفعي لقوات النظام على جبل الزاوية.")
    assert [name(doc, e) for e in only(doc, "SHELLING").side_a] == ["Government of Syria (regime forces)"]


def test_monitor_that_records_a_death_reports_it(run):
    doc = run("رصد المرصد السوري لحقوق الإنسان مقتل أربعة مدنيين جراء غارات روسية على بلدة البارة.")
    ev = only(doc, "AIRSTRIKE")
    assert ev.attribution == "المرصد السوري لحقوق الإنسان"
    assert "Syrian Observatory for Human Rights" not in {name(doc, e) for e in ev.side_a + ev.side_b}


def test_source_name_ends_where_the_act_begins(run):
    doc = run("وثقت الشبكة السورية لحقوق الإنسان اعتقال 12 مدنياً على يد قوات النظام في درعا.")
    assert only(doc, "ARREST").attribution == "الشبكة السورية لحقوق الإنسان"


def test_exchange_of_fire_is_a_clash_between_both(run):
    doc = run("تبادلت هيئة تحرير الشام وقوات النظام القصف الصاروخي على محاور ريف إدلب الجنوبي.")
    ev = only(doc)
    assert ev.type == "ARMED_CLASH" and len(ev.side_a + ev.side_b) == 2


def test_answer_in_kind_is_an_act_of_its_own(run):
    doc = run("قصفت قوات النظام بالمدفعية الثقيلة قرى كنصفرة والفطيرة. "
              "وردت الفصائل باستهداف مواقع قوات النظام في كفرنبل بقذائف الهاون.")
    assert [e.type for e in doc.events] == ["SHELLING", "SHELLING"]


def test_count_named_in_the_trigger_is_aggregate(run):
    doc = run("وتشهد محافظة درعا حالة من الفلتان الأمني، إذ تتكرر عمليات الاغتيال التي تطال عناصر النظام.")
    assert only(doc, "ASSASSINATION").modality == "aggregate"


@pytest.mark.parametrize("text, type_, place", [
    # a place that labels a headline is not the scene
    ("إدلب: مقتل 4 مدنيين بغارات روسية\n"
     "قتل أربعة مدنيين جراء غارات روسية على بلدة البارة في جبل الزاوية صباح اليوم.", "AIRSTRIKE", "البارة"),
    # "البلدة" refers back to a village the knowledge base lacks
    ("هاجم مسلحون حاجزاً عند مدخل بلدة اليادودة غربي درعا. "
     "وفي اليوم التالي شنت قوات النظام حملة دهم واعتقالات في البلدة.", "ARREST", "اليادودة"),
])
def test_scene_named_by_the_article(run, text, type_, place):
    assert only(run(text), type_).place.name_ar == place


def test_backer_named_in_construct_is_associated(run):
    doc = run('شنت "قسد" بمساندة طيران التحالف الدولي حملة مداهمات في بلدة ذيبان.')
    ev = only(doc)
    assert ev.type == "ARREST" and ev.modality == "asserted"
    assert [name(doc, e) for e in ev.side_a] == ["Syrian Democratic Forces"]
    assert [name(doc, e) for e in ev.associated] == ["US-led Coalition"]


def test_what_was_done_during_a_campaign_is_part_of_it(run):
    doc = run("شنت قسد حملة مداهمات في بلدات ذيبان والحوايج والشحيل، اعتقلت خلالها 14 شخصاً بتهمة التعامل مع التنظيم.")
    assert len([e for e in doc.events if e.type == "ARREST"]) == 1


def test_act_a_sentence_opens_after_keeps_to_its_clause(run):
    doc = run("هاجم مسلحون حاجزاً لقسد في بلدة ذيبان. "
              "وعقب الهجوم، شنت قسد بمساندة طيران التحالف الدولي حملة مداهمات في البلدة.")
    assert "US-led Coalition" not in {name(doc, e) for e in only(doc, "ATTACK").associated}


@pytest.mark.parametrize("text, type_", [
    ("هاجم عناصر من تنظيم الدولة نقطة عسكرية لقسد في بلدة ذيبان. "
     "واستمر الاشتباك قرابة ساعة قبل أن ينسحب المهاجمون نحو البادية.", "ATTACK"),
    ("قتل ثلاثة عناصر من قسد بقصف طائرة مسيرة تركية استهدف سيارتهم قرب مدينة القامشلي. "
     "وأصيب سائق دراجة نارية كان يمر بالقرب من السيارة لحظة الاستهداف.", "AIRSTRIKE"),
])
def test_violence_named_again_with_nobody_of_its_own_is_the_act_before(run, text, type_):
    assert [e.type for e in run(text).events] == [type_]


def test_meeting_held_by_a_group_has_it_on_side_a(run):
    doc = run("عقد اجتماع عقده قادة من الحرس الثوري الإيراني مع وجهاء عشائر في مدينة البوكمال.")
    assert "Islamic Revolutionary Guard Corps" in {name(doc, e) for e in only(doc, "MEETING").side_a}


def test_air_raid_is_an_attack_with_its_toll(run):
    doc = run("نفذ التحالف الدولي إنزالاً جوياً في بلدة الشحيل، قتل خلاله قيادياً في تنظيم الدولة.")
    ev = only(doc, "ATTACK")
    assert ev.casualties.killed_total == 1 and [name(doc, e) for e in ev.side_a] == ["US-led Coalition"]


def test_outlet_a_source_spoke_to_is_no_party(run):
    doc = run('وقال مصدر محلي لـ"نهر ميديا" إن قوات النظام استقدمت حشوداً جديدة إلى البلدة.')
    ev = only(doc, "MOBILIZE")
    assert ev.attribution == "مصدر محلي" and "Nahr Media" not in {name(doc, e) for e in ev.actors}


def test_bombing_by_a_drone_is_one_air_strike(run):
    doc = run("قتل قيادي في قسد، أمس الثلاثاء، بقصف طائرة مسيرة تركية استهدف سيارته قرب مدينة القامشلي.")
    ev = only(doc)
    assert ev.type == "AIRSTRIKE" and [name(doc, e) for e in ev.side_a] == ["Military Forces of Turkey"]


def test_a_sources_own_place_is_not_the_scene(run):
    doc = run("وقالت مصادر طبية في مشفى القامشلي إن ثلاثة عناصر قتلوا بقصف طائرة مسيرة تركية.")
    place = only(doc, "AIRSTRIKE").place
    assert place is None or place.name_ar != "مشفى القامشلي"


def test_a_road_alone_places_the_act_near_its_first_town(run):
    doc = run("قتل ثلاثة عناصر بقصف طائرة مسيرة استهدف سيارتهم على طريق القامشلي – عامودا.")
    place = only(doc, "AIRSTRIKE").place
    assert place.name_en == "Al Qamishli" and place.geo_precision == 2


def test_a_statement_is_not_dated_by_the_agreement_it_cites(run):
    doc = run("واتهمت قسد في بيان روسيا بالصمت عن الهجمات رغم تعهداتها بموجب تفاهمات سوتشي الموقعة في "
              "تشرين الأول/ أكتوبر 2019.")
    date = only(doc, "ACCUSE").date
    assert date is None or date.min.year != 2019


def test_a_verb_joined_by_and_shares_the_subject_before_it(run):
    doc = run("زار وفد عسكري روسي مدينة القامشلي، والتقى قياديين في قسد لبحث التهدئة.")
    assert [name(doc, e) for e in only(doc, "VISIT").side_a] == ["Russia"]
    assert [name(doc, e) for e in only(doc, "MEETING").side_a] == ["Russia"]


LEAD_THEN_CLASH = """توتر بين فاطميون وميليشيا محلية في الميادين

شهدت مدينة الميادين، {when}، توتراً أمنياً بين عناصر من لواء فاطميون وميليشيا محلية.

وقالت مصادر خاصة إن الطرفين خاضا اشتباكاً بالأسلحة الخفيفة استمر نحو نصف ساعة."""


def test_the_leads_day_dates_the_story_it_opens(run):
    doc = run(LEAD_THEN_CLASH.format(when="مساء أمس الأربعاء"), published=dt.date(2026, 3, 12))
    assert only(doc, "ARMED_CLASH").date.value == dt.date(2026, 3, 11)


def test_an_old_day_in_the_lead_dates_nothing_after_it(run):
    doc = run(LEAD_THEN_CLASH.format(when="في 24 شباط 2021"), published=dt.date(2026, 3, 12))
    assert only(doc, "ARMED_CLASH").date.value != dt.date(2021, 2, 24)


def test_members_of_a_group_killed_put_it_on_side_b(run):
    doc = run("قُتل ٤ من عناصر الحشد الشعبي وأصيب ٧ آخرون، فجر اليوم، إثر غارة جوية استهدفت مقراً لهم.")
    ev = only(doc, "AIRSTRIKE")
    assert ev.side_a == [] and [name(doc, e) for e in ev.side_b] == ["Popular Mobilization Forces"]


@pytest.mark.parametrize("text, type_", [
    ("نفى المتحدث باسم التحالف الدولي، الكولونيل واين ماروتو، أن تكون طائرات التحالف قد نفذت أي غارة في المنطقة.",
     "AIRSTRIKE"),
    ("نفت وزارة الدفاع الروسية في بيان رسمي أن تكون طائراتها قد قصفت المستشفى.", "AIRSTRIKE"),
])
def test_what_a_denial_says_happened_is_denied(run, text, type_):
    assert only(run(text), type_).modality == "denied"


def test_what_is_affirmed_after_a_denial_is_asserted(run):
    doc = run("نفى قائد الفصيل ما تردد عن مقتل عناصره، مؤكداً أن الاشتباكات اندلعت مع قوات النظام فجر اليوم.")
    assert only(doc, "ARMED_CLASH").modality == "asserted"


@pytest.mark.parametrize("text, clashes", [
    ("أعلنت واشنطن دعمها لقوات سوريا الديمقراطية في مواجهة داعش.", 0),    # "against"
    ("قتل عنصران في مواجهة مع قوات النظام في ريف درعا.", 1),             # a confrontation with them
])
def test_confrontation_as_a_preposition_is_no_clash(run, text, clashes):
    assert len([e for e in run(text).events if e.type == "ARMED_CLASH"]) == clashes


@pytest.mark.parametrize("text, killed", [
    ("اغتال مجهولون القيادي السابق أحمد الزعبي بإطلاق النار عليه أمام منزله في مدينة داعل.", 1),
    ("اغتيل قيادي في الفرقة الرابعة برصاص مجهولين في درعا.", 1),
    ("اغتال مسلحون ثلاثة من وجهاء العشيرة في البلدة.", 3),
])
def test_an_assassination_kills_whom_it_names(run, text, killed):
    assert only(run(text), "ASSASSINATION").casualties.killed_total == killed


def test_a_failed_assassination_kills_nobody_by_itself(run):
    assert only(run("نجا القيادي أحمد الزعبي من محاولة اغتيال في مدينة داعل.")).casualties.killed_total is None


@pytest.mark.parametrize("text", [
    "بدأت الاشتباكات بعد محاولة دورية لقسد اعتقال أحد أبناء العشيرة في بلدة الصبحة.",
    # (whose it is told by the branch named before: "من الفرع")
    "قُتل عنصر من فرع الأمن العسكري في اشتباك في الميادين، إثر محاولة دورية من الفرع اعتقال قيادي من منزله.",
    # (the patrol an attempt verb opens with, however long its description)
    'اندلعت الاشتباكات بعد أن حاولت دورية من "الأمن العسكري" برفقة عناصر من مجموعة "درع الجنوب" المحلية '
    "اعتقال قيادي على حاجز عند مدخل البلدة.",
    # and the patrol named again is that patrol, no deployment of its own
    "بدأت الاشتباكات بعد محاولة دورية لقسد اعتقال أحد أبناء العشيرة في بلدة الصبحة. وقال مصدر إن الدورية "
    "طوّقت منزله قبل أن يطلق مرافقوه النار عليها.",
])
def test_a_patrol_that_acts_is_no_deployment_of_its_own(run, text):
    doc = run(text)
    assert "MOBILIZE" not in {e.type for e in doc.events}
    assert ("ARREST", "attempted") in {(e.type, e.modality) for e in doc.events}


def test_a_patrol_named_as_whose_and_attempting_is_no_deployment(run):
    doc = run('وقال مصدر محلي إن دورية تابعة لـ"قسد" حاولت اعتقال شاب من أبناء بلدة ذيبان.')
    ev = only(doc)
    assert (ev.type, ev.modality) == ("ARREST", "attempted")
    assert [name(doc, e) for e in ev.side_a] == ["Syrian Democratic Forces"]


def test_the_charge_of_an_arrest_names_no_party(run):
    doc = run('اعتقلت "قسد" شاباً في بلدة ذيبان بتهمة التواصل مع خلايا تنظيم "الدولة الإسلامية".')
    assert {name(doc, e) for e in only(doc, "ARREST").actors} == {"Syrian Democratic Forces"}


def test_who_prompted_an_act_did_not_do_it(run):
    doc = run('حاولت "قسد" اعتقال شاب من أبناء البلدة بتهمة التواصل مع خلايا تنظيم "داعش"، '
              "ما دفع أقاربه إلى إطلاق النار على عناصرها.")
    assert [e.side_a for e in doc.events if e.type == "ATTACK"] == [[]]


def test_paying_is_no_prompting(run):
    doc = run("قال إن الحرس الثوري دفع مليون دولار الى الميليشيا في اطار تمويل عملياتها.")
    assert only(doc, "SUPPORT").side_a


def test_where_a_statement_was_made_is_an_aside(run):
    # the shelling is what the accusation says, within its clause: no event of its own
    doc = run('اتهمت "قسد"، في بيان لها، قوات النظام بقصف قرى في ريف دير الزور.')
    assert [e.type for e in doc.events] == ["ACCUSE"]


def test_what_the_news_came_after_is_an_earlier_act(run):
    doc = run('قتل عنصران من "قسد" أمس في اشتباك مع مسلحين في بلدة ذيبان. ويأتي ذلك بعد أسبوع من مقتل '
              'قيادي في "مجلس دير الزور العسكري" برصاص مجهولين في بلدة الحوايج.')
    clash, killing = only(doc, "ARMED_CLASH"), only(doc, "ATTACK")
    assert killing.date.value == clash.date.value - dt.timedelta(days=7)   # the week before, not yesterday
    assert killing.casualties.killed_total == 1 and clash.casualties.killed_total == 2


def test_where_forces_came_from_is_not_where_the_next_act_was(run):
    doc = run('قتل عنصران من "قسد" في بلدة ذيبان. واستقدمت "قسد" تعزيزات من مدينة الشحيل، وفرضت حظراً '
              "للتجوال في البلدة، وشنت حملة دهم واعتقال طالت 15 شاباً.")
    assert {name(doc, e.place.entity_id) for e in doc.events if e.type in ("MOBILIZE", "ARREST")} == {"Dhiban"}


def test_a_place_after_a_bearing_is_no_origin(run):
    doc = run("تظاهر العشرات في قرية بلعين القريبة من رام الله.")
    assert doc.entity(only(doc, "PROTEST").place.entity_id).name_ar == "بلعين"


def test_an_attempt_and_a_deed_are_two_events(run):
    doc = run("حاولت دورية لقسد اعتقال شاب في بلدة ذيبان. وشنت قسد حملة اعتقالات في البلدة طالت 15 شاباً.")
    assert sorted(e.modality for e in doc.events if e.type == "ARREST") == ["asserted", "attempted"]


def test_an_attempt_on_the_other_side_of_a_contrast_is_not_this_one(run):
    doc = run('وشهدت مدينة البوكمال توتراً بين الطرفين، حيث يحاول "الحرس الثوري" زيادة نفوذه في المدينة، '
              'بينما عززت ميليشيا "الدفاع الوطني" نقاطها في ريف المدينة.')
    ev = only(doc, "MOBILIZE")
    assert ev.modality == "asserted" and [name(doc, e) for e in ev.actors] == ["National Defence Forces"]


def test_name_in_apposition_keeps_its_clause_whole(run):
    doc = run("اتهم المتحدث العسكري باسم الحوثيين، يحيى سريع، التحالف بقصف منازل المدنيين في مديرية صرواح، "
              "ما أسفر عن مقتل امرأة وطفليها.")
    ev = only(doc)   # the shelling is what the accusation says, not an event the article reports
    assert ev.type == "ACCUSE" and ev.casualties.killed == []


@pytest.mark.parametrize("text, type_", [
    ("الطائرات الحربية الروسية استهدفت مواقع للفصائل في جبل الزاوية.", "AIRSTRIKE"),
    ("استهدف الطيران الحربي الروسي بلدة البارة بعدة غارات.", "AIRSTRIKE"),
    ("استهدف مسلحون طائرة مروحية قرب مطار حماة.", "ATTACK"),     # the aircraft was the target
])
def test_targeting_by_aircraft_is_an_air_strike(run, text, type_):
    assert [e.type for e in run(text).events] == [type_]


def test_a_weapon_that_targets_is_no_agent(run):
    doc = run("استهدفت عبوة ناسفة دورية لقوات النظام على طريق درعا.")
    ev = only(doc, "EXPLOSION")
    assert ev.side_a == [] and [name(doc, e) for e in ev.side_b] == ["Government of Syria (regime forces)"]


@pytest.mark.parametrize("text, killed, injured", [
    ("أسفر القصف عن مقتل وإصابة 12 شخصاً في البلدة.", None, None),          # one count for both: split unknown
    ("قال ضابط إن خمسة اشخاص على الأقل قتلوا وأصيب حوالي تسعة بجروح في هجوم انتحاري.", 5, 9),
    ("وقال إن شخصا قتل واصيب ثلاثة بجروح بانفجار عبوة ناسفة في منطقة باب المعظم.", 1, 3),
    ("مقتل ثلاثة اطباء اميركيين واصابة رابع بجروح في هجوم مسلح.", 3, 1),
    ("قال متحدث ان جنديين اسبانيين قتلا واصيب ثالث بجراح خطيرة في هجوم انتحاري امس.", 2, 1),
])
def test_tolls_told_before_their_verb_or_together(run, text, killed, injured):
    ev = next(e for e in run(text).events if e.type in ("SHELLING", "EXPLOSION", "ATTACK"))
    assert (ev.casualties.killed_total, ev.casualties.injured_total) == (killed, injured)


def test_combined_toll_keeps_what_the_text_said(run):
    ev = only(run("أسفر القصف عن مقتل وإصابة 12 شخصاً في البلدة."), "SHELLING")
    assert ev.casualties.killed[0].vague == "killed and injured together: 12 شخصاً"


def test_dead_and_wounded_counted_together_are_no_separate_tolls(run):
    ev = only(run("أوقع انفجار سيارة مفخخة 68 قتيلا وجريحا في سوق المدينة أمس."), "EXPLOSION")
    assert (ev.casualties.killed_total, ev.casualties.injured_total) == (None, None)
    assert ev.casualties.killed[0].vague == "killed and injured together: 68 قتيلا وجريحا"


def test_a_blasts_toll_is_not_the_arrest_told_after_it(run):
    doc = run("فيما أوقع انفجار سيارة مفخخة 20 قتيلا في سوق المدينة أمس، ألقت قوات الأمن القبض على ثلاثة مشتبهين.")
    assert only(doc, "EXPLOSION").casualties.killed_total == 20
    assert only(doc, "ARREST").casualties.killed_total is None


def test_who_joined_an_operation_is_associated(run):
    doc = run("ألقت قسد القبض على قيادي في خلايا داعش خلال عملية أمنية مشتركة مع التحالف الدولي في بلدة الشحيل.")
    ev = only(doc, "ARREST")
    assert [doc.entity(x).kb_id for x in ev.associated] == ["us_coalition"]
    assert [doc.entity(x).kb_id for x in ev.side_a] == ["sdf"]


@pytest.mark.parametrize("text", [
    "قتل وجرح العشرات بانفجار سيارة مفخخة في سوق المدينة.",     # dozens of victims of one blast
    "ارتفعت حصيلة ضحايا التفجير الذي ضرب سوق المدينة أمس إلى 25 قتيلاً و40 جريحاً.",
])
def test_a_count_of_victims_is_no_tally_of_acts(run, text):
    assert "aggregate" not in {e.modality for e in run(text).events}


@pytest.mark.parametrize("text, type_, modality", [
    # a time between commas is an aside: the foiling verb still governs the attempt
    ("وكانت الشرطة العسكرية في مدينة الباب قد أحبطت، مطلع الشهر الجاري، محاولة تفجير دراجة نارية مفخخة.",
     "EXPLOSION", "planned"),
    # what towns undergo is told, not planned, however long the towns' description
    ('وتتعرض مدن وبلدات ريف حلب الخاضعة لسيطرة "الجيش الوطني" لتفجيرات متكررة منذ سنوات.', "EXPLOSION", "aggregate"),
])
def test_modality_across_asides_and_long_subjects(run, text, type_, modality):
    assert only(run(text), type_).modality == modality


def test_who_spoke_of_an_unclaimed_blast_is_no_party_to_it(run):
    doc = run("انفجرت سيارة مفخخة في سوق الهال وسط مدينة الباب. ولم تتبن أي جهة التفجير، في حين وجهت "
              'الحكومة السورية المؤقتة أصابع الاتهام إلى "وحدات حماية الشعب".')
    ev = only(doc, "EXPLOSION")
    assert ev.side_a == [] and ev.side_b == []


def test_what_happened_happened_by_publication(run):
    doc = run("وقع الهجوم على الحاجز منتصف الشهر الجاري في بلدة ذيبان.", published=dt.date(2026, 3, 12))
    date = only(doc, "ATTACK").date
    assert (date.min, date.max) == (dt.date(2026, 3, 11), dt.date(2026, 3, 12))


def test_a_plan_may_lie_after_publication(run):
    doc = run("تعتزم القوات شن هجوم على البلدة منتصف الشهر الجاري.", published=dt.date(2026, 3, 12))
    assert only(doc, "ATTACK").date.max == dt.date(2026, 3, 19)


def test_a_leader_speaks_for_the_group_he_leads(run):
    doc = run('اندلع توتر مع ميليشيا محلية تدعى "أسود الشرقية" يقودها المدعو "حسين الرمضان". '
              'وهدد الرمضان في تسجيل صوتي بـ"قطع يد كل من يقترب من المعبر".')
    assert [name(doc, e) for e in only(doc, "THREATEN").side_a] == ["Usud al-Sharqiya"]


@pytest.mark.parametrize("text", [
    "تصدت وسائط دفاعنا الجوي لعدوان إسرائيلي بالصواريخ على محيط دمشق وأسقطت معظمها.",
    "شن الطيران الإسرائيلي عدواناً جوياً على مطار حلب الدولي ما أدى إلى خروجه من الخدمة.",
])
def test_state_medias_aggression_is_an_air_strike(run, text):
    doc = run(text)
    assert [name(doc, e) for e in only(doc, "AIRSTRIKE").side_a] == ["Military Forces of Israel"]


def test_aircraft_that_destroyed_made_an_air_strike(run):
    doc = run("قالت وزارة الدفاع الروسية إن طائراتها دمرت مقرات لتنظيم داعش في البادية السورية.")
    ev = only(doc, "AIRSTRIKE")
    # (the ministry's aircraft: ACLED's export names them its forces)
    assert [name(doc, e) for e in ev.side_a] == ["Ministry of Defence of Russia"]
    assert [name(doc, e) for e in ev.side_b] == ["Islamic State"]


def test_a_speech_verb_joined_to_a_statement_keeps_its_speaker(run):
    doc = run("وأدانت الإدارة الذاتية لشمال وشرق سوريا في بيان الهجوم، واتهمت الدولة التركية بدعم خلايا داعش.")
    ev = only(doc, "ACCUSE")
    assert [name(doc, e) for e in ev.side_a] == ["Autonomous Administration of North and East Syria"]
    assert "Turkey" in {name(doc, e) for e in ev.side_b}


def test_a_group_noun_refers_to_the_group_it_named(run):
    doc = run('نفذت خلايا تابعة لتنظيم "داعش" كميناً لحافلة تقل عناصر من "الفرقة 25" في قوات النظام. '
              "وأوضح المرصد أن عناصر التنظيم هاجموا الحافلة قرب منطقة الكوم.")
    assert [name(doc, e) for e in only(doc, "ATTACK").side_a] == ["Islamic State"]


def test_a_group_that_claimed_an_act_did_it(run):
    doc = run('هاجم عناصر تنظيم "داعش" حاجزاً في البادية. وردت الطائرات الروسية بغارات على مواقع في البادية. '
              'وكان التنظيم قد تبنى في شهر شباط الماضي هجوماً مماثلاً أودى بحياة 14 عنصراً من ميليشيا "لواء القدس".')
    earlier = [e for e in doc.events if e.type == "ATTACK" and e.casualties.killed_total == 14]
    assert len(earlier) == 1 and [name(doc, e) for e in earlier[0].side_a] == ["Islamic State"]


def test_another_act_of_a_kind_is_another_event(run):
    doc = run('هاجم تنظيم "داعش" حاجزاً لقوات النظام. وكان التنظيم قد نفذ هجوماً مماثلاً قرب مدينة الرصافة.')
    assert len([e for e in doc.events if e.type == "ATTACK"]) == 2


def test_an_attack_told_again_by_its_kind_is_one_event_of_that_kind(run):
    doc = run("وتبنت حركة طالبان أمس مسؤوليتها عن الهجوم، الذي أودى بحياة سبعة أفغان وأميركيين في هجوم "
              "انتحاري في ولاية قندهار الجنوبية.")
    ev = only(doc)
    assert ev.type == "EXPLOSION" and ev.casualties.killed_total == 7


def test_a_place_after_the_victims_is_not_their_side(run):
    ev = only(run("قام مسلحون بتفجير سيارة مفخخة ما اودى بحياة 17 مدنيا في دمشق."), "EXPLOSION")
    assert ev.side_b == [] and ev.casualties.civilians_killed == 17


def test_a_pledge_to_escalate_is_a_threat(run):
    assert only(run("وتعهدت الحركة بتصعيد هجماتها ضد القوات الأجنبية."), "ATTACK").modality == "threatened"


def test_the_reason_for_a_protest_is_no_rejection(run):
    doc = run("وشهدت المحافظة احتجاجات واسعة استمرت أشهراً، رفضاً لقرارات الحكومة رفع أسعار المحروقات.")
    assert [e.type for e in doc.events] == ["PROTEST"]


def test_where_a_source_and_the_wounded_are_is_not_the_scene(run):
    doc = run("قُتل القيادي محمد الزعبي إثر انفجار عبوة ناسفة في سيارته بمدينة طفس. وقال مراسل عنب بلدي في درعا، "
              "إن الانفجار أدى أيضاً إلى إصابة طفلين نقلا على إثرها إلى المستشفى الوطني في درعا.")
    ev = only(doc)
    assert name(doc, ev.place.entity_id) == "Tafas" and ev.casualties.injured_total == 2


def test_a_headline_assassination_is_the_leads_deadly_blast(run):
    doc = run("اغتيال قيادي سابق في المعارضة بعبوة ناسفة في ريف درعا الغربي\n\n"
              "قُتل القيادي السابق محمد الزعبي، اليوم السبت، إثر انفجار عبوة ناسفة زرعها مجهولون في سيارته بمدينة طفس.")
    assert [(e.type, e.casualties.killed_total) for e in doc.events] == [("ASSASSINATION", 1)]


def test_air_defences_meeting_an_aggression_is_one_air_strike(run):
    doc = run("تصدت وسائط دفاعنا الجوي فجر اليوم لعدوان إسرائيلي بالصواريخ استهدف بعض النقاط في محيط دمشق.")
    assert [(e.type, e.modality) for e in doc.events] == [("AIRSTRIKE", "asserted")]


def test_strikes_told_again_name_what_they_hit_nearby(run):
    doc = run("نفذ الطيران الإسرائيلي عدواناً جوياً استهدف بعض النقاط في محيط مدينة دمشق. وقال المرصد السوري إن "
              'الضربات استهدفت مستودعات أسلحة تابعة لـ"حزب الله" في منطقة الكسوة.')
    ev = only(doc)
    assert ev.type == "AIRSTRIKE" and [name(doc, e) for e in ev.side_b] == ["Hezbollah"]


@pytest.mark.parametrize("text, types", [
    ("داهم العناصر منازل الناشطين فجراً واقتادوهم إلى جهة مجهولة.", ["ARREST"]),    # at dawn
    ("وقال إن الانتحاريين فجرا نفسيهما قرب الحاجز.", ["EXPLOSION"]),
])
def test_dawn_is_no_blast(run, text, types):
    assert [e.type for e in run(text).events] == types


def test_a_place_named_by_a_bearing_anchors_nothing(run):
    doc = run('قوات العشائر تهاجم نقاطاً لـ"قسد" شرقي دير الزور\n\nشنت "قوات العشائر" فجر الخميس هجوماً على نقاط '
              'لـ"قسد" في بلدة البصيرة بريف دير الزور الشرقي.')
    ev = only(doc, "ATTACK")
    assert name(doc, ev.place.entity_id) == "Al-Busayrah"


def test_the_headline_may_announce_an_answer(run):
    doc = run('"قسد" تقصف قرى غرب الفرات\n\nهاجم مسلحون نقاطاً لقسد في البصيرة. وردت "قسد" بقصف مدفعي طال قرى '
              "الطيبة والصالحية غرب الفرات.")
    assert len([e for e in doc.events if e.type == "SHELLING"]) == 1


def test_a_claim_spans_the_claimants_description(run):
    doc = run("اعلن تنظيم «دولة العراق الاسلامية» المرتبط بـ«القاعدة» مسؤوليته أمس عن هجوم انتحاري في محافظة الانبار.")
    ev = only(doc, "EXPLOSION")
    assert ev.modality == "asserted" and ev.side_a


def test_an_attempt_in_a_condition_is_hypothetical(run):
    doc = run("سيصبح وجود القوات الاميركية هدفا لإيران إذا حاولت أميركا توجيه ضربة إلى المنشآت النووية الإيرانية.")
    assert {e.modality for e in doc.events if e.type in ("ATTACK", "AIRSTRIKE")} == {"threatened"}


def test_the_town_is_the_one_named_by_the_same_word_not_a_bearing(run):
    doc = run('تشهد مدينة الميادين شرقي دير الزور توتراً. وأطلق عناصر من "الفيلق الخامس" النار على سيارة عند '
              "حاجز على مدخل المدينة الغربي.")
    assert name(doc, only(doc, "ATTACK").place.entity_id) == "Al-Mayadin"


def test_a_spokesman_who_denied_then_accuses(run):
    doc = run('نفى مسؤول إعلامي في "فاطميون" وقوع أي إطلاق نار، واتهم "الفيلق الخامس" بنشر الشائعات.')
    reject, accuse = only(doc, "REJECT"), only(doc, "ACCUSE")
    assert [name(doc, e) for e in reject.side_a] == ["Liwa Fatemiyoun"]
    assert ([name(doc, e) for e in accuse.side_a], [name(doc, e) for e in accuse.side_b]) == (
        ["Liwa Fatemiyoun"], ["5th Corps"])
    assert only(doc, "ATTACK").modality == "denied"


def test_sides_come_out_in_the_same_order_in_every_process():
    # the victims' sides were a set: their order followed each process's string hashing
    text = ('قُتل عنصران من "قسد" وثلاثة من قوات النظام وأصيب اثنان من الجيش التركي في هجوم لتنظيم داعش '
            "على حاجز في ريف دير الزور.")
    code = ("import sys; from marsad.pipeline import Pipeline; "
            "print([e.side_b for e in Pipeline().run_text(sys.argv[1], 't').events])")
    outputs = {subprocess.run([sys.executable, "-c", code, text], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(outputs) == 1


def test_the_day_of_an_announcement_gives_way_to_the_day_of_the_act(run):
    doc = run('أعلنت القيادة المركزية الأمريكية، اليوم الثلاثاء، مقتل قيادي بارز في تنظيم "الدولة الإسلامية" '
              "بغارة جوية في ريف الحسكة الجنوبي. وقالت في بيان إن الغارة التي نفذت مساء أمس الإثنين أسفرت عن مقتله.")
    ev = only(doc, "AIRSTRIKE")
    assert ev.date.value == dt.date(2024, 3, 11)
    assert [name(doc, e) for e in ev.side_a] == ["US Central Command (CENTCOM)"]
    assert [name(doc, e) for e in ev.side_b] == ["Islamic State"]   # the leader's group, "قيادي بارز في"


def test_what_follows_a_contrast_is_no_party(run):
    doc = run('ودخلت أرتال "هيئة تحرير الشام" إلى قرى في ريف عفرين، في حين دعت "الحكومة السورية المؤقتة" '
              "الطرفين إلى التهدئة.")
    assert [name(doc, e) for e in only(doc, "MOBILIZE").actors] == ["Hay'at Tahrir al-Sham"]


def test_an_ambush_set_by_cells_of_a_group_is_that_groups(run):
    doc = run('قُتل 12 عنصراً من قوات النظام، ليل الأحد - الإثنين، في كمين نصبته خلايا تنظيم "الدولة الإسلامية" لحافلة عسكرية.')
    ev = only(doc, "ATTACK")
    assert [name(doc, e) for e in ev.side_a] == ["Islamic State"]
    assert "ORGANIZATION" not in {e.type for e in doc.entities}   # "ليل" is a time, not Lille


def test_a_destination_does_not_outrank_the_place_an_act_was_near(run):
    doc = run("وأمس قتل سائقا شاحنات كانا ينقلان إمدادات الى أفغانستان في هجوم بقنابل يدوية وبنادق بالقرب من بيشاور.")
    assert doc.entity(only(doc, "ATTACK").place.entity_id).name_ar == "بيشاور"


@pytest.mark.parametrize("text, types", [
    ("قال إن الانتحاريين فجرا نفسيهما قرب القوة المداهمة لاحد المنازل، ما اسفر عن اصابة ثلاثة جنود.", ["EXPLOSION"]),
    ("انسحبت القوات المهاجمة من مواقعها نحو البادية.", ["BASE_CHANGE"]),
])
def test_a_participle_after_a_force_describes_it(run, text, types):
    assert [e.type for e in run(text).events] == types


def test_who_shelled_follows_the_shelling_noun(run):
    doc = run("قصف جيش الاحتلال التركي، صباح اليوم، قرى أم الكيف والطويلة التابعة لناحية تل تمر.")
    assert [name(doc, e) for e in only(doc, "SHELLING").side_a] == ["Military Forces of Turkey"]


def test_the_fight_told_again_is_the_clash_not_the_attempt_that_caused_it(run):
    doc = run('اندلعت اشتباكات بين عناصر من ميليشيا "لواء الباقر" وعناصر من ميليشيا "الدفاع الوطني"، مساء أمس، في مدينة '
              'الميادين، إثر محاولة عناصر "الباقر" اغتيال القيادي في "الدفاع الوطني" المدعو "أبو عيسى الخلف". وقال مصدر '
              "محلي إن الاشتباكات أسفرت عن إصابة ثلاثة عناصر من الطرفين.")
    clash, attempt = only(doc, "ARMED_CLASH"), only(doc, "ATTACK")
    assert (attempt.modality, attempt.casualties.injured_total) == ("attempted", None)
    assert clash.casualties.injured_total == 3


LEBANON_BORDER = (
    "مقتل ثلاثة مهربين بنيران الجيش اللبناني على الحدود مع سوريا\n\n"
    "بيروت - 14 أيلول 2025\n\n"
    "قتل ثلاثة أشخاص وأصيب اثنان آخران، فجر الجمعة، في اشتباك بين دورية للجيش اللبناني ومجموعة من "
    "المهربين في جرود بلدة عرسال على الحدود اللبنانية السورية.\n\n"
    "وقال البيان إن الدورية تعرضت لإطلاق نار أثناء محاولتها توقيف سيارات محملة بالمحروقات.\n\n"
    "وأضاف أن الجيش أوقف أربعة من المهربين في منطقة الهرمل.")


def test_a_headline_killing_is_the_leads_fight_with_the_same_toll(run):
    clash = only(run(LEBANON_BORDER), "ARMED_CLASH")
    assert clash.place.kb_id == "gn:273675"                  # Arsal, not Syria across the border
    assert [c.count for c in clash.casualties.killed] == [3]
    assert not [e for e in run(LEBANON_BORDER).events if e.type == "ATTACK" and e.casualties.killed]


def test_the_city_of_a_dateline_is_not_where_the_news_is(run):
    doc = run(LEBANON_BORDER)
    assert "beirut" not in {e.place.kb_id for e in doc.events if e.place}


def test_a_patrol_that_was_shot_at_is_no_deployment(run):
    doc = run(LEBANON_BORDER)
    assert not [e for e in doc.events if e.type == "MOBILIZE"]
    assert ("ARREST", "attempted") in {(e.type, e.modality) for e in doc.events}   # "أثناء محاولتها توقيف"


@pytest.mark.parametrize("text, arrests", [
    ("أوقف الجيش أربعة من المهربين في منطقة الهرمل.", 1),
    ("أوقف الطرفان إطلاق النار بعد ساعتين من الاشتباكات.", 0),
])
def test_stopping_people_is_an_arrest(run, text, arrests):
    assert len([e for e in run(text).events if e.type == "ARREST"]) == arrests


def test_the_country_across_the_border_is_not_the_place(run):
    ev = only(run("قتل جنديان في هجوم على موقع عسكري قرب الحدود مع تركيا."), "ATTACK")
    assert ev.place is None or ev.place.kb_id != "country:TUR"


def test_a_denial_reaches_past_an_aside_with_quotes(run):
    doc = run('نفى المتحدث باسم التحالف الدولي، في تصريح لقناة "الحرة"، أن تكون طائرات التحالف قد نفذت أي غارة في المنطقة.')
    strike = only(doc, "AIRSTRIKE")
    assert strike.modality == "denied" and strike.attribution != "الحرة"   # the outlet was spoken to


def test_a_country_things_came_from_is_no_party(run):
    doc = run("استهدفت طائرة مسيرة شاحنات محملة بالأسلحة قادمة من العراق قرب البوكمال.")
    assert "country:IRQ" not in {doc.entity(x).kb_id for e in doc.events for x in e.side_a + e.side_b}


@pytest.mark.parametrize("lag, days", [("يومين", 2), ("ثلاثة أيام", 3), ("أسبوع", 7)])
def test_an_earlier_act_told_after_the_news_is_dated_from_it(run, lag, days):
    doc = run("قتل عنصران من قوات النظام في هجوم على حاجز قرب الميادين يوم الخميس 5 آذار 2026.\n\n"
              f"ويأتي ذلك بعد {lag} من هجوم مماثل شنه مسلحون على حاجز في بلدة الشحيل أسفر عن مقتل عنصر.",
              published=dt.date(2026, 3, 6))
    earlier = [e for e in doc.events if e.place and e.place.name_en == "Al-Shuhayl"]
    assert len(earlier) == 1 and earlier[0].date.value == dt.date(2026, 3, 5) - dt.timedelta(days=days)


def test_a_group_that_says_what_others_did_is_no_party(run):
    doc = run('قالت "قسد" إن المدفعية التركية وفصائل "الجيش الوطني" قصفت قرى في ريف عين العرب.')
    shelling = only(doc, "SHELLING")
    assert {doc.entity(x).kb_id for x in shelling.side_a} == {"turkey_forces", "sna"}
    assert shelling.attribution == "قسد"


def test_its_own_forces_are_the_speakers(run):
    doc = run("وقال الجيش الأميركي إن قواته أطلقت صاروخا من طائرة بدون طيار على مقاتلين قرب الحدود.")
    assert {doc.entity(x).kb_id for e in doc.events for x in e.side_a} == {"us_forces"}


TURKISH_BORDER = (
    'قصف تركي على ريف عين العرب.. ومقتل جندي تركي بقذيفة من مناطق "قسد"\n\n'
    "قالت وزارة الدفاع التركية، اليوم الخميس، إن جندياً تركياً قتل وأصيب اثنان آخران بقذيفة صاروخية أطلقت من "
    'مناطق سيطرة "قوات سوريا الديمقراطية" على مخفر حدودي قرب بلدة أقجة قلعة.\n\n'
    'من جهتها، قالت "قسد" إن المدفعية التركية قصفت قرى في ريف عين العرب الغربي، ما أدى إلى مقتل مدنيين اثنين.')


def test_who_fired_whose_soldier_was_killed_and_who_said_so(run):
    doc = run(TURKISH_BORDER)
    shell = next(e for e in doc.events if e.place and e.place.name_en == "Akcakale")
    assert {doc.entity(x).kb_id for x in shell.side_a} == {"sdf"}                 # fired from its areas
    assert "country:TUR" in {doc.entity(x).kb_id for x in shell.side_b}          # a Turkish soldier was killed
    assert shell.attribution == "وزارة الدفاع التركية"                             # it said so, past the time


def test_two_items_of_one_headline_join_two_events(run):
    doc = run(TURKISH_BORDER)
    assert len([e for e in doc.events if e.type == "SHELLING"]) == 2
    turkish = next(e for e in doc.events if "turkey_forces" in {doc.entity(x).kb_id for x in e.side_a})
    assert "sdf" not in {doc.entity(x).kb_id for x in turkish.side_a}


def test_shells_from_a_groups_positions_are_its_own(run):
    doc = run("سقطت قذائف مصدرها مواقع قوات النظام على بلدة كنصفرة في ريف إدلب.")
    assert [doc.entity(x).kb_id for e in doc.events for x in e.side_a] == ["syrian_government"]


def test_a_force_named_by_nationality_before_its_verb_is_its_subject(run):
    doc = run('وكانت مسيرة تركية قد استهدفت، الأسبوع الماضي، سيارة تقل قياديين في "قسد" على طريق الحسكة - القامشلي.')
    strike = only(doc, "AIRSTRIKE")
    assert [doc.entity(x).kb_id for x in strike.side_a] == ["turkey_forces"]


@pytest.mark.parametrize("text, told", [
    ("تم اختطاف الطبيب على يد مسلحين مجهولين أمس في مدينة درعا.", True),
    ("وأفرجت الجماعة عن الممرضة التي تم اختطافها في أكتوبر الماضي.", False),   # in passing
])
def test_a_passive_that_opens_its_clause_tells_the_act(run, text, told):
    assert bool([e for e in run(text).events if e.type == "ABDUCTION"]) == told


@pytest.mark.parametrize("text, killed", [
    ("عثر الأهالي على جثة راعٍ مقتولاً بطلق ناري في الرأس قرب قرية الكدير.", 1),
    ("عثر الأهالي على خمس جثث مقتولين بالرصاص قرب البلدة.", 5),
])
def test_bodies_found_shot_are_a_killing(run, text, killed):
    ev = only(run(text), "ATTACK")
    assert ev.casualties.killed_total == killed


def test_strikes_a_verb_says_were_carried_out_are_no_tally(run):
    ev = only(run("شنت الطائرات الروسية 20 غارة على بلدات ريف إدلب الجنوبي اليوم."), "AIRSTRIKE")
    assert ev.modality == "asserted"
    tally = only(run("وثق المرصد 40 غارة جوية على المنطقة خلال أسبوعين."), "AIRSTRIKE")
    assert tally.modality == "aggregate" and tally.attribution == "المرصد"   # the count is not the source's name


def test_protests_in_towns_that_stood_with_another(run):
    doc = run("شهدت مدينة درعا وبلدة طفس وقفات احتجاجية تضامناً مع السويداء.")
    protest = only(doc, "PROTEST")
    assert protest.place.name_en != "As-Suwayda"


def test_a_definite_noun_after_the_side_goes_on_naming_it(run):
    ev = only(run("رصد المرصد مقتل خمسة عناصر من قوات النظام والمسلحين الموالين لها جراء هجوم نفذته خلايا "
                  "التنظيم على نقطة عسكرية."), "ATTACK")
    assert [(c.count, c.vague) for c in ev.casualties.killed] == [(5, None)]


IDLIB = ("قُتل طفلان وأصيبت والدتهما بجروح خطيرة، صباح اليوم السبت، جراء قصف مدفعي لقوات النظام استهدف منازل "
         "المدنيين في بلدة البارة بجبل الزاوية جنوبي إدلب.\n\n"
         'وردت غرفة عمليات "الفتح المبين" باستهداف مواقع لقوات النظام في بلدة كفرنبل بقذائف المدفعية.\n\n'
         "ويأتي هذا التصعيد بعد يومين من غارات روسية على أطراف مدينة إدلب أسفرت عن مقتل مدني وإصابة خمسة آخرين، "
         "رغم اتفاق وقف إطلاق النار الموقع بين روسيا وتركيا في آذار 2020.")


def test_kin_of_the_dead_are_counted(run):
    shelling = next(e for e in run(IDLIB).events if e.type == "SHELLING" and e.casualties.killed)
    assert shelling.casualties.killed_total == 2 and [c.count for c in shelling.casualties.injured] == [1]


def test_the_answer_of_an_operations_room(run):
    doc = run(IDLIB)
    answer = next(e for e in doc.events if e.place and e.place.name_en == "Kafranbel")
    assert [doc.entity(x).kb_id for x in answer.side_a] == ["fath_al_mubin"]


def test_an_agreement_has_no_toll_and_strikes_before_the_news_keep_their_own_day(run):
    doc = run(IDLIB)
    agreement, strikes = only(doc, "AGREE"), only(doc, "AIRSTRIKE")
    assert not agreement.casualties.killed and not agreement.casualties.injured
    assert strikes.date.value is not None and strikes.date.value.year != 2020


TAYYANA = ('شهدت بلدة الطيانة في ريف دير الزور الشرقي، مساء أمس الأحد، حالة من التوتر، إثر مقتل الشاب أحمد العبد الله، '
           'وهو من أبناء عشيرة البكير، برصاص عناصر دورية تابعة لـ"قوات سوريا الديمقراطية" خلال مداهمة منزله.\n\n'
           "وقال مصدر محلي إن أبناء العشيرة قطعوا الطريق العام الواصل بين بلدتي الطيانة وذيبان بالإطارات المشتعلة، "
           "احتجاجاً على مقتل الشاب، وطالبوا بمحاسبة عناصر الدورية.")


def test_the_people_a_victim_is_from_suffered_the_act(run):
    doc = run(TAYYANA)
    killing = only(doc, "ATTACK")
    assert [doc.entity(x).kb_id for x in killing.side_a] == ["sdf"]
    assert "عشيرة البكير" in {doc.entity(x).name_ar for x in killing.side_b}


def test_a_road_blocked_in_protest_is_a_protest_without_the_toll_it_protests(run):
    protest = only(run(TAYYANA), "PROTEST")
    assert not protest.casualties.killed


def test_the_men_of_a_patrol_told_before_are_no_deployment(run):
    assert not [e for e in run(TAYYANA).events if e.type == "MOBILIZE"]


def test_others_killed_later_are_another_act(run):
    doc = run('توتر في ريف دير الزور الشرقي بعد مقتل شاب برصاص دورية لـ"قسد"\n\n' + TAYYANA
              + "\n\nويعد هذا الحادث الثالث من نوعه خلال الشهر الجاري، إذ قُتل شابان آخران في بلدتي "
              'الشحيل والبصيرة برصاص عناصر "قسد" خلال مداهمات مماثلة.')
    killings = sorted(e.casualties.killed_total for e in doc.events if e.type == "ATTACK")
    assert killings == [1, 2]


def test_others_wounded_in_the_same_toll_are_the_same_act(run):
    ev = only(run("قتل عنصران من قسد وأصيب ثلاثة آخرون في هجوم على حاجز."), "ATTACK")
    assert ev.casualties.killed_total == 2 and [c.count for c in ev.casualties.injured] == [3]


RAID = ('نفذت قوات التحالف الدولي، فجر اليوم الثلاثاء، عملية إنزال جوي في قرية الشحيل بريف دير الزور الشرقي، '
        'بمشاركة قوات خاصة من "قسد"، أسفرت عن مقتل قيادي في تنظيم "الدولة الإسلامية".\n\n'
        'وقالت القيادة المركزية الأمريكية "سنتكوم" في بيان إن العملية استهدفت مسؤولاً كبيراً في التنظيم.\n\n'
        "وأفاد ناشطون محليون بوقوع اشتباكات متقطعة مع مسلحين في القرية، قبل أن تنسحب القوة باتجاه قاعدة حقل العمر.")


def test_the_operation_told_again_by_its_statement_is_one_event(run):
    doc = run(RAID)
    raids = [e for e in doc.events if e.type == "ATTACK"]
    assert len(raids) == 1 and raids[0].attribution == "القيادة المركزية الأمريكية"
    assert "sdf" in {doc.entity(x).kb_id for x in raids[0].associated}      # "بمشاركة": took part beside


def test_where_a_force_headed_is_not_where_it_fought(run):
    clash = only(run(RAID), "ARMED_CLASH")
    assert clash.place is None or clash.place.kb_id != "al_omar_oilfield"


def test_state_medias_account_of_a_strike_is_one_air_strike(run):
    doc = run("استشهد عسكريان اثنان وأصيب سبعة آخرون بجروح، فجر اليوم، جراء عدوان جوي إسرائيلي استهدف عدداً من "
              "النقاط العسكرية في محيط مدينة دمشق.\n\nوذكر مصدر عسكري أن العدو الإسرائيلي نفذ عدواناً جوياً برشقات "
              "من الصواريخ من اتجاه الجولان السوري المحتل مستهدفاً بعض النقاط في ريف دمشق الجنوبي، ما أدى إلى "
              "استشهاد عسكريين اثنين وإصابة سبعة آخرين.")
    strike = only(doc, "AIRSTRIKE")
    assert not [e for e in doc.events if e.type == "SHELLING"]   # the salvos are its means
    assert [doc.entity(x).kb_id for x in strike.side_a] == ["israel_forces"]
    assert strike.place.name_en != "Golan Heights"         # where it came from


def test_an_act_the_news_came_so_long_after_in_its_sentence(run):
    doc = run("أفرجت مجموعة مسلحة عن الطفل بعد أسبوع من اختطافه من أمام منزله في بلدة الجيزة بريف درعا الشرقي.",
              published=dt.date(2026, 3, 10))
    abduction = only(doc, "ABDUCTION")
    assert abduction.date.max == dt.date(2026, 3, 3)      # a week before the news of the day


def test_a_toll_and_parties_before_the_lag_are_the_later_news(run):
    arrest = only(run("قتل عنصران من قسد بعد يومين من اعتقالهما."), "ARREST")
    assert not arrest.casualties.killed and not arrest.side_a


@pytest.mark.parametrize("text", [
    "وتشهد المحافظة انتشاراً لعصابات الخطف التي تستهدف المدنيين والتجار بهدف الحصول على فدى مالية.",
    "وانتقد الرئيس المتظاهرين الذين يحتجون على هذه الخطوة.",
])
def test_what_someone_does_told_in_passing_is_no_event(run, text):
    assert not [e for e in run(text).events if e.modality in ("asserted", "attempted")]


def test_an_infiltration_fought_off_with_a_toll_was_attempted(run):
    doc = run("وكانت وحدات الجيش العربي السوري قد أحبطت، أمس، محاولة تسلل لمجموعات إرهابية باتجاه نقاطها في ريف "
              "إدلب الجنوبي وأوقعت في صفوفها قتلى ومصابين.")
    attempt = only(doc, "ATTACK")
    # the army foiled it, did not attempt it: the groups did
    assert attempt.modality == "attempted" and [doc.entity(a).kb_id for a in attempt.side_a] == ["so_called_terrorist_groups"]


@pytest.mark.parametrize("text", [
    "تسلل عشرات السوريين إلى الأراضي التركية عبر الحدود.",                                  # migrants
    "وفي هذا السياق أحبطت «كتائب عز الدين القسام» ـ الجناح العسكري لحركة حماس، فجر أمس، محاولة إسرائيلية "
    "للتسلل إلى حي الزيتون شرق مدينة غزة.",                                                # foiled, no toll
])
def test_an_infiltration_that_is_no_attack(run, text):
    assert not [e for e in run(text).events if e.modality in ("asserted", "attempted")]


def test_who_holds_the_place_is_no_party(run):
    doc = run("قتل مواطن برصاص مجهولين في مدينة الباب الخاضعة لسيطرة فصائل الجيش الوطني.")
    ev = only(doc, "ATTACK")
    assert ev.actors == [] and ev.casualties.killed_total == 1


def test_an_answer_by_the_other_side_is_another_act(run):
    doc = run("قتل سبعة مدنيين جراء قصف صاروخي نفذته قوات النظام على مدينة أريحا صباح اليوم. "
              "كما استهدفت فصائل الجيش الوطني بقذائف المدفعية مواقع قوات النظام في محيط بلدة كفرنبل.")
    shellings = [e for e in doc.events if e.type == "SHELLING"]
    assert len(shellings) == 2
    assert [doc.entity(x).kb_id for e in shellings for x in e.side_a] == ["syrian_government", "sna"]


def test_a_guess_between_commas_names_who_struck_and_the_target_verb_is_the_strike(run):
    doc = run("وجاء ذلك بعد غارات جوية لطائرات مجهولة، يرجح أنها إسرائيلية، استهدفت مستودعات في محيط مدينة البوكمال.")
    ev = only(doc, "AIRSTRIKE")
    assert [doc.entity(x).kb_id for x in ev.side_a] == ["israel_forces"]
    assert not [e for e in doc.events if e.type == "ATTACK"]


def test_group_anaphor_before_the_verb_that_tells_a_noun(run):
    doc = run("اغتال مجهولون عنصراً من ميليشيا لواء الباقر في الميادين. "
              "وقالت مصادر إن عناصر الميليشيا شنوا عقب الحادثة حملة مداهمات طالت عدداً من المنازل.")
    ev = only(doc, "ARREST")
    assert [doc.entity(x).kb_id for x in ev.side_a] == ["liwa_al_baqir"]


def test_the_charge_of_a_later_arrest_is_no_party_to_the_raid(run):
    doc = run("شنت الميليشيا حملة مداهمات طالت عدداً من المنازل، واعتقلت خمسة شبان بتهمة التعاون مع خلايا تنظيم داعش.")
    assert all(doc.entity(x).kb_id != "isis" for e in doc.events for x in e.actors)


def test_strike_made_with_a_states_aircraft_is_that_states(run):
    doc = run("نفذت القوات العراقية ضربة جوية بطائرات إف 16 عراقية استهدفت وكراً لداعش في وادي الشاي جنوب كركوك.")
    ev = only(doc, "AIRSTRIKE")
    assert [doc.entity(x).kb_id for x in ev.side_a] == ["iraqi_forces"]
    assert ev.place.name_ar == "وادي الشاي" and ev.place.geo_precision == 2


@pytest.mark.parametrize("text", [
    'واتهم الحرس الثوري طرفاً ثالثاً غير تنظيم الدولة "داعش" بمهاجمة عناصره في المنطقة.',
    "واتهم الحرس الثوري جهات أخرى سوى تنظيم داعش بالوقوف وراء الهجوم.",
    "واتهم الحرس الثوري طرفاً ثانياً غير تنظيم “داعش” بمهاجمة عناصره.",   # a group noun between
])
def test_who_is_named_after_other_than_is_no_party(run, text):
    doc = run(text)
    assert all(doc.entity(x).kb_id != "isis" for e in doc.events for x in e.actors)
    assert any(doc.entity(x).kb_id == "irgc" for e in doc.events for x in e.actors)


def test_what_an_act_was_for_told_by_its_kind_is_no_other_act(run):
    doc = run("أرسلت ميليشيا الدفاع الوطني تعزيزات عسكرية إلى البوكمال، وذلك بهدف تعزيز مواقعها في المنطقة.")
    assert [(e.type, e.modality) for e in doc.events] == [("MOBILIZE", "asserted")]


def test_the_same_kind_of_act_by_another_in_the_same_town_is_another(run):
    doc = run("أرسلت ميليشيا الدفاع الوطني تعزيزات عسكرية إلى مدينة البوكمال. "
              "وفي المقابل عزز الفوج 47 التابع للحرس الثوري من مقاره في مدينة البوكمال.")
    movers = sorted(doc.entity(e.side_a[0]).name_en for e in doc.events if e.type == "MOBILIZE")
    assert movers == ["National Defence Forces", "Regiment 47 (IRGC)"]


def test_where_reinforcements_came_from_is_no_scene_of_a_threat_told_before(run):
    doc = run("رفضت قيادة الفرقة الرابعة الاتهامات، وهددت باقتحام مقرات الحرس في حال اعتقال أي عنصر، وهو ما فعلته "
              "ميليشيا الدفاع الوطني التي استقدمت تعزيزات جديدة لها من مدينة الميادين.")
    threat = next(e for e in doc.events if e.type == "THREATEN")
    assert threat.place is None or threat.place.name_en != "Al-Mayadin"


@pytest.mark.parametrize("text, place", [
    # a distance told from a far town: the scene is the other town
    ("انفجرت عبوة ناسفة بحافلة في مدينة الناصرية (350 كلم جنوب بغداد) ما أسفر عن مقتل خمسة.", "الناصرية"),
    # from a near one, it places the act
    ("انفجرت سيارة مفخخة في بلدة صغيرة (20 كلم شمال الموصل) ما أسفر عن مقتل عشرة.", "الموصل"),
    # the areas of a town: no origin
    ("وانتشرت الاشتباكات بين الشرطة والمتظاهرين إلى عدة مناطق من مدينة الموصل.", "الموصل"),
])
def test_a_place_told_by_a_distance_or_as_a_whole(run, text, place):
    ev = next(e for e in run(text).events if e.type in ("EXPLOSION", "ARMED_CLASH"))
    assert ev.place.name_ar == place


def test_meetings_between_other_parties_are_two(run):
    doc = run("عقدت القوات الروسية اجتماعاً مع قياديين في ميليشيا الدفاع الوطني في البوكمال. "
              "وكانت مصادر تحدثت عن فشل اجتماع عقد منتصف الشهر بين الدفاع الوطني والحرس الثوري الإيراني.")
    assert len([e for e in doc.events if e.type == "MEETING"]) == 2


def test_a_meeting_told_again_with_fewer_parties_is_one(run):
    doc = run("عقدت القوات الروسية اجتماعاً مع قياديين في ميليشيا الدفاع الوطني في البوكمال. "
              "وحضر الاجتماع قادة من الدفاع الوطني.")
    assert len([e for e in doc.events if e.type == "MEETING"]) == 1


def test_a_road_between_two_towns_places_the_act_near_the_first(run):
    doc = run("قتل قيادي برصاص مسلحين على الطريق الواصل بين بلدتي المزيريب واليادودة غربي درعا مساء الإثنين.")
    ev = only(doc, "ATTACK")
    assert ev.place.name_ar == "المزيريب" and ev.place.geo_precision == 2


def test_people_seized_with_no_place_told_are_placed_where_they_are_from(run):
    doc = run("اختطفت مجموعة مسلحة أربعة شبان من مدينة إعزاز بتهمة التعامل مع الهيئة.")
    assert only(doc, "ABDUCTION").place.name_ar == "أعزاز"


def test_people_seized_on_a_road_are_placed_on_the_road(run):
    doc = run("خطف مسلحون مجهولون تاجراً من أبناء مدينة شهبا، ظهر أمس، على طريق دمشق السويداء.")
    assert only(doc, "ABDUCTION").place.name_ar == "دمشق"


@pytest.mark.parametrize("text, kind", [
    ('أطلق مسلحون النار على "أبو غنوم" وزوجته في مدينة الباب، ما أدى إلى مقتلهما.', "ASSASSINATION"),
    ("أطلق مسلحون مجهولون النار على القيادي محمد الزعبي في طفس، ما أدى إلى مقتله.", "ASSASSINATION"),
    # not when he survived, nor when the shots were at a crowd and a man named in the toll died
    ("أطلق مسلحون مجهولون النار على القيادي محمد الزعبي في طفس، ما أدى إلى إصابته.", "ATTACK"),
    ("أطلق عناصر الحاجز النار على المتظاهرين في طفس، ما أدى إلى مقتل الشاب أحمد السواس.", "ATTACK"),
])
def test_shots_that_killed_the_person_they_were_aimed_at_are_an_assassination(run, text, kind):
    assert [e.type for e in run(text).events] == [kind]


@pytest.mark.parametrize("text", [
    "ألقى الطيران المروحي التابع لقوات النظام، أمس الأحد، ١٤ برميلاً متفجراً على حي القابون شرق دمشق.",
    "قصفت قوات النظام بالبراميل المتفجرة بلدة عين ترما.",
])
def test_barrel_bombs_are_dropped_from_the_air(run, text):
    assert [e.type for e in run(text).events] == ["AIRSTRIKE"]


@pytest.mark.parametrize("text, place", [
    ("بدأت هيئة تحرير الشام، أمس، سحب جزء من مقاتليها وآلياتها من مدينة عفرين وريفها باتجاه إدلب.", "عفرين"),
    ("انسحبت قوات قسد من بلدة عين عيسى إلى الرقة.", "عين عيسى"),
])
def test_a_withdrawal_is_placed_where_the_forces_left(run, text, place):
    assert only(doc := run(text), "BASE_CHANGE").place.name_ar == place and len(doc.events) == 1


def test_posts_deployed_are_a_base_change(run):
    doc = run("نشر الجيش التركي، اليوم الجمعة، نقاطاً عسكرية جديدة على الطريق الواصل بين عفرين واعزاز.")
    assert [e.type for e in doc.events] == ["BASE_CHANGE"]


@pytest.mark.parametrize("text, modality", [
    ("وتدور منذ فجر اليوم اشتباكات عنيفة بين الطرفين في محيط بلدة كفرجنة.", "asserted"),
    ("وتصاعدت الهجمات التركية على مناطق شمال سوريا منذ مطلع الشهر الجاري.", "aggregate"),
])
def test_since_a_time_of_the_same_day_is_no_tally(run, text, modality):
    assert [e.modality for e in run(text).events] == [modality]


@pytest.mark.parametrize("text, kind", [
    ("بينما حمّل ناشطون «جيش الإسلام» المسؤولية عن اختطافه.", "ACCUSE"),
    ("حمّلت حركة رجال الكرامة، في بيان نشرته على معرّفاتها، الحكومة الأردنية مسؤولية سفك دماء المدنيين.", "ACCUSE"),
    ("أعلن جيش الإسلام النفير العام في صفوف مقاتليه.", "MOBILIZE"),
])
def test_holding_responsible_and_a_call_to_arms(run, text, kind):
    assert [e.type for e in run(text).events] == [kind]


def test_an_accusation_goes_on_with_its_pronoun(run):
    doc = run('حمّلت القيادة العامة لقوات سوريا الديمقراطية تركيا مسؤولية التصعيد، واتهمتها بـ"استهداف أمن المنطقة".')
    assert [e.type for e in doc.events] == ["ACCUSE"]


@pytest.mark.parametrize("text", [
    "قُتل عنصران، مساء الثلاثاء، بضربة من طائرة مسيّرة يُرجّح أنها تركية، استهدفت سيارة عسكرية قرب بلدة صرين.",
    "وأفادت مصادر عن غارات جوية نسبتها إلى سلاح الجو الأردني، استهدفت مواقع في بلدة عرمان.",
])
def test_what_a_strike_hit_told_after_who_is_said_to_have_struck(run, text):
    assert [e.type for e in run(text).events] == ["AIRSTRIKE"]


@pytest.mark.parametrize("text, kind", [
    ("وفي حزيران 2021، استهدفت مقاتلات أمريكية مواقع لكتائب حزب الله في البوكمال.", "AIRSTRIKE"),
    ("وأفادت مصادر بأن قذائف سقطت على أطراف بلدة القصر من دون وقوع إصابات.", "SHELLING"),
    ("وكانت حركة رجال الكرامة أعلنت، الأربعاء، إرسال مؤازرات من السويداء إلى أشرفية صحنايا.", "MOBILIZE"),
    ("بدأت وحدات من الجيش منذ صباح اليوم عملية تمشيط واسعة في بادية الميادين.", "MOBILIZE"),
    ("فرضت قسد طوقاً أمنياً حول البلدة.", "MOBILIZE"),
    ("وسيطرت القوات التركية على البلدة، ودفعت إليها بأكثر من ١٥ آلية عسكرية، بينها دبابات.", "MOBILIZE"),
    ("وأقامت الدورية حاجزاً مؤقتاً على الطريق الواصل بين خربة عين السمك وقرية تل الشيحة.", "BASE_CHANGE"),
    ('وأكد أن قوى الأمن العام "ستضرب بيد من حديد كل من يعبث بأمن المنطقة".', "THREATEN"),
    ("أدانت وزارة الخارجية والمغتربين في بيان «الاعتداءات الإسرائيلية المتكررة» على الأراضي السورية.", "ACCUSE"),
])
def test_more_ways_to_tell_an_act(run, text, kind):
    assert [e.type for e in run(text).events] == [kind]


def test_a_conviction_is_no_condemnation(run):
    assert run("وقضت المحكمة بإدانة المتهمين بالقتل العمد.").events == []


@pytest.mark.parametrize("text", [
    "اغتال مسلحون تابعون لجيش الإسلام، مساء الأحد، القيادي في فيلق الرحمن عبد الرحمن الشاغوري في بلدة سقبا.",
    'اغتال مسلحون يتبعون لـ"جيش الإسلام"، مساء الأحد، القيادي في "فيلق الرحمن" عبد الرحمن الشاغوري في سقبا.',
])
def test_gunmen_belonging_to_a_group_are_that_group(run, text):
    doc = run(text)
    ev = only(doc, "ASSASSINATION")
    assert [doc.entity(e).kb_id for e in ev.side_a] == ["jaysh_al_islam"]


def test_an_attack_named_after_the_act_describes_it(run):
    doc = run("استشهد ثلاثة مدنيين، أمس السبت، جراء استهداف طائرة مسيّرة تركية سيارة في قرية حربل، "
              "في اعتداء جديد على أهالي الريف الشمالي.")
    assert [e.type for e in doc.events] == ["AIRSTRIKE"]


def test_an_offer_is_planned(run):
    doc = run("وقالت مصادر إن الضباط الروس عرضوا نشر نقاط مشتركة مع قوات النظام على خطوط التماس.")
    assert [(e.type, e.modality) for e in doc.events] == [("BASE_CHANGE", "planned")]


def test_where_a_road_leads_is_not_the_scene(run):
    doc = run("أطلق عناصر حاجز لجيش الإسلام في عربين على الطريق الواصل إلى بلدة مسرابا النار على "
              "المتظاهرين، ما أدى إلى مقتل شاب.")
    assert only(doc, "ATTACK").place.name_ar == "عربين"


@pytest.mark.parametrize("text", [
    "قالت مصادر إن وحدات من الجيش استهدفت بالمدفعية الثقيلة تجمعات للمسلحين في محيط مدينة مارع.",
    "استهدفت المدفعية التركية قرى حربل وأم حوش شمال حلب.",
    "استهدفت قوات النظام بالهاون أحياء البلدة.",
])
def test_targeting_with_guns_is_shelling(run, text):
    assert [e.type for e in run(text).events] == ["SHELLING"]


def test_an_attack_that_turned_into_a_clash_is_the_clash(run):
    doc = run("بدأ جيش الإسلام هجوماً على مقرات لهيئة تحرير الشام في بلدة عربين، تحول إلى اشتباكات عنيفة "
              "بعد تدخل فيلق الرحمن.")
    assert [e.type for e in doc.events] == ["ARMED_CLASH"]


def test_shots_that_killed_civilians_are_no_part_of_the_fight_told_before(run):
    doc = run("اندلع اقتتال في الغوطة الشرقية بين جيش الإسلام من جهة، وفيلق الرحمن من جهة أخرى.\n\n"
              "ورصد المرصد، مساء أمس، إطلاق عناصر من جيش الإسلام النار على متظاهرين في بلدة عربين، "
              "ما أدى لاستشهاد مواطنَين اثنين.")
    assert sorted(e.type for e in doc.events) == ["ARMED_CLASH", "ATTACK"]


def test_a_tank_targeted_is_no_shelling(run):
    assert [e.type for e in run("استهدف مسلحون دبابة لقوات النظام قرب مورك.").events] == ["ATTACK"]


def test_whose_drone_struck(run):
    doc = run("استشهد مقاتلان من قسد جراء استهداف طائرة مسيرة تابعة للاحتلال التركي سيارة عسكرية قرب تل تمر.")
    ev = only(doc, "AIRSTRIKE")
    assert [doc.entity(x).kb_id for x in ev.side_a] == ["turkey_forces"]
    assert [doc.entity(x).kb_id for x in ev.side_b] == ["sdf"]


@pytest.mark.parametrize("text", [
    "شنت طائرات حربية، فجر اليوم الجمعة، سلسلة غارات على مواقع لميليشيات إيرانية في مدينة البوكمال.",
    "وكانت مواقع للميليشيات قرب البوكمال قد تعرضت ليل الأربعاء – الخميس لسلسلة غارات جوية مجهولة.",
])
def test_a_series_of_strikes_on_one_day_or_night_is_one_act(run, text):
    assert [(e.type, e.modality) for e in run(text).events] == [("AIRSTRIKE", "asserted")]


def test_blasts_heard_after_strikes_are_the_strikes(run):
    doc = run("شنت طائرات حربية غارات على مواقع في مدينة البوكمال. وسمعت أصوات انفجارات متتالية في المنطقة.")
    assert [e.type for e in doc.events] == ["AIRSTRIKE"]


def test_what_an_act_answered_is_another_with_its_own_place(run):
    doc = run("شنت طائرات حربية غارات على مدينة البوكمال. وأعلنت القيادة المركزية الأمريكية أن قواتها نفذت "
              "ضربات دقيقة ضد منشآت يستخدمها الحرس الثوري، رداً على هجمات استهدفت القوات الأمريكية في قاعدة التنف.")
    strikes = [e for e in doc.events if e.modality == "asserted" and e.type in ("ATTACK", "AIRSTRIKE")]
    assert all(e.place is None or e.place.kb_id != "al_tanf" for e in strikes)


def test_the_start_of_the_period_an_act_is_counted_in_does_not_date_it(run):
    doc = run("استهدفت طائرات إسرائيلية، بعد منتصف ليل الإثنين، مواقع عسكرية في محيط مطار دمشق الدولي. ولم يصدر "
              "أي تعليق من الجيش الإسرائيلي حتى الآن على الغارات، التي تعد الثالثة من نوعها منذ مطلع الشهر الجاري.",
              dt.date(2026, 4, 14))
    strikes = [e for e in doc.events if e.type == "AIRSTRIKE"]
    assert len(strikes) == 1 and strikes[0].date.min >= dt.date(2026, 4, 13)


def test_an_execution_kills_whom_it_names(run):
    ev = only(run("أعدمت الجماعة المسلحة ثلاثة أشخاص بتهمة التعامل مع الجيش في ريف المدينة."), "ATTACK")
    assert ev.casualties.killed_total == 3


def test_dead_and_wounded_counted_together_belong_to_the_side_named_after_them(run):
    doc = run("سقط عدد من القتلى والجرحى في صفوف قسد جراء هجوم بطائرة مسيرة تركية على ريف القامشلي.")
    ev = only(doc, "AIRSTRIKE")
    assert [doc.entity(x).kb_id for x in ev.side_a] == ["turkey_forces"]
    assert [doc.entity(x).kb_id for x in ev.side_b] == ["sdf"]



@pytest.mark.parametrize("text", [
    "تعرضت النقطة العسكرية التركية في قرية الرويحة جنوبي إدلب، مساء أمس الأحد، لهجوم بقذائف الهاون.",
    "تعرض مقر الفرقة في مدينة الميادين، صباح اليوم، لهجوم بطائرة مسيرة.",
])
def test_what_a_place_underwent_past_a_time_between_commas_happened(run, text):
    assert {e.modality for e in run(text).events} == {"asserted"}


@pytest.mark.parametrize("text", [
    "تعرض مطار المدينة فجر اليوم لهجوم بطائرتين مسيرتين دون وقوع إصابات. "
    "وأضاف المصدر أن المضادات الأرضية تصدت لإحداهما. "
    "وتبنت كتائب حزب الله العراقي الهجوم في بيان.",
    # and says again what it hit, with what
    "تعرض مطار المدينة فجر اليوم لهجوم دون وقوع إصابات. "
    "وتبنت كتائب حزب الله العراقي الهجوم في بيان، وقالت إنها استهدفت المطار بطائرات مسيرة.",
])
def test_who_claims_the_attack_just_told_carried_it_out(run, text):
    doc = run(text)
    ev = only(doc)
    assert ev.type == "AIRSTRIKE"
    assert [doc.entity(x).kb_id for x in ev.side_a] == ["kataib_hezbollah"]


def test_the_answer_to_an_attack_is_not_the_attack_named_after_it(run):
    doc = run("تصعيد في ريف حماة. استهدفت هيئة تحرير الشام مواقع لقوات النظام في ريف حماة صباح اليوم بطائرات مسيرة. "
              "وردت قوات النظام بقصف مدفعي على بلدة اللطامنة. وهذا الهجوم هو الثالث من نوعه خلال أسبوع، "
              "إذ استهدفت الهيئة في الخامس من الشهر الجاري حاجزاً لقوات النظام.")
    answer = only(doc, "SHELLING")
    assert answer.date.value == doc.meta.published.value


@pytest.mark.parametrize("text", [
    "هاجمت فصائل عراقية قاعدة التنف على المثلث الحدودي بين سوريا والأردن والعراق.",
    "استهدفت فصائل عراقية قاعدة التنف الواقعة على الحدود بين سوريا والأردن.",
])
def test_the_countries_a_border_lies_between_are_no_parties(run, text):
    ev = only(run(text))
    assert not ev.side_a and not ev.side_b


@pytest.mark.parametrize("text", [
    "هاجم مسلحون يعتقد أنهم من تنظيم الدولة الإسلامية رعاة أغنام قرب السخنة.",
    'قتل ثلاثة رعاة في هجوم شنه مسلحون يرجح أنهم من تنظيم "الدولة الإسلامية" قرب السخنة.',
])
def test_a_guess_at_who_the_gunmen_were_names_the_attacker(run, text):
    doc = run(text)
    ev = only(doc, "ATTACK")
    assert [doc.entity(x).kb_id for x in ev.side_a] == ["isis"] and not ev.side_b


def test_suspects_arrested_are_not_the_arresters(run):
    doc = run("اعتقلت قوات الأمن مسلحين يشتبه بأنهم من تنظيم الدولة قرب السخنة.")
    ev = only(doc, "ARREST")
    assert [doc.entity(x).kb_id for x in ev.side_b] == ["isis"]


def test_dead_counted_since_weeks_ago_by_cause_are_a_tally(run):
    ev = only(run("ووثقت الشبكة مقتل 80 مدنياً منذ مطلع كانون الثاني الماضي، معظمهم بانفجار ألغام في ريف حماة.",
                  published=dt.date(2024, 3, 15)))
    assert ev.modality == "aggregate"


def test_an_act_the_news_came_hours_after_is_not_placed_where_the_news_was(run):
    doc = run("شنت الشرطة حملة اعتقالات في مدينة السويداء وبلدة القريا، بعد ساعات من خروج مظاهرات في مدينة شهبا.")
    assert only(doc, "PROTEST").place.name_ar == "شهبا"


def test_the_outlet_a_source_spoke_to_is_not_the_source(run):
    ev = only(run("وقالت مصادر محلية لموقع تلفزيون سوريا إن الشرطة اعتقلت ثلاثة شبان في بنش."))
    assert ev.attribution == "مصادر محلية"


def test_the_toll_that_says_whose_dead_they_were_wins(run):
    doc = run("مقتل أربعة بانفجار لغم في ريف حماة\n\nقتل أربعة مدنيين بانفجار لغم أرضي بسيارتهم في ريف حماة الشرقي أمس.")
    assert only(doc, "EXPLOSION").casualties.civilians_killed == 4


def test_a_sentence_that_tells_an_earlier_act_lends_its_source_to_that_act_only(run):
    doc = run("قتل أربعة مدنيين بانفجار لغم أرضي في ريف حماة أمس. "
              "ويأتي الانفجار بعد يومين من هجوم شنه تنظيم الدولة على رعاة قرب السخنة، قتلوا خلاله ثلاثة أشخاص، "
              "بحسب ما أفاد به المرصد السوري لحقوق الإنسان.")
    blast = only(doc, "EXPLOSION")
    assert "المرصد" not in (blast.attribution or "")


def test_a_strike_by_a_drone_in_the_headline_is_the_drone_strike_of_the_lead(run):
    doc = run("مقتل قيادية في \"قسد\" بضربة لمسيّرة تركية في ريف القامشلي\n\n"
              "قُتلت قيادية في وحدات حماية المرأة وأصيب مقاتلان آخران، مساء اليوم، إثر استهداف طائرة مسيّرة تركية "
              "سيارة كانت تقلهم قرب مدينة القامشلي.")
    ev = only(doc)
    assert ev.type == "AIRSTRIKE"
    assert (ev.casualties.killed_total, ev.casualties.injured_total) == (1, 2)
    assert "ypj" in {doc.entity(x).kb_id for x in ev.side_b}


def test_the_owner_of_the_drone_an_attack_was_made_with_made_it(run):
    doc = run("قتل عنصران إثر هجوم غادر لمسيّرة تابعة للاحتلال التركي في ريف الحسكة.")
    ev = only(doc)
    assert ev.type == "AIRSTRIKE" and [doc.entity(x).kb_id for x in ev.side_a] == ["turkey_forces"]


def test_the_office_that_speaks_for_a_group_is_the_source_not_a_party(run):
    doc = run("وقال المركز الإعلامي لقوات سوريا الديمقراطية في بيان إن مقاتلين اثنين قتلا بقصف تركي على قرية في ريف منبج.")
    ev = only(doc)
    assert ev.attribution == "المركز الإعلامي لقوات سوريا الديمقراطية"
    assert "sdf" not in {doc.entity(x).kb_id for x in ev.side_a}


def test_acts_counted_since_weeks_ago_are_a_tally(run):
    ev = only(run("وتصاعدت الهجمات التركية على مناطق شمال وشرق سوريا منذ مطلع الشهر الجاري.", published=dt.date(2023, 10, 12)))
    assert ev.modality == "aggregate"


def test_a_verb_after_fiima_shares_the_subject_of_the_act_before(run):
    doc = run("ودفعت قسد بتعزيزات عسكرية نحو ريف دير الزور، فيما قصفت بالمدفعية الثقيلة منازل في بلدة ذيبان.")
    assert [doc.entity(x).kb_id for x in only(doc, "SHELLING").side_a] == ["sdf"]


def test_a_place_joined_to_where_reinforcements_came_from_is_no_destination(run):
    doc = run("ودفعت قسد بتعزيزات عسكرية من الحسكة والرقة نحو ريف دير الزور.")
    assert only(doc, "MOBILIZE").place.name_ar == "ريف دير الزور"


def test_the_place_and_parties_of_the_act_a_clash_came_after_are_not_the_clash_s(run):
    doc = run("تتواصل الاشتباكات في بلدة ذيبان لليوم الثالث. "
              "وبدأت المواجهات يوم الأربعاء الماضي، عقب اعتقال قسد قائد مجلس دير الزور العسكري في مدينة الحسكة.")
    assert all(e.place.name_ar == "ذيبان" and not e.side_a and not e.side_b for e in doc.events if e.type == "ARMED_CLASH")


def test_the_date_of_what_an_act_answered_is_not_its_own(run):
    doc = run("شن الطيران الحربي الإسرائيلي فجر اليوم غارتين على محيط مدينة بعلبك. "
              "وقال المتحدث باسم الجيش الإسرائيلي إن الغارات جاءت رداً على إسقاط طائرة مسيرة إسرائيلية أمس السبت.")
    ev = only(doc, "AIRSTRIKE")
    assert ev.date.value == doc.meta.published.value


def test_the_toll_of_the_strikes_risen_is_the_toll_of_one_act(run):
    ev = only(run("ارتفعت حصيلة الغارات الجوية الروسية التي استهدفت، صباح اليوم، سوقاً شعبية في مدينة جسر الشغور "
                  "إلى 11 قتيلاً وأكثر من 30 جريحاً."))
    assert (ev.modality, ev.casualties.killed_total) == ("asserted", 11)


def test_what_the_ambushers_hit_told_again_is_the_ambush(run):
    doc = run('قتل 12 عنصراً من قوات النظام في كمين نصبته خلايا تنظيم "الدولة الإسلامية" لحافلة عسكرية في البادية أمس. '
              'وبحسب مصادر محلية، فإن مسلحي التنظيم استهدفوا الحافلة بقذائف "آر بي جي" والأسلحة الرشاشة.')
    assert only(doc).type == "ATTACK"


def test_the_worst_act_since_a_date_is_not_dated_by_it(run):
    ev = only(run("قتل خمسة عناصر في هجوم على حاجز قرب السخنة أمس، في الهجوم الأكثر دموية منذ مطلع العام."))
    assert ev.date.value == dt.date(2024, 3, 11)   # the day before the conftest's publication date


def test_the_bombs_named_as_the_means_of_repeated_blasts_are_part_of_the_tally(run):
    doc = run("وتشهد مدن ريف حلب الشمالي تفجيرات متكررة بسيارات ودراجات مفخخة، أودت منذ مطلع العام بحياة أكثر من 60 شخصاً.",
              published=dt.date(2023, 5, 6))
    assert [e.modality for e in doc.events] == ["aggregate"]


def test_nobody_claiming_a_blast_names_no_party_to_it(run):
    doc = run("قتل خمسة مدنيين جراء انفجار سيارة مفخخة وسط مدينة الباب اليوم. ولم تتبن أي جهة التفجير حتى الآن، "
              'لكن وزارة الدفاع التركية اتهمت "وحدات حماية الشعب" الكردية بالوقوف وراءه.')
    blast = only(doc, "EXPLOSION")
    assert not blast.side_a and not blast.side_b
    accusation = only(doc, "ACCUSE")
    assert [doc.entity(x).kb_id for x in accusation.side_a] == ["turkey_defence_ministry"]
    assert [doc.entity(x).kb_id for x in accusation.side_b] == ["ypg"]


def test_a_victim_s_home_town_is_not_where_he_was_killed(run):
    doc = run("قُتل الشاب سليمان الحسين من أبناء بلدة ملح، فجر اليوم، برصاص حرس الحدود الأردني أثناء محاولته عبور الحدود.")
    ev = only(doc, "ATTACK")
    assert ev.place is None or ev.place.name_ar != "ملح"


def test_strikes_a_verb_opening_the_clause_carried_out_are_one_act(run):
    ev = only(run("وشنت الطائرات الحربية الروسية، صباح اليوم، أكثر من 20 غارة على مواقع لخلايا التنظيم في بادية الميادين."))
    assert ev.modality == "asserted"


def test_the_agreement_a_breach_breaches_is_no_event(run):
    doc = run("صعدت التنظيمات الإرهابية من اعتداءاتها على النقاط العسكرية، في خرق واضح لاتفاق خفض التصعيد.")
    assert "AGREE" not in {e.type for e in doc.events}


def test_where_a_source_s_words_begin_after_ila(run):
    ev = only(run("وأشار المصدر إلى أن مسلحين هاجموا حاجزاً للجيش في ريف حماة أمس."))
    assert ev.attribution == "المصدر"


def test_dead_counted_since_the_year_began_by_their_causes_are_a_tally(run):
    doc = run("وبلغ عدد قتلى قوات النظام جراء انفجار ألغام وهجمات لخلايا التنظيم في البادية منذ مطلع العام الجاري 112 قتيلاً.",
              published=dt.date(2024, 9, 4))
    assert {e.modality for e in doc.events} == {"aggregate"}


@pytest.mark.parametrize("text", [
    "قتل عنصر من الدفاع الوطني برصاص عناصر حاجز تابع لميليشيا الحرس الثوري عند مدخل البوكمال.",
    "قتل عنصر من الدفاع الوطني بنيران حاجز للحرس الثوري عند مدخل البوكمال.",
])
def test_the_post_that_fired_belongs_to_whom_fired(run, text):
    doc = run(text)
    ev = only(doc, "ATTACK")
    assert [doc.entity(x).kb_id for x in ev.side_a] == ["irgc"]
    assert [doc.entity(x).kb_id for x in ev.side_b] == ["ndf"]


def test_an_attack_repelled_was_attempted_and_not_by_who_repelled_it(run):
    doc = run('أعلن "الجيش الوطني السوري" صد هجوم لـ"قسد" على محور قرية الدردارة بريف تل تمر اليوم.')
    ev = only(doc, "ATTACK")
    assert ev.modality == "attempted"
    assert [doc.entity(x).kb_id for x in ev.side_a] == ["sdf"]


def test_a_lead_naming_several_places_tells_its_headline_s_act(run):
    doc = run('اقتتال بين "الجبهة الشامية" و"فرقة الحمزة" في عفرين\n\n'
              'اندلعت اشتباكات عنيفة، مساء أمس، بين "الجبهة الشامية" و"فرقة الحمزة" في مدينة الباب وقرى ريف عفرين، '
              'أسفرت عن مقتل ستة مقاتلين من الطرفين.')
    assert only(doc).casualties.killed_total == 6


def test_a_group_protesters_demand_against_is_no_protester(run):
    doc = run("وطالب ناشطون ووجهاء في عفرين بإخراج هيئة تحرير الشام من المنطقة، ونظموا وقفة احتجاجية أمام المجلس المحلي.")
    ev = only(doc, "PROTEST")
    assert not ev.side_a and [doc.entity(x).kb_id for x in ev.side_b] == ["hts"]


def test_a_leader_killed_puts_his_group_on_side_b(run):
    doc = run('مقتل زعيم تنظيم "الدولة" بعملية إنزال أمريكية في ريف إدلب الشمالي')
    ev = only(doc)
    assert ev.casualties.killed_total == 1 and [doc.entity(x).kb_id for x in ev.side_b] == ["isis"]


def test_whose_funeral_it_was_is_no_victim_of_the_blast(run):
    ev = only(run("قتل عشرة أشخاص وأصيب أربعون آخرون أمس في تفجير وسط جنازة زعيم عشائري قتل بالرصاص في مدينة الرقة."),
              "EXPLOSION")
    assert ev.casualties.killed_total == 10


def test_a_dual_and_a_person_joined_to_it_are_two_groups(run):
    ev = only(run("أسفر الانفجار عن مقتل طفلين وامرأة وإصابة 14 آخرين في مدينة إعزاز أمس."))
    assert (ev.casualties.killed_total, ev.casualties.civilians_killed) == (3, 3)


def test_what_an_act_goes_on_in_spite_of_dates_no_later_news(run):
    doc = run("قتل ثلاثة أطفال بقصف مدفعي لقوات النظام على بلدة آفس اليوم. وتتعرض القرى لقصف من قبل قوات النظام، "
              "رغم سريان اتفاق وقف إطلاق النار الموقع بين روسيا وتركيا في آذار 2020. "
              'وأعلنت "الجبهة الوطنية للتحرير" استهداف مواقع لقوات النظام في بلدة سراقب بقذائف المدفعية.')
    answer = next(e for e in doc.events if e.type == "SHELLING" and "nfl" in {doc.entity(x).kb_id for x in e.side_a})
    assert answer.date is None or answer.date.min.year == 2024


def test_repeated_blasts_are_a_tally(run):
    ev = only(run("وتشهد مدن ريف حلب الشمالي تفجيرات متكررة بسيارات مفخخة."))
    assert ev.modality == "aggregate"


def test_whose_building_a_shooting_was_in_front_of_is_no_party(run):
    ev = only(run("أطلق مسلحون مجهولون النار على محتجين أمام مقر حزب البعث في مدينة السويداء أمس، ما أدى إلى إصابة ثلاثة منهم."))
    assert not ev.side_a and not ev.side_b


@pytest.mark.parametrize("text", [
    "وقال مصدر محلي لفرات بوست إن عناصر قسد أطلقوا النار على شاب حاول الفرار في بلدة الشحيل.",
    "وقالت مصادر محلية لمنصة SY24 إن عناصر قسد أطلقوا النار على شاب حاول الفرار في بلدة الشحيل.",
])
def test_the_outlet_a_source_spoke_to_with_l_glued_on_is_not_the_source(run, text):
    ev = only(run(text), "ATTACK")
    assert ev.attribution in ("مصدر محلي", "مصادر محلية")


@pytest.mark.parametrize("text, killed, injured", [
    ("أطلق عناصر الحاجز النار على شاب في بلدة الشحيل أمس، ما أدى إلى إصابته بجروح.", None, 1),
    ("أطلق عناصر الحاجز النار على شابين في بلدة الشحيل أمس، ما أدى إلى مقتلهما على الفور.", 2, None),
])
def test_a_casualty_noun_with_a_pronoun_counts_whom_it_stands_for(run, text, killed, injured):
    ev = only(run(text), "ATTACK")
    assert (ev.casualties.killed_total, ev.casualties.injured_total) == (killed, injured)


def test_an_injury_to_avoid_is_no_toll(run):
    doc = run("وأكد المتحدث أن إجراءات اتخذت لتجنب إصابة متظاهرين، مشيراً إلى اعتقال عدد كبير من الأشخاص.")
    assert all(e.casualties.injured_total is None for e in doc.events)


def test_how_someone_was_killed_is_no_part_of_his_name(run):
    doc = run("قتل الشاب أحمد برصاص مجهولين في درعا، وأكد مصدر طبي مقتله.")
    ev = only(doc, "ATTACK")
    assert ev.casualties.killed_total == 1 and ev.attribution == "مصدر طبي"


@pytest.mark.parametrize("text", [
    "أطلق مجهولون النار، مساء أمس، على شاب في مدينة درعا ما أدى إلى مقتله.",
    "فتح عناصر الحاجز النار على سيارة مدنية في بلدة الشحيل.",
])
def test_opening_fire_past_the_shooters_and_a_time_is_an_attack(run, text):
    assert only(run(text), "ATTACK")


def test_fire_opened_into_the_air_past_the_shooters_hits_no_one(run):
    assert not run("واطلق عناصرها النار في الهواء لمنع المتظاهرين من مواصلة قطع الطرق.").events


def test_whom_a_passive_killing_names_after_it_suffered_it(run):
    ev = only(run("اغتيل القيادي في فرقة الحمزة، أبو علي الحلبي، أمس في مدينة عفرين."), "ASSASSINATION")
    assert not ev.side_a and [e for e in ev.side_b] and ev.casualties.killed_total == 1


@pytest.mark.parametrize("text, killed, injured", [
    ("أطلق مجهولون النار على القيادي في مدينة درعا ما أدى إلى مقتله وإصابة اثنين من مرافقيه.", 1, 2),
    ("قُتل أحد عناصر قوات النظام بانفجار عبوة ناسفة في الصنمين.", 1, None),
    ("انفجرت عبوة ناسفة في الصنمين ما أدى إلى مقتل ضابط برتبة ملازم أول وعنصرين.", 3, None),
    ("أعلنت الشرطة مقتل منتسب في الشرطة باشتباك مع مسلحين في كركوك.", 1, None),
])
def test_tolls_of_one_of_a_rank_and_a_pronoun_beside_another(run, text, killed, injured):
    ev = next(e for e in run(text).events if e.casualties.killed or e.casualties.injured)
    assert (ev.casualties.killed_total, ev.casualties.injured_total) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    ("اندلعت اشتباكات ليلة أمس بين فصيلين في مدينة إدلب. وقتل 9 أشخاص وأصيب 27 آخرون.", 9, 27),
    ("انفجرت عبوة ناسفة في الصنمين. وأصيب ثلاثة أطفال بجروح.", None, 3),
    # the dead of another act, or of another place
    ("اندلعت اشتباكات ليلة أمس بين فصيلين في مدينة إدلب. وقتل شابان آخران برصاص مجهولين.", None, None),
    ("اندلعت اشتباكات ليلة أمس بين فصيلين في مدينة إدلب. وقتل 3 أشخاص في درعا.", None, None),
])
def test_a_sentence_that_only_tells_a_toll_tells_the_act_before_its(run, text, killed, injured):
    ev = next(e for e in run(text).events if e.type in ("ARMED_CLASH", "EXPLOSION"))
    assert (ev.casualties.killed_total, ev.casualties.injured_total) == (killed, injured)


def test_an_office_that_announces_a_toll_is_its_source_not_a_party(run):
    doc = run("أعلنت خلية الإعلام الأمني مقتل منتسب في الشرطة الاتحادية باشتباك مع مسلحين في كركوك.")
    ev = only(doc)
    assert ev.attribution == "خلية الإعلام الأمني"
    assert [doc.entity(e).kb_id for e in ev.side_a] == ["iraq_federal_police"]


@pytest.mark.parametrize("text, source", [
    ("وقال المتحدث العسكري باسم الحوثيين، يحيى سريع، إن قواتهم استهدفت سفينة في البحر الأحمر بصاروخين.",
     "المتحدث العسكري باسم الحوثيين، يحيى سريع"),
    ("وقال مدير المكتب الإعلامي في قسد، فرهاد شامي، إن الهجوم أدى إلى مقتل اثنين من مقاتليهم في ريف دير الزور.",
     "مدير المكتب الإعلامي في قسد، فرهاد شامي"),
])
def test_who_speaks_for_a_group_with_a_long_title_is_the_source(run, text, source):
    doc = run(text)
    ev = only(doc)
    assert ev.attribution == source
    assert "sdf" not in {doc.entity(e).kb_id for e in ev.side_a}


def test_a_line_of_a_date_alone_is_when_the_report_was_filed_not_the_news(run):
    doc = run("حملة أمنية في ريف حمص\n8 حزيران 2025\n\nاعتقلت قوات الحكومة السورية 17 شخصاً في بلدة تلكلخ.",
              dt.date(2025, 6, 8))
    ev = only(doc, "ARREST")
    assert ev.date.value is None and ev.date.min < dt.date(2025, 6, 8) == ev.date.max


def test_drones_fired_with_rockets_are_one_attack(run):
    ev = only(run("استهدف حزب الله موقعاً إسرائيلياً بالصواريخ والطائرات المسيرة."))
    assert ev.type == "SHELLING"


def test_artillery_and_air_strikes_are_two_acts(run):
    assert {e.type for e in run("قصفت قوات النظام البلدة بالمدفعية والغارات الجوية.").events} == {"SHELLING", "AIRSTRIKE"}


def test_a_police_patrol_that_came_under_fire_made_no_deployment(run):
    assert only(run("وقال مصدر إن دورية للشرطة تعرضت لإطلاق نار في قرية الزارة.")).type == "ATTACK"


@pytest.mark.parametrize("text", [
    "أعلنت جماعة الحوثي استهداف سفينة في البحر الأحمر.",
    "أعلن حزب الله استهداف موقع المالكية الإسرائيلي.",
])
def test_an_armed_group_announcing_its_own_strike_tells_it(run, text):
    assert only(run(text)).type == "ATTACK"


def test_the_toll_a_count_of_the_dead_has_risen_to(run):
    doc = run("قتل ثلاثة أطفال أمس جراء انفجار لغم قرب بلدة اللطامنة. وارتفعت حصيلة قتلى الانفجار إلى أربعة أطفال "
              "بعد وفاة طفل متأثراً بجروحه.")
    assert only(doc, "EXPLOSION").casualties.killed_total == 4


def test_a_front_line_is_no_clash(run):
    doc = run("وكانت بلدة اللطامنة من أبرز خطوط المواجهة بين قوات النظام وفصائل المعارضة حتى عام 2019.")
    assert not [e for e in doc.events if e.type == "ARMED_CLASH"]


def test_israeli_bombing_is_an_air_strike_that_joins_the_leads(run):
    doc = run("قتلى بقصف إسرائيلي على مواقع قرب دمشق\nقُتل ثلاثة عسكريين جراء غارات جوية إسرائيلية استهدفت "
              "مواقع قرب دمشق ليلة السبت - الأحد.", dt.date(2023, 8, 20))
    ev = only(doc)
    assert (ev.type, ev.casualties.killed_total) == ("AIRSTRIKE", 3)


def test_a_vague_toll_risen_to_a_count_is_that_count(run):
    doc = run("ارتفعت حصيلة القتلى جراء الهجوم على حافلة عسكرية في بادية تدمر إلى 13 قتيلاً.")
    assert only(doc, "ATTACK").casualties.killed_total == 13


def test_an_act_told_again_ends_where_the_one_it_came_after_begins(run):
    doc = run("هاجم مسلحون حاجزاً لقوات النظام في بلدة الصنمين أمس. ويأتي الهجوم بعد أسبوع من مقتل أربعة عناصر "
              "من الدفاع الوطني بانفجار لغم في ريف درعا الشرقي.")
    attack, blast = only(doc, "ATTACK"), only(doc, "EXPLOSION")
    assert attack.casualties.killed_total is None and blast.casualties.killed_total == 4
    assert blast.date.value < attack.date.value


@pytest.mark.parametrize("byline", ["درعا 24", "خاص - عين الفرات"])
def test_a_byline_above_the_lead_leaves_the_lead_the_headline(run, byline):
    doc = run(f"{byline}\nقُتل عنصر في الفرقة الرابعة مساء الاثنين برصاص مسلحين مجهولين في مدينة جاسم.\n"
              "وأفاد مراسل الموقع بأن مسلحين أطلقا النار عليه أمام محل تجاري، ما أدى إلى مقتله على الفور.",
              dt.date(2022, 9, 6))
    assert only(doc).casualties.killed_total == 1


def test_an_assassination_kills_whom_it_joins_to_its_victim(run):
    doc = run("اغتال مسلحون مجهولون مساء الاثنين القيادي السابق محمد الزعبي ومرافقه أحمد الحشيش في مدينة طفس.")
    assert only(doc).casualties.killed_total == 2


def test_one_of_the_dead_is_no_new_toll(run):
    doc = run("قُتل شخصان وأصيب آخر إثر استهداف مسيرة تركية سيارة قرب القامشلي، وكان أحد القتلى عضواً في الأسايش.")
    ev = only(doc)
    assert (ev.casualties.killed_total, ev.casualties.injured_total) == (2, 1)


def test_the_toll_told_with_a_later_act_is_that_acts(run):
    doc = run("قُتل ثلاثة عناصر من قسد في اشتباكات مع مسلحين من العشائر في ذيبان، أمس الخميس، كما قُتل مدني "
              "بقصف مدفعي على بلدة الشحيل.")
    assert (only(doc, "ARMED_CLASH").casualties.killed_total, only(doc, "SHELLING").casualties.killed_total) == (3, 1)


@pytest.mark.parametrize("text, agent", [
    ("اعتقلت الأجهزة الأمنية التابعة لنظام الأسد ثلاثة شبان في مدينة جاسم.", "syrian_government"),
    ("عقب اعتقال قسد قائد مجلس دير الزور العسكري أحمد الخبيل، اندلعت اشتباكات في ذيبان.", "sdf"),
])
def test_who_made_an_arrest_named_after_its_verb_or_noun(run, text, agent):
    doc = run(text)
    ev = only(doc, "ARREST")
    assert [doc.entity(e).kb_id for e in ev.side_a] == [agent]


def test_who_backs_the_parties_and_who_stepped_in_later_are_no_parties(run):
    doc = run("اندلع اقتتال بين فصيلين مواليين لتركيا في مدينة عفرين، قبل أن يتدخل الفيلق الثالث ويفرض هدنة.")
    clash = only(doc, "ARMED_CLASH")
    assert not clash.side_a and not clash.side_b
    assert [doc.entity(e).kb_id for e in only(doc, "AGREE").side_a] == ["sna_third_corps"]


@pytest.mark.parametrize("text", [
    "نجا رئيس بلدية نوى من محاولة اغتيال إثر انفجار عبوة ناسفة بسيارته في مدينة نوى.",
    "اغتيل القيادي أبو علي الحلبي إثر انفجار عبوة ناسفة بسيارته في مدينة الباب.",
])
def test_a_blast_an_attempt_or_a_killing_was_caused_by_is_its_means(run, text):
    assert len(run(text).events) == 1


def test_what_a_vow_of_revenge_answers_is_no_threat_and_joins_the_act_told(run):
    alone = run("توعد حزب الله بالرد على اغتيال القيادي فؤاد شكر بغارة إسرائيلية على الضاحية الجنوبية.")
    assert [e.type for e in alone.events] == ["THREATEN"]
    doc = run("اغتالت إسرائيل القيادي فؤاد شكر بغارة على الضاحية الجنوبية أمس. وتوعد حزب الله بالرد على اغتيال القيادي.")
    assert only(doc, "ASSASSINATION").modality == "asserted" and len(only(doc, "ASSASSINATION").evidence) == 2


def test_who_denies_a_part_in_a_blast_says_it_took_place(run):
    doc = run("نفت قوات سوريا الديمقراطية أي علاقة لها بالتفجير الذي استهدف سوق مدينة تل أبيض صباح اليوم وأدى إلى "
              "مقتل ستة مدنيين.")
    ev = only(doc, "EXPLOSION")
    assert (ev.modality, ev.side_a, ev.casualties.killed_total) == ("asserted", [], 6)


def test_a_named_spokesman_far_after_his_title_is_the_source_not_a_victim(run):
    ev = only(run("وقال المتحدث باسم وزارة الداخلية، نور الدين البابا، إن مسلحين هاجموا حاجزاً في جبلة أمس."))
    assert ev.attribution == "المتحدث باسم وزارة الداخلية، نور الدين البابا" and not ev.associated


def test_fighters_of_a_group_named_after_the_verb_are_its_side(run):
    doc = run("هاجم مسلحو داعش اليوم نقطة للجيش العراقي في كركوك.")
    assert [doc.entity(e).kb_id for e in only(doc).side_a] == ["isis"]


@pytest.mark.parametrize("text, killed", [
    ("قُتل مسلحان في هجوم على حاجز للجيش في كركوك، ثم ارتفعت حصيلة القتلى إلى ثلاثة.", 3),
    ("قُتل مسلح في هجوم على حاجز للجيش في كركوك. وارتفعت حصيلة القتلى لاحقاً إلى اثنين.", 2),
])
def test_a_toll_that_rose_replaces_the_first_count(run, text, killed):
    assert only(run(text)).casualties.killed_total == killed


@pytest.mark.parametrize("furniture", [
    "فيسبوك\nتويتر\nواتساب\n\n",
    "المرصد السوري لحقوق الإنسان\nالرئيسية » المناطق الخاضعة لسيطرة قوات سوريا الديمقراطية\n\n",
])
def test_a_headline_below_page_furniture_announces_the_lead_s_act(run, furniture):
    doc = run(furniture + "اجتماع برعاية روسية ينهي التوتر في المسيفرة\n\n"
              "عقدت قيادة اللواء الثامن اجتماعاً مع ضباط من فرع الأمن العسكري، يوم الأربعاء الماضي، في مدينة "
              "بصرى الشام، لبحث تداعيات الاشتباكات التي شهدتها بلدة المسيفرة مطلع الأسبوع.", dt.date(2022, 11, 18))
    assert len([e for e in doc.events if e.type == "MEETING"]) == 1


def test_the_second_item_of_a_headline_split_at_its_dots_announces_the_body_s_act(run):
    doc = run('مسيرة تقتل ثلاثة أشخاص في ريف دير الزور الشرقي.. و"لواء الباقر" ينفي مسؤوليته\n\n'
              "قتل ثلاثة أشخاص جراء استهداف طائرة مسيرة نقطة عسكرية قرب بلدة البصيرة، يوم أمس الخميس.\n\n"
              "وقالت مصادر محلية إن المسيرة أقلعت من مناطق نفوذ الميليشيات الإيرانية.\n\n"
              'في حين نفى قيادي في "لواء الباقر" أي علاقة للواء بالاستهداف.', dt.date(2024, 8, 16))
    assert len([e for e in doc.events if e.type == "REJECT"]) == 1


def test_the_place_of_an_office_is_not_where_its_holder_met(run):
    doc = run("عقدت قيادة اللواء الثامن اجتماعاً في مدينة بصرى الشام. وقال مراسل الموقع إن الاجتماع ضم "
              "العميد لؤي العلي رئيس فرع الأمن العسكري في درعا.")
    meeting = only(doc, "MEETING")
    assert meeting.place.name_ar == "بصرى الشام"
    assert "لؤي العلي" in {e.name_ar for e in doc.entities if e.type == "PERSON"}


@pytest.mark.parametrize("text", [
    'واتهمتها بـ"استهداف المدنيين في القرى الحدودية".',
    "وقال الناطق إن الفصيل يتهمهم بتهريب السلاح.",
])
def test_an_accusation_with_the_accused_as_a_pronoun(run, text):
    assert "ACCUSE" in {e.type for e in run(text).events}


@pytest.mark.parametrize("text", [
    'وقال المتحدث إن "قواتنا تحتفظ بحق الرد في الزمان والمكان المناسبين".',
    'وأكد البيان أن "هذا الاعتداء لن يمر دون رد".',
])
def test_a_reserved_right_to_respond_is_a_threat(run, text):
    assert "THREATEN" in {e.type for e in run(text).events}


def test_a_patrol_ambushed_is_no_deployment(run):
    doc = run("قُتل عنصران في كمين نصبه مسلحون مجهولون لدورية عسكرية على طريق الرقة.")
    assert "MOBILIZE" not in {e.type for e in doc.events}


def test_a_post_of_finance_is_no_support(run):
    doc = run('واعتقلت القوة المدعو أبو خالد، الذي يقول الأمن إنه "مسؤول التمويل" في التنظيم.')
    assert "SUPPORT" not in {e.type for e in doc.events}


@pytest.mark.parametrize("second, type_", [
    ("وتوصل الطرفان مساء اليوم إلى هدنة برعاية وجهاء المنطقة.", "AGREE"),
    ("وعقد ضباط روس اجتماعاً مع قادة الفصيلين في المدينة.", "MEETING"),
])
def test_the_two_sides_are_those_of_the_clash_told_before(run, second, type_):
    doc = run("اندلعت اشتباكات عنيفة بين فرقة الحمزة والجبهة الشامية في مدينة الباب أمس. " + second)
    event = next(e for e in doc.events if e.type == type_)
    assert {"Hamza Division (al-Hamzat)", "Levant Front (al-Jabha al-Shamiya)"} <= {name(doc, a) for a in event.actors}


@pytest.mark.parametrize("text", [
    'واتهمت الإدارة الذاتية الحكومة السورية بـ"تسهيل عبور خلايا تنظيم داعش".',
    'اتهمت "قسد" في بيان رسمي الحكومة السورية بالوقوف وراء الهجمات وبتقديم السلاح لتنظيم داعش.',
])
def test_who_an_accusations_charge_names_is_no_party_to_it(run, text):
    doc = run(text)
    accusation = next(e for e in doc.events if e.type == "ACCUSE")
    parties = {doc.entity(a).kb_id for a in accusation.actors}
    assert "isis" not in parties and "syrian_government" in parties


def test_a_road_after_the_act_places_it_better_than_the_province_a_sentence_opens_with(run):
    doc = run("وفي الحسكة، استهدفت مسيرة تركية أمس سيارة عسكرية على طريق القامشلي – عامودا، ما أدى إلى مقتل مقاتلين.")
    strike = next(e for e in doc.events if e.type == "AIRSTRIKE")
    assert strike.place.name_en == "Al Qamishli" and strike.place.geo_precision == 2


def test_a_village_the_gazetteer_lacks_does_not_part_a_headline_from_its_lead(run):
    doc = run("مقتل مقاتلين بهجوم لمسيرة تركية قرب القامشلي\n"
              "قُتل مقاتلان اليوم إثر استهداف طائرة مسيرة تركية سيارة على طريق القامشلي – عامودا، "
              "بالقرب من قرية الزهيرية الغربية غربي المدينة.")
    assert len([e for e in doc.events if e.type == "AIRSTRIKE"]) == 1


def test_a_post_in_a_convoy_is_no_deployment(run):
    doc = run("أسفرت الغارة عن مقتل أربعة عناصر بينهم مسؤول الرتل، وتدمير شاحنتين.")
    assert "MOBILIZE" not in {e.type for e in doc.events}


def test_aircraft_that_struck_with_raids_make_one_air_strike(run):
    doc = run("قُتل مواطنان جراء استهداف طائرات حربية روسية بـ 4 غارات جوية أطراف بلدة كنصفرة، ظهر اليوم.")
    assert [e.type for e in doc.events] == ["AIRSTRIKE"]


def test_a_state_and_its_forces_are_one_agent_for_a_headline_and_its_lead(run):
    doc = run("مقتل مقاتلين بهجوم لمسيرة تركية قرب القامشلي\n"
              "قُتل مقاتلان من قسد اليوم إثر استهداف طائرة مسيرة تابعة لدولة الاحتلال التركي سيارة قرب القامشلي.")
    assert len([e for e in doc.events if e.type == "AIRSTRIKE"]) == 1


def test_a_warning_in_someones_words_with_no_subject_of_its_own_is_the_speakers(run):
    doc = run('وقال "جيش الإسلام" في بيان إن الناشط موقوف بمذكرة قضائية، محذراً من "استغلال القضية لإثارة الفوضى".')
    threat = next(e for e in doc.events if e.type == "THREATEN")
    assert "jaysh_al_islam" in {doc.entity(a).kb_id for a in threat.actors}


def test_a_fight_vowed_to_go_on_until_a_goal_is_one_threat_with_the_warning_after_it(run):
    doc = run('وقال الشيخ نواف البشير، شيخ مشايخ قبيلة البكارة وقائد قوات العشائر، في تسجيل صوتي تداوله ناشطون، إن '
              '“المعركة مستمرة حتى طرد ميليشيا الدفاع الوطني من قرانا”، متوعداً بمهاجمة مقراتها.')
    assert [e.type for e in doc.events if e.modality == "asserted"] == ["THREATEN"]


def test_accusations_described_by_who_answers_them_are_no_new_accusation(run):
    doc = run('ونفى مصدر في الفصيل أي علاقة له بالهجوم، واصفاً الاتهامات بأنها "ذرائع لتبرير الاعتقالات".')
    assert "ACCUSE" not in {e.type for e in doc.events}


def test_a_masthead_above_the_headline_is_not_the_headline(pipeline):
    doc = Document(doc_id="t", text="منصة الجنوب الآن\n\nقوات النظام تقصف بلدة طفس وتهدد باقتحامها\n\n"
                                    "قُتل مدنيان ليلة أمس جراء قصف نفذته قوات النظام على أحياء بلدة طفس.")
    at = next(i for i, s in enumerate(pipeline.stages) if isinstance(s, EventExtractor))
    for stage in pipeline.stages[:at]:
        stage(doc)
    ctx, _ = pipeline.stages[at].mentions(doc)
    assert doc.sentences[ctx.headline].of(doc.text).startswith("قوات النظام تقصف")


def test_a_unit_named_with_the_force_it_belongs_to_is_one_agent(run):
    doc = run("اندلعت اشتباكات بين الفرقة الرابعة ومسلحين محليين في بلدة الصنمين بريف درعا أمس. "
              "وقال مصدر محلي إن الفرقة الرابعة التابعة لقوات النظام بدأت الهجوم على البلدة فجراً.")
    assert [e.type for e in doc.events] == ["ARMED_CLASH"]


def test_a_car_bomb_someone_was_riding_in_did_not_go_off(run):
    doc = run("أعلنت قوات سوريا الديمقراطية اعتقال ثلاثة من عناصر داعش وهم يستقلون سيارة مفخخة متوجهين إلى مدينة الرقة.")
    assert [e.type for e in doc.events] == ["ARREST"]


def test_an_act_dated_years_before_the_news_is_not_the_days_undated_act(run):
    doc = run("قتل عنصران من فصيل محلي ومدني أصيب برصاصة طائشة. ويعيد ما يجري إلى الأذهان الهجوم الذي شنه "
              "تنظيم داعش في 25 تموز 2018 على مدينة السويداء، وأودى بحياة أكثر من مئتي شخص.", published=dt.date(2025, 7, 14))
    assert [e.date.value if e.date else None for e in doc.events] == [None, dt.date(2018, 7, 25)]


def test_a_long_aside_on_where_a_denial_was_made_keeps_it_in_the_clause(run):
    doc = run("نفت وزارة الدفاع السورية، في بيان عبر معرّفاتها الرسمية، وقوع أي اشتباك في محيط مطار الثعلة.")
    assert next(e for e in doc.events if e.type == "ARMED_CLASH").modality == "denied"


def test_a_truce_between_the_two_sides_is_where_they_fought(run):
    doc = run('تشهد مدينة الباب توتراً أمنياً منذ أيام. وقتل ثلاثة عناصر في اقتتال اندلع بين "فرقة الحمزة" و"فرقة '
              'السلطان مراد" في قرية قباسين. وتوصل الطرفان صباح اليوم إلى اتفاق لوقف إطلاق النار.')
    truce = next(e for e in doc.events if e.type == "AGREE")
    assert truce.place is not None and truce.place.name_ar == "قباسين"


def test_an_act_named_as_the_topic_of_another_and_told_nowhere_else_is_reported_with_its_own_day(run):
    doc = run("ألقت وحدات الأمن العام التابعة لوزارة الداخلية في محافظة اللاذقية، فجر اليوم، القبض على ثلاثة من "
              "المتورطين في الكمين الغادر الذي نصبته مجموعة مسلحة لدورية أمنية قرب قرية الدالية مساء أمس، ما أدى "
              "إلى مقتل أربعة من عناصر الأمن العام.", published=dt.date(2025, 4, 16))
    assert {e.type: e.date.value for e in doc.events} == {"ARREST": dt.date(2025, 4, 16), "ATTACK": dt.date(2025, 4, 15)}


def test_an_old_act_named_as_a_topic_stays_a_reference(run):
    doc = run("أعلن مصدر قضائي أن ثمانية أشخاص سيحاكمون قريباً في إطار الملف المفتوح حول اعتداءات الدار البيضاء "
              "التي أوقعت 45 قتيلاً في 16 مايو 2003.", published=dt.date(2007, 4, 14))
    assert not [e for e in doc.events if e.type == "ATTACK" and e.modality == "asserted"]


def test_martyrdom_as_official_media_say_it_is_a_death_toll(run):
    doc = run("تعرضت دورية للأمن العام لكمين قرب قرية الدالية، ما أدى إلى ارتقاء أربعة من عناصرها.")
    assert next(e for e in doc.events if e.type == "ATTACK").casualties.killed_total == 4


def test_who_rejects_an_agreement_is_no_party_to_it(run):
    doc = run("أعلنت الحكومة التوصل إلى اتفاق لوقف إطلاق النار في مدينة السويداء. إلا أن حركة رجال الكرامة أعلنت "
              "رفضها للاتفاق.")
    agreement = next(e for e in doc.events if e.type == "AGREE")
    assert "men_of_dignity" not in {doc.entity(a).kb_id for a in agreement.actors}


def test_a_body_that_announces_an_agreement_is_party_to_it(run):
    doc = run("وأعلنت وزارة الداخلية، مساء الثلاثاء، التوصل إلى اتفاق لوقف إطلاق النار في مدينة السويداء.",
              published=dt.date(2025, 7, 16))
    agreement = next(e for e in doc.events if e.type == "AGREE")
    assert "syrian_interior_ministry" in {doc.entity(a).kb_id for a in agreement.actors}


def test_a_patrol_an_ambush_was_set_for_is_no_deployment(run):
    doc = run("قُتل أربعة عناصر من جهاز الأمن العام، مساء أمس الثلاثاء، في كمين نصبه مسلحون من فلول النظام البائد "
              "لدورية تابعة للجهاز قرب قرية الدالية في ريف جبلة جنوبي اللاذقية، وفق ما أفادت به مصادر محلية.")
    assert [e.type for e in doc.events] == ["ATTACK"]


def test_the_headline_s_town_places_the_story_past_the_share_buttons(run):
    doc = run("فيسبوك\nتويتر\nواتساب\n\nالرئيسية / أخبار السويداء\n\nنجاة قائد فصيل محلي من محاولة اغتيال في شهبا\n\n"
              "نجا قائد الفصيل من محاولة اغتيال مساء أمس، بعد أن أطلق مسلحون النار على موكبه.\n\n"
              "وقال مصدر مقرب من الفصيل إن مرافقيه ردوا على مصدر النيران واشتبكوا مع المسلحين.")
    clash = next(e for e in doc.events if e.type == "ARMED_CLASH")
    assert clash.place is not None and clash.place.name_ar == "شهبا"


def test_the_lead_s_day_dates_the_story_past_the_share_buttons(run):
    doc = run("فيسبوك\nتويتر\nواتساب\n\nالرئيسية / أخبار حلب\n\nتوتر أمني في مدينة الباب\n\n"
              "شهدت مدينة الباب، مساء أمس الاثنين، توتراً أمنياً بين فصيلين محليين.\n\n"
              "واندلعت اشتباكات بين الطرفين استمرت قرابة ساعتين.", published=dt.date(2024, 3, 12))
    clash = next(e for e in doc.events if e.type == "ARMED_CLASH")
    assert clash.date is not None and clash.date.value == dt.date(2024, 3, 11)


def test_what_an_agreement_provides_for_is_planned(run):
    doc = run("وأعلنت وزارة الداخلية التوصل إلى اتفاق لوقف إطلاق النار في المدينة يقضي بانسحاب المسلحين من حي المقوس.")
    assert next(e for e in doc.events if e.type == "BASE_CHANGE").modality == "planned"


def test_what_parties_agree_on_is_planned(run):
    doc = run("وعقدت لجنة مشتركة اجتماعاً في مبنى المجلس، جرى خلاله الاتفاق على سحب الدورية من محيط الدوار "
              "وتشكيل لجنة للتحقيق في الحادثة.")
    assert {e.modality for e in doc.events if e.type in ("MOBILIZE", "BASE_CHANGE", "INVESTIGATE")} == {"planned"}


@pytest.mark.parametrize("told_before", [
    # an act of months before, named in the sentence
    'واتهمت قوى الأمن الداخلي، في بيان، الأمن العام بالسعي إلى "ضرب الاستقرار الذي تحقق بموجب اتفاق الأول من '
    'كانون الثاني".',
    # or told just before, as background
    "ووقّعت الحكومة والمجلس، في الأول من كانون الثاني الماضي، اتفاقاً لوقف إطلاق النار. واتهمت قوى الأمن "
    "الداخلي، في بيان، الأمن العام بخرق الهدنة.",
])
def test_todays_news_is_not_dated_by_an_act_of_months_before(run, told_before):
    doc = run(told_before)
    accusation = next(e for e in doc.events if e.type == "ACCUSE")
    assert accusation.date is None or accusation.date.min >= dt.date(2024, 3, 1)


def test_an_act_of_months_before_is_not_placed_where_the_article_is_set(run):
    doc = run("توتر أمني في مدينة الحسكة\n\nشهدت مدينة الحسكة توتراً أمنياً أمس. وكان الطرفان قد وقّعا، في العاشر "
              "من كانون الثاني الماضي، اتفاقاً لوقف إطلاق النار.")
    agreement = next(e for e in doc.events if e.type == "AGREE")
    assert agreement.place is None


def test_a_further_statement_does_not_date_the_clash_told_before_it(run):
    doc = run("قُتل عنصر من الأسايش مساء أمس الأحد في اشتباكات مع دورية للأمن العام في حي الشيخ مقصود. وأضاف المصدر "
              "أن الاشتباكات أسفرت عن مقتل العنصر وإصابة اثنين، مشيراً إلى أن الأسايش احتجزت اثنين من عناصر الدورية "
              "قبل أن تفرج عنهما فجر اليوم الاثنين.", published=dt.date(2025, 9, 15))
    assert [(e.date.value if e.date else None) for e in doc.events if e.type == "ARMED_CLASH"] == [dt.date(2025, 9, 14)]


def test_fire_that_set_off_a_clash_is_the_clash(run):
    doc = run("وقال المصدر إن التوتر بدأ حين رفض عناصر الحاجز تسليم الشاب، قبل أن تطلق الدورية النار باتجاه الحاجز، "
              "لتندلع اشتباكات استمرت قرابة ساعة.")
    assert [e.type for e in doc.events if e.type in ("ATTACK", "ARMED_CLASH")] == ["ARMED_CLASH"]


def test_a_subheading_announces_the_act_told_below_it(run):
    doc = run("توتر في صحنايا\n\nشهدت المدينة توتراً أمنياً أمس.\n\nكمين على طريق السويداء\n\n"
              "وتعرضت قافلة للفصيل لكمين نصبه مسلحون مجهولون قرب بلدة براق، ما أدى إلى مقتل سبعة من عناصرها.")
    assert [e.type for e in doc.events if e.type == "ATTACK"] == ["ATTACK"]


@pytest.mark.parametrize("text", [
    "واعترضت قوة الأمم المتحدة لمراقبة فض الاشتباك على التوغل.",
    "وقالت الوزارة إن إسرائيل تنتهك اتفاقية فض الاشتباك لعام 1974.",
])
def test_disengagement_is_no_clash(run, text):
    assert "ARMED_CLASH" not in {e.type for e in run(text).events}


def test_what_was_settled_for_later_does_not_date_the_meeting_told_before(run):
    doc = run("عقد قادة الفصيل اجتماعاً مع وجهاء العشائر يوم الأحد في البلدة. وقال مصدر إن الاجتماع انتهى "
              "دون التوصل إلى اتفاق، على أن يعقد اجتماع ثان الأسبوع المقبل في المدينة.")
    meetings = [e for e in doc.events if e.type == "MEETING"]
    assert [(e.modality, e.date.value) for e in meetings] == [("asserted", dt.date(2024, 3, 10)), ("planned", None)]


def test_a_meeting_told_again_as_coming_after_an_act_keeps_its_own_day(run):
    doc = run("عقد قادة الفصيل اجتماعاً مع وجهاء العشائر يوم الاثنين في البلدة. ويأتي الاجتماع بعد حملة دهم "
              "واعتقالات شنتها المخابرات الجوية مطلع الشهر الجاري في المنطقة.")
    meeting = only(doc, "MEETING")
    assert meeting.date.value == dt.date(2024, 3, 11) and len(meeting.evidence) == 2


def test_the_day_a_statement_was_made_dates_the_threat_in_it(run):
    doc = run('قصفت طائرات مجهولة مواقع للميليشيا يوم السبت. وتوعّدت ميليشيا "كتائب حزب الله"، في بيان تناقلته '
              "معرّفات مقربة منها أمس الاثنين، بالرد على استهداف مواقعها قرب البوكمال.")
    assert only(doc, "THREATEN").date.value == dt.date(2024, 3, 11)


def test_the_known_act_a_protest_to_come_is_against_is_that_act(run):
    doc = run('شنت طائرات أردنية غارات على بلدة عرمان فجر اليوم. ودعا ناشطون إلى وقفة احتجاجية ظهر غد '
              'الأربعاء في ساحة الكرامة "رفضاً للغارات الأردنية".')
    strike = only(doc, "AIRSTRIKE")
    assert (strike.modality, strike.date.value, len(strike.evidence)) == ("asserted", dt.date(2024, 3, 12), 2)
    assert only(doc, "PROTEST").date.value == dt.date(2024, 3, 13)


def test_an_act_of_some_days_ago_does_not_date_the_news_told_after_it(run):
    doc = run("قُتل عشرة مدنيين فجر اليوم جراء غارات على بلدة عرمان. كما استهدفت غارة، مطلع الشهر الجاري، "
              "منزلاً في بلدة الشعاب. وأعلنت حركة رجال الكرامة رفع الجاهزية في صفوف مقاتليها.")
    assert only(doc, "MOBILIZE").date.value == dt.date(2024, 3, 12)


def test_a_night_told_dates_the_news_after_it(run):
    doc = run("قُتل مدني في غارة على بلدة عرمان يوم الأحد. واندلعت اشتباكات، ليل الاثنين – الثلاثاء، بين الأسايش "
              "ومسلحين في القامشلي. واستقدمت قوى الأمن الداخلي تعزيزات إلى محيط الحي.")
    date = only(doc, "MOBILIZE").date
    assert (date.min, date.max) == (dt.date(2024, 3, 11), dt.date(2024, 3, 12))


def test_who_an_agreement_provides_for_is_no_party_to_it(run):
    doc = run("ووقّعت قسد والحكومة السورية أمس اتفاقاً يقضي بانسحاب مقاتلي وحدات حماية الشعب وتسليم الحواجز "
              "لقوى الأمن الداخلي.")
    parties = {doc.entity(e).kb_id for e in only(doc, "AGREE").actors}
    assert "sdf" in parties and not parties & {"ypg", "asayish"}


TALKS = ("التقى القائد العام لقسد مظلوم عبدي وزير الخارجية السوري أسعد الشيباني في مدينة الحسكة يوم الأحد. ")


@pytest.mark.parametrize("then", [
    'وقال عبدي عقب الاجتماع إن "العملية ستتم على مراحل في مناطق شمال وشرق سوريا".',
    "وبحسب المصادر، فإن الاجتماع تطرق أيضاً إلى التوتر في حي الشيخ مقصود بحلب.",
])
def test_the_meeting_named_again_in_passing_is_the_meeting(run, then):
    meeting = only(run(TALKS + then), "MEETING")
    assert len(meeting.evidence) == 2 and meeting.date.value == dt.date(2024, 3, 10)
    assert meeting.place.name_ar == "الحسكة"


def test_what_the_sides_of_talks_agreed_on_is_an_agreement_made_by_them(run):
    doc = run(TALKS + 'وقال عبدي إن "العملية ستتم في مناطق شمال وشرق سوريا"، مشيراً إلى أن الطرفين اتفقا على '
                      "تشكيل لجان تبدأ عملها مطلع الشهر المقبل.")
    agreement = only(doc, "AGREE")
    assert (agreement.modality, agreement.date.value) == ("asserted", dt.date(2024, 3, 10))
    assert {doc.entity(e).name_ar for e in agreement.actors} >= {"مظلوم عبدي", "أسعد الشيباني"}
    assert agreement.place.name_ar == "الحسكة"


@pytest.mark.parametrize("told", [
    "بتهمة تهريب المحروقات عبر نهر الفرات",   # where the deed someone was charged with was done
    "ينحدر من بلدة السكرية",                   # where someone comes from
])
def test_an_arrest_is_not_placed_where_a_charge_or_a_home_town_says(run, told):
    doc = run("اندلعت اشتباكات في مدينة البوكمال أمس بين عناصر الفيلق الخامس وعناصر فاطميون. وقال المراسل إن "
              f"الاشتباكات اندلعت إثر محاولة عناصر فاطميون اعتقال شاب، {told}.")
    place = only(doc, "ARREST").place
    assert place is None or place.name_ar == "البوكمال"


def test_the_other_side_of_a_contrast_is_not_dated_by_a_plan_before_it(run):
    doc = run("عقد ضباط روس اجتماعاً مع وجهاء العشائر في الميادين يوم الأحد. وأضاف المصدر أن عدداً من الوجهاء "
              "قبلوا العرض، على أن تبدأ عملية التسوية مطلع الشهر المقبل، فيما رفض آخرون حضور الاجتماع خشية "
              "تعرضهم لانتقام الميليشيات الإيرانية.")
    rejection = only(doc, "REJECT")
    assert rejection.date is None or rejection.date.max <= PUBLISHED
    assert not rejection.actors   # (whose revenge was feared is no party)
    assert len(only(doc, "MEETING").evidence) == 2


def test_a_meeting_named_in_passing_takes_no_place_of_the_sentence(run):
    doc = run("عقد ضباط روس اجتماعاً مع وجهاء العشائر في مدينة الميادين يوم الأحد. وتسلمت الشرطة العسكرية "
              "الروسية، عقب الاجتماع، موقعاً عسكرياً قرب قلعة الرحبة.")
    assert only(doc, "MEETING").place.name_ar == "الميادين"


@pytest.mark.parametrize("lag", ["بعد أقل من أسبوعين على", "بعد نحو أسبوعين من"])
def test_a_rough_lag_before_the_news_dates_the_act_it_came_after(run, lag):
    doc = run(f"قصفت طائرات مجهولة مواقع للميليشيات قرب البوكمال اليوم. وتأتي الغارات {lag} اغتيال القيادي صالح "
              "العبيد في بلدة العشارة.")
    killing = only(doc, "ASSASSINATION")
    assert killing.date.max < PUBLISHED - dt.timedelta(days=10)


def test_the_means_of_an_act_after_a_quoted_name_and_a_kunya_is_no_act_of_its_own(run):
    doc = run("قصفت طائرات مجهولة مواقع للميليشيات قرب البوكمال اليوم. وتأتي الغارات بعد أسبوعين من اغتيال "
              'القيادي في "الدفاع الوطني" صالح العبيد "أبو سطام" وشقيقه برصاص مسلحين في بلدة العشارة.')
    assert sorted(e.type for e in doc.events) == ["AIRSTRIKE", "ASSASSINATION"]


def test_what_arrived_so_long_before_the_news_is_dated_from_it(run):
    doc = run("قصفت طائرات مجهولة مواقع للميليشيات قرب البوكمال اليوم. وقالت مصادر إن الغارات جاءت بعد يومين "
              "من وصول شحنة صواريخ إلى القاعدة.")
    assert only(doc, "SUPPORT").date.value == PUBLISHED - dt.timedelta(days=2)


def test_a_day_in_the_acts_own_clause_dates_it_before_a_nearer_one_in_another(run):
    doc = run("وكانت قوات النظام قد انتشرت في منبج يوم الأحد، وفي عين العرب في اليوم التالي، بموجب اتفاق أبرمته "
              "قسد مع دمشق بوساطة روسية في مطار القامشلي في الثالث من الشهر الجاري.")
    assert only(doc, "AGREE").date.value == dt.date(2024, 3, 3)


def test_a_toll_on_both_sides_after_the_act_that_set_a_clash_off_is_the_clashs(run):
    doc = run('اندلعت اشتباكات ليل الإثنين بين عناصر من "الفيلق الخامس" وعناصر من "فاطميون" عند حاجز في مدينة '
              "البوكمال، إثر محاولة عناصر الميليشيا اغتيال قيادي في الفيلق أثناء مروره بسيارته على الحاجز، ما أدى "
              "إلى إصابة خمسة عناصر من الطرفين.")
    clash, attempt = only(doc, "ARMED_CLASH"), only(doc, "ATTACK")
    assert (clash.casualties.injured_total, attempt.casualties.injured_total) == (5, None)


def test_a_share_of_the_dead_told_later_is_no_second_toll(run):
    doc = run("قُتل ثمانية عسكريين وأصيب ستة آخرون صباح الأحد جراء انفجار عبوة ناسفة بحافلة على طريق دير الزور – "
              "تدمر، وأوضح المصدر أن معظم الشهداء كانوا عائدين إلى قطعاتهم.")
    blast = only(doc, "EXPLOSION")
    assert (blast.casualties.killed_total, blast.casualties.injured_total) == (8, 6)


@pytest.mark.parametrize("text, killed", [
    ("قصفت طائرات التحالف حي البدو أمس، في مجزرة جديدة ذهب ضحيتها 15 مدنياً.", 15),
    ("ارتكبت قوات النظام مجزرة في البلدة أمس راح ضحيتها 33 مدنياً.", 33),
])
def test_the_victims_of_an_act_are_its_toll(run, text, killed):
    assert [e.casualties.killed_total for e in run(text).events] == [killed]


def test_an_act_told_at_that_time_has_the_day_told_last_before_it(run):
    doc = run("وكانت وزارة الدفاع أطلقت، في السابع من شباط الماضي، حملة عسكرية في ريف القصير. ونفى \"حزب الله\" "
              "حينها أي علاقة له بالاشتباكات.")
    assert only(doc, "REJECT").date.value == dt.date(2024, 2, 7)


def test_another_strike_after_air_strikes_is_one_more_of_them(run):
    doc = run("شنت طائرات أردنية غارات على بلدة عرمان فجر اليوم، ما أدى إلى مقتل عشرة أشخاص، في حين استهدفت ضربة أخرى "
              "مزرعة قرب بلدة ملح، ما أدى إلى إصابة شخصين.")
    assert [e.type for e in doc.events] == ["AIRSTRIKE", "AIRSTRIKE"]


def test_the_relative_clause_right_after_an_act_tells_its_own_day(run):
    doc = run('وأخلت "قسد"، الأحد الماضي، مدينة رأس العين، بموجب اتفاق "تعليق العمليات" الذي أعلنه نائب الرئيس '
              "الأمريكي ورئيس النظام التركي في أنقرة الخميس الماضي.")
    assert only(doc, "AGREE").date.value == dt.date(2024, 3, 7)


def test_whom_a_threatened_act_would_strike_is_threatened(run):
    doc = run('وهدد القيادي في الحرس الثوري المدعو "الحاج مرتضى"، خلال لقائه وجهاء من المدينة، بـ"اقتحام" مقرات '
              "الفيلق الخامس في البوكمال إذا لم يسلم العنصر المطلوب.")
    assert "saa_5th_corps" in {doc.entity(e).kb_id for e in only(doc, "THREATEN").actors}


def test_an_assassination_and_its_means_after_a_victim_named_in_full_are_one_event(run):
    doc = run('وتدور منذ صباح اليوم اشتباكات عنيفة بين الفصائل وقوات النظام في محيط بلدة صوران. وفي ريف حماة الغربي، '
              'اغتال مسلحون مجهولون، مساء أمس، القيادي في ميليشيا "الدفاع الوطني" المدعومة من النظام، المدعو حيدر '
              'الجاسم، بإطلاق النار عليه قرب بلدة محردة.')
    assert [e.type for e in doc.events] == ["ARMED_CLASH", "ASSASSINATION"]


def test_shells_a_toll_is_told_of_are_a_shelling(run):
    doc = run("وفي مدينة حلب، استشهد أربعة مدنيين، بينهم طالبان جامعيان، وأصيب تسعة آخرون، جراء قذائف صاروخية "
              "أطلقتها التنظيمات الإرهابية، أمس الخميس، على المدينة الجامعية.")
    shelling = next(e for e in doc.events if e.type == "SHELLING")
    assert shelling.casualties.killed_total == 4
    assert "taliban" not in {e.kb_id for e in doc.entities}   # "طالبان جامعيان": two students


def test_the_weapons_a_fight_was_fought_with_are_no_acts_of_their_own(run):
    doc = run('وأوضح البيان أن وحدات الجيش "خاضت معارك ضارية ضد التنظيمات الإرهابية، مستخدمةً الطائرات المسيرة '
              'والعربات المفخخة".')
    assert [e.type for e in doc.events] == ["ARMED_CLASH"]


def test_an_agreement_reached_at_a_meeting_has_the_meeting_s_day(run):
    doc = run("وقصفت قوات النظام أحياء درعا البلد منذ مساء الأربعاء وحتى صباح أمس الخميس.\n\n"
              "وعقد ضباط روس اجتماعاً اليوم الجمعة مع أعضاء اللجنة المركزية في الملعب البلدي بمدينة درعا.\n\n"
              "وبحسب المعلومات، توصل الطرفان في ختام الاجتماع إلى هدنة مؤقتة لمدة 48 ساعة، على أن يُفرج المقاتلون "
              "عن دفعة من الأسرى مقابل وقف القصف على درعا البلد.",
              published=dt.date(2021, 7, 30))
    truce = next(e for e in doc.events if e.type == "AGREE")
    assert truce.date.value == dt.date(2021, 7, 30)


def test_a_day_a_state_lasted_until_does_not_date_the_act(run):
    doc = run("اعتقلت عناصر فرع الأمن العسكري، الخميس الماضي، شاباً على حاجز السرايا، وقالت عائلته إنها لم تتلق أي "
              "معلومات عن مكان احتجازه حتى اليوم.", published=dt.date(2021, 8, 9))
    arrests = [e for e in doc.events if e.type == "ARREST"]
    assert len(arrests) == 1 and arrests[0].date.value == dt.date(2021, 8, 5)


def test_a_phone_call_about_talks_held_elsewhere_is_a_meeting_of_its_own(run):
    doc = run("وكان الرئيس الأسد تلقى، مساء أمس، اتصالاً هاتفياً من الرئيس الروسي فلاديمير بوتين، أطلعه خلاله على "
              "نتائج المحادثات التي أجراها أمس في سوتشي مع الرئيس التركي رجب طيب أردوغان.",
              published=dt.date(2019, 10, 23))
    assert len([e for e in doc.events if e.type == "MEETING"]) == 2


def test_a_base_housing_the_body_named_before_it_is_not_where_the_meeting_was(run):
    doc = run("وعقدت اللجنة الأمنية اجتماعاً في مدينة درعا مع وجهاء المنطقة، بحضور ضباط من مركز المصالحة الروسي في "
              "قاعدة حميميم.", published=dt.date(2021, 8, 3))
    meeting = next(e for e in doc.events if e.type == "MEETING")
    assert meeting.place.kb_id != "hmeimim"


def test_a_highway_is_no_scene_when_a_town_on_it_is_named(run):
    doc = run("أعدم مسلحون تسعة مدنيين على الطريق الدولي M4 بين ناحية عين عيسى وبلدة تل تمر، اليوم السبت.",
              published=dt.date(2019, 10, 12))
    attack = next(e for e in doc.events if e.type == "ATTACK")
    assert attack.place.kb_id == "gn:172134"   # Ain Issa


def test_a_dateline_town_after_a_headline_ending_on_a_highway_is_no_end_of_it(run):
    doc = run("مسلحون يعدمون تسعة مدنيين على الطريق الدولي M4\n\nعين عيسى – وكالة هاوار\n\n"
              "أعدم مسلحون، اليوم السبت، تسعة مدنيين ومثّلوا بجثثهم.\n\nواتهمت الإدارة الذاتية الفصائل بارتكاب جريمة حرب.",
              published=dt.date(2019, 10, 12))
    assert next(e for e in doc.events if e.type == "ACCUSE").place.kb_id == "gn:172134"


def test_an_attack_suffered_by_a_base_described_between_commas_happened(run):
    doc = run("تعرّضت قاعدة التنف، التي تتمركز فيها قوات التحالف الدولي عند المثلث الحدودي السوري العراقي الأردني، "
              "لهجوم بطائرتين مسيّرتين مساء أمس الخميس.", published=dt.date(2023, 10, 20))
    strike = next(e for e in doc.events if e.type == "AIRSTRIKE")
    assert strike.modality == "asserted"


def test_a_clause_after_kama_between_commas_is_no_relative_clause(run):
    doc = run('حمّلت الحركة الحكومة مسؤولية "سفك الدماء"، كما حمّلت النظام مسؤولية رعاية التهريب، معلنةً رفع الجاهزية '
              'في صفوف مقاتليها في بلدات الريف الجنوبي.')
    assert "MOBILIZE" in {e.type for e in doc.events}


def test_a_massacre_by_an_air_strike_is_one_air_strike_with_its_toll(run):
    doc = run("ويأتي الاعتصام بعد نحو عشرة أيام على مجزرة معرة مصرين، التي قُتل فيها ١٥ مدنياً، بغارة روسية استهدفت "
              "مزرعة تؤوي عائلات نازحة.", published=dt.date(2020, 3, 16))
    assert [(e.type, e.casualties.killed[0].count) for e in doc.events] == [("AIRSTRIKE", 15)]



def test_an_attack_suffered_with_its_time_between_commas_happened(run):
    doc = run("وكانت قاعدة التنف قد تعرضت، فجر الأربعاء الثامن عشر من الشهر الجاري، لهجوم بثلاث طائرات مسيّرة، وحمّل "
              "مسؤولون أمريكيون كتائب حزب الله مسؤولية الهجوم.", published=dt.date(2023, 10, 28))
    strike = next(e for e in doc.events if e.type == "AIRSTRIKE")
    assert (strike.modality, strike.date.value) == ("asserted", dt.date(2023, 10, 18))


def test_a_date_in_a_clause_of_where_dates_what_goes_on_there_not_the_act(run):
    doc = run("أجبر اعتصام للمدنيين، يوم أمس الأحد، أولى الدوريات المشتركة على العودة.\n\nوقال المراسل إن الدورية "
              "انطلقت صباحاً من قرية ترنبة، وتوقفت قبل وصولها إلى بلدة النيرب، حيث يعتصم الأهالي منذ يوم الجمعة "
              "الماضي رفضاً لمرور الدوريات.", published=dt.date(2020, 3, 16))
    assert {e.date.value for e in doc.events if e.type == "MOBILIZE"} == {dt.date(2020, 3, 15)}


def test_a_massacre_aircraft_committed_by_targeting_a_farm_is_one_air_strike_with_its_toll(run):
    doc = run("ارتكبت الطائرات الحربية الروسية، فجر اليوم الخميس، مجزرة جديدة في ريف إدلب الشمالي، بعد استهدافها مزرعة "
              "دواجن على أطراف بلدة معرة مصرين، ما أدى إلى مقتل ١٦ مدنياً وإصابة ٢١ آخرين.", published=dt.date(2020, 3, 5))
    assert [(e.type, e.casualties.killed[0].count) for e in doc.events] == [("AIRSTRIKE", 16)]


def test_a_verb_joined_to_a_foiling_is_an_act_of_its_own(run):
    doc = run("أحبط «جيش الإسلام» محاولة لتهريب شحنة، واعتقل ثلاثة أشخاص.")
    arrest = next(e for e in doc.events if e.type == "ARREST")
    assert arrest.modality == "asserted" and arrest.side_a


@pytest.mark.parametrize("text", [
    "أعلن «جيش مغاوير الثورة» إنشاء نقطتين عسكريتين جديدتين على الطريق الواصل بين قاعدة التنف والمخيم.",
    "وأقامت القوات التركية نقطتين عسكريتين قرب البلدة.",
])
def test_two_posts_set_up_are_a_base_change(run, text):
    assert "BASE_CHANGE" in {e.type for e in run(text).events}


def test_the_figure_a_toll_rose_to_may_come_before_it(run):
    doc = run("ارتفعت إلى ٢٣ حصيلة قتلى الغارات التي شنّتها المقاتلات الأمريكية، فجر السبت، على مواقع الميليشيات "
              "في الميادين.", published=dt.date(2024, 2, 6))
    assert only(doc, "AIRSTRIKE").casualties.killed[0].count == 23


def test_shooters_described_by_what_is_believed_of_them_still_opened_fire(run):
    doc = run("قُتل ستة مدنيين من جامعي الكمأة، مساء الأربعاء الماضي، بعد أن أطلق مسلحون يُعتقد أنهم من خلايا تنظيم "
              "«داعش» النار عليهم في منطقة البيارات شرقي مدينة تدمر.", published=dt.date(2024, 2, 6))
    attack = only(doc, "ATTACK")
    assert (attack.date.value, attack.casualties.killed[0].count) == (dt.date(2024, 1, 31), 6)


@pytest.mark.parametrize("text, type_", [
    ("أعلنت الوزارة أن الشرطة العسكرية الروسية والقوات التركية سيّرتا أول دورية مشتركة على الطريق الدولي.", "MOBILIZE"),
    ("وقال الوزير إن مقاتلتين سوريتين هاجمتا طائرات تركية في أجواء إدلب.", "ATTACK"),
])
def test_an_act_of_two_told_by_the_dual_of_its_verb_took_place(run, text, type_):
    assert only(run(text), type_).modality == "asserted"


def test_the_city_a_summit_is_named_by_is_not_where_a_strike_before_it_was(run):
    doc = run("قُتل ١٥ مدنياً بغارة روسية ليل الرابع من آذار، أي قبل ساعات من قمة موسكو.", published=dt.date(2020, 3, 16))
    strike = only(doc, "AIRSTRIKE")
    assert strike.place is None or strike.place.kb_id != "moscow"
