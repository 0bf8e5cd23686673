"""Incidents from invented multi-outlet reports: what merges, what stays apart, what conflicts."""
import datetime as dt

import pytest

MAY_10 = dt.date(2023, 5, 10)   # a Wednesday

CLASH_A = ("اندلعت اشتباكات عنيفة، أمس الثلاثاء، بين عناصر من لواء الباقر وعناصر من قوات الدفاع الوطني "
           "في حي الجورة بمدينة دير الزور، أسفرت عن مقتل ثلاثة عناصر من لواء الباقر.")
CLASH_B = ("قُتل خمسة عناصر من لواء الباقر في اشتباكات مع قوات الدفاع الوطني في حي الجورة بمدينة دير الزور، "
           "يوم الثلاثاء، بحسب مصادر محلية.")
CLASH_LATER = ("تجددت الاشتباكات، أمس الخميس، بين عناصر لواء الباقر وقوات الدفاع الوطني في حي الجورة "
               "بمدينة دير الزور، دون ورود أنباء عن إصابات.")


def test_two_outlets_reporting_one_clash_make_one_incident(report, resolve, keys):
    a = report("a", "Outlet A", MAY_10, CLASH_A)
    b = report("b", "Outlet B", MAY_10, CLASH_B)
    _, incidents = resolve(a, b)
    assert keys(incidents) == [["a#ev1", "b#ev1"]]


def test_the_lowest_toll_is_kept_with_the_range_and_the_disagreement_flagged(report, resolve):
    _, [incident] = resolve(report("a", "Outlet A", MAY_10, CLASH_A), report("b", "Outlet B", MAY_10, CLASH_B))
    assert (incident.fatalities, incident.fatalities_max) == (3, 5)
    [conflict] = incident.conflicts
    assert conflict.field == "casualties"
    assert {v.value: v.sources for v in conflict.values} == {"killed 3, injured -": ["a#ev1"],
                                                             "killed 5, injured -": ["b#ev1"]}


def test_each_source_keeps_its_own_values(report, resolve):
    _, [incident] = resolve(report("a", "Outlet A", MAY_10, CLASH_A), report("b", "Outlet B", MAY_10, CLASH_B))
    assert {m.doc_id: (m.outlet, m.killed) for m in incident.members} == {"a": ("Outlet A", 3), "b": ("Outlet B", 5)}
    assert incident.corroboration == 2


def test_clashes_at_the_same_place_nine_days_apart_are_two_incidents(report, resolve, keys):
    a = report("a", "Outlet A", MAY_10, CLASH_A)
    later = report("c", "Outlet C", dt.date(2023, 5, 19), CLASH_LATER)
    _, incidents = resolve(a, later)
    assert keys(incidents) == [["a#ev1"], ["c#ev1"]]


@pytest.mark.parametrize("vague", ["عدد من العناصر", "عناصر"])
def test_a_vague_toll_does_not_contradict_a_number(report, resolve, vague):
    vague_report = CLASH_B.replace("قُتل خمسة عناصر", f"قُتل {vague}")
    _, [incident] = resolve(report("a", "Outlet A", MAY_10, CLASH_A), report("b", "Outlet B", MAY_10, vague_report))
    assert [c.field for c in incident.conflicts] == []
    assert incident.fatalities == 3


def test_a_weekday_that_contradicts_the_other_reports_date_is_a_date_conflict(report, resolve):
    monday_night = CLASH_B.replace("يوم الثلاثاء", "ليل الاثنين").replace("قُتل خمسة", "قُتل ثلاثة")
    _, [incident] = resolve(report("a", "Outlet A", MAY_10, CLASH_A),
                            report("b", "Outlet B", None, monday_night))   # undated: only the weekday is known
    assert [c.field for c in incident.conflicts] == ["date"]
    assert {v.value for v in incident.conflicts[0].values} == {"2023-05-09 (Tuesday)", "Monday"}


def test_the_same_text_on_two_sites_counts_once(report, resolve):
    a = report("a", "Outlet A", MAY_10, CLASH_A)
    copy = report("copy", "Aggregator", MAY_10, "شارك على فيسبوك\n" + CLASH_A + "\nاقرأ أيضاً: أخبار أخرى")
    tracker, [incident] = resolve(a, copy)
    assert tracker.copies["copy"].original == "a"
    assert incident.corroboration == 1


