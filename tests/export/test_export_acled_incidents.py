"""ACLED rows per incident: one row for the reports of one occurrence, every source named."""
import csv
import datetime as dt
import io

import pytest

from marsad.export import acled_incidents
from marsad.export.acled import COLUMNS
from marsad.merge import IncidentTracker
from marsad.model import DateValue, DocumentMeta
from marsad.pipeline import Pipeline

MAY_10 = dt.date(2023, 5, 10)
REPORTS = {
    "a": ("Outlet A", "اندلعت اشتباكات عنيفة، أمس الثلاثاء، بين عناصر من لواء الباقر وعناصر من قوات الدفاع الوطني "
                      "في حي الجورة بمدينة دير الزور، أسفرت عن مقتل ثلاثة عناصر من لواء الباقر."),
    "b": ("Outlet B", "قُتل خمسة عناصر من لواء الباقر في اشتباكات مع قوات الدفاع الوطني في حي الجورة بمدينة دير "
                      "الزور، يوم الثلاثاء، بحسب مصادر محلية."),
}


@pytest.fixture(scope="module")
def rows():
    pipeline = Pipeline()
    docs = [pipeline.run_text(text, doc_id=doc_id, meta=DocumentMeta(outlet=outlet, published=DateValue.day(MAY_10)))
            for doc_id, (outlet, text) in REPORTS.items()]
    tracker = IncidentTracker()
    out = io.StringIO()
    n = acled_incidents.write(tracker.watch(docs), out, incidents=tracker.incidents)
    table = list(csv.reader(io.StringIO(out.getvalue())))
    assert table[0] == list(COLUMNS) and len(table) == n + 1
    return [dict(zip(table[0], r)) for r in table[1:]]


def test_two_reports_of_one_clash_are_one_row(rows):
    assert len(rows) == 1


def test_the_row_names_every_source(rows):
    assert rows[0]["source"] == "Outlet A; Outlet B"


def test_fatalities_are_the_lowest_reported_with_the_range_tagged(rows):
    assert rows[0]["fatalities"] == "3"
    assert "fatalities_range=3-5" in rows[0]["tags"] and "conflicts=casualties" in rows[0]["tags"]


def test_the_row_has_the_incident_date(rows):
    assert (rows[0]["event_date"], rows[0]["time_precision"]) == ("2023-05-09", "1")
