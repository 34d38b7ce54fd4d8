import { Column, Entity, Index } from 'typeorm';
import type { FederalState } from '@schulverwaltung/shared';
import { BaseEntity } from '../../database/base.entity';

@Entity({ name: 'school_carriers' })
@Index('ix_school_carriers_federal_state', ['federalState'])
export class SchoolCarrierEntity extends BaseEntity {
  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'varchar', length: 2 })
  federalState: FederalState;
}
