"""Tables of the marsad database (SQLAlchemy Core), portable across SQLite and PostgreSQL.

Design:

* One row in `documents` per stored article; every other row carries the
  document's surrogate key `document_id`, so deleting a document (ON DELETE
  CASCADE) removes all of it, and loading a batch of documents is one
  `WHERE document_id IN (...)` query per table.
* Rows inside a document are keyed by their position (`ordinal`) in the
  lists of the `Document` model, so children refer to their parent with a
  composite key (document_id, ordinal) that is known before anything is
  inserted: a document is written with a handful of multi-row INSERTs,
  without reading generated keys back.
* References by entity id (relation head/tail, event arguments, mention
  owner) keep the document-level id string exactly as the model has it (so a
  dangling id survives a round trip) *and* a nullable foreign key to the
  entity row when the id resolves, for SQL joins.
* Spans are two integer columns (`*_start`, `*_end`), NULL when absent.
* Only portable types: Integer, Float, Boolean, Text, String, Date,
  DateTime, JSON.

This module only declares tables; it does no I/O. The Alembic migrations in
`migrations/versions/` create the same tables (a test compares the two).
"""
from __future__ import annotations

import sqlalchemy as sa

# Naming convention so constraint names are deterministic on every backend
# (Alembic needs names to alter or drop constraints later).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


def _span(prefix: str, required: bool = False) -> list[sa.Column]:
    return [sa.Column(f"{prefix}_start", sa.Integer, nullable=not required),
            sa.Column(f"{prefix}_end", sa.Integer, nullable=not required)]


def _date(prefix: str) -> list[sa.Column]:
    """A DateValue: NULL precision means "no DateValue at all"."""
    return [
        sa.Column(f"{prefix}_value", sa.Date, nullable=True),
        sa.Column(f"{prefix}_min", sa.Date, nullable=True),
        sa.Column(f"{prefix}_max", sa.Date, nullable=True),
        sa.Column(f"{prefix}_precision", sa.String(32), nullable=True),
        *_span(f"{prefix}_expr"),
        sa.Column(f"{prefix}_value_source", sa.Text, nullable=True),   # DateValue.source
    ]


def _doc_fk() -> sa.Column:
    return sa.Column("document_id", sa.Integer,
                     sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False)


documents = sa.Table(
    "documents", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("doc_id", sa.Text, nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),   # sha256 of the UTF-8 text
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False,
              server_default=sa.func.current_timestamp()),
    # DocumentMeta
    sa.Column("source_path", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("outlet_ar", sa.Text),
    sa.Column("outlet_id", sa.Text),
    sa.Column("outlet_source", sa.Text),
    *_span("outlet_span"),
    *_date("published"),
    sa.Column("published_source", sa.Text),
    sa.Column("language", sa.String(16), nullable=False),
    sa.Column("extra", sa.JSON, nullable=False),
    sa.UniqueConstraint("doc_id"),
    sa.UniqueConstraint("content_hash"),
)

# Boilerplate and sentence spans of a document.
document_spans = sa.Table(
    "document_spans", metadata,
    _doc_fk(),
    sa.Column("kind", sa.String(16), nullable=False),       # "boilerplate" | "sentence"
    sa.Column("ordinal", sa.Integer, nullable=False),
    *_span("span", required=True),
    sa.PrimaryKeyConstraint("document_id", "kind", "ordinal"),
)

entities = sa.Table(
    "entities", metadata,
    _doc_fk(),
    sa.Column("ordinal", sa.Integer, nullable=False),
    sa.Column("entity_id", sa.Text, nullable=False),
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("name_ar", sa.Text, nullable=False),
    sa.Column("name_en", sa.Text),
    sa.Column("kb_id", sa.Text),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("parent_kb_id", sa.Text),
    sa.Column("place_kind", sa.String(32)),
    sa.PrimaryKeyConstraint("document_id", "ordinal"),
    sa.UniqueConstraint("document_id", "entity_id"),
    sa.Index("ix_entities_kb_id", "kb_id"),
)