def test_an_arrest_attempt_and_an_assassination_attempt_are_the_causes_that_conflict(report, resolve):
    base = ("اندلعت اشتباكات، أمس الثلاثاء، بين عناصر لواء الباقر وقوات الدفاع الوطني عند دوار الحلبية في مدينة "
            "دير الزور، إثر محاولة عناصر لواء الباقر {} أحد قياديي الدفاع الوطني.")
    _, incidents = resolve(report("a", "Outlet A", MAY_10, base.format("اعتقال")),
                           report("b", "Outlet B", MAY_10, base.format("اغتيال")))
    clash = next(i for i in incidents if i.type == "ARMED_CLASH")
    assert len(clash.members) == 2
    assert "cause" in [c.field for c in clash.conflicts]


def test_an_attempt_that_set_a_clash_off_is_the_clash_for_another_outlet(report, resolve, keys):
    clash = report("a", "Outlet A", MAY_10, "قُتل عنصر من الأمن العسكري، أمس الثلاثاء، في اشتباك اندلع مع مرافقي "
                   "القيادي سامر العلي في مدينة الميادين، إثر محاولة دورية من الأمن العسكري اعتقال العلي من منزله.")
    attempt = report("b", "Outlet B", MAY_10, "نجا القيادي سامر العلي من محاولة اغتيال، أمس الثلاثاء، حين أطلق "
                     "مسلحون النار على سيارته في مدينة الميادين.")
    _, incidents = resolve(clash, attempt)
    assert [e.type for e in clash.events] == ["ARMED_CLASH", "ARREST"]
    assert keys(incidents) == [["a#ev1", "b#ev1"]]   # (the attempt is the clash's cause, no incident of its own)


def test_a_reference_to_a_past_meeting_joins_the_meeting(report, resolve, keys):
    meeting = report("a", "Outlet A", dt.date(2023, 3, 13),
                     "عقدت قيادات من لواء الباقر وقوات الدفاع الوطني، أمس الأحد، اجتماعاً في مدينة الميادين "
                     "لبحث الخلافات بين الطرفين.")
    later = report("b", "Outlet B", dt.date(2023, 3, 25),
                   "تصاعد التوتر في مدينة الميادين بين لواء الباقر وقوات الدفاع الوطني، بعد فشل الاجتماع الذي "
                   "عقد منتصف الشهر الجاري بين الطرفين لبحث الخلافات.")
    _, incidents = resolve(meeting, later)
    assert ["a#ev1", "b#ev1"] in keys(incidents)


def test_a_night_told_as_the_next_day_is_one_incident_with_its_dates_flagged(report, resolve, keys):
    june_16 = dt.date(2021, 6, 16)
    a = report("a", "Outlet A", june_16, "اندلعت اشتباكات، أمس الثلاثاء، بين قسد ومسلحين من العشائر في بلدة الشحيل.")
    b = report("b", "Outlet B", june_16, "دارت مواجهات مسلحة مساء الاثنين بين قوات سوريا الديمقراطية وأبناء "
                                        "العشائر داخل الشحيل بريف دير الزور.")
    _, incidents = resolve(a, b)
    assert keys(incidents) == [["a#ev1", "b#ev1"]]
    assert [c.field for c in incidents[0].conflicts] == ["date"]


def test_a_town_and_its_provinces_countryside_can_be_one_incident(report, resolve, keys):
    oct_29 = dt.date(2024, 10, 29)
    a = report("a", "Outlet A", oct_29, "قُتل عنصران، مساء الاثنين، في اشتباك مسلح بين قوات الدفاع الوطني "
                                        "ولواء الباقر في مدينة الميادين.")
    b = report("b", "Outlet B", oct_29, "قُتل عنصران، مساء الاثنين، في اشتباك مسلح بين قوات الدفاع الوطني "
                                        "ولواء الباقر في ريف دير الزور الشرقي.")
    _, incidents = resolve(a, b)
    assert keys(incidents) == [["a#ev1", "b#ev1"]]


