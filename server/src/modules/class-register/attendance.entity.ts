import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { AttendanceStatus } from '@schulverwaltung/shared';
import { SchoolOwnedEntity } from '../../database/base.entity';
import { RegisterEntryEntity } from './register-entry.entity';

/** A pupil's attendance in one register entry: present, absent, or late by some minutes. */
@Entity({ name: 'attendance' })
@Index('uq_attendance_entry_pupil', ['registerEntryId', 'pupilId'], { unique: true })
@Index('ix_attendance_pupil', ['pupilId'])
export class AttendanceEntity extends SchoolOwnedEntity {
  @Column({ type: 'uuid' })
  registerEntryId: string;

  @ManyToOne(() => RegisterEntryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'register_entry_id', foreignKeyConstraintName: 'fk_attendance_register_entry' })
  registerEntry?: RegisterEntryEntity;

  @Column({ type: 'uuid' })
  pupilId: string;

  @Column({ type: 'text' })
  status: AttendanceStatus;

  @Column({ type: 'int', nullable: true })
  lateMinutes: number | null;
}
