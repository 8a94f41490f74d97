import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { httpLoggerParams, type TLogStream } from './common/observability/logging';
import { AuthGuard } from './common/auth/auth.guard';
import { ProblemDetailsFilter } from './common/errors/problem-details.filter';
import { DocsController } from './common/openapi/docs.controller';
import { TAppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { CatalogueModule } from './modules/catalogue/catalogue.module';
import { DepartmentsModule } from './modules/departments/departments.module';
import { HealthModule } from './modules/health/health.module';
import { UsersModule } from './modules/users/users.module';
import { BudgetsModule } from './modules/budgets/budgets.module';
import { CommentsModule } from './modules/comments/comments.module';
import { PublicModule } from './modules/public/public.module';
import { RevisionsModule } from './modules/revisions/revisions.module';
import { WorkflowModule } from './modules/workflow/workflow.module';
import { WebClientModule } from './modules/web-client/web-client.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { PublicationsModule } from './modules/publications/publications.module';
import { OpenDataModule } from './modules/open-data/open-data.module';
import { QueueAdminModule } from './queue/admin/queue-admin.module';
import { CeilingsModule } from './modules/ceilings/ceilings.module';
import { BureauModule } from './modules/bureau/bureau.module';

/**
 * The root module. Feature modules are listed in FEATURE_MODULES; add yours there.
 * Every route is guarded by AuthGuard (@Roles / @Public) and every error leaves through ProblemDetailsFilter.
 */
const FEATURE_MODULES = [AuthModule, AuditModule, HealthModule, UsersModule, DepartmentsModule, CatalogueModule, BudgetsModule, WorkflowModule, RevisionsModule, CommentsModule, PublicModule, WebClientModule, PublicationsModule, NotificationsModule, QueueAdminModule, CeilingsModule, BureauModule, OpenDataModule];

@Module({})
export class AppModule {
  /** `logStream`: where the JSON log lines go (stdout unless a test reads them). */
  static register(config: TAppConfig, dataSource: DataSource, logStream?: TLogStream): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forConfig(config), DatabaseModule.forDataSource(dataSource, config.replica), LoggerModule.forRoot(httpLoggerParams(config, logStream)), ...FEATURE_MODULES],
      controllers: [DocsController],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
