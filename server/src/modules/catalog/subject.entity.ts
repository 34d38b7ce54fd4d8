import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { SchoolOwnedEntity } from '../../database/base.entity';
import { SchoolEntity } from '../schools/school.entity';

@Entity({ name: 'subjects' })
@Index('uq_subjects_school_short_name', ['schoolId', 'shortName'], { unique: true })
export class SubjectEntity extends SchoolOwnedEntity {
  @ManyToOne(() => SchoolEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_subjects_school' })
  school?: SchoolEntity;

  @Column({ type: 'text' })
  shortName: string;

  @Column({ type: 'text' })
  name: string;
}
