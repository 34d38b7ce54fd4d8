import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { HolidayKind } from '@schulverwaltung/shared';
import { SchoolOwnedEntity } from '../../database/base.entity';
import { SchoolEntity } from '../schools/school.entity';
import { SchoolYearEntity } from './school-year.entity';

@Entity({ name: 'holidays' })
@Index('ix_holidays_school_id', ['schoolId', 'startsOn'])
@Index('ix_holidays_school_year_id', ['schoolYearId'])
export class HolidayEntity extends SchoolOwnedEntity {
  @ManyToOne(() => SchoolEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_holidays_school' })
  school?: SchoolEntity;

  @Column({ type: 'uuid' })
  schoolYearId: string;

  @ManyToOne(() => SchoolYearEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_year_id', foreignKeyConstraintName: 'fk_holidays_school_year' })
  schoolYear?: SchoolYearEntity;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date' })
  endsOn: string;

  @Column({ type: 'text' })
  kind: HolidayKind;
}
