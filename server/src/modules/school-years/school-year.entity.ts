import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { SchoolOwnedEntity } from '../../database/base.entity';
import { SchoolEntity } from '../schools/school.entity';

@Entity({ name: 'school_years' })
@Index('uq_school_years_school_name', ['schoolId', 'name'], { unique: true })
@Index('uq_school_years_current', ['schoolId'], { unique: true, where: 'is_current' })
export class SchoolYearEntity extends SchoolOwnedEntity {
  @ManyToOne(() => SchoolEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_school_years_school' })
  school?: SchoolEntity;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date' })
  endsOn: string;

  @Column({ type: 'date' })
  midYearOn: string;

  @Column({ type: 'boolean', default: false })
  isCurrent: boolean;
}
