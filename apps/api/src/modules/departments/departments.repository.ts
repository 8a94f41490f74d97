import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TDepartmentScope } from '../../common/scope/department-scope';
import { BudgetUnitEntity } from './entities/budget-unit.entity';
import { DepartmentEntity } from './entities/department.entity';
import { FiscalYearEntity } from './entities/fiscal-year.entity';

/** Named finders for departments, their budget units and fiscal years. */
@Injectable()
export class DepartmentsRepository {
  listVisible(manager: EntityManager, scope: TDepartmentScope): Promise<DepartmentEntity[]> {
    const qb = manager.getRepository(DepartmentEntity).createQueryBuilder('d').orderBy('d.code', 'ASC');
    if (!scope.all) qb.where('d.id = ANY(:ids::uuid[])', { ids: [...scope.departmentIds] });
    return qb.getMany();
  }

  findById(manager: EntityManager, id: string): Promise<DepartmentEntity | null> {
    return manager.getRepository(DepartmentEntity).findOneBy({ id });
  }

  findByCode(manager: EntityManager, code: string): Promise<DepartmentEntity | null> {
    return manager.getRepository(DepartmentEntity).findOneBy({ code });
  }

  async insert(manager: EntityManager, department: { code: string; name: string }): Promise<DepartmentEntity> {
    const [row] = (await manager.query(`INSERT INTO departments (code, name) VALUES ($1, $2) RETURNING id`, [department.code, department.name])) as [{ id: string }];
    return (await this.findById(manager, row.id)) as DepartmentEntity;
  }

  async rename(manager: EntityManager, id: string, name: string): Promise<boolean> {
    const rows = (await manager.query(`UPDATE departments SET name = $2 WHERE id = $1 RETURNING id`, [id, name])) as [unknown[], number];
    return rows[1] === 1;
  }

  listUnits(manager: EntityManager, departmentId: string): Promise<BudgetUnitEntity[]> {
    return manager.getRepository(BudgetUnitEntity).find({ where: { departmentId }, order: { code: 'ASC' } });
  }

  async insertUnit(manager: EntityManager, unit: { departmentId: string; code: string; name: string }): Promise<BudgetUnitEntity> {
    const [row] = (await manager.query(`INSERT INTO budget_units (department_id, code, name) VALUES ($1, $2, $3) RETURNING id`, [unit.departmentId, unit.code, unit.name])) as [{ id: string }];
    return (await manager.getRepository(BudgetUnitEntity).findOneBy({ id: row.id })) as BudgetUnitEntity;
  }

  listFiscalYears(manager: EntityManager): Promise<FiscalYearEntity[]> {
    return manager.getRepository(FiscalYearEntity).find({ order: { year: 'DESC' } });
  }

  findFiscalYear(manager: EntityManager, year: number): Promise<FiscalYearEntity | null> {
    return manager.getRepository(FiscalYearEntity).findOneBy({ year });
  }

  /** Opens or closes a fiscal year, creating it on first mention. */
  async putFiscalYear(manager: EntityManager, year: number, status: 'open' | 'closed', template?: string): Promise<FiscalYearEntity> {
    await manager.query(
      `INSERT INTO fiscal_years (year, status, template) VALUES ($1, $2, COALESCE($3, 'hubei-2020'))
       ON CONFLICT (year) DO UPDATE SET status = EXCLUDED.status, template = COALESCE($3, fiscal_years.template)`,
      [year, status, template ?? null],
    );
    return (await this.findFiscalYear(manager, year)) as FiscalYearEntity;
  }
}
