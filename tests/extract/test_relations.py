"""Relations an article claims, with their evidence."""
import pytest


def rels(doc):
    def name(eid):
        e = doc.entity(eid)
        return e.name_ar if e.type == "PERSON" else e.name_en or e.name_ar
    return {(r.type, name(r.head), name(r.tail)) for r in doc.relations}


@pytest.mark.parametrize("text, expected", [
    ("هاجمت عناصر الفوج 122 التابع للحرس الثوري الحاجز.", ("PART_OF", "Regiment 122", "Islamic Revolutionary Guard Corps")),
    ("انسحب لواء الباقر المدعوم إيرانياً من القرية.", ("SPONSORED_BY", "Liwa al-Baqir", "Iran")),
    ("وصلت ميليشيا الدفاع الوطني المدعومة من روسيا إلى البلدة.", ("SPONSORED_BY", "National Defence Forces", "Russia")),
    ("اعتقل المدعو “خالد الحمود” القيادي في الجيش الحر.", ("MEMBER_OF", "خالد الحمود", "Free Syrian Army")),
    ("وصل “سامر العلي” قائد ميليشيا لواء الباقر إلى المقر.", ("LEADS", "سامر العلي", "Liwa al-Baqir")),
    # a role joined by "و" after one name is the next name's
    ("والتقى المحافظ سامر العلي وقائد \"قسد\" مظلوم عبدي في الحسكة.", ("LEADS", "مظلوم عبدي", "Syrian Democratic Forces")),
    ("وقال المتحدث باسم قوات سوريا الديمقراطية، روجهات كوباني، إن الهجوم فشل.",
     ("MEMBER_OF", "روجهات كوباني", "Syrian Democratic Forces")),
])
def test_relation_pattern(run, text, expected):
    assert expected in rels(run(text))


def test_coordinated_groups_share_a_sponsor(run):
    doc = run("في إشارة إلى لواء الباقر وقوات الدفاع الوطني المدعومين من إيران.")
    assert {("SPONSORED_BY", "Liwa al-Baqir", "Iran"), ("SPONSORED_BY", "National Defence Forces", "Iran")} <= rels(doc)


def test_singular_sponsor_cue_agrees_with_the_last_group_only(run):
    doc = run("في إشارة إلى الحرس الثوري ومليشيا الدفاع الوطني المدعومة من روسيا.")
    assert ("SPONSORED_BY", "National Defence Forces", "Russia") in rels(doc)
    assert ("SPONSORED_BY", "Islamic Revolutionary Guard Corps", "Russia") not in rels(doc)


def test_relation_evidence_covers_both_names(run):
    text = "هاجمت عناصر الفوج 122 التابع للحرس الثوري الحاجز."
    doc = run(text)
    r = doc.relations[0]
    assert "الفوج 122" in r.evidence.of(text) and "للحرس الثوري" in r.evidence.of(text)


def test_member_of_a_quoted_group(run):
    doc = run('قُتل القيادي في "قسد" المدعو "جوان حسكة" بغارة.')
    assert ("MEMBER_OF", "جوان حسكة", "Syrian Democratic Forces") in rels(doc)


def test_group_then_who_leads_it(run):
    doc = run('اندلع توتر مع ميليشيا محلية تدعى "أسود الشرقية" يقودها المدعو "حسين الرمضان"، على خلفية خلاف.')
    names = {e.id: e.name_ar for e in doc.entities}
    assert ("LEADS", "حسين الرمضان", "أسود الشرقية") in {(r.type, names[r.head], names[r.tail]) for r in doc.relations}


def test_a_former_leader_is_still_claimed_a_member(run):
    doc = run("وكان القيادي السابق في الجيش الحر، محمد الشريف، قد نجا من محاولة اغتيال قرب مدينة طفس.")
    names = {e.id: e.name_ar for e in doc.entities}
    assert ("MEMBER_OF", "محمد الشريف") in {(r.type, names[r.head]) for r in doc.relations}


