"""Every ontology type from invented sentences, and the words that look like violence but are not."""
import pytest

VIOLENT = {"ARMED_CLASH", "ATTACK", "ASSASSINATION", "AIRSTRIKE", "SHELLING", "EXPLOSION", "ABDUCTION"}


def types(doc):
    return {e.type for e in doc.events if e.modality in ("asserted", "attempted")}


@pytest.mark.parametrize("text, type_", [
    ("دارت معارك عنيفة بين الجيش ومسلحي العشائر قرب الجسر صباح اليوم.", "ARMED_CLASH"),
    ("خاض عناصر الفصيل اشتباكاً مع دورية للشرطة عند مدخل القرية.", "ARMED_CLASH"),
    ("قُتل شرطي بنيران مسلحين مجهولين في حي الجورة مساء أمس.", "ATTACK"),
    ("فتح مسلحون النار على حافلة تقل عمالاً على طريق المطار.", "ATTACK"),
    ("تعرض الصحفي للضرب على يد عناصر الحاجز أمس.", "ATTACK"),
    ("نصب مسلحون كميناً لدورية للشرطة على طريق البلدة.", "ATTACK"),
    ("اغتال مجهولون مختار البلدة أمام منزله فجر الأحد.", "ASSASSINATION"),
    ("شنت طائرات حربية غارات على أطراف المدينة ليل الجمعة.", "AIRSTRIKE"),
    ("قصفت مروحيات الجيش مواقع للمسلحين في الجبل.", "AIRSTRIKE"),
    ("استهدفت قوات النظام بقذائف الهاون أحياء البلدة.", "SHELLING"),
    ("قصفت المدفعية التركية قرى في ريف الحسكة.", "SHELLING"),
    ("فجر انتحاري نفسه وسط سوق شعبي مما أدى إلى مقتل سبعة أشخاص.", "EXPLOSION"),
    ("انفجرت سيارة مفخخة قرب مقر الشرطة في المدينة.", "EXPLOSION"),
    ("اعتقلت الأجهزة الأمنية ثلاثة شبان من البلدة بعد مداهمة منازلهم.", "ARREST"),
    ("ألقت قوات الأمن القبض على ثلاثة مطلوبين في البلدة.", "ARREST"),
    ("أعدمت الجماعة المسلحة ثلاثة أشخاص بتهمة التعامل مع الجيش.", "ATTACK"),   # an execution
    ("استهدفت قوات النظام بصاروخ موجه سيارة مدنية على طريق البلدة.", "SHELLING"),
    ("وتمكنت الشرطة من إلقاء القبض على اثنين من المطلوبين.", "ARREST"),
    ("وقالت إن مسلحين أطلقوا النار على موكب المحافظ.", "ATTACK"),   # a verb phrase tells its act
    ("خطف مسلحون ملثمون مهندسين اثنين من موقع العمل.", "ABDUCTION"),
    ("التقى قائد الشرطة بوجهاء العشائر في مبنى المحافظة.", "MEETING"),
    ("زار وفد من الحرس الثوري مدينة البوكمال أمس.", "VISIT"),
    ("استقدمت الميليشيا أرتالاً من المقاتلين إلى البادية.", "MOBILIZE"),
    ("أجرت قوات الفصيل تدريبات عسكرية في معسكرها قرب المدينة.", "MOBILIZE"),
    ("بدأت القوات الروسية بإنشاء نقطة عسكرية جديدة قرب المطار.", "BASE_CHANGE"),
    ("هددت العشيرة بالرد على أي اعتداء يطال أبناءها.", "THREATEN"),
    ("اتهم المجلس المحلي الفصيل بسرقة المساعدات.", "ACCUSE"),
    ("فتحت الشرطة تحقيقاً في مقتل الشاب.", "INVESTIGATE"),
    ("رفض الوجهاء تسليم السلاح للقوات الحكومية.", "REJECT"),
    ("توصلت العشائر والفصيل إلى اتفاق لوقف القتال.", "AGREE"),
    ("قدمت الدولة دعماً عسكرياً للفصيل عبر شحنات أسلحة.", "SUPPORT"),
    ("خرج مئات المتظاهرين في ساحة المدينة مطالبين بالإفراج عن المعتقلين.", "PROTEST"),
    ("أضرب عمال المصفاة عن العمل احتجاجاً على تأخر الرواتب.", "PROTEST"),
    ("نظم الأهالي وقفة احتجاجية أمام مبنى البلدية.", "PROTEST"),
    ("توغلت قوة إسرائيلية في بلدة الرفيد بريف القنيطرة أمس.", "MOBILIZE"),
    ("حلقت طائرات استطلاع فوق القرية طوال الليل.", "SURVEILLANCE"),
    ("أصدرت قراراً يقضي بإغلاق المعابر ليلاً.", "OTHER"),
    ("وفرضت قوات الأمن، مساء أمس، حظراً للتجول في البلدة حتى إشعار آخر.", "OTHER"),       # a curfew
    # drones in construct with the targeting noun, then what they hit: they struck
    ("أسفر استهداف المسيّرات التركية قافلة مدنية قرب سد تشرين عن مقتل ثلاثة مدنيين.", "AIRSTRIKE"),
    ("وجرّفت جرافة عسكرية نحو عشرين دونماً من الأراضي الزراعية قرب القرية.", "OTHER"),   # land bulldozed
])
def test_each_type(run, text, type_):
    assert type_ in types(run(text))


