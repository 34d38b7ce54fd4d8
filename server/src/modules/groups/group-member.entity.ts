import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { GroupMemberRole } from '@schulverwaltung/shared';
import { SchoolOwnedEntity } from '../../database/base.entity';
import { SchoolEntity } from '../schools/school.entity';
import { PersonEntity } from '../pupils/person.entity';
import { GroupEntity } from './group.entity';

// Teachers and class teachers of any group, and pupils of courses and working groups.
// Pupils of a class are given by their enrolment (enrolments.class_id), not listed here.
@Entity({ name: 'group_members' })
@Index('uq_group_members_group_person_role', ['groupId', 'personId', 'role'], { unique: true })
@Index('ix_group_members_person_id', ['personId'])
@Index('ix_group_members_school_id', ['schoolId'])
export class GroupMemberEntity extends SchoolOwnedEntity {
  @ManyToOne(() => SchoolEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_group_members_school' })
  school?: SchoolEntity;

  @Column({ type: 'uuid' })
  groupId: string;

  @ManyToOne(() => GroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'fk_group_members_group' })
  group?: GroupEntity;

  @Column({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_group_members_person' })
  person?: PersonEntity;

  @Column({ type: 'text' })
  role: GroupMemberRole;

  /** Order of class teachers (first = Klassenleitung, second = Stellvertretung). */
  @Column({ type: 'int', default: 0 })
  position: number;
}
