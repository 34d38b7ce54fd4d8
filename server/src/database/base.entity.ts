import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** id, timestamps and an optimistic-lock version: every table users edit extends this. */
export abstract class BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'int', default: 1 })
  version: number;
}

/** A row owned by one school: tenancy is enforced through this column. */
export abstract class SchoolOwnedEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  schoolId: string;
}