@pytest.mark.parametrize("text", [
    "شن النائب هجوماً لاذعاً على الحكومة بسبب غلاء الأسعار.",      # criticism
    "تواجه الحكومة صعوبات كبيرة في تأمين الكهرباء.",                # a difficulty
    "حذر الخبراء من انفجار الأوضاع الاقتصادية في البلاد.",           # a crisis, and a warning
    "خطف المنتخب الأضواء في البطولة الآسيوية.",                    # a metaphor
    "ضبطت الشرطة عبوة ناسفة قبل انفجارها قرب المدرسة.",              # a device that did not go off
    "تعطي قواعد الاشتباك الجنود مهلة قصيرة لاستخدام الأسلحة ضد المسلحين.",  # rules of engagement
    "صادرت الشرطة كميات كبيرة من قذائف الهاون في مستودع بالمدينة.",     # a stock of shells
    "أطلق عناصر الحاجز النار في الهواء لتفريق المتظاهرين.",            # shots in the air
    "ورفع المتظاهرون صورا لصدام حسين.",                              # a name, no clash
    "عثرت الجهات المختصة على مستودع في البلدة، يحتوي على قذائف هاون.",   # what a store holds
    "دخلت شاحنات محملة بقذائف الهاون إلى المدينة.",                     # a load
    "وأعدم الجندي بعد إدانته بالاغتصاب في محكمة عسكرية.",                 # a court's sentence
    "وجدير بمن يتباهى بصواريخ الحزب أن يقلق من مستقبله.",                # rockets spoken of
])
def test_words_that_are_not_violence(run, text):
    assert not types(run(text)) & VIOLENT


def test_a_round_of_talks_is_no_visit(run):
    assert "VISIT" not in types(run("انتهت الاجتماعات دون نتائج، على أن تُعقد جولة جديدة من المباحثات الأسبوع المقبل."))


def test_dawn_is_no_detonation(run):
    assert types(run("استهدفت طائرة مسيرة فجر اليوم سيارة عسكرية قرب القامشلي.")) == {"AIRSTRIKE"}


@pytest.mark.parametrize("text", [
    "وقررت الحكومة، أمس الأحد، رفع الدعم عن الخبز في مدينة حمص.",     # a subsidy lifted
    "أعلن جهاز دعم الاستقرار مقتل اثنين من عناصره في طرابلس.",        # a name
    "وتقدم المنظمة الدعم النفسي للأطفال في المخيمات.",                 # a service
])
def test_support_that_is_no_backing_of_a_party(run, text):
    assert "SUPPORT" not in types(run(text))


