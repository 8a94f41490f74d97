import { SessionEntity } from '../modules/auth/entities/session.entity';
import { AuditEntryEntity } from '../modules/audit/entities/audit-entry.entity';
import { CatalogueEditionEntity } from '../modules/catalogue/entities/catalogue-edition.entity';
import { BudgetUnitEntity } from '../modules/departments/entities/budget-unit.entity';
import { DepartmentEntity } from '../modules/departments/entities/department.entity';
import { FiscalYearEntity } from '../modules/departments/entities/fiscal-year.entity';
import { UserEntity } from '../modules/users/entities/user.entity';

/** Every TypeORM entity. Add yours here (one line); the schema itself comes from migrations only. */
export const ENTITIES = [
  DepartmentEntity,
  BudgetUnitEntity,
  FiscalYearEntity,
  UserEntity,
  SessionEntity,
  CatalogueEditionEntity,
  AuditEntryEntity,
];
