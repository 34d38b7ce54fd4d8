import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { AbsenceChannel, AbsenceKind, AbsenceReason, AbsenceReporter, AbsenceStatus, LeaveStatus } from '@schulverwaltung/shared';
import { SchoolOwnedEntity } from '../../database/base.entity';
import { SchoolEntity } from '../schools/school.entity';
import { PupilEntity } from '../pupils/pupil.entity';

/**
 * A pupil's absence (Fehlzeit): whole school days, some periods of a day, a late arrival or an
 * early leave; who reported it, how and when; its excuse status. Versioned; every change audited.
 */
@Entity({ name: 'absences' })
@Index('ix_absences_school_dates', ['schoolId', 'startsOn', 'endsOn'])
@Index('ix_absences_pupil_dates', ['pupilId', 'startsOn'])
export class AbsenceEntity extends SchoolOwnedEntity {
  @ManyToOne(() => SchoolEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_absences_school' })
  school?: SchoolEntity;

  @Column({ type: 'uuid' })
  schoolYearId: string;

  @Column({ type: 'uuid' })
  pupilId: string;

  @ManyToOne(() => PupilEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pupil_id', foreignKeyConstraintName: 'fk_absences_pupil' })
  pupil?: PupilEntity;

  @Column({ type: 'text' })
  kind: AbsenceKind;

  /** first day; for PERIODS, LATE and EARLY_LEAVE the one day */
  @Column({ type: 'date' })
  startsOn: string;

  /** last day (inclusive) */
  @Column({ type: 'date' })
  endsOn: string;

  /** PERIODS: first missed period; EARLY_LEAVE: first period missed after leaving */
  @Column({ type: 'int', nullable: true })
  periodFrom: number | null;

  /** PERIODS: last missed period */
  @Column({ type: 'int', nullable: true })
  periodTo: number | null;

  /** LATE: minutes late */
  @Column({ type: 'int', nullable: true })
  minutes: number | null;

  @Column({ type: 'text' })
  reason: AbsenceReason;

  /** sensitive (health): secretariat, class teacher and school management only */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'text' })
  reportedBy: AbsenceReporter;

  /** the guardian (or adult pupil) who reported, when known */
  @Column({ type: 'uuid', nullable: true })
  reporterPersonId: string | null;

  /** name of another reporter (e.g. "Großmutter") */
  @Column({ type: 'text', nullable: true })
  reporterName: string | null;

  @Column({ type: 'text' })
  reportedVia: AbsenceChannel;

  @Column({ type: 'timestamptz' })
  reportedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  enteredByPersonId: string | null;

  @Column({ type: 'text', default: 'REPORTED' })
  status: AbsenceStatus;

  /** the day the written excuse (Entschuldigung) arrived */
  @Column({ type: 'date', nullable: true })
  excuseReceivedOn: string | null;

  /** deadline for the written excuse, from the school's setting (school days after return) */
  @Column({ type: 'date', nullable: true })
  excuseDueOn: string | null;

  @Column({ type: 'uuid', nullable: true })
  excusedByPersonId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  excusedAt: Date | null;

  /** Attestpflicht: can only be excused with a medical certificate recorded */
  @Column({ type: 'boolean', default: false })
  requiresCertificate: boolean;

  @Column({ type: 'date', nullable: true })
  certificateReceivedOn: string | null;

  /** Beurlaubung: asked for in advance, decided by class teacher or school management */
  @Column({ type: 'text', nullable: true })
  leaveStatus: LeaveStatus | null;

  @Column({ type: 'uuid', nullable: true })
  leaveDecidedByPersonId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  leaveDecidedAt: Date | null;
}