def test_a_bare_group_noun_refers_back_to_the_group_it_heads(run):
    doc = run('هاجم عناصر من تنظيم الدولة نقطة لقسد. وشنت قسد بمساندة طيران التحالف الدولي حملة مداهمات، '
              'اعتقلت خلالها القيادي في التنظيم "أبو عمر الشعيطي".')
    names = {e.id: e.name_en for e in doc.entities}
    assert ("MEMBER_OF", "Islamic State") in {(r.type, names[r.tail]) for r in doc.relations}
    assert ("MEMBER_OF", "US-led Coalition") not in {(r.type, names[r.tail]) for r in doc.relations}


def test_factions_that_belong_to_an_army_are_part_of_it(run):
    doc = run('اندلعت اشتباكات بين فصيل "فرقة السلطان سليمان شاه" المنضويين في "الجيش الوطني السوري" في مدينة الباب.')
    assert ("PART_OF", "sultan_suleiman_shah", "sna") in {
        (r.type, doc.entity(r.head).kb_id, doc.entity(r.tail).kb_id) for r in doc.relations}


def test_fighting_in_the_ranks_of_a_group_is_membership(run):
    doc = run('ويقاتل أبو علي الزعبي ضمن صفوف "اللواء الثامن" المدعوم من روسيا.')
    assert ("MEMBER_OF", "eighth_brigade") in {(r.type, doc.entity(r.tail).kb_id) for r in doc.relations}


@pytest.mark.parametrize("text", [
    "وقال قائد ميليشيا لواء الباقر في مدينة حلب، المدعو “خالد الحسن” إن الهجوم فشل.",
    "وقال قائد ميليشيا لواء الباقر بحلب، خالد الحسن، إن الهجوم فشل.",
])
def test_leader_named_after_the_groups_branch(run, text):
    assert ("LEADS", "خالد الحسن", "Liwa al-Baqir") in rels(run(text))


@pytest.mark.parametrize("text, rtype", [
    ("وصلت عناصر من الفرقة 11 التابعة لقوات النظام إلى المدينة.", "PART_OF"),        # a unit of its army
    ("وصلت عناصر من الفرقة الرابعة التابعة لقوات النظام إلى المدينة.", "PART_OF"),
    ("وصلت عناصر من ميليشيا الدفاع الوطني التابعة لقوات النظام.", "AFFILIATED_WITH"),  # a militia loyal to it
])
def test_a_states_unit_is_part_of_it_and_a_militia_affiliated(run, text, rtype):
    assert {r[0] for r in rels(run(text))} == {rtype}


@pytest.mark.parametrize("text", [
    "وأكد أن الميليشيات الموالية لإيران، هي تهديد واضح للقوات الموالية لروسيا.",
    "وانتشر عناصر لواء فاطميون أيضاً، في مركز الأمن العام التابع للحرس الثوري.",
    "ضد منشآت يستخدمها الحرس الثوري الإيراني والجماعات التابعة له، رداً على هجمات استهدفت القوات الأمريكية.",
])
def test_an_adjective_cue_belongs_to_the_noun_right_before_it(run, text):
    assert not rels(run(text))


def test_a_cue_that_is_no_adjective_may_stand_further_on(run):
    doc = run("وميليشيا القاطرجي من أبرز الميليشيات التي أسست بإشراف قيادة الحرس الثوري الإيراني.")
    assert rels(doc) == {("SPONSORED_BY", "Al-Qaterji militia", "Islamic Revolutionary Guard Corps")}


def test_what_a_speaker_says_belongs_to_a_group_is_not_the_speaker(run):
    doc = run('استهدفت الغارة مستودعاً قال الجيش الإسرائيلي إنه يتبع لـ"حزب الله" قرب بعلبك.')
    assert not any(r.type == "PART_OF" for r in doc.relations)


def test_a_role_joined_by_wa_is_the_next_person_s(run):
    doc = run('وقّع الرئيس أحمد الشرع وقائد "قوات سوريا الديمقراطية" مظلوم عبدي اتفاقاً في دمشق.')
    assert not any(r.type == "LEADS" and doc.entity(r.head).name_ar == "أحمد الشرع" for r in doc.relations)


