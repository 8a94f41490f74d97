import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** 预算年度: budgets can be opened only for a fiscal year an administrator has declared open. */
@Entity('fiscal_years')
export class FiscalYearEntity {
  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: 'open' | 'closed';

  /** The disclosure template a new budget of the year prints under (templates/ in the domain). */
  @Column({ type: 'varchar', length: 64 })
  template!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
