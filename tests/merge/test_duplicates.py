"""Near-duplicate articles by bottom-k MinHash sketches."""
from marsad.merge.duplicates import DuplicateFinder, similarity, sketch

ARTICLE = ("اندلعت اشتباكات عنيفة بين عناصر من لواء الباقر وعناصر من قوات الدفاع الوطني في حي الجورة بمدينة "
           "دير الزور أسفرت عن مقتل ثلاثة عناصر وإصابة آخرين بجروح متفاوتة وسط استنفار أمني في المنطقة ").split()
OTHER = ("عقد وفد روسي اجتماعا مع وجهاء عشائر في بلدة التبني بريف دير الزور الغربي لبحث الأوضاع الأمنية "
         "والخدمية في المنطقة وسط غياب ممثلين عن الحكومة ").split()


def test_a_copy_with_a_changed_word_is_found():
    finder = DuplicateFinder(threshold=0.5, size=128)
    finder.add("original", sketch(ARTICLE * 3, 128))
    edited = ARTICLE * 3
    edited[5] = "مقاتلي"
    copy = finder.add("copy", sketch(edited, 128))
    assert copy is not None and copy.original == "original"


def test_another_article_on_the_same_place_is_no_copy():
    finder = DuplicateFinder(threshold=0.5, size=128)
    finder.add("a", sketch(ARTICLE, 128))
    assert finder.add("b", sketch(OTHER, 128)) is None


def test_identical_sketches_are_fully_similar():
    s = sketch(ARTICLE, 128)
    assert similarity(s, s, 128) == 1.0