@pytest.mark.parametrize("text", [
    "أدان الاتحاد الأوروبي الهجوم ودعا إلى ضبط النفس.",             # a condemnation
    "تستمر محاكمة المتهمين في قضية اغتيال الوزير السابق.",          # a trial
    "أحيا الأهالي الذكرى العاشرة للمجزرة.",                          # an anniversary
    "هذه أول زيارة للوزير إلى العاصمة منذ اغتيال رئيس الحكومة.",     # a point in time
    "تشجع بعض القنوات القتل والتفجير والاغتيال.",                    # a kind of act
    "أحبطت الشرطة محاولة لاختطاف رجل أعمال.",                         # a foiled plot
    "اتفاق بين تحرير الشام والفيلق الثالث ينهي معارك ريف حلب",        # what is ended
    "وأكد المسؤول أن تدخل الهيئة جاء لوقف الاقتتال وحماية المدنيين.",  # what one came to stop
])
def test_talk_about_violence_is_no_violent_event(run, text):
    assert not types(run(text)) & VIOLENT


def test_a_condemnation_joins_the_event_the_article_reports(run):
    doc = run("انفجرت سيارة مفخخة قرب مقر الشرطة في المدينة أمس. وأدانت الحكومة الهجوم.")
    violent = [e for e in doc.events if e.type in VIOLENT]
    assert len(violent) == 1 and violent[0].modality == "asserted"


@pytest.mark.parametrize("text, type_", [
    ("قصفت الطائرات الحربية مواقع في البادية.", "AIRSTRIKE"),       # قصف by aircraft
    ("قصفت المدفعية مواقع في البادية.", "SHELLING"),               # قصف by artillery
    ("تجدد القصف الروسي على ريف إدلب الجنوبي صباح اليوم.", "AIRSTRIKE"),   # by a force that strikes from the air
    ("قصفت القوات الروسية بالمدفعية مواقع في ريف اللاذقية.", "SHELLING"),  # unless with guns
    ("وردت القوات الأمريكية بقصف مدفعي على مواقع في الميادين.", "SHELLING"),
    ("أعلن حزب الله استهداف قاعدة ميرون الإسرائيلية بستين صاروخ كاتيوشا.", "SHELLING"),   # rockets at a target
])
def test_qasf_is_typed_by_its_instrument(run, text, type_):
    assert type_ in types(run(text))


@pytest.mark.parametrize("text, type_", [
    ("اعتقلت الشرطة العسكرية شاباً من البلدة.", "ARREST"),          # a state force detains
    ("خطف مسلحون مجهولون شاباً من البلدة.", "ABDUCTION"),          # a non-state group kidnaps
])
def test_detention_and_kidnapping(run, text, type_):
    assert type_ in types(run(text))


@pytest.mark.parametrize("text, type_", [
    ("أطلقت طائرة مسيرة مجهولة صاروخين على سيارة في القرية.", "AIRSTRIKE"),
    ("أطلق مسلحون من داخل البساتين قذائف على الحي.", "SHELLING"),
    ("تجمع أمس مئات المتظاهرين أمام مبنى المحافظة.", "PROTEST"),
    ("فجر انتحاري يقود شاحنة نفسه عند مدخل المعسكر.", "EXPLOSION"),
])
def test_a_verb_whose_object_comes_after_its_subject(run, text, type_):
    assert type_ in types(run(text))


@pytest.mark.parametrize("text", [
    "اقتحمت القوات القرية فجر الأحد واعتقلت شابين.",       # فجر: dawn
    "تجمع الأهالي في ساحة القرية لاستقبال الحجاج.",         # a gathering, no protesters
])
def test_a_gapped_verb_without_its_object_is_no_event(run, text):
    assert not types(run(text)) & {"EXPLOSION", "PROTEST"}


@pytest.mark.parametrize("text, explosion", [
    ("وقع انفجار في مدينة الرقة فجر الخميس.", True),
    ("دوى انفجار في حي الجورة مساء أمس.", True),
    ("حذر الوزير من انفجار الأوضاع في المنطقة.", False),
])
def test_a_blast_a_verb_says_happened_is_one_though_no_weapon_is_named(run, text, explosion):
    assert ("EXPLOSION" in types(run(text))) == explosion


def all_types(doc):
    return {e.type for e in doc.events}