def test_a_role_far_after_a_name_is_not_his(run):
    doc = run('أعلن الرئيس الأمريكي جو بايدن، اليوم الخميس، مقتل زعيم تنظيم الدولة الإسلامية "أبو إبراهيم الهاشمي القرشي".')
    leads = {(doc.entity(r.head).name_ar, r.type) for r in doc.relations}
    assert ("جو بايدن", "LEADS") not in leads
    assert ("أبو إبراهيم الهاشمي القرشي", "LEADS") in leads


def test_a_role_with_a_preposition_glued_on_is_someone_met(run):
    doc = run("التقى وزير الدفاع الروسي سيرغي شويغو برئيس النظام السوري بشار الأسد في دمشق.")
    assert {r[1] for r in rels(doc) if r[0] == "LEADS"} == {"بشار الأسد"}


def test_who_leads_a_group_is_not_its_backers_leader(run):
    doc = run("هاجمت مجموعة لواء أنصار الحق المدعومة من إيران ويقودها المدعو حسين العبد الله موقعاً للجيش.")
    leads = {r for r in rels(doc) if r[0] == "LEADS"}
    assert len(leads) == 1 and "Iran" not in {r[2] for r in leads}


@pytest.mark.parametrize("text, leader, group", [
    ("قال قائد فيلق القدس في الحرس الثوري الإيراني إسماعيل قاآني إن الرد قادم.", "إسماعيل قاآني", "IRGC Quds Force"),
    # a surname the name lists lack, after the role and the group
    ("قال قائد قسد مظلوم عبدي إن الاتفاق صامد.", "مظلوم عبدي", "Syrian Democratic Forces"),
])
def test_who_leads_a_branch_or_a_group_named_before_him(run, text, leader, group):
    assert ("LEADS", leader, group) in rels(run(text))


@pytest.mark.parametrize("text, expected", [
    ('ويقود "اللواء الثامن" أحمد العودة منذ سنوات.', ("LEADS", "أحمد العودة", "8th Brigade (5th Corps, Daraa)")),
    ('وانضم اللواء إلى "الفيلق الخامس" الذي أسسته روسيا عام 2016.', ("SPONSORED_BY", "5th Corps", "Russia")),
    ('تسيطر على المعبر مجموعة "سرايا عز الفرات"، وهي ميليشيا محلية شكّلها الحرس الثوري الإيراني.',
     ("SPONSORED_BY", "Saraya Az al-Farat", "Islamic Revolutionary Guard Corps")),
    ('اندلعت اشتباكات مع مجموعة "سيوف الكرامة" التي يقودها المدعو "عبد الحكيم الطيراوي" والتابعة لفرع الأمن العسكري.',
     ("PART_OF", "Siwaf al-Karama", "Syrian Military Security")),
    ("ينتمي المسلحون إلى قوات العشائر التي يتزعمها شيخ قبيلة العكيدات إبراهيم الهفل.",
     ("LEADS", "إبراهيم الهفل", "Arab tribal fighters")),
])
def test_relations_told_by_verbs_and_joined_adjectives(run, text, expected):
    assert expected in rels(run(text))


def test_what_a_verb_founded_after_another_noun_is_that_noun(run):
    doc = run("وتقع النقاط للدفاع الوطني، بالقرب مزار أنشأته إيران في المدينة.")
    assert not [r for r in doc.relations if r.type == "SPONSORED_BY"]


def test_a_joined_adjective_after_a_leader_is_not_his(run):
    doc = run('اندلعت اشتباكات مع مجموعة "سيوف الكرامة" التي يقودها المدعو "عبد الحكيم الطيراوي" والتابعة لفرع الأمن العسكري.')
    assert not [r for r in doc.relations if r.type == "MEMBER_OF"]


def test_who_leads_a_group_formed_by_a_backer_leads_the_group(run):
    doc = run('تسيطر على المعبر مجموعة "سرايا عز الفرات"، وهي ميليشيا محلية شكّلها الحرس الثوري الإيراني في '
              'مدينة الميادين، ويقودها المدعو "أبو جاسم الطويل".')
    assert {r.type for r in doc.relations if doc.entity(r.tail).kb_id == "irgc"} == {"SPONSORED_BY"}


