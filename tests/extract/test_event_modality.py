"""Modality from the Arabic around the trigger: one invented sentence per value and cue family."""
import pytest


@pytest.mark.parametrize("text, type_, modality", [
    # asserted, with reported speech: who says so does not make it doubtful
    ("قال مصدر محلي إن اشتباكات اندلعت بين الفصيلين في البلدة أمس.", "ARMED_CLASH", "asserted"),
    ("أفاد ناشطون بأن طائرة مسيرة استهدفت سيارة على طريق المطار.", "AIRSTRIKE", "asserted"),
    # attempted
    ("حاول مسلحون اقتحام مقر البلدية دون أن يتمكنوا من ذلك.", "ATTACK", "attempted"),
    ("نجا القيادي من محاولة اغتيال أمام منزله.", "ATTACK", "attempted"),
    # (the shots fired in it, told in the next clause, are the attempt)
    ("نجا القيادي من محاولة اغتيال مساء الاثنين، بعدما أطلق مسلحان النار على سيارته في المدينة.", "ATTACK", "attempted"),
    # planned: future, intention, expectation, a foiled plot
    ("ستشن القوات هجوماً على معاقل التنظيم الأسبوع المقبل.", "ATTACK", "planned"),
    ("تعتزم الفصائل تنظيم مظاهرة في الساحة يوم الجمعة.", "PROTEST", "planned"),
    ("يستعد الجيش للهجوم المرتقب على أطراف المدينة.", "ATTACK", "planned"),
    ("أحبطت الشرطة محاولة لاختطاف رجل أعمال.", "ABDUCTION", "planned"),
    ("تريد الحكومة شراء مقاتلات تزيد قدرة سلاح الجو الأردني، للقيام بضربات بعيدة عن أراضيها.", "ATTACK", "planned"),
    ("أحبطت الأجهزة الأمنية محاولة اختطاف طبيب في المدينة.", "ABDUCTION", "planned"),
    ("وصل الانتحاري إلى السوق ليفجر نفسه لكن الحراس أوقفوه.", "EXPLOSION", "planned"),
    # threatened: threats and conditionals
    ("توعد التنظيم بتنفيذ هجمات على الحواجز.", "ATTACK", "threatened"),
    ("إذا فشلت المفاوضات فإن الاشتباكات ستعود إلى المدينة.", "ARMED_CLASH", "threatened"),
    ("سيرد الجيش بقوة في حال تعرض أي موقع لاعتداء.", "ATTACK", "threatened"),
    # what a group named after the condition did, told in a relative clause, happened
    ("وهددت الفرقة باقتحام المقرات في حال اعتقال أي عنصر، وهو ما فعلته الميليشيا التي استقدمت تعزيزات إلى المدينة.",
     "MOBILIZE", "asserted"),
    # a conditional across the commas of an aside, and a threat's بـ-object past an apposition
    ("لو لم تتدخل الشرطة، بحسب الشهود، لاندلعت اشتباكات بين العشيرتين في الحي.", "ARMED_CLASH", "threatened"),
    ("هدد وزير الدفاع في الحكومة، يوسف الخطيب، باغتيال قائد الحركة.", "ASSASSINATION", "threatened"),
    ("توعد قائد الفصيل، في تسجيل مصور نشره أمس، بتفجير مقرات الشرطة في المدينة.", "EXPLOSION", "threatened"),
    # negated
    ("لم تشهد المدينة أي اشتباكات منذ توقيع الاتفاق.", "ARMED_CLASH", "negated"),
    ("أكد الأهالي عدم وقوع أي قصف على القرية.", "SHELLING", "negated"),
    ("قال المصدر إن ضربات جوية يمكن أن تستهدف مطارات الجيش.", "AIRSTRIKE", "planned"),
    # denied
    ("نفى التحالف تنفيذ أي غارة جوية على القرية.", "AIRSTRIKE", "denied"),
    # who denies a part in an act does not deny it took place
    ("نفت الحركة مسؤوليتها عن اختطاف الصحفيين.", "ABDUCTION", "asserted"),
    # the reports a denial denies, however long the clause that tells them
    ("نفت وزارة الدفاع صحة الأنباء التي تحدثت عن غارة إسرائيلية على مدينة طفس.", "AIRSTRIKE", "denied"),
    ("نفى مصدر محلي ما تداولته صفحات التواصل الاجتماعي عن وقوع اشتباكات في البلدة.", "ARMED_CLASH", "denied"),
    ("نفى المكتب الإعلامي لقيادة العمليات المشتركة في وزارة الدفاع العراقية تعرض قاعدة عين الأسد لقصف صاروخي.",
     "SHELLING", "denied"),
    ("أعلنت وزارة الدفاع الأمريكية أنها ستشن ضربات جوية على مواقع الفصائل في العراق.", "AIRSTRIKE", "planned"),
    # what another affirms after the denial is not denied
    ("وبعد أن نفت القوة التنفيذية اعتقالها أيا من المتظاهرين عادت وزارة الداخلية لتؤكد اعتقال عناصر من فتح.", "ARREST",
     "asserted"),
    # a time between the denier and what is denied counts no word
    ("ونفى مصدر في قيادة شرطة السويداء، أمس الأحد، وقوع اعتقالات.", "ARREST", "denied"),
    # what is said after the denial is not denied
    ("نفت الوزارة الأنباء، وقالت إن غارة إسرائيلية استهدفت مدينة طفس أمس.", "AIRSTRIKE", "asserted"),
    # aggregate
    ("وثقت المنظمة 35 عملية اغتيال في المحافظة منذ بداية العام.", "ASSASSINATION", "aggregate"),
    ("تزايدت حوادث الخطف في المنطقة خلال الأشهر الأخيرة.", "ABDUCTION", "aggregate"),
    ("وثق الفريق أكثر من 40 غارة جوية على المنطقة خلال أسبوعين.", "AIRSTRIKE", "aggregate"),
    ("شهدت المحافظة عشرات المظاهرات خلال الشهر الماضي.", "PROTEST", "aggregate"),
    ("وثق المرصد أكثر من 20 حالة اقتتال بين فصائل الجيش الوطني في ريف حلب منذ مطلع العام.", "ARMED_CLASH",
     "aggregate"),
    ("شن التحالف الدولي 23 غارة جوية على مواقع تنظيم داعش في البادية السورية خلال الشهر الماضي.", "AIRSTRIKE",
     "aggregate"),
    ("شنت الطائرات الروسية 12 غارة على مواقع التنظيم في البادية منتصف الشهر الماضي.", "AIRSTRIKE", "asserted"),
    # acts carried out, counted since a date long before the news
    ("ومنذ مطلع العام الجاري، نفذت الطائرات المسيرة 14 هجوماً على قرى ريف منبج.", "ATTACK", "aggregate"),
    # attempts counted over a period
    ("قال القيادي إنه تعرض لعدة محاولات اغتيال خلال العام الماضي.", "ASSASSINATION", "aggregate"),
    ("نجا المحافظ من ثلاث محاولات اغتيال منذ تعيينه.", "ASSASSINATION", "aggregate"),
    ("ووثق التجمع 37 عملية ومحاولة اغتيال في محافظة درعا خلال الشهر الماضي.", "ATTACK", "aggregate"),
    ("قتل ثلاثة عناصر في محاولة اغتيال قيادي في المدينة.", "ATTACK", "attempted"),   # a toll, not a count
    # the attempt was another's: "but" ends the reach of "حاول"
    ("حاول أحد العناصر إطلاق النار على المتظاهرين بيد أنهم ألقوا القبض عليه.", "ARREST", "asserted"),
    # a name inside the trigger counts nothing: "عمليات" of an operations room
    ("استهدفت غرفة عمليات الفتح المبين بقذائف المدفعية مواقع قوات النظام.", "SHELLING", "asserted"),
    # a bare plural that a verb says broke out, in the village named before, is one act
    ("داهمت قوات الأمن قرية الحويز فجر اليوم. وقال ناشطون إن اشتباكات اندلعت في القرية ما أدى إلى مقتل عنصرين.",
     "ARMED_CLASH", "asserted"),
    # a protest's count is of its people
    ("نظم عشرات الأهالي وقفة احتجاجية أمام مبنى المحافظة في مدينة السويداء.", "PROTEST", "asserted"),
    ("أعلنت الشرطة مقتل ثلاثة أشخاص وإصابة عشرة في تفجير استهدف سوقاً أمس.", "EXPLOSION", "asserted"),
    # what an offer put to someone puts forward
    ("وقال المصدر إن الوفد عرض على الوجهاء تسوية أوضاع المتخلفين عن الخدمة.", "AGREE", "planned"),
])
def test_modality(run, text, type_, modality):
    assert (type_, modality) in {(e.type, e.modality) for e in run(text).events}


