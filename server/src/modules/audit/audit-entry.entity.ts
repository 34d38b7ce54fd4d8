import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type AuditChanges = Record<string, { old: unknown; new: unknown }>;

/** Who changed what, when: written in the same transaction as the change itself. */
@Entity({ name: 'audit_log' })
@Index('ix_audit_log_school_id', ['schoolId', 'at'])
@Index('ix_audit_log_entity', ['entityType', 'entityId'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', nullable: true })
  schoolId: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorPersonId: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  entityType: string;

  @Column({ type: 'uuid' })
  entityId: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  changes: AuditChanges;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
