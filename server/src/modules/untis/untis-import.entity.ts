import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { SchoolOwnedEntity } from '../../database/base.entity';
import { SchoolEntity } from '../schools/school.entity';

export const UNTIS_IMPORT_STATUSES = ['APPLIED', 'NO_CHANGES', 'FAILED'] as const;
export type UntisImportStatus = (typeof UNTIS_IMPORT_STATUSES)[number];

export interface UntisImportFileRecord {
  name: string;
  kind: string;
  sha256: string;
  bytes: number;
  encoding: string;
  records: number;
}

/** Every import that was applied (or failed): who, when, which files, what it changed. */
@Entity({ name: 'untis_imports' })
@Index('ix_untis_imports_school', ['schoolId', 'createdAt'])
export class UntisImportEntity extends SchoolOwnedEntity {
  @ManyToOne(() => SchoolEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_untis_imports_school' })
  school?: SchoolEntity;

  @Column({ type: 'uuid', nullable: true })
  schoolYearId: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorPersonId: string | null;

  @Column({ type: 'text' })
  status: UntisImportStatus;

  @Column({ type: 'date', nullable: true })
  validFrom: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  files: UntisImportFileRecord[];

  /** counts per entity and the first changed rows, as shown in the preview */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  summary: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  error: string | null;
}