@pytest.mark.parametrize("text", [
    "هل يجوز تبرير الاغتيال السياسي؟",                  # a question
    "شاهدت فيلم اغتيال جيسي جيمس أمس.",                 # a title
    "هاجم وزير الداخلية قادة الفصائل المسلحة قائلا إنهم يتحملون مسؤولية الفوضى.",   # words
    "ويذكر الحادث بفيلم أميركي يؤدي فيه الممثل دور ضابط يختطف طائرة ليحرر ابنه.",   # a film's story
    "تروي الرواية قصة مقاتل يهاجم قافلة للجيش في الصحراء.",                          # a novel's story
    "أفادت الصحيفة بأن إيران نصبت قواعد صواريخ في الجزيرة.",                          # set up, no ambush
    "نصب الأهالي خيمة اعتصام أمام مبنى البلدية.",
])
def test_no_event(run, text):
    assert not [e for e in run(text).events if e.modality in ("asserted", "attempted")]


def test_historical_event_keeps_its_own_date(run):
    doc = run("وكان القيادي قد اغتيل في الخامس من آذار 2019 في مدينة الميادين.")
    ev = next(e for e in doc.events if e.type == "ASSASSINATION")
    assert ev.modality == "asserted" and ev.date is not None and ev.date.value.year == 2019


