import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { SchoolOwnedEntity } from '../../database/base.entity';
import { SchoolEntity } from '../schools/school.entity';
import { RoomEntity } from '../catalog/room.entity';

/**
 * A lesson placed at a weekday and period, in a room, for a validity range. Versioned like lessons:
 * a room change ends this version and starts the next with `sequence + 1` (the iCalendar SEQUENCE),
 * so the calendar UID (lineage + date + period) stays while subscribers see the update.
 */
@Entity({ name: 'timetable_entries' })
@Index('ix_timetable_entries_school_year', ['schoolId', 'schoolYearId', 'validFrom'])
@Index('ix_timetable_entries_lineage', ['lessonLineageId', 'weekday', 'period'])
export class TimetableEntryEntity extends SchoolOwnedEntity {
  @ManyToOne(() => SchoolEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_timetable_entries_school' })
  school?: SchoolEntity;

  @Column({ type: 'uuid' })
  schoolYearId: string;

  @Column({ type: 'uuid' })
  lessonLineageId: string;

  @Column({ type: 'int' })
  weekday: number;

  @Column({ type: 'int' })
  period: number;

  @Column({ type: 'uuid', nullable: true })
  roomId: string | null;

  @ManyToOne(() => RoomEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'room_id', foreignKeyConstraintName: 'fk_timetable_entries_room' })
  room?: RoomEntity;

  @Column({ type: 'date' })
  validFrom: string;

  @Column({ type: 'date', nullable: true })
  validTo: string | null;

  @Column({ type: 'int', default: 0 })
  sequence: number;

  @Column({ type: 'uuid', nullable: true })
  importId: string | null;
}
