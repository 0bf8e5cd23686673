"""ACLED CSV with one row per incident: the reports of one occurrence coded once, all sources named.

Each report is coded as in `acled-csv`; an incident's row starts from its
earliest-published report and takes the incident's consolidated values:
the date the sources support (time_precision from its range), the most
specific place, the lowest reported fatalities (ACLED's convention), and
every independent outlet in `source`. Tags carry the incident id, the
number of reports and the fields on which they disagree.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from marsad.config import Options
from marsad.export.acled import COLUMNS, AcledExporter, acled_date, stable_number
from marsad.model import Document, Incident, IncidentMember

WRITES_INCIDENTS = True


def _published(m: IncidentMember) -> tuple[dt.date, str]:
    """Earliest publication first; undated reports last; then by document."""
    p = m.published
    return ((p.value or p.min) if p is not None and (p.value or p.min) else dt.date.max), m.doc_id


def incident_row(incident: Incident, rows: dict[str, dict[str, Any]], exporter: AcledExporter) -> dict[str, Any] | None:
    """The incident's row, or None when none of its reports is an ACLED event."""
    coded = [m for m in sorted(incident.members, key=_published) if m.key in rows]
    if not coded:
        return None
    row = dict(rows[coded[0].key])
    when = acled_date(incident.date)
    if when is not None:
        day, precision = when
        row.update(event_date=day.isoformat(), year=day.year, time_precision=precision)
    if incident.place is not None:
        row.update(exporter.place_columns(incident.place))
    if incident.fatalities is not None:
        row["fatalities"] = incident.fatalities
    # every report is a source, coded or not (an undated report still corroborates)
    independent = [m for m in sorted(incident.members, key=_published) if m.duplicate_of is None] or coded
    row["event_id_cnty"] = re.sub(r"\d+$", str(stable_number(incident.id, "")), row["event_id_cnty"])
    row["source"] = "; ".join(dict.fromkeys(m.outlet or m.doc_id for m in independent))
    tags = [t for t in row["tags"].split("; ") if t and not t.startswith("marsad_event=")]
    tags.append(f"marsad_incident={incident.id}")
    tags.append(f"reports={len(incident.members)}")
    if incident.fatalities is not None and incident.fatalities_max != incident.fatalities:
        tags.append(f"fatalities_range={incident.fatalities}-{incident.fatalities_max}")
    if incident.conflicts:
        tags.append("conflicts=" + ",".join(c.field for c in incident.conflicts))
    row["tags"] = "; ".join(tags)
    return row


def write(docs: Iterable[Document], out: TextIO, options: Options | None = None, *,
          incidents: Callable[[], Iterable[Incident]] | None = None) -> int:
    """Header, then one row per incident with an ACLED event; returns the number of rows."""
    exporter = AcledExporter(options)
    # every report coded first: an incident's members come from any document
    rows = dict(exporter.coded(docs))
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    n = 0
    for incident in (incidents() if incidents else ()):
        row = incident_row(incident, rows, exporter)
        if row is not None:
            writer.writerow([row[c] for c in COLUMNS])
            n += 1
    return n
