import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { SchoolOwnedEntity } from '../../database/base.entity';
import { SchoolEntity } from '../schools/school.entity';

/** A school's rules for absences (one row per school; defaults apply while there is none). */
@Entity({ name: 'absence_settings' })
@Index('uq_absence_settings_school', ['schoolId'], { unique: true })
export class AbsenceSettingsEntity extends SchoolOwnedEntity {
  @ManyToOne(() => SchoolEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_absence_settings_school' })
  school?: SchoolEntity;

  /** the written excuse is due this many school days after the pupil is back */
  @Column({ type: 'int', default: 3 })
  excuseDeadlineSchoolDays: number;

  /** a guardian's (or adult pupil's) report in the portal counts as the written excuse */
  @Column({ type: 'boolean', default: false })
  onlineExcuseAllowed: boolean;

  /** absences on exam days need a medical certificate */
  @Column({ type: 'boolean', default: true })
  certificateOnExamDays: boolean;

  /** absences on the school day right before or after holidays need a medical certificate */
  @Column({ type: 'boolean', default: false })
  certificateNextToHolidays: boolean;

  /** leave (Beurlaubung) the class teacher may approve, in school days; longer: school management */
  @Column({ type: 'int', default: 2 })
  leaveClassTeacherMaxDays: number;

  /** prompt a letter to the guardians from this many unexcused days … */
  @Column({ type: 'int', default: 3 })
  letterAfterUnexcusedDays: number;

  /** … or this many unexcused lessons */
  @Column({ type: 'int', default: 10 })
  letterAfterUnexcusedLessons: number;

  /** the class register requires a lesson topic from this grade on (e.g. 11 = upper school); null: never */
  @Column({ type: 'int', nullable: true })
  topicRequiredFromGrade: number | null;
}
