"""Saved web pages: main text, title, site name, publication date from metadata only."""
from marsad.config import Options
from marsad.ingest import read_inputs
from marsad.model import Document, InputProblem

ARTICLE_PARAGRAPHS = [
    "أرسلت ميليشيا الدفاع الوطني تعزيزات عسكرية من مدينة دير الزور إلى البوكمال، وذلك بهدف تعزيز "
    "مواقعها في المنطقة بعد الاشتباكات التي اندلعت بينها وبين الفوج 47.",
    "وقال مصدر خاص لموقع تلفزيون سوريا، اليوم الأربعاء، إن التعزيزات تضمنت خمس عربات عسكرية محملة "
    "بالذخيرة، واستقرت في مقر الميليشيا بشارع المعري.",
    "وجرت اشتباكات بين عناصر الميليشيا وعناصر من الحرس الثوري الإيراني أمس الثلاثاء بعد محاولة "
    "اغتيال قيادي في الدفاع الوطني بمنطقة دوار المصرية.",
]
HEADLINE = "تعزيزات عسكرية للدفاع الوطني في البوكمال"


def page(head_extra="", charset="utf-8", paragraphs=ARTICLE_PARAGRAPHS, url="https://www.syria.tv/news/2021/03/01/x"):
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="{charset}">
<title>{HEADLINE} | تلفزيون سوريا</title>
<meta property="og:site_name" content="تلفزيون سوريا">
<meta property="og:title" content="{HEADLINE}">
<link rel="canonical" href="{url}">
{head_extra}
</head><body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/news">أخبار سوريا</a></li><li><a href="/opinion">رأي</a></li></ul></nav>
<div class="share-buttons"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a></div>
<article>{body}</article>
<aside class="related"><h3>مقالات ذات صلة</h3><ul><li><a href="/a">غارات روسية على ريف إدلب الجنوبي</a></li></ul></aside>
<footer><p>جميع الحقوق محفوظة © تلفزيون سوريا 2021</p><a href="/about">من نحن</a></footer>
</body></html>"""


PUBLISHED = '<meta property="article:published_time" content="2021-02-24T19:54:00+02:00">'


def read_page(tmp_path, html, encoding="utf-8", name="page.html"):
    path = tmp_path / name
    path.write_bytes(html.encode(encoding))
    items = list(read_inputs([path], Options()))
    assert len(items) == 1
    return items[0]


def test_text_is_headline_then_article_without_navigation(tmp_path):
    doc = read_page(tmp_path, page(PUBLISHED))
    assert isinstance(doc, Document) and doc.doc_id == "page"
    assert doc.text.startswith(HEADLINE + "\n")
    assert doc.text.count(HEADLINE) == 1
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in doc.text
    for junk in ("الرئيسية", "Facebook", "جميع الحقوق محفوظة", "غارات روسية"):
        assert junk not in doc.text


def test_metadata_title_site_url_and_date(tmp_path):
    doc = read_page(tmp_path, page(PUBLISHED))
    assert doc.meta.title == HEADLINE
    assert doc.meta.outlet == "تلفزيون سوريا" and doc.meta.outlet_source == "metadata"
    assert doc.meta.url == "https://www.syria.tv/news/2021/03/01/x"
    assert doc.meta.published.value.isoformat() == "2021-02-24"    # not the URL's 2021-03-01
    assert doc.meta.published.source == "metadata" and doc.meta.published_source == "metadata"


def test_no_date_in_metadata_gives_no_date(tmp_path):
    doc = read_page(tmp_path, page())   # the URL has a date, the page metadata has none
    assert doc.meta.published is None


def test_json_ld_date_is_used(tmp_path):
    ld = '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": "2021-02-15"}]}</script>'
    doc = read_page(tmp_path, page(ld))
    assert doc.meta.published.value.isoformat() == "2021-02-15"


def test_declared_windows_1256_charset_is_honoured(tmp_path):
    doc = read_page(tmp_path, page(PUBLISHED, charset="windows-1256"), encoding="cp1256")
    assert ARTICLE_PARAGRAPHS[1] in doc.text


def test_page_without_article_text_is_a_problem(tmp_path):
    html = "<html><head><title>x</title></head><body><nav><a href='/'>الرئيسية</a></nav></body></html>"
    problem = read_page(tmp_path, html)
    assert isinstance(problem, InputProblem) and "no article text" in problem.reason


def test_page_with_empty_body_is_a_problem(tmp_path):
    problem = read_page(tmp_path, "<html><head><title>عنوان</title></head><body></body></html>")
    assert isinstance(problem, InputProblem) and "no article text" in problem.reason


def test_wrongly_declared_charset_falls_back_on_detection(tmp_path):
    doc = read_page(tmp_path, page(PUBLISHED, charset="utf-8"), encoding="cp1256")
    assert ARTICLE_PARAGRAPHS[0] in doc.text
