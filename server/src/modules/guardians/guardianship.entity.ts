import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { GuardianRelation } from '@schulverwaltung/shared';
import { SchoolOwnedEntity } from '../../database/base.entity';
import { SchoolEntity } from '../schools/school.entity';
import { PersonEntity } from '../pupils/person.entity';
import { PupilEntity } from '../pupils/pupil.entity';

/** Links a guardian (a person) to a pupil; one guardian may be linked to several siblings. */
@Entity({ name: 'guardianships' })
@Index('uq_guardianships_pupil_guardian', ['pupilId', 'guardianPersonId'], { unique: true })
@Index('ix_guardianships_guardian_person_id', ['guardianPersonId'])
@Index('ix_guardianships_school_id', ['schoolId'])
export class GuardianshipEntity extends SchoolOwnedEntity {
  @ManyToOne(() => SchoolEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_guardianships_school' })
  school?: SchoolEntity;

  @Column({ type: 'uuid' })
  pupilId: string;

  @ManyToOne(() => PupilEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pupil_id', foreignKeyConstraintName: 'fk_guardianships_pupil' })
  pupil?: PupilEntity;

  @Column({ type: 'uuid' })
  guardianPersonId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'guardian_person_id', foreignKeyConstraintName: 'fk_guardianships_guardian_person' })
  guardianPerson?: PersonEntity;

  @Column({ type: 'text' })
  relation: GuardianRelation;

  @Column({ type: 'boolean' })
  hasCustody: boolean;

  @Column({ type: 'boolean' })
  mayExcuse: boolean;

  @Column({ type: 'boolean' })
  receivesMail: boolean;

  @Column({ type: 'boolean', default: false })
  hasInformationBlock: boolean;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;
}
