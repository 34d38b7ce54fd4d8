import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { SchoolOwnedEntity } from '../../database/base.entity';
import { SchoolEntity } from '../schools/school.entity';

/** One held lesson in the class register (Klassenbuch): topic, homework, who recorded it. */
@Entity({ name: 'register_entries' })
@Index('uq_register_entries_lesson', ['lessonLineageId', 'date', 'period'], { unique: true })
@Index('ix_register_entries_school_date', ['schoolId', 'date'])
export class RegisterEntryEntity extends SchoolOwnedEntity {
  @ManyToOne(() => SchoolEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_register_entries_school' })
  school?: SchoolEntity;

  @Column({ type: 'uuid' })
  lessonLineageId: string;

  /** the lesson version taught that day */
  @Column({ type: 'uuid' })
  lessonId: string;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'int' })
  period: number;

  @Column({ type: 'text', nullable: true })
  topic: string | null;

  @Column({ type: 'text', nullable: true })
  homework: string | null;

  @Column({ type: 'uuid', nullable: true })
  recordedByPersonId: string | null;
}