def test_who_leads_an_unnamed_group_leads_none_named(run):
    doc = run('بين عناصر من "الفيلق الخامس" المدعوم من روسيا، ومسلحين من مجموعة محلية يتزعمها "عبد الحكيم الطيراوي".')
    assert not [r for r in doc.relations if r.type == "LEADS"]


def test_a_role_right_after_a_name_is_not_the_next_name_s(run):
    doc = run("ضم الاجتماع أحمد العودة قائد اللواء الثامن، والعميد لؤي العلي رئيس فرع الأمن العسكري في درعا.")
    assert ("LEADS", "لؤي العلي", "8th Brigade (5th Corps, Daraa)") not in rels(doc)
    assert ("LEADS", "لؤي العلي", "Syrian Military Security") in rels(doc)


@pytest.mark.parametrize("text, expected", [
    ('قُتل قائد كتيبة المداهمة في "جيش الإسلام" المدعو "سليم الخطيب".', ("PART_OF", "كتيبة المداهمة", "Jaysh al-Islam")),
    ('وقال إن المهاجمين ينتمون إلى "كتيبة الردع" في "أحرار الشام".', ("PART_OF", "كتيبة الردع", "Ahrar al-Sham")),
])
def test_a_unit_in_a_larger_force_is_part_of_it(run, text, expected):
    doc = run(text)
    names = {e.id: (e.name_ar if not e.kb_id else e.name_en) for e in doc.entities}
    assert expected in {(r.type, names[r.head], names[r.tail]) for r in doc.relations}


def test_who_leads_a_unit_in_a_larger_force_is_a_member_of_the_force(run):
    doc = run('وأُصيب سليم الخطيب، قائد كتيبة الردع في "أحرار الشام"، بجروح.')
    assert ("MEMBER_OF", "سليم الخطيب", "Ahrar al-Sham") in rels(doc)


def test_a_claim_is_not_read_across_a_paragraph_break(run):
    doc = run('وانسحب المسلحون إلى مدينة الباب.\n\nوساطة برعاية "الفيلق الثالث"')
    assert not doc.relations


@pytest.mark.parametrize("text, expected", [
    ('قصفت طائرات التحالف الدولي بقيادة الولايات المتحدة مواقع للتنظيم.', ("LEADS", "United States", "US-led Coalition")),
    ('وانتقد الناشط سياسات "هيئة تحرير الشام" وقائدها أبو محمد الجولاني.', ("LEADS", "أحمد الشرع", "Hay'at Tahrir al-Sham")),
])
def test_who_leads_a_group_told_after_it(run, text, expected):
    assert expected in rels(run(text))


def test_a_joined_verb_of_leading_goes_on_telling_of_the_subject(run):
    doc = run('و"لواء الصقور" فصيل محلي صغير يضم نحو مئة عنصر، ينضوي في صفوف "الجبهة الشامية"، ويقوده سامر الحلبي.')
    names = {e.id: e.name_ar for e in doc.entities}
    found = {(r.type, names[r.head], names[r.tail]) for r in doc.relations}
    assert ("LEADS", "سامر الحلبي", "لواء الصقور") in found
    assert not {r for r in found if r[0] == "LEADS" and r[2] != "لواء الصقور"}


def test_working_under_a_groups_umbrella_is_part_of_it(run):
    doc = run('وتسيطر على الحي مجموعة "درع البادية"، يقودها المدعو "حسن الفارس" وتعمل تحت مظلة "الدفاع الوطني".')
    names = {e.id: (e.name_en or e.name_ar) for e in doc.entities}
    found = {(r.type, names[r.head], names[r.tail]) for r in doc.relations}
    assert any(t == "PART_OF" and tail == "National Defence Forces" and head != "حسن الفارس" for t, head, tail in found)


def test_a_role_joined_after_a_units_place_is_the_next_persons(run):
    doc = run("وقُتل سليم الخطيب، قائد كتيبة الردع في أحرار الشام بمدينة إدلب، والمقاتل خالد العمر.")
    assert not {r for r in rels(doc) if r[0] == "LEADS" and r[1] == "خالد العمر"}