def test_two_villages_named_for_one_strike_are_a_location_conflict_however_near(report, resolve):
    a = report("a", "Outlet A", MAY_10, "قتل ثلاثة عناصر من قسد بغارة لطائرة مسيرة تركية على أطراف بلدة الشحيل "
                                        "بريف دير الزور الشرقي يوم الثلاثاء.")
    b = report("b", "Outlet B", MAY_10, "قتل ثلاثة عناصر من قسد بغارة لطائرة مسيرة تركية على أطراف بلدة البصيرة "
                                        "بريف دير الزور الشرقي يوم الثلاثاء.")
    _, [incident] = resolve(a, b)
    assert [c.field for c in incident.conflicts] == ["location"]


def test_two_villages_the_gazetteer_lacks_in_one_countryside_are_two_places(report):
    from marsad.merge.records import RecordBuilder
    from marsad.merge.similarity import place_relation

    def record(village):
        doc = report(village, "Outlet", MAY_10, f"شنت طائرات حربية غارة على بلدة {village} بريف السويداء الجنوبي، "
                                                 "أمس الثلاثاء، ما أدى إلى مقتل ثلاثة مدنيين.")
        return RecordBuilder()(doc)[0]
    rules = RecordBuilder().rules
    assert place_relation(record("عرمان"), record("امتان"), rules) != "same"
    assert place_relation(record("عرمان"), record("عرمان"), rules) == "same"


def test_a_town_named_with_a_village_is_its_neighbour_not_where_it_lies(report):
    doc = report("a", "Outlet", MAY_10, "استهدفت غارات جوية بلدتي عرمان وملح بريف السويداء الجنوبي فجر اليوم.")
    arman = next(e for e in doc.entities if e.name_ar == "عرمان")
    malah = next(e for e in doc.entities if e.name_ar == "ملح")
    assert arman.parent_kb_id != malah.kb_id


SHOT_BY_PATROL = ("قُتل شاب، أمس الثلاثاء، برصاص دورية تابعة لفرع الأمن العسكري في بلدة الكرك الشرقي بريف درعا "
                  "الشرقي، بحسب مصادر محلية.")


@pytest.mark.parametrize("other, conflict", [
    # another perpetrator named
    ("قُتل شاب، أمس الثلاثاء، برصاص عناصر من اللواء الثامن في بلدة الكرك الشرقي بريف درعا الشرقي.", True),
    # no perpetrator named: no one to disagree with
    ("قُتل شاب، أمس الثلاثاء، برصاص مسلحين مجهولين في بلدة الكرك الشرقي بريف درعا الشرقي.", False),
])
def test_reports_naming_different_perpetrators_disagree_on_the_actors(report, resolve, other, conflict):
    tracker, incidents = resolve(report("a", "Outlet A", MAY_10, SHOT_BY_PATROL), report("b", "Outlet B", MAY_10, other))
    assert len(incidents) == 1
    assert ("actors" in [c.field for c in incidents[0].conflicts]) is conflict


def test_a_collective_and_a_named_perpetrator_do_not_disagree(report, resolve):
    named = "قُتل شاب، أمس الثلاثاء، برصاص عناصر من اللواء الثامن في بلدة الكرك الشرقي بريف درعا الشرقي."
    collective = "قُتل شاب، أمس الثلاثاء، برصاص مسلحين محليين في بلدة الكرك الشرقي بريف درعا الشرقي."
    tracker, incidents = resolve(report("a", "Outlet A", MAY_10, named), report("b", "Outlet B", MAY_10, collective))
    assert len(incidents) == 1
    assert "actors" not in [c.field for c in incidents[0].conflicts]


def test_reports_naming_different_forces_on_the_move_disagree_on_the_actors(report, resolve):
    a = "وصلت، أمس الثلاثاء، تعزيزات عسكرية للفيلق الخامس إلى مدينة الميادين قادمة من دير الزور، تضم نحو 20 آلية."
    b = "وصلت، أمس الثلاثاء، تعزيزات عسكرية للواء القدس إلى مدينة الميادين قادمة من دير الزور، تضم نحو 20 آلية."
    tracker, incidents = resolve(report("a", "Outlet A", MAY_10, a), report("b", "Outlet B", MAY_10, b))
    assert len(incidents) == 1
    assert "actors" in [c.field for c in incidents[0].conflicts]
