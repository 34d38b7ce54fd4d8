import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { FederalState, MembershipRole } from '@schulverwaltung/shared';
import { BaseEntity } from '../../database/base.entity';
import { SchoolEntity } from '../schools/school.entity';
import { SchoolCarrierEntity } from '../schools/school-carrier.entity';
import { PersonEntity } from '../pupils/person.entity';

// role × scope, valid from–to. School roles carry school_id (and a Kürzel for teachers);
// carrier admins carry carrier_id, state admins federal_state.
@Entity({ name: 'memberships' })
@Index('ix_memberships_person_id', ['personId'])
@Index('ix_memberships_school_id', ['schoolId', 'role'])
@Index('ix_memberships_carrier_id', ['carrierId'])
@Check('ck_memberships_scope', `(role IN ('SCHOOL_ADMIN','SECRETARIAT','SCHOOL_MANAGEMENT','TEACHER') AND school_id IS NOT NULL)
  OR (role = 'CARRIER_ADMIN' AND carrier_id IS NOT NULL)
  OR (role = 'STATE_ADMIN' AND federal_state IS NOT NULL)`)
export class MembershipEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_memberships_person' })
  person?: PersonEntity;

  @Column({ type: 'text' })
  role: MembershipRole;

  @Column({ type: 'uuid', nullable: true })
  schoolId: string | null;

  @ManyToOne(() => SchoolEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_memberships_school' })
  school?: SchoolEntity;

  @Column({ type: 'uuid', nullable: true })
  carrierId: string | null;

  @ManyToOne(() => SchoolCarrierEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'carrier_id', foreignKeyConstraintName: 'fk_memberships_carrier' })
  carrier?: SchoolCarrierEntity;

  @Column({ type: 'varchar', length: 2, nullable: true })
  federalState: FederalState | null;

  /** Teacher's Kürzel at this school (a teacher at two schools may have two). */
  @Column({ type: 'text', nullable: true })
  abbreviation: string | null;

  @Column({ type: 'date' })
  validFrom: string;

  @Column({ type: 'date', nullable: true })
  validTo: string | null;
}
