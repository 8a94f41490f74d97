import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bureau's desk keeps each budget's figures as the ceilings compare them (total, 基本, 项目, per
 * fund source, the 三公; CeilingFiguresWire, digits of 分) instead of its expenditure summed by
 * kind × fund source × 三公 款: those ran to some 25 entries a budget, and reading and parsing them
 * was most of the desk's time for a hundred departments, all to be folded into these figures on
 * every read. A cache: its rows are dropped here and recomputed by the desk's next read.
 */
export class DeskCeilingFigures1798410000000 implements MigrationInterface {
  name = 'DeskCeilingFigures1798410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM budget_figures`);
    await q.query(`ALTER TABLE budget_figures DROP COLUMN sums, ADD COLUMN figures jsonb NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM budget_figures`);
    await q.query(`ALTER TABLE budget_figures DROP COLUMN figures, ADD COLUMN sums jsonb NOT NULL`);
  }
}
