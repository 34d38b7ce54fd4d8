import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AbsenceEntity } from './absence.entity';

/**
 * A timetable lesson an absence covers (date, period, lesson version): written with the absence
 * and rewritten when it changes, so the class register and the statistics count the same lessons.
 */
@Entity({ name: 'absence_lessons' })
@Index('ix_absence_lessons_lesson', ['lessonLineageId', 'date', 'period'])
@Index('ix_absence_lessons_pupil', ['pupilId', 'date'])
export class AbsenceLessonEntity {
  @PrimaryColumn({ type: 'uuid' })
  absenceId: string;

  @ManyToOne(() => AbsenceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'absence_id', foreignKeyConstraintName: 'fk_absence_lessons_absence' })
  absence?: AbsenceEntity;

  @PrimaryColumn({ type: 'date' })
  date: string;

  @PrimaryColumn({ type: 'int' })
  period: number;

  @PrimaryColumn({ type: 'uuid' })
  lessonLineageId: string;

  @Column({ type: 'uuid' })
  schoolId: string;

  @Column({ type: 'uuid' })
  pupilId: string;

  /** the lesson version taught that day */
  @Column({ type: 'uuid' })
  lessonId: string;
}
