import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { SchoolOwnedEntity } from '../../database/base.entity';
import { SchoolEntity } from '../schools/school.entity';

@Entity({ name: 'rooms' })
@Index('uq_rooms_school_short_name', ['schoolId', 'shortName'], { unique: true })
export class RoomEntity extends SchoolOwnedEntity {
  @ManyToOne(() => SchoolEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_rooms_school' })
  school?: SchoolEntity;

  @Column({ type: 'text' })
  shortName: string;

  @Column({ type: 'text', nullable: true })
  name: string | null;

  @Column({ type: 'int', nullable: true })
  capacity: number | null;
}
