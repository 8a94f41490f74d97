import { BudgetUnitEntity } from '../modules/departments/entities/budget-unit.entity';
import { DepartmentEntity } from '../modules/departments/entities/department.entity';
import { FiscalYearEntity } from '../modules/departments/entities/fiscal-year.entity';

/**
 * Every TypeORM entity. Add yours here (one line); the schema itself comes from migrations only.
 * Users, sessions, catalogue editions and the audit log are read and written with reviewed SQL
 * in their repositories and services, so they need no entity.
 */
export const ENTITIES = [DepartmentEntity, BudgetUnitEntity, FiscalYearEntity];
