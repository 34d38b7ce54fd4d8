import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Failed sign-ins, counted per username and per address to throttle guessing across replicas. */
@Entity({ name: 'login_failures' })
@Index('ix_login_failures_username', ['username', 'attemptedAt'])
@Index('ix_login_failures_ip', ['ip', 'attemptedAt'])
export class LoginFailureEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  username: string;

  @Column({ type: 'text', nullable: true })
  ip: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  attemptedAt: Date;
}
