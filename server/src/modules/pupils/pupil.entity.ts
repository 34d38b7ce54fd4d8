import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { ReligiousEducation } from '@schulverwaltung/shared';
import { SchoolOwnedEntity } from '../../database/base.entity';
import { SchoolEntity } from '../schools/school.entity';
import { PersonEntity } from './person.entity';

export interface EmergencyContact {
  name: string;
  phone: string;
  relation?: string | null;
}

/** A person's pupil record at one school: the master data the secretariat keeps. */
@Entity({ name: 'pupils' })
@Index('uq_pupils_school_person', ['schoolId', 'personId'], { unique: true })
@Index('ix_pupils_person_id', ['personId'])
@Index('uq_pupils_school_external_id', ['schoolId', 'externalId'], { unique: true, where: 'external_id IS NOT NULL' })
export class PupilEntity extends SchoolOwnedEntity {
  @ManyToOne(() => SchoolEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_pupils_school' })
  school?: SchoolEntity;

  @Column({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_pupils_person' })
  person?: PersonEntity;

  /** Stable key of the source system (SVWS, ASV, Untis), kept across imports. */
  @Column({ type: 'text', nullable: true })
  externalId: string | null;

  @Column({ type: 'text', nullable: true })
  religiousEducation: ReligiousEducation | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  emergencyContacts: EmergencyContact[];

  @Column({ type: 'date', nullable: true })
  measlesProofOn: string | null;

  @Column({ type: 'boolean', default: false })
  photoConsent: boolean;

  /** An adult pupil's consent that guardians keep access. */
  @Column({ type: 'boolean', default: false })
  guardianAccessConsent: boolean;

  /** Attestpflicht: from this day on every absence needs a medical certificate to be excused */
  @Column({ type: 'date', nullable: true })
  certificateRequiredFrom: string | null;
}
