import pytest

from marsad.arabic.transliterate import transliterate


@pytest.mark.parametrize("arabic, latin", [
    ("فراس العراقية", "Firas al-Iraqiya"),                       # nisba of a known place
    ("نزار خرفان", "Nizar Kharfan"),                               # letter rules
    ("لواء الصقور الجديد", "Liwa al-Suqur al-Jadid"),              # invented group: group words
    ("جبهة أحرار الجنوب", "Jabhat Ahrar al-Janub"),                # construct state
    ("الجبهة الشعبية", "Al-Jabha al-Shaabiya"),                    # the same noun with the article
    ("كتائب شهداء البادية", "Kataib Shuhada al-Badiya"),
    ("حازم البرغوثي", "Hazem al-Barghuthi"),
    ("أحمد عبد الله العلي", "Ahmad Abdullah al-Ali"),              # "عبد الله" written apart is one name
    ("سيرغي شويغو", "Sergei Shoigu"),                              # foreign names by their usual spelling
    ("أفيخاي أدرعي", "Avichay Adraee"),
])
def test_name_in_latin_letters(arabic, latin):
    assert transliterate(arabic, lambda name: {"العراق": "Iraq"}.get(name)) == latin
