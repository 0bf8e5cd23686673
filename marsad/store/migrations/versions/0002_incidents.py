"""Incidents across documents, their members, and document sketches for near-duplicates.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: str | Sequence[str] | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('incidents',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('incident_id', sa.Text(), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
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
    sa.Column('actors', sa.JSON(), nullable=False),
    sa.Column('fatalities', sa.Integer(), nullable=True),
    sa.Column('fatalities_max', sa.Integer(), nullable=True),
    sa.Column('injured', sa.Integer(), nullable=True),
    sa.Column('injured_max', sa.Integer(), nullable=True),
    sa.Column('corroboration', sa.Integer(), nullable=False),
    sa.Column('conflicts', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incidents')),
    sa.UniqueConstraint('incident_id', name=op.f('uq_incidents_incident_id'))
    )
    op.create_index('ix_incidents_date_min', 'incidents', ['date_min'], unique=False)
    op.create_table('document_similarity',
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('sketch', sa.JSON(), nullable=False),
    sa.Column('duplicate_of', sa.Integer(), nullable=True),
    sa.Column('similarity', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_document_similarity_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['duplicate_of'], ['documents.id'], name=op.f('fk_document_similarity_duplicate_of_documents'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('document_id', name=op.f('pk_document_similarity'))
    )
    op.create_table('incident_members',
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('event_ordinal', sa.Integer(), nullable=False),
    sa.Column('incident_pk', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('record', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['document_id', 'event_ordinal'], ['events.document_id', 'events.ordinal'], name=op.f('fk_incident_members_document_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_incident_members_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['incident_pk'], ['incidents.id'], name=op.f('fk_incident_members_incident_pk_incidents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id', 'event_ordinal', name=op.f('pk_incident_members'))
    )
    op.create_index('ix_incident_members_incident_pk', 'incident_members', ['incident_pk'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_incident_members_incident_pk', table_name='incident_members')
    op.drop_table('incident_members')
    op.drop_table('document_similarity')
    op.drop_index('ix_incidents_date_min', table_name='incidents')
    op.drop_table('incidents')