def test_who_leads_a_unit_named_with_its_parent_leads_the_unit(run):
    doc = run('وقال قائد مجلس تل تمر العسكري التابع لـ"قسد"، سيبان حمو، إن الهجوم صُد.')
    names = {e.id: e.name_ar for e in doc.entities}
    leads = {(names[r.head], names[r.tail]) for r in doc.relations if r.type == "LEADS"}
    assert leads == {("سيبان حمو", "مجلس تل تمر العسكري")}


def test_a_place_is_sponsored_by_no_one(run):
    doc = run("وانسحب المسلحون إلى مدينة الباب، وتوصلوا إلى هدنة برعاية تركيا.")
    assert not [r for r in doc.relations if r.type == "SPONSORED_BY"]


def test_a_unit_named_by_its_kind_after_fi_is_the_unit_named_before(run):
    doc = run('قُتل عنصر من "اللواء الثامن" أمس. وحاولت مجموعة محلية اعتقال القيادي في اللواء سامر الحوراني على حاجز.')
    assert ("MEMBER_OF", "سامر الحوراني", "8th Brigade (5th Corps, Daraa)") in rels(doc)


def test_a_post_in_a_group_is_membership_whatever_its_title(run):
    doc = run('ونفى مسؤول التواصل في "هيئة تحرير الشام"، ضياء العمر، الاتهامات.')
    assert ("MEMBER_OF", "ضياء العمر", "Hay'at Tahrir al-Sham") in rels(doc)


def test_the_words_before_a_group_are_read_within_its_paragraph(run):
    text = 'وقال مصدر لعنب بلدي.\n\nويقود "اللواء الثامن" أحمد العودة منذ سنوات.'
    doc = run(text)
    lead = next(r for r in doc.relations if r.type == "LEADS")
    assert "\n" not in lead.evidence.of(text)


def test_who_leads_a_group_described_by_his_past_post_leads_it_and_belonged_to_the_post_s_unit(run):
    doc = run('واتهمت المصادر "كتائب درع الجبل"، التي يقودها الضابط السابق في "الفرقة الرابعة" رامي كاسر عيسى، '
              'بالوقوف وراء الهجوم.')
    assert rels(doc) == {("LEADS", "رامي كاسر عيسى", "Dir al-Jabl"),
                         ("MEMBER_OF", "رامي كاسر عيسى", "4th Armoured Division")}


def test_a_verb_of_belonging_before_the_unit_makes_it_part_of_the_group_after_it(run):
    doc = run('قتل عنصران من فصيل "سرايا حماة الجبل" في الاشتباك. وتتبع "سرايا حماة الجبل" لـ"المجلس العسكري في '
              'السويداء" منذ تأسيسه.')
    assert ("PART_OF", "سرايا حماة الجبل", "المجلس العسكري في السويداء") in {
        (r.type, doc.entity(r.head).name_ar, doc.entity(r.tail).name_ar) for r in doc.relations}


def test_a_collective_belongs_to_no_group_and_none_to_it(run):
    doc = run("وكان العودة، القيادي السابق في فصائل المعارضة، قد انضم إلى الفيلق الخامس.")
    assert not [r for r in doc.relations if "syrian_opposition_factions" in
                {doc.entity(r.head).kb_id, doc.entity(r.tail).kb_id}]


def test_a_role_after_a_name_is_read_within_its_sentence(run):
    doc = run("وعقد الرئيسان قمة مع فلاديمير بوتين. وقال رئيس جهاز الاستخبارات التركي هاكان فيدان إن.")
    assert ("LEADS", "فلاديمير بوتين", "National Intelligence Organization of Turkey (MIT)") not in rels(doc)


def test_a_backing_told_after_a_comma_is_the_act_s_not_the_group_s(run):
    doc = run('واجتمع الجولاني مع "الفيلق الثالث" التابع لـ"الجيش الوطني"، بإشراف مباشر من الاستخبارات التركية.')
    assert not [r for r in doc.relations if r.type == "SPONSORED_BY"]
