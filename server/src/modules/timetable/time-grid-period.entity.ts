import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { SchoolOwnedEntity } from '../../database/base.entity';
import { SchoolEntity } from '../schools/school.entity';

/** One period of a school's time grid on one weekday (GPU files carry no times; the XML or the admin does). */
@Entity({ name: 'time_grid_periods' })
@Index('uq_time_grid_periods_slot', ['schoolId', 'weekday', 'period'], { unique: true })
export class TimeGridPeriodEntity extends SchoolOwnedEntity {
  @ManyToOne(() => SchoolEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_time_grid_periods_school' })
  school?: SchoolEntity;

  /** 1 = Monday … 7 = Sunday */
  @Column({ type: 'int' })
  weekday: number;

  @Column({ type: 'int' })
  period: number;

  /** "HH:MM", Europe/Berlin local time */
  @Column({ type: 'text' })
  startsAt: string;

  @Column({ type: 'text' })
  endsAt: string;

  @Column({ type: 'text', nullable: true })
  label: string | null;
}
