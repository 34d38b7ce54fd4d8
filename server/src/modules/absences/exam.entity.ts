import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { SchoolOwnedEntity } from '../../database/base.entity';
import { SchoolEntity } from '../schools/school.entity';

/** An exam (Klassenarbeit, Klausur) of a group on a day: absences on it may need a medical certificate. */
@Entity({ name: 'exams' })
@Index('ix_exams_school_date', ['schoolId', 'date'])
export class ExamEntity extends SchoolOwnedEntity {
  @ManyToOne(() => SchoolEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_exams_school' })
  school?: SchoolEntity;

  @Column({ type: 'uuid' })
  groupId: string;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'text' })
  name: string;
}
