import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { SchoolOwnedEntity } from '../../database/base.entity';
import { SchoolEntity } from '../schools/school.entity';

export const UNTIS_ALIAS_KINDS = ['TEACHER', 'CLASS', 'SUBJECT', 'ROOM', 'PUPIL'] as const;
export type UntisAliasKind = (typeof UNTIS_ALIAS_KINDS)[number];

/** "This Untis name means that SIS record" — set by an admin, remembered for the next import. */
@Entity({ name: 'untis_aliases' })
@Index('uq_untis_aliases_name', ['schoolId', 'kind', 'untisName'], { unique: true })
export class UntisAliasEntity extends SchoolOwnedEntity {
  @ManyToOne(() => SchoolEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_untis_aliases_school' })
  school?: SchoolEntity;

  @Column({ type: 'text' })
  kind: UntisAliasKind;

  @Column({ type: 'text' })
  untisName: string;

  /** person id (teacher, pupil), group id (class), subject or room id */
  @Column({ type: 'uuid' })
  targetId: string;
}
