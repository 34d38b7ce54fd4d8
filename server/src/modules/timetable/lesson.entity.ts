import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { WeekPattern } from '@schulverwaltung/shared';
import { SchoolOwnedEntity } from '../../database/base.entity';
import { SchoolEntity } from '../schools/school.entity';
import { SchoolYearEntity } from '../school-years/school-year.entity';
import { SubjectEntity } from '../catalog/subject.entity';

/**
 * One version of a lesson (Unterricht; one Untis coupling line): subject, teachers and groups for a
 * validity range. A change continues the lesson as a new version with the same lineage, so past
 * dates still show what was taught and links (absences, class register) keep pointing at the
 * version they were made for.
 */
@Entity({ name: 'lessons' })
@Index('ix_lessons_school_year', ['schoolId', 'schoolYearId', 'validFrom'])
@Index('ix_lessons_lineage', ['lineageId', 'validFrom'])
@Index('ix_lessons_group_ids', { synchronize: false })
@Index('ix_lessons_teacher_ids', { synchronize: false })
export class LessonEntity extends SchoolOwnedEntity {
  @ManyToOne(() => SchoolEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_lessons_school' })
  school?: SchoolEntity;

  @Column({ type: 'uuid' })
  schoolYearId: string;

  @ManyToOne(() => SchoolYearEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_year_id', foreignKeyConstraintName: 'fk_lessons_school_year' })
  schoolYear?: SchoolYearEntity;

  /** Stable identity across versions: calendar UIDs and timetable entries refer to it. */
  @Column({ type: 'uuid' })
  lineageId: string;

  @Column({ type: 'int', nullable: true })
  untisNumber: number | null;

  @Column({ type: 'uuid', nullable: true })
  subjectId: string | null;

  @ManyToOne(() => SubjectEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'subject_id', foreignKeyConstraintName: 'fk_lessons_subject' })
  subject?: SubjectEntity;

  /** person ids of the teachers, in Untis order */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  teacherIds: string[];

  /** classes, courses or working groups taught together */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  groupIds: string[];

  @Column({ type: 'double precision', default: 0 })
  weeklyHours: number;

  /** Untis lesson group (Unterrichtsgruppe) as exported, e.g. "UW" */
  @Column({ type: 'text', nullable: true })
  lessonGroup: string | null;

  @Column({ type: 'jsonb' })
  weekPattern: WeekPattern;

  @Column({ type: 'text', nullable: true })
  studentGroup: string | null;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  @Column({ type: 'date' })
  validFrom: string;

  /** inclusive; null = open-ended */
  @Column({ type: 'date', nullable: true })
  validTo: string | null;

  /** the Untis import that wrote this version (null when entered by hand) */
  @Column({ type: 'uuid', nullable: true })
  importId: string | null;
}
