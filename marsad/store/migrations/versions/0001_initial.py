"""Initial schema: documents and every annotation marsad extracts from them.

Revision ID: 0001
Revises:
Create Date: 2026-11-21

The tables are written out here rather than imported from marsad.store.schema:
a migration must keep describing the schema of its own time.
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0001'
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('documents',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('doc_id', sa.Text(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('saved_at', sa.DateTime(timezone=True), server_default=sa.func.current_timestamp(), nullable=False),
    sa.Column('source_path', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('outlet', sa.Text(), nullable=True),
    sa.Column('outlet_ar', sa.Text(), nullable=True),
    sa.Column('outlet_id', sa.Text(), nullable=True),
    sa.Column('outlet_source', sa.Text(), nullable=True),
    sa.Column('outlet_span_start', sa.Integer(), nullable=True),
    sa.Column('outlet_span_end', sa.Integer(), nullable=True),
    sa.Column('published_value', sa.Date(), nullable=True),
    sa.Column('published_min', sa.Date(), nullable=True),
    sa.Column('published_max', sa.Date(), nullable=True),
    sa.Column('published_precision', sa.String(length=32), nullable=True),
    sa.Column('published_expr_start', sa.Integer(), nullable=True),
    sa.Column('published_expr_end', sa.Integer(), nullable=True),
    sa.Column('published_value_source', sa.Text(), nullable=True),
    sa.Column('published_source', sa.Text(), nullable=True),
    sa.Column('language', sa.String(length=16), nullable=False),
    sa.Column('extra', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents')),
    sa.UniqueConstraint('content_hash', name=op.f('uq_documents_content_hash')),
    sa.UniqueConstraint('doc_id', name=op.f('uq_documents_doc_id'))
    )
    op.create_table('document_spans',
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=False),
    sa.Column('span_end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_document_spans_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id', 'kind', 'ordinal', name=op.f('pk_document_spans'))
    )
    op.create_table('entities',
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.Text(), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('name_ar', sa.Text(), nullable=False),
    sa.Column('name_en', sa.Text(), nullable=True),
    sa.Column('kb_id', sa.Text(), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('parent_kb_id', sa.Text(), nullable=True),
    sa.Column('place_kind', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_entities_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id', 'ordinal', name=op.f('pk_entities')),
    sa.UniqueConstraint('document_id', 'entity_id', name=op.f('uq_entities_document_id_entity_id'))
    )
    op.create_index('ix_entities_kb_id', 'entities', ['kb_id'], unique=False)
    op.create_table('events',
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Text(), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('modality', sa.String(length=32), nullable=False),
    sa.Column('date_value', sa.Date(), nullable=True),
    sa.Column('date_min', sa.Date(), nullable=True),
    sa.Column('date_max', sa.Date(), nullable=True),
    sa.Column('date_precision', sa.String(length=32), nullable=True),
    sa.Column('date_expr_start', sa.Integer(), nullable=True),
    sa.Column('date_expr_end', sa.Integer(), nullable=True),
    sa.Column('date_value_source', sa.Text(), nullable=True),
    sa.Column('has_place', sa.Boolean(), nullable=False),
    sa.Column('place_entity_id', sa.Text(), nullable=True),
    sa.Column('place_name_ar', sa.Text(), nullable=True),
    sa.Column('place_name_en', sa.Text(), nullable=True),
    sa.Column('place_lat', sa.Float(), nullable=True),
    sa.Column('place_lon', sa.Float(), nullable=True),
    sa.Column('place_admin1', sa.Text(), nullable=True),
    sa.Column('place_admin2', sa.Text(), nullable=True),
    sa.Column('place_admin3', sa.Text(), nullable=True),
    sa.Column('place_admin1_pcode', sa.String(length=32), nullable=True),
    sa.Column('place_admin2_pcode', sa.String(length=32), nullable=True),
    sa.Column('place_admin3_pcode', sa.String(length=32), nullable=True),
    sa.Column('place_geo_precision', sa.Integer(), nullable=True),
    sa.Column('place_kb_id', sa.Text(), nullable=True),
    sa.Column('place_span_start', sa.Integer(), nullable=True),
    sa.Column('place_span_end', sa.Integer(), nullable=True),
    sa.Column('attribution', sa.Text(), nullable=True),
    sa.Column('attribution_span_start', sa.Integer(), nullable=True),
    sa.Column('attribution_span_end', sa.Integer(), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_events_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id', 'ordinal', name=op.f('pk_events')),
    sa.UniqueConstraint('document_id', 'event_id', name=op.f('uq_events_document_id_event_id'))
    )
    op.create_index('ix_events_date_min', 'events', ['date_min'], unique=False)
    op.create_index('ix_events_type', 'events', ['type'], unique=False)
    op.create_table('casualties',
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('event_ordinal', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=True),
    sa.Column('vague', sa.Text(), nullable=True),
    sa.Column('side', sa.String(length=16), nullable=True),
    sa.Column('entity_id', sa.Text(), nullable=True),
    sa.Column('span_start', sa.Integer(), nullable=True),
    sa.Column('span_end', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['document_id', 'event_ordinal'], ['events.document_id', 'events.ordinal'], name=op.f('fk_casualties_document_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_casualties_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id', 'event_ordinal', 'outcome', 'position', name=op.f('pk_casualties'))
    )
    op.create_table('event_arguments',
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('event_ordinal', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.Text(), nullable=False),
    sa.Column('entity_ordinal', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['document_id', 'entity_ordinal'], ['entities.document_id', 'entities.ordinal'], name='fk_event_arguments_entity', ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id', 'event_ordinal'], ['events.document_id', 'events.ordinal'], name=op.f('fk_event_arguments_document_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_event_arguments_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id', 'event_ordinal', 'role', 'position', name=op.f('pk_event_arguments'))
    )
    op.create_table('evidence',
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('event_ordinal', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=False),
    sa.Column('span_end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['document_id', 'event_ordinal'], ['events.document_id', 'events.ordinal'], name=op.f('fk_evidence_document_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_evidence_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id', 'event_ordinal', 'kind', 'position', name=op.f('pk_evidence'))
    )
    op.create_table('mentions',
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=False),
    sa.Column('span_end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('entity_id', sa.Text(), nullable=True),
    sa.Column('kb_id', sa.Text(), nullable=True),
    sa.Column('source', sa.String(length=32), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('doc_position', sa.Integer(), nullable=True),
    sa.Column('entity_ordinal', sa.Integer(), nullable=True),
    sa.Column('entity_position', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['document_id', 'entity_ordinal'], ['entities.document_id', 'entities.ordinal'], name='fk_mentions_entity', ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_mentions_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id', 'ordinal', name=op.f('pk_mentions'))
    )
    op.create_table('quantities',
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('event_ordinal', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('value', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=False),
    sa.Column('span_end', sa.Integer(), nullable=False),
    sa.Column('approximate', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['document_id', 'event_ordinal'], ['events.document_id', 'events.ordinal'], name=op.f('fk_quantities_document_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_quantities_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id', 'event_ordinal', 'position', name=op.f('pk_quantities'))
    )
    op.create_table('relations',
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('head', sa.Text(), nullable=False),
    sa.Column('tail', sa.Text(), nullable=False),
    sa.Column('head_ordinal', sa.Integer(), nullable=True),
    sa.Column('tail_ordinal', sa.Integer(), nullable=True),
    sa.Column('evidence_start', sa.Integer(), nullable=False),
    sa.Column('evidence_end', sa.Integer(), nullable=False),
    sa.Column('source_doc', sa.Text(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['document_id', 'head_ordinal'], ['entities.document_id', 'entities.ordinal'], name='fk_relations_head', ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id', 'tail_ordinal'], ['entities.document_id', 'entities.ordinal'], name='fk_relations_tail', ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_relations_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id', 'ordinal', name=op.f('pk_relations'))
    )


def downgrade() -> None:
    op.drop_table('relations')
    op.drop_table('quantities')
    op.drop_table('mentions')
    op.drop_table('evidence')
    op.drop_table('event_arguments')
    op.drop_table('casualties')
    op.drop_index('ix_events_type', table_name='events')
    op.drop_index('ix_events_date_min', table_name='events')
    op.drop_table('events')
    op.drop_index('ix_entities_kb_id', table_name='entities')
    op.drop_table('entities')
    op.drop_table('document_spans')
    op.drop_table('documents')
