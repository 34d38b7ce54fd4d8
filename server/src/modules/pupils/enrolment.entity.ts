import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { EnrolmentStatus } from '@schulverwaltung/shared';
import { SchoolOwnedEntity } from '../../database/base.entity';
import { SchoolEntity } from '../schools/school.entity';
import { SchoolYearEntity } from '../school-years/school-year.entity';
import { GroupEntity } from '../groups/group.entity';
import { PupilEntity } from './pupil.entity';

@Entity({ name: 'enrolments' })
@Index('uq_enrolments_pupil_year', ['pupilId', 'schoolYearId'], { unique: true })
@Index('ix_enrolments_school_id', ['schoolId', 'schoolYearId'])
@Index('ix_enrolments_class_id', ['classId'])
export class EnrolmentEntity extends SchoolOwnedEntity {
  @ManyToOne(() => SchoolEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_enrolments_school' })
  school?: SchoolEntity;

  @Column({ type: 'uuid' })
  pupilId: string;

  @ManyToOne(() => PupilEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pupil_id', foreignKeyConstraintName: 'fk_enrolments_pupil' })
  pupil?: PupilEntity;

  @Column({ type: 'uuid' })
  schoolYearId: string;

  @ManyToOne(() => SchoolYearEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_year_id', foreignKeyConstraintName: 'fk_enrolments_school_year' })
  schoolYear?: SchoolYearEntity;

  @Column({ type: 'uuid', nullable: true })
  classId: string | null;

  @ManyToOne(() => GroupEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'class_id', foreignKeyConstraintName: 'fk_enrolments_class' })
  class?: GroupEntity;

  @Column({ type: 'date' })
  entryDate: string;

  @Column({ type: 'date', nullable: true })
  leavingDate: string | null;

  @Column({ type: 'text' })
  status: EnrolmentStatus;
}
