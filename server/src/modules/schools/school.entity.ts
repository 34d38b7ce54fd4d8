import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { FederalState, SchoolType } from '@schulverwaltung/shared';
import { BaseEntity } from '../../database/base.entity';
import { SchoolCarrierEntity } from './school-carrier.entity';

@Entity({ name: 'schools' })
@Index('uq_schools_school_number', ['schoolNumber'], { unique: true })
@Index('ix_schools_carrier_id', ['carrierId'])
export class SchoolEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  carrierId: string;

  @ManyToOne(() => SchoolCarrierEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'carrier_id', foreignKeyConstraintName: 'fk_schools_carrier' })
  carrier?: SchoolCarrierEntity;

  @Column({ type: 'text' })
  schoolNumber: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  type: SchoolType;

  @Column({ type: 'text', nullable: true })
  street: string | null;

  @Column({ type: 'text', nullable: true })
  postalCode: string | null;

  @Column({ type: 'text', nullable: true })
  city: string | null;

  @Column({ type: 'varchar', length: 2 })
  federalState: FederalState;

  /** Set by database triggers when the school's timetable or its names change (see timetable-day-cache.ts); never written here. */
  @Column({ type: 'bigint', default: 0, select: false, insert: false, update: false })
  timetableRevision?: string;
}