@pytest.mark.parametrize("text, not_type", [
    ("تحظى الفرقة الرابعة بدعم إيراني منذ سنوات.", "SUPPORT"),                     # support had
    ("واتهم الأهالي فرع الأمن العسكري بتسليح مجموعات محلية.", "SUPPORT"),         # support alleged
    ("داهمت قسد بمساندة مروحيات التحالف الدولي بلدة الشحيل واعتقلت 12 شاباً.", "SUPPORT"),   # backing
    ("وضم وفد الوجهاء نحو عشرين شخصية من العشائر.", "VISIT"),                     # who a delegation was
    ("التقى وفد من ضباط التحالف الدولي وجهاء العشائر في حقل العمر.", "VISIT"),    # who met
    ("وسط حالة من التوتر بين الأهالي الذين يخشون اتساع رقعة المواجهات.", "ARMED_CLASH"),   # feared
    ("وصلت تعزيزات إلى محيط طفس، وسط مخاوف من عملية عسكرية في المنطقة.", "ATTACK"),
    ("عززت قسد نقاطها على ضفة النهر تحسباً لعمليات تسلل جديدة.", "ATTACK"),
    ("هاجم المسلحون النقاط بالأسلحة الرشاشة ثم انسحبوا دون تسجيل خسائر.", "BASE_CHANGE"),   # attackers pulling back
    ("اعتقلت قسد شاباً متهماً بالتعاون مع قوات العشائر.", "ACCUSE"),              # who is accused
    ("اعتقلت الميليشيا ستة شبان بعد انتهاء مهلة التسوية.", "AGREE"),            # a deadline of one made before
    ("رفضت الفتاة الزواج من رجل وافقت عليه الأسرة.", "AGREE"),                    # consent, no offer accepted
    ("ونص الاتفاق على خروج الرافضين منهم إلى إدلب.", "REJECT"),                   # who refused, named
    ("وتسيطر قسد على النقاط الحدودية منذ عام 2019.", "BASE_CHANGE"),                 # who holds them
    ("وأكد الجانبان التزامهما بكل ما من شأنه تحقيق الأمن والاستقرار في البلدين.", "INVESTIGATE"),   # achieved
    ("وحققت قوات سوريا الديمقراطية تقدماً في حي الصناعة.", "INVESTIGATE"),
    ("اتهم الشيخ الحكومة بشن حملة على القرى، مطالباً بتدخل قوات دولية.", "MOBILIZE"),   # an intervention called for
])
def test_words_of_an_act_that_tell_no_act_of_their_own(run, text, not_type):
    assert not_type not in all_types(run(text))


@pytest.mark.parametrize("text, type_", [
    ("قامت روسيا بتسليح الفصيل بعربات مدرعة.", "SUPPORT"),
    ("وصل وفد عسكري روسي إلى مدينة القامشلي أمس.", "VISIT"),
    ("انسحبت القوات الروسية من مطار القامشلي أمس.", "BASE_CHANGE"),
    ("أقر المتمردون بانسحابهم من العاصمة مؤقتاً.", "BASE_CHANGE"),
    ("وقال المصدر إن المسيرة انطلقت من غرب الفرات، متهماً الحرس الثوري بتزويد اللواء بالطائرات.", "ACCUSE"),
    ("وقال القيادي إن قواته لن تسمح بذلك، محذراً من أن أي محاولة تسلل ستقابل برد حاسم.", "THREATEN"),
    ("وقال الشيخ إن المعركة مستمرة، متوعداً بتوسيع العمليات لتشمل بلدات أخرى.", "THREATEN"),
    ("وقال القيادي خلال لقائه وجهاء من المدينة إن الوضع مستقر.", "MEETING"),      # a final hamza with a pronoun
    ("وأضاف المصدر أن عدداً من الوجهاء وافقوا على العرض.", "AGREE"),
    ("أصيب ثمانية مدنيين بجروح إثر سقوط ٥ قذائف صاروخية على المدينة.", "SHELLING"),   # shells counted as they fell
    ("ودخلت قوات النظام بلدة عين عيسى أمس.", "MOBILIZE"),
    ("وجاءت الغارات بعد وصول شحنة صواريخ إلى القاعدة عبر المعبر.", "SUPPORT"),
    ("وقال القائد إن قواته لن تنسحب من المدينة، رافضاً أي ترتيبات تفرض بالقوة.", "REJECT"),
    ('وسيطر "جيش الإسلام" على مقرات ومستودعات تابعة للفيلق في بلدة مسرابا.', "BASE_CHANGE"),   # bases seized
    ("وتتهم دمشق الحزب بدعم المسلحين، وهو ما ينفيه الحزب.", "REJECT"),   # what is said of what was said
    ("أسقطت طائرة حربية أمريكية، مساء أمس، طائرة حربية تابعة لقوات النظام قرب بلدة جعدين.", "AIRSTRIKE"),   # downed
    # aircraft that did it, in a relative clause after what it struck
    ("ويستعيد الأهالي مجزرة مدرسة ابن طفيل التي ارتكبها طيران النظام في أيلول 2013 وقتل فيها 14 طالباً.", "AIRSTRIKE"),
    ("ونظم ناشطون وقفة تضامنية في ساحة السير وسط مدينة السويداء.", "PROTEST"),   # a vigil of solidarity
    ("وأسر المقاتلون أكثر من ٤٠ عنصراً من قوات النظام، بينهم ضابط.", "ABDUCTION"),   # soldiers taken prisoner
    ("اعتدت مجموعات مسلحة صباح اليوم على عدد من النقاط والحواجز العسكرية في بلدة طفس.", "ATTACK"),   # assaulted
    ("وتفقد قائد الجيش العماد رودولف هيكل الوحدات المنتشرة في منطقة الهرمل، اليوم.", "VISIT"),   # an inspection
    ("وصل وزير الخارجية الإيراني عباس عراقجي إلى أنقرة، أمس الاثنين.", "VISIT"),   # an official's arrival
    ("الجيش يعيد انتشار وحداته خارج مدينة حماة حفاظاً على أرواح المدنيين.", "BASE_CHANGE"),   # a withdrawal so called
    ("وأجرى وزير الدفاع اللبناني اتصالاً هاتفياً بنظيره السوري مرهف أبو قصرة.", "MEETING"),   # talks by telephone
])
def test_the_same_words_where_they_tell_the_act(run, text, type_):
    assert type_ in all_types(run(text))


