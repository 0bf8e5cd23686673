"""The places knowledge base and the geocoding stage."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from marsad.arabic.normalize import normalize
from marsad.config import DATA_DIR, Options
from marsad.errors import DataFileError
from marsad.model import Document, Entity, Event, PlaceRef, Span
from marsad.resolve.places import SYRIA_BBOX, Gazetteer, name_key
from marsad.resolve.stage import PlaceResolver


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load(Options())


def curated_rows() -> list[dict[str, str]]:
    with (DATA_DIR / "places.tsv").open(encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


# --- lookup of towns ---------------------------------------------------------------------

@pytest.mark.parametrize("name", ["البوكمال", "البو كمال", "أبو كمال", "مدينة البوكمال", "بوكمال"])
def test_bukamal_spellings_resolve_to_the_town(gaz, name):
    rec = gaz.best(name)
    assert rec is not None and rec.id == "al_bukamal"
    assert rec.admin1_pcode == "SY09" and rec.admin1 == "Deir-ez-Zor"
    assert rec.admin2_pcode == "SY0902" and rec.admin2 == "Abu Kamal"
    assert rec.lat == pytest.approx(34.452, abs=0.01) and rec.lon == pytest.approx(40.918, abs=0.01)
    assert rec.geo_precision == 1


@pytest.mark.parametrize("name", ["دير الزور", "ديرالزور", "دير الزّور"])
def test_deir_ez_zor_spellings_resolve_to_the_city(gaz, name):
    rec = gaz.best(name)
    assert rec is not None and rec.id == "deir_ez_zor" and rec.kind == "town"
    assert (rec.admin1_pcode, rec.admin2_pcode, rec.admin3_pcode) == ("SY09", "SY0901", "SY090100")
    assert rec.lat == pytest.approx(35.336, abs=0.01) and rec.lon == pytest.approx(40.141, abs=0.01)


@pytest.mark.parametrize("name, place_id", [
    ("الميادين", "al_mayadin"), ("ميادين", "al_mayadin"), ("هجين", "hajin"),
    ("التبني", "al_tabni"), ("موحسن", "mohasan"), ("العشارة", "al_ashara"),
])
def test_article_and_spelling_variants_find_the_curated_town(gaz, name, place_id):
    assert gaz.best(name).id == place_id


@pytest.mark.parametrize("name, admin1_pcode", [("حماة", "SY05"), ("جبلة", "SY06"), ("سراقب", "SY07")])
def test_uncurated_geonames_town_has_admin1(gaz, name, admin1_pcode):
    rec = gaz.best(name)
    assert rec is not None and rec.id.startswith("gn:") and rec.kind == "town"
    assert rec.admin1_pcode == admin1_pcode and rec.admin1
    assert rec.lat is not None and rec.lon is not None


def test_town_named_after_its_district_gets_admin2(gaz):
    assert gaz.best("جبلة").admin2_pcode == "SY0602"


def test_curated_town_and_geonames_town_are_one_record(gaz):
    assert gaz.get("gn:174448").id == "al_bukamal"  # the GeoNames id still finds it
    assert [r.id for r in gaz.lookup("البوكمال") if r.kind == "town"] == ["al_bukamal"]


@pytest.mark.parametrize("name, place_id", [
    ("قرية السكرية", "al_sukkariyah"), ("بلدة التبني", "al_tabni"),
    ("ريف مدينة البوكمال الغربي", "region:SY0902:west"),
])
def test_cue_words_before_a_name_are_skipped(gaz, name, place_id):
    assert gaz.best(name).id == place_id


def test_governorate_is_found_with_its_cue_word(gaz):
    rec = gaz.best("محافظة دير الزور")
    assert rec.id == "ocha:SY09" and rec.kind == "governorate" and rec.geo_precision == 3


def test_city_name_prefers_the_city_over_the_governorate(gaz):
    kinds = [r.kind for r in gaz.lookup("حماة")]
    assert kinds[0] == "town" and "governorate" in kinds


# --- curated sites, deserts, regions -------------------------------------------------------

@pytest.mark.parametrize("site_id", ["masriya_roundabout", "maarri_street", "qadmous_restaurant"])
def test_site_inherits_its_towns_admin_units_and_coordinates(gaz, site_id):
    site, town = gaz.get(site_id), gaz.get("al_bukamal")
    assert site.parent_id == "al_bukamal"
    assert (site.lat, site.lon) == (town.lat, town.lon)
    assert (site.admin1_pcode, site.admin2_pcode, site.admin3_pcode) == (
        town.admin1_pcode, town.admin2_pcode, town.admin3_pcode)
    assert site.admin2 == "Abu Kamal" and site.geo_precision == 1


def test_roundabout_resolves_by_name(gaz):
    assert gaz.best("دوار المصرية").id == "masriya_roundabout"


def test_salihiyah_desert_is_an_area_near_a_town(gaz):
    rec = gaz.best("بادية الصالحية")
    assert rec.kind == "desert" and rec.geo_precision == 2
    assert rec.admin3_pcode == "SY090202"  # Jalaa sub-district, as the village


@pytest.mark.parametrize("name", ["ريف دير الزور الغربي", "ريف ديرالزور الغربي"])
def test_western_rural_deir_ez_zor_is_a_region(gaz, name):
    rec = gaz.best(name)
    assert rec.kind == "region" and rec.geo_precision == 3 and rec.admin1_pcode == "SY09"


@pytest.mark.parametrize("name, admin1_pcode", [("ريف حلب الشمالي", "SY02"), ("ريف إدلب الجنوبي", "SY07"),
                                                 ("ريف دمشق الغربي", "SY03")])
def test_generated_governorate_regions(gaz, name, admin1_pcode):
    rec = gaz.best(name)
    assert rec.kind == "region" and rec.admin1_pcode == admin1_pcode and rec.lat is not None


def test_region_admin_units_do_not_descend_below_what_is_known(gaz):
    rec = gaz.get("rif_deir_ez_zor_east")
    assert rec.admin2_pcode is None and rec.admin3_pcode is None


@pytest.mark.parametrize("name, place_id", [
    ("قاعدة حميميم", "hmeimim"), ("مطار التيفور", "t4_airbase"), ("حقل العمر", "al_omar_oilfield"),
    ("التنف", "al_tanf"), ("معبر البوكمال", "al_qaim_crossing"), ("طريق تدمر دير الزور", "palmyra_dez_road"),
    ("طريق تدمر - دير الزور", "palmyra_dez_road"), ("السكرية", "al_sukkariyah"),
])
def test_curated_places_resolve(gaz, name, place_id):
    assert gaz.best(name).id == place_id


# --- countries ----------------------------------------------------------------------------

@pytest.mark.parametrize("name, iso3", [
    ("روسيا", "RUS"), ("روسياً", "RUS"), ("إيران", "IRN"), ("ايران", "IRN"), ("إيرانياً", "IRN"),
    ("العراق", "IRQ"), ("الولايات المتحدة الأمريكية", "USA"), ("أمريكا", "USA"), ("تركيا", "TUR"),
    ("إسرائيل", "ISR"), ("سوريا", "SYR"), ("سورية", "SYR"),
])
def test_countries_resolve(gaz, name, iso3):
    rec = gaz.best(name)
    assert rec.id == f"country:{iso3}" and rec.kind == "country" and rec.country == iso3


# --- disambiguation -----------------------------------------------------------------------

def test_best_prefers_the_place_in_the_same_governorate_as_near(gaz):
    assert gaz.best("طرابلس", near=gaz.get("sirte")).id == "tripoli_libya"
    assert gaz.best("طرابلس", near=gaz.get("beirut")).id == "tripoli_lebanon"


# --- towns of the region ------------------------------------------------------------------

@pytest.mark.parametrize("name, iso3, name_en", [
    ("بعقوبة", "IRQ", "Baqubah"), ("تكريت", "IRQ", "Tikrit"), ("الناصرية", "IRQ", "Nasiriyah"),
    ("عرسال", "LBN", "Aarsal"), ("الهرمل", "LBN", "El Hermel"), ("الرمثا", "JOR", "Ar Ramtha"),
    ("كلس", "TUR", "Kilis"), ("الريحانية", "TUR", "Reyhanli"), ("جنين", "PSE", "Janin"),
    ("صعدة", "YEM", "Sa'dah"),
])
def test_towns_of_the_region_resolve_under_their_country(gaz, name, iso3, name_en):
    rec = gaz.best(name)
    assert (rec.country, rec.name_en, rec.kind) == (iso3, name_en, "town")
    assert rec.parent_id == f"country:{iso3}" and rec.admin1_pcode is None and rec.geo_precision == 1


def test_a_curated_town_abroad_and_its_geonames_town_are_one_record(gaz):
    assert [r.id for r in gaz.lookup("الموصل")] == ["mosul"]
    assert gaz.get("gn:99072").id == "mosul"


def test_a_syrian_town_is_preferred_to_a_namesake_abroad_unless_the_text_is_set_there(gaz):
    assert gaz.best("أريحا").country == "SYR"
    assert gaz.best("أريحا", near=gaz.best("نابلس")).country == "PSE"


@pytest.mark.parametrize("word", ["الحزم", "وان", "المدينة", "العلم", "الخليل", "البستان"])
def test_town_names_abroad_that_are_words_need_a_cue(gaz, word):
    assert gaz.lookup(word) and gaz.is_ambiguous(word)
    assert not any(alias == word for alias, _ in gaz.alias_entries())


@pytest.mark.parametrize("alias", ["الريحانة", "صلاح الدين", "الفحم", "مفرق"])
def test_wrong_geonames_aliases_abroad_are_dropped(gaz, alias):
    entries = gaz.alias_entries(include_ambiguous=True)
    assert not any(a == alias and gaz.get(pid).country not in ("SYR", None) for a, pid in entries)


def test_unknown_name_finds_nothing(gaz):
    assert gaz.lookup("مكان غير موجود") == [] and gaz.best("") is None


# --- alias entries for the matcher --------------------------------------------------------

def test_alias_entries_include_spelling_variants(gaz):
    entries = set(gaz.alias_entries())
    assert ("ديرالزور", "deir_ez_zor") in entries
    assert ("البوكمال", "al_bukamal") in entries and ("البو كمال", "al_bukamal") in entries


def test_alias_entries_leave_out_ordinary_words_and_seat_named_units(gaz):
    entries = set(gaz.alias_entries())
    assert not any(alias == "الباب" for alias, _ in entries)
    assert ("دير الزور", "ocha:SY09") not in entries
    assert ("محافظة دير الزور", "ocha:SY09") in entries
    assert ("الباب", "gn:174018") in set(gaz.alias_entries(include_ambiguous=True))


def test_every_alias_entry_points_at_a_record(gaz):
    assert all(gaz.get(pid) is not None for _, pid in gaz.alias_entries(include_ambiguous=True))


# --- data integrity -----------------------------------------------------------------------

def test_no_duplicate_ids():
    ids = [r["id"] for r in curated_rows()]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 80


def test_every_curated_parent_exists(gaz):
    for row in curated_rows():
        if row["parent"]:
            assert gaz.get(row["parent"]) is not None, row["id"]


def test_every_record_parent_exists(gaz):
    for rec in gaz:
        assert rec.parent_id is None or gaz.get(rec.parent_id) is not None, rec.id


def test_every_alias_normalises_to_something(gaz):
    for rec in gaz:
        for name in rec.names_ar:
            assert normalize(name).strip() and name_key(name), (rec.id, name)


def test_every_curated_row_is_loaded_with_coordinates(gaz):
    for row in curated_rows():
        rec = gaz.get(row["id"])
        assert rec is not None and rec.lat is not None and rec.lon is not None, row["id"]


def test_syrian_records_lie_in_syria(gaz):
    lat_min, lon_min, lat_max, lon_max = SYRIA_BBOX
    for rec in gaz:
        if rec.country == "SYR" and rec.lat is not None and rec.kind != "country":
            assert lat_min <= rec.lat <= lat_max and lon_min <= rec.lon <= lon_max, rec.id


def test_syrian_curated_rows_have_an_admin1_or_say_why_not(gaz):
    for row in curated_rows():
        rec = gaz.get(row["id"])
        if rec.country == "SYR" and rec.admin1_pcode is None:
            assert row["admin1_pcode"] == "-", row["id"]


def test_every_curated_row_says_where_its_coordinates_come_from():
    assert all(row["note"].strip() for row in curated_rows())


def test_load_is_cached_per_data_dir():
    assert Gazetteer.load(Options()) is Gazetteer.load(Options())


def _data_dir_with_places(tmp_path: Path, rows: list[str]) -> Path:
    shutil.copytree(DATA_DIR / "geo", tmp_path / "geo")
    shutil.copy(DATA_DIR / "countries.yaml", tmp_path / "countries.yaml")
    header = "id\tkind\tname_ar\taliases_ar\tname_en\tlat\tlon\tparent\tadmin1_pcode\tadmin2_pcode\tadmin3_pcode\tgeo_precision\tnote"
    (tmp_path / "places.tsv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("row, message", [
    ("x\tsite\tدوار س\t\tX\t\t\tno_such_town\t\t\t\t1\tn", "no_such_town"),
    ("x\tcastle\tقلعة س\t\tX\t35\t38\t\tSY09\t\t\t1\tn", "unknown kind"),
    ("x\tsite\tدوار س\t\tX\t\t\t\tSY09\t\t\t1\tn", "no coordinates"),
    ("x\tsite\tدوار س\t\tX\t35\t38\t\tSY09\tSY0401\t\t1\tn", "does not contain"),
])
def test_malformed_curated_row_is_reported_with_its_row(tmp_path, row, message):
    with pytest.raises(DataFileError, match=message):
        Gazetteer.load(Options(data_dir=_data_dir_with_places(tmp_path, [row])))


def test_gazetteer_loads_from_another_data_dir(tmp_path):
    row = "my_square\tsite\tساحة التجربة\t\tTest square\t\t\tal_town\t\t\t\t1\tn"
    town = "al_town\ttown\tالميادين\t\tAl-Mayadin\t\t\t\tSY09\t\t\t1\tn"
    gaz = Gazetteer.load(Options(data_dir=_data_dir_with_places(tmp_path, [town, row])))
    assert gaz.best("ساحة التجربة").admin2_pcode == "SY0903"


# --- the stage ----------------------------------------------------------------------------

def _doc_with_place(kb_id: str | None) -> Document:
    text = "اشتباكات عند دوار المصرية في البوكمال"
    loc = Entity(id="e1", type="LOCATION", name_ar="دوار المصرية", kb_id=kb_id)
    ev = Event(id="ev1", type="ARMED_CLASH", trigger=Span(0, 8),
               place=PlaceRef(entity_id="e1", span=Span(13, 25)))
    return Document(doc_id="d", text=text, entities=[loc], events=[ev])


def test_stage_geocodes_linked_location_entity():
    doc = _doc_with_place("masriya_roundabout")
    PlaceResolver(Options())(doc)
    ent = doc.entities[0]
    assert ent.lat == pytest.approx(34.452, abs=0.01) and ent.name_en.startswith("Al-Masriya")


def test_stage_fills_event_place_with_admin_units_and_precision():
    doc = _doc_with_place("masriya_roundabout")
    PlaceResolver(Options())(doc)
    ref = doc.events[0].place
    assert ref.kb_id == "masriya_roundabout" and ref.geo_precision == 1
    assert (ref.admin1, ref.admin2, ref.admin3) == ("Deir-ez-Zor", "Abu Kamal", "Abu Kamal")
    assert (ref.admin1_pcode, ref.admin2_pcode, ref.admin3_pcode) == ("SY09", "SY0902", "SY090200")
    assert ref.lat is not None and ref.span == Span(13, 25) and ref.entity_id == "e1"


def test_stage_leaves_unlinked_place_alone():
    doc = _doc_with_place(None)
    PlaceResolver(Options())(doc)
    ref = doc.events[0].place
    assert ref.lat is None and ref.kb_id is None and ref.admin1 is None


def test_stage_declares_its_fields():
    assert PlaceResolver.name == "places"
    assert PlaceResolver.requires == ("entities", "events") and PlaceResolver.provides == ("places",)


def test_site_the_gazetteer_lacks_is_placed_at_its_town():
    from marsad.pipeline import Pipeline
    doc = Pipeline().run_text("اندلعت اشتباكات عند دوار الساعة في مدينة الميادين.")
    place = doc.events[0].place
    assert place.name_ar == "دوار الساعة"
    assert place.kb_id == "al_mayadin" and place.lat is not None and place.geo_precision == 1


def test_desert_near_a_town_has_precision_2():
    from marsad.pipeline import Pipeline
    doc = Pipeline().run_text("وقعت اشتباكات في بادية الشولا قرب دير الزور.")
    assert doc.events[0].place.geo_precision == 2


@pytest.mark.parametrize("area_id, town_id", [
    ("region:SY12:east", "gn:170905"),         # ريف درعا الشرقي → Daraa
    ("ocha:SY12", "gn:170905"),                # محافظة درعا
    ("rif_deir_ez_zor_west", "deir_ez_zor"),   # a curated region
    ("region:SY0902:west", "al_bukamal"),      # ريف مدينة البوكمال الغربي
])
def test_an_area_is_named_after_its_town(gaz, area_id, town_id):
    assert gaz.town_named_by(gaz.get(area_id)).id == town_id


@pytest.mark.parametrize("area_id", ["eastern_ghouta", "qalamoun"])
def test_an_area_with_a_name_of_its_own_names_no_town(gaz, area_id):
    assert gaz.town_named_by(gaz.get(area_id)) is None


def test_areas_named_after_a_town_are_mentions_of_the_town():
    from marsad.pipeline import Pipeline
    doc = Pipeline().run_text("اندلعت اشتباكات في ريف درعا الشرقي، وقصفت قوات النظام مدينة درعا. وتشهد محافظة درعا توتراً.")
    places = [e for e in doc.entities if e.type == "LOCATION"]
    assert [(e.kb_id, len(e.mentions)) for e in places] == [("gn:170905", 3)]
    clash = next(e for e in doc.events if e.type == "ARMED_CLASH")
    # the event keeps the area it was placed in
    assert clash.place.entity_id == places[0].id and clash.place.kb_id == "region:SY12:east"
    assert clash.place.geo_precision == 3   # a governorate's countryside: a region


def test_an_area_alone_stands_for_its_town():
    from marsad.pipeline import Pipeline
    doc = Pipeline().run_text("اندلعت اشتباكات في ريف دير الزور الغربي.")
    assert [e.kb_id for e in doc.entities if e.type == "LOCATION"] == ["deir_ez_zor"]
    assert doc.events[0].place.kb_id == "rif_deir_ez_zor_west"
