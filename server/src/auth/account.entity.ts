import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../database/base.entity';
import { PersonEntity } from '../modules/pupils/person.entity';

/** A local sign-in for a person. OIDC sign-in will link an external subject to the same person. */
@Entity({ name: 'accounts' })
@Index('uq_accounts_username', ['username'], { unique: true })
@Index('uq_accounts_person_id', ['personId'], { unique: true })
export class AccountEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_accounts_person' })
  person?: PersonEntity;

  /** Stored lower-case; sign-in compares case-insensitively. */
  @Column({ type: 'text' })
  username: string;

  /** scrypt$N$r$p$salt$hash; null for accounts that sign in only through OIDC. */
  @Column({ type: 'text', nullable: true })
  passwordHash: string | null;

  @Column({ type: 'boolean', default: true })
  isActive: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  lastSignInAt: Date | null;
}