def test_any_before_a_claimant_makes_no_threat(run):
    doc = run("اغتال مجهولون مختار القرية أمس، ولم تعلن أي جهة مسؤوليتها عن الاغتيال.")
    assert [(e.type, e.modality) for e in doc.events] == [("ASSASSINATION", "asserted")]


@pytest.mark.parametrize("text, type_", [
    # a count of victims after a single act, or the year of its date, is no tally of acts
    ("قام مسلحون أمس بخطف ثلاثة مدنيين من قرية الحسينية.", "ABDUCTION"),
    ("وقامت العصابة في آب 2016 بخطف سبعة عمال قرب الحدود.", "ABDUCTION"),
    # a plural act that the clause says erupted is an occurrence, not a count
    ("وانفجرت عدة مظاهرات في مدن الريف الشرقي احتجاجاً على رفع أسعار الخبز.", "PROTEST"),
    # "دون أن" tells a failure only with what could have happened: here nothing resisted
    ("اقتحم مسلحون البلدة ليلا دون أن يواجهوا أي مقاومة، وقتلوا شخصين.", "ATTACK"),
    ("عادت الطائرات الحربية لتقصف البلدة مجدداً.", "AIRSTRIKE"),   # done again, not meant
])
def test_asserted_despite_a_cue(run, text, type_):
    assert (type_, "asserted") in {(e.type, e.modality) for e in run(text).events}


def test_the_act_someone_is_accused_of_is_no_new_act(run):
    doc = run("وانتهى الاجتماع باتفاق يقضي بتسليم اثنين من عناصر المجموعة المتهمين بالهجوم إلى اللواء.")
    assert "ATTACK" not in {e.type for e in doc.events}


@pytest.mark.parametrize("text", [
    # any attempt, in a warning: none was made
    "وحذر القيادي من أن أي محاولة تسلل جديدة ستقابل برد حاسم.",
    # what an accusation charges, however long its clause
    'واتهم المصدر فرع "الأمن العسكري" بالسعي إلى "تفكيك اللواء الثامن" عبر استهداف قيادييه.',
    # with the accused as a pronoun
    'وحمّلت الإدارة الذاتية الحكومة المسؤولية، واتهمتها بـ"استهداف المدنيين في القرى الحدودية".',
    # the act a threat names after a preposition written apart, a quote between
    'هدد القيادي في الحرس الثوري المدعو "الحاج مرتضى"، خلال لقائه وجهاء من المدينة مساء أمس، بـ"اقتحام" '
    "مقرات الفيلق الخامس في البوكمال إذا لم يُسلَّم العنصر المطلوب.",
])
def test_no_act_of_force_in_a_warning_or_a_charge(run, text):
    violent = {"ARMED_CLASH", "ATTACK", "ASSASSINATION", "AIRSTRIKE", "SHELLING", "EXPLOSION", "ABDUCTION"}
    assert not [e for e in run(text).events if e.type in violent and e.modality in ("asserted", "attempted")]


@pytest.mark.parametrize("text", [
    "قُتل عنصران من الفصيل وأصيب ثلاثة آخرون، مساء أمس، خلال اشتباكات مع مجموعة محلية في بلدة المسيفرة.",
    "وعاد الهدوء إلى البلدة منذ اشتباكات الثلاثاء بين الطرفين.",
])
def test_during_or_since_one_clash_counts_no_clashes(run, text):
    assert "aggregate" not in {e.modality for e in run(text).events if e.type == "ARMED_CLASH"}


def test_what_an_attempt_led_to_took_place(run):
    doc = run("نصب مسلحون كميناً لسيارة القيادي في محاولة لاغتياله، ما أدى إلى اندلاع اشتباكات بين الطرفين استمرت ساعتين.")
    assert ("ARMED_CLASH", "asserted") in {(e.type, e.modality) for e in doc.events}


@pytest.mark.parametrize("text, type_", [
    # what was tried was a move, not the fight named after it
    ("قُتل ستة مدنيين عقب اشتباك بين شبان من البلدة وقوة حاولت التقدم نحو أطرافها، في أعنف مواجهة تشهدها المنطقة.",
     "ARMED_CLASH"),
    # and the attempt denied is another act than the arrest warrant served
    ("نفى المصدر ما تداولته صفحات عن محاولة اغتيال استهدفت القيادي، مؤكداً أن الدورية كانت تنفذ مذكرة توقيف بحقه.",
     "ARREST"),
])
def test_an_attempt_across_a_clause_is_of_its_own_act(run, text, type_):
    assert {e.modality for e in run(text).events if e.type == type_} == {"asserted"}


def test_a_word_of_a_name_is_no_cue_of_a_tally(run):
    doc = run('وقالت مصادر عسكرية في "إدارة العمليات العسكرية" لعنب بلدي إن طائرة مسيرة استهدفت مقراً في حي '
              'الحمدانية.')
    assert [e.modality for e in doc.events if e.type == "AIRSTRIKE"] == ["asserted"]
