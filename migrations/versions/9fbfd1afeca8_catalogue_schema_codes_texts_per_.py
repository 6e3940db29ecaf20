"""Catalogue schema: codes, texts per language and origin, revisions, products, state.

Revision ID: 9fbfd1afeca8
Revises: 
Create Date: 2026-11-27 09:10:12.013619

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '9fbfd1afeca8'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('catalog_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('generation', sa.Integer(), nullable=False),
    sa.Column('sources', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_catalog_state'))
    )
    op.create_table('error_code',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('product', sa.String(length=64), nullable=False),
    sa.Column('code', sa.String(length=200), nullable=False),
    sa.Column('category', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('retryable', sa.String(length=16), nullable=False),
    sa.Column('versions', sa.JSON(), nullable=False),
    sa.Column('last_seen_in', sa.String(length=64), nullable=True),
    sa.Column('retired', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_error_code')),
    sa.UniqueConstraint('product', 'code', name=op.f('uq_error_code_product_code'))
    )
    with op.batch_alter_table('error_code', schema=None) as batch_op:
        batch_op.create_index('ix_error_code_code', ['code'], unique=False)

    op.create_table('product',
    sa.Column('slug', sa.String(length=64), nullable=False),
    sa.Column('endpoint', sa.String(length=200), nullable=True),
    sa.Column('names', sa.JSON(), nullable=False),
    sa.Column('aliases', sa.JSON(), nullable=False),
    sa.Column('versions', sa.JSON(), nullable=False),
    sa.Column('retired', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('slug', name=op.f('pk_product'))
    )
    op.create_table('error_text',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('error_code_id', sa.Integer(), nullable=False),
    sa.Column('lang', sa.String(length=16), nullable=False),
    sa.Column('origin', sa.String(length=16), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('remediation', sa.JSON(), nullable=True),
    sa.Column('source_text', sa.Text(), nullable=True),
    sa.Column('needs_review', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['error_code_id'], ['error_code.id'], name=op.f('fk_error_text_error_code_id_error_code'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_error_text')),
    sa.UniqueConstraint('error_code_id', 'lang', 'origin', name=op.f('uq_error_text_error_code_id_lang_origin'))
    )
    with op.batch_alter_table('error_text', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_error_text_error_code_id'), ['error_code_id'], unique=False)

    op.create_table('revision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('error_code_id', sa.Integer(), nullable=False),
    sa.Column('lang', sa.String(length=16), nullable=False),
    sa.Column('field', sa.String(length=32), nullable=False),
    sa.Column('old_value', sa.JSON(), nullable=True),
    sa.Column('new_value', sa.JSON(), nullable=True),
    sa.Column('author', sa.String(length=200), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['error_code_id'], ['error_code.id'], name=op.f('fk_revision_error_code_id_error_code'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_revision'))
    )
    with op.batch_alter_table('revision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_revision_error_code_id'), ['error_code_id'], unique=False)



def downgrade():
    with op.batch_alter_table('revision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_revision_error_code_id'))

    op.drop_table('revision')
    with op.batch_alter_table('error_text', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_error_text_error_code_id'))

    op.drop_table('error_text')
    op.drop_table('product')
    with op.batch_alter_table('error_code', schema=None) as batch_op:
        batch_op.drop_index('ix_error_code_code')

    op.drop_table('error_code')
    op.drop_table('catalog_state')