def test_backing_aircraft_name_an_associated_actor(run):
    doc = run("داهمت قسد بمساندة مروحيات التحالف الدولي بلدة الشحيل واعتقلت 12 شاباً.")
    arrest = next(e for e in doc.events if e.type == "ARREST")
    assert "us_coalition" in {doc.entity(a).kb_id for a in arrest.associated}


def test_a_standing_security_committee_is_no_inquiry(run):
    doc = run("وعقد اجتماعاً مع أعضاء اللجنة المركزية واللجنة الأمنية التابعة للنظام في درعا.")
    assert "INVESTIGATE" not in all_types(doc)
    assert "INVESTIGATE" in all_types(run("شكلت مليشيا الحرس الثوري لجنة أمنية للتحقيق في الهجمات."))


@pytest.mark.parametrize("text", ["وساد هدوء حذر في البلدة بعد الاشتباكات.", "وتعيش المدينة حالة ترقب حذر."])
def test_cautious_calm_is_no_warning(run, text):
    assert "THREATEN" not in types(run(text))


def test_the_families_of_soldiers_are_no_capture(run):
    assert "ABDUCTION" not in all_types(run("وزار الوفد أسر العناصر الذين قتلوا في المعارك."))


def test_a_protest_and_a_vigil_elsewhere_in_one_sentence_are_two(run):
    doc = run("وخرج العشرات من أبناء مدينة بصرى الشام في مظاهرة، مساء أمس الخميس، تضامناً مع أهالي درعا البلد، "
              "كما نظم ناشطون وقفة تضامنية في ساحة السير وسط مدينة السويداء.")
    protests = [e for e in doc.events if e.type == "PROTEST"]
    assert len(protests) == 2
    # (and the town the first stood with is not where it was)
    assert protests[0].place.name_en == "Busra ash Sham"


def test_pursuit_vowed_is_a_threat(run):
    doc = run('وقال المتحدث باسم الجيش إن وحدات الجيش "ستلاحق المعتدين أينما وجدوا".')
    assert "THREATEN" in all_types(doc)


@pytest.mark.parametrize("text", ["عندما تفقد الذرة الإلكترونات فإنها تتحول إلى أيونات.",
                                  "وحذر من أن الحكومة قد تفقد السيطرة على الوضع."])
def test_losing_is_no_inspection(run, text):
    assert "VISIT" not in all_types(run(text))
