import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { TCaller } from '../../common/auth/caller';
import { notFound } from '../../common/errors/app-error';
import { uniqueOr409 } from '../../common/errors/unique-violation';
import { assertVisible, departmentScope } from '../../common/scope/department-scope';
import { AuditService } from '../audit/audit.service';
import { DepartmentsRepository } from './departments.repository';
import { TCreateBudgetUnit, TCreateDepartment, TFiscalYearView, TPutFiscalYear } from './dto/departments.schema';

export interface TDepartmentView {
  id: string;
  code: string;
  name: string;
}

/** Departments, budget units and fiscal years: administrators change them, everyone reads what they may see. */
@Injectable()
export class DepartmentsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly departments: DepartmentsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(caller: TCaller): Promise<TDepartmentView[]> {
    const rows = await this.departments.listVisible(this.dataSource.manager, departmentScope(caller));
    return rows.map(view);
  }

  async create(caller: TCaller, input: TCreateDepartment): Promise<TDepartmentView> {
    return this.dataSource.transaction(async (tx) => {
      const created = await uniqueOr409(() => this.departments.insert(tx, input), `A department with code ${input.code} exists`);
      await this.audit.append(tx, { actor: caller.username, action: 'department.create', entity: 'department', entityId: created.id, payload: { ...input } });
      return view(created);
    });
  }

  async rename(caller: TCaller, id: string, name: string): Promise<TDepartmentView> {
    return this.dataSource.transaction(async (tx) => {
      if (!(await this.departments.rename(tx, id, name))) throw notFound('Department');
      await this.audit.append(tx, { actor: caller.username, action: 'department.rename', entity: 'department', entityId: id, payload: { name } });
      return view((await this.departments.findById(tx, id))!);
    });
  }

  async listUnits(caller: TCaller, departmentId: string): Promise<{ id: string; departmentId: string; code: string; name: string }[]> {
    await this.mustSee(this.dataSource.manager, caller, departmentId);
    const units = await this.departments.listUnits(this.dataSource.manager, departmentId);
    return units.map((u) => ({ id: u.id, departmentId: u.departmentId, code: u.code, name: u.name }));
  }

  async createUnit(caller: TCaller, departmentId: string, input: TCreateBudgetUnit): Promise<{ id: string; departmentId: string; code: string; name: string }> {
    return this.dataSource.transaction(async (tx) => {
      await this.mustSee(tx, caller, departmentId);
      const unit = await uniqueOr409(() => this.departments.insertUnit(tx, { departmentId, ...input }), `A budget unit with code ${input.code} exists`);
      await this.audit.append(tx, { actor: caller.username, action: 'budget-unit.create', entity: 'budget-unit', entityId: unit.id, payload: { departmentId, ...input } });
      return { id: unit.id, departmentId, code: unit.code, name: unit.name };
    });
  }

  async listFiscalYears(): Promise<TFiscalYearView[]> {
    const years = await this.departments.listFiscalYears(this.dataSource.manager);
    return years.map((y) => ({ year: y.year, status: y.status, template: y.template }));
  }

  async putFiscalYear(caller: TCaller, year: number, input: TPutFiscalYear): Promise<TFiscalYearView> {
    return this.dataSource.transaction(async (tx) => {
      const saved = await this.departments.putFiscalYear(tx, year, input.status, input.template);
      await this.audit.append(tx, { actor: caller.username, action: 'fiscal-year.put', entity: 'fiscal-year', entityId: String(year), payload: { status: saved.status, template: saved.template } });
      return { year: saved.year, status: saved.status, template: saved.template };
    });
  }

  /** A foreign or missing department answers the same 404. */
  private async mustSee(manager: EntityManager, caller: TCaller, departmentId: string): Promise<void> {
    assertVisible(caller, await this.departments.findById(manager, departmentId), (d) => d.id, 'Department');
  }
}

function view(d: { id: string; code: string; name: string }): TDepartmentView {
  return { id: d.id, code: d.code, name: d.name };
}
