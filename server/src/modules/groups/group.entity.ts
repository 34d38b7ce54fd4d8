import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { GroupKind } from '@schulverwaltung/shared';
import { SchoolOwnedEntity } from '../../database/base.entity';
import { SchoolEntity } from '../schools/school.entity';
import { SchoolYearEntity } from '../school-years/school-year.entity';
import { SubjectEntity } from '../catalog/subject.entity';

/** Classes, courses and working groups of one school year. */
@Entity({ name: 'groups' })
@Index('uq_groups_year_kind_name', ['schoolYearId', 'kind', 'name'], { unique: true })
@Index('ix_groups_school_id', ['schoolId', 'schoolYearId'])
export class GroupEntity extends SchoolOwnedEntity {
  @ManyToOne(() => SchoolEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_groups_school' })
  school?: SchoolEntity;

  @Column({ type: 'uuid' })
  schoolYearId: string;

  @ManyToOne(() => SchoolYearEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_year_id', foreignKeyConstraintName: 'fk_groups_school_year' })
  schoolYear?: SchoolYearEntity;

  @Column({ type: 'text' })
  kind: GroupKind;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'int', nullable: true })
  gradeLevel: number | null;

  @Column({ type: 'uuid', nullable: true })
  subjectId: string | null;

  @ManyToOne(() => SubjectEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'subject_id', foreignKeyConstraintName: 'fk_groups_subject' })
  subject?: SubjectEntity;

  /** Stable key of the source system (Untis), kept across the school-year change. */
  @Column({ type: 'text', nullable: true })
  externalId: string | null;
}

/** A groups row as row_to_json gives it (column names) → the entity's shape. */
export function groupFromColumns(row: Record<string, unknown>): GroupEntity {
  return Object.assign(new GroupEntity(), {
    id: row.id, schoolId: row.school_id, schoolYearId: row.school_year_id, kind: row.kind, name: row.name,
    gradeLevel: row.grade_level, subjectId: row.subject_id, externalId: row.external_id, version: row.version,
  });
}
