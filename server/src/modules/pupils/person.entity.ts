import { Column, Entity, Index } from 'typeorm';
import type { Gender } from '@schulverwaltung/shared';
import { BaseEntity } from '../../database/base.entity';

// A person may be pupil, guardian and staff at several schools, so persons carry no school_id:
// the pupil, guardianship and membership rows that link them to a school do.
@Entity({ name: 'persons' })
@Index('ix_persons_last_name', ['lastName', 'firstName'])
@Index('ix_persons_search_name_trgm', { synchronize: false })
@Index('ix_persons_search_typo_keys', { synchronize: false })
export class PersonEntity extends BaseEntity {
  @Column({ type: 'text' })
  firstName: string;

  @Column({ type: 'text' })
  lastName: string;

  /** normalizeName(first + last): indexed by trigrams and by name_typo_keys() for fuzzy search (indexes in the migrations). */
  @Column({ type: 'text' })
  searchName: string;

  @Column({ type: 'date', nullable: true })
  birthDate: string | null;

  @Column({ type: 'text', nullable: true })
  birthPlace: string | null;

  @Column({ type: 'varchar', length: 1, nullable: true })
  gender: Gender | null;

  @Column({ type: 'text', nullable: true })
  street: string | null;

  @Column({ type: 'text', nullable: true })
  postalCode: string | null;

  @Column({ type: 'text', nullable: true })
  city: string | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;
}
