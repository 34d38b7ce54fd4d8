import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { SubstitutionKind } from '@schulverwaltung/shared';
import { SchoolOwnedEntity } from '../../database/base.entity';
import { SchoolEntity } from '../schools/school.entity';

/** A change to the timetable on one date and period (Vertretung): cancellation, substitute, room change, extra lesson. */
@Entity({ name: 'substitutions' })
@Index('ix_substitutions_school_date', ['schoolId', 'date'])
export class SubstitutionEntity extends SchoolOwnedEntity {
  @ManyToOne(() => SchoolEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_substitutions_school' })
  school?: SchoolEntity;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'int' })
  period: number;

  /** the regular lesson it changes; null for an extra lesson */
  @Column({ type: 'uuid', nullable: true })
  lessonLineageId: string | null;

  @Column({ type: 'text' })
  kind: SubstitutionKind;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  absentTeacherIds: string[];

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  substituteTeacherIds: string[];

  @Column({ type: 'uuid', nullable: true })
  substituteSubjectId: string | null;

  @Column({ type: 'uuid', nullable: true })
  substituteRoomId: string | null;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  groupIds: string[];

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  /** Untis substitution id (GPU014 field 1) */
  @Column({ type: 'int', nullable: true })
  untisId: number | null;

  /** raised on every change, for the iCalendar SEQUENCE */
  @Column({ type: 'int', default: 0 })
  revision: number;

  @Column({ type: 'uuid', nullable: true })
  importId: string | null;
}