# One row per distinct Mention object. `doc_position` is its place in
# Document.mentions (NULL when it is only in an entity's list);
# `entity_ordinal`/`entity_position` its place in Entity.mentions.
mentions = sa.Table(
    "mentions", metadata,
    _doc_fk(),
    sa.Column("ordinal", sa.Integer, nullable=False),
    *_span("span", required=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("entity_id", sa.Text),
    sa.Column("kb_id", sa.Text),
    sa.Column("source", sa.String(32), nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("doc_position", sa.Integer),
    sa.Column("entity_ordinal", sa.Integer),
    sa.Column("entity_position", sa.Integer),
    sa.PrimaryKeyConstraint("document_id", "ordinal"),
    sa.ForeignKeyConstraint(["document_id", "entity_ordinal"],
                            ["entities.document_id", "entities.ordinal"],
                            ondelete="CASCADE", name="fk_mentions_entity"),
)

relations = sa.Table(
    "relations", metadata,
    _doc_fk(),
    sa.Column("ordinal", sa.Integer, nullable=False),
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("head", sa.Text, nullable=False),
    sa.Column("tail", sa.Text, nullable=False),
    sa.Column("head_ordinal", sa.Integer),
    sa.Column("tail_ordinal", sa.Integer),
    *_span("evidence", required=True),
    sa.Column("source_doc", sa.Text, nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.PrimaryKeyConstraint("document_id", "ordinal"),
    sa.ForeignKeyConstraint(["document_id", "head_ordinal"],
                            ["entities.document_id", "entities.ordinal"],
                            ondelete="CASCADE", name="fk_relations_head"),
    sa.ForeignKeyConstraint(["document_id", "tail_ordinal"],
                            ["entities.document_id", "entities.ordinal"],
                            ondelete="CASCADE", name="fk_relations_tail"),
)

def _place() -> list[sa.Column]:
    return [
        sa.Column("has_place", sa.Boolean, nullable=False),   # PlaceRef() with every field None is still a place
        sa.Column("place_entity_id", sa.Text),
        sa.Column("place_name_ar", sa.Text),
        sa.Column("place_name_en", sa.Text),
        sa.Column("place_lat", sa.Float),
        sa.Column("place_lon", sa.Float),
        sa.Column("place_admin1", sa.Text),
        sa.Column("place_admin2", sa.Text),
        sa.Column("place_admin3", sa.Text),
        sa.Column("place_admin1_pcode", sa.String(32)),
        sa.Column("place_admin2_pcode", sa.String(32)),
        sa.Column("place_admin3_pcode", sa.String(32)),
        sa.Column("place_geo_precision", sa.Integer),
        sa.Column("place_kb_id", sa.Text),
        *_span("place_span"),
    ]


events = sa.Table(
    "events", metadata,
    _doc_fk(),
    sa.Column("ordinal", sa.Integer, nullable=False),
    sa.Column("event_id", sa.Text, nullable=False),
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("modality", sa.String(32), nullable=False),
    *_date("date"),
    *_place(),
    sa.Column("attribution", sa.Text),
    *_span("attribution_span"),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.PrimaryKeyConstraint("document_id", "ordinal"),
    sa.UniqueConstraint("document_id", "event_id"),
    sa.Index("ix_events_type", "type"),
    sa.Index("ix_events_date_min", "date_min"),
)


def _event_fk() -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["document_id", "event_ordinal"],
                                   ["events.document_id", "events.ordinal"], ondelete="CASCADE")


# Event <-> entity, with the role the entity plays.
event_arguments = sa.Table(
    "event_arguments", metadata,
    _doc_fk(),
    sa.Column("event_ordinal", sa.Integer, nullable=False),
    sa.Column("role", sa.String(16), nullable=False),          # "side_a" | "side_b" | "associated"
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("entity_id", sa.Text, nullable=False),
    sa.Column("entity_ordinal", sa.Integer),
    sa.PrimaryKeyConstraint("document_id", "event_ordinal", "role", "position"),
    _event_fk(),
    sa.ForeignKeyConstraint(["document_id", "entity_ordinal"],
                            ["entities.document_id", "entities.ordinal"],
                            ondelete="CASCADE", name="fk_event_arguments_entity"),
)

# Event <-> text spans: the trigger (exactly one) and the evidence spans.
evidence = sa.Table(
    "evidence", metadata,
    _doc_fk(),
    sa.Column("event_ordinal", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),          # "trigger" | "evidence"
    sa.Column("position", sa.Integer, nullable=False),
    *_span("span", required=True),
    sa.PrimaryKeyConstraint("document_id", "event_ordinal", "kind", "position"),
    _event_fk(),
)

casualties = sa.Table(
    "casualties", metadata,
    _doc_fk(),
    sa.Column("event_ordinal", sa.Integer, nullable=False),
    sa.Column("outcome", sa.String(16), nullable=False),       # "killed" | "injured"
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("count", sa.Integer),
    sa.Column("vague", sa.Text),
    sa.Column("side", sa.String(16)),
    sa.Column("entity_id", sa.Text),
    *_span("span"),
    sa.PrimaryKeyConstraint("document_id", "event_ordinal", "outcome", "position"),
    _event_fk(),
)

quantities = sa.Table(
    "quantities", metadata,
    _doc_fk(),
    sa.Column("event_ordinal", sa.Integer, nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("value", sa.Integer),
    sa.Column("text", sa.Text, nullable=False),
    *_span("span", required=True),
    sa.Column("approximate", sa.Boolean, nullable=False),
    sa.PrimaryKeyConstraint("document_id", "event_ordinal", "position"),
    _event_fk(),
)

# Child tables in the order they must be inserted (parents first).
CHILD_TABLES = (document_spans, entities, mentions, relations, events,
                event_arguments, evidence, casualties, quantities)

# ---------------------------------------------------------------- across documents (marsad.merge)

# One row per incident: the consolidated values, recomputed when a member joins or leaves.
incidents = sa.Table(
    "incidents", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("incident_id", sa.Text, nullable=False),
    sa.Column("type", sa.String(32), nullable=False),
    *_date("date"),
    *_place(),
    sa.Column("actors", sa.JSON, nullable=False),                # stable entity ids
    sa.Column("fatalities", sa.Integer),                         # ACLED: the lowest reported
    sa.Column("fatalities_max", sa.Integer),
    sa.Column("injured", sa.Integer),
    sa.Column("injured_max", sa.Integer),
    sa.Column("corroboration", sa.Integer, nullable=False),
    sa.Column("conflicts", sa.JSON, nullable=False),             # [{"field", "values": [{"value", "sources"}], "note"}]
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False,
              server_default=sa.func.current_timestamp()),
    sa.UniqueConstraint("incident_id"),
    sa.Index("ix_incidents_date_min", "date_min"),
)

# Each reported event belongs to at most one incident. `record` keeps the
# member's own values and the features the resolver compares (marsad.merge),
# so a new article is matched without re-reading the stored documents.
incident_members = sa.Table(
    "incident_members", metadata,
    _doc_fk(),
    sa.Column("event_ordinal", sa.Integer, nullable=False),
    sa.Column("incident_pk", sa.Integer, sa.ForeignKey("incidents.id", ondelete="CASCADE"), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("record", sa.JSON, nullable=False),
    sa.PrimaryKeyConstraint("document_id", "event_ordinal"),
    _event_fk(),
    sa.Index("ix_incident_members_incident_pk", "incident_pk"),
)

# A sketch of each document's words for near-duplicate detection, and the
# earlier document it copies, if any.
document_similarity = sa.Table(
    "document_similarity", metadata,
    _doc_fk(),
    sa.Column("sketch", sa.JSON, nullable=False),
    sa.Column("duplicate_of", sa.Integer, sa.ForeignKey("documents.id", ondelete="SET NULL")),
    sa.Column("similarity", sa.Float),
    sa.PrimaryKeyConstraint("document_id"),
)

# ---------------------------------------------------------------- analysts and their reviews (marsad.review)

users = sa.Table(
    "users", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("username", sa.String(64), nullable=False),
    sa.Column("password_hash", sa.Text, nullable=False),      # argon2id, with its parameters and salt
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("username"),
)

# Logged-in browsers. Only the SHA-256 of the session token is stored: a read of this table
# does not let anyone act as the analyst. Each session has its own CSRF token.
web_sessions = sa.Table(
    "web_sessions", metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    sa.Column("csrf_token", sa.String(64), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
)

# The audit trail: every analyst decision, append-only. Targets are named by text
# ("<doc_id>#<event id>", an incident id), not by foreign keys, so the record outlives a
# re-extraction of the document. `before` and `after` hold the values as JSON.
reviews = sa.Table(
    "reviews", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("target_kind", sa.String(16), nullable=False),   # "event" | "incident"
    sa.Column("target", sa.Text, nullable=False),
    sa.Column("action", sa.String(16), nullable=False),        # accept, edit, reject | merge, split
    sa.Column("before", sa.JSON, nullable=False),
    sa.Column("after", sa.JSON, nullable=False),
    sa.Column("username", sa.String(64), nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("note", sa.Text, nullable=False),
    sa.Index("ix_reviews_target", "target_kind", "target"),
)
