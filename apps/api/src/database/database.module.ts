import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TAppConfig } from '../config/app-config';
import { createDataSource } from './data-source';
import { PublicReads } from './replica/public-reads';

/** A replica that does not take a connection soon is taken as down: the public's reads go to the primary. */
const REPLICA_CONNECT_TIMEOUT_MS = 2_000;

/**
 * Provides the initialised TypeORM DataSource (inject it as `DataSource`) and where the public's
 * reads go (`PublicReads`: the read replica when one is configured and fresh). The app's bootstrap
 * creates and migrates the DataSource before Nest starts (see app.factory.ts), so a module never
 * sees an unmigrated database.
 */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PublicReads) private readonly publicReads: PublicReads,
  ) {}

  static forDataSource(dataSource: DataSource, replica?: TAppConfig['replica']): DynamicModule {
    const replicaSource = replica === undefined ? undefined : createDataSource(replica.url, { poolSize: 10, applicationName: 'budgetflow-api-replica', connectTimeoutMs: REPLICA_CONNECT_TIMEOUT_MS });
    const publicReads = new PublicReads(dataSource, replicaSource, replica?.maxLagMs ?? 0);
    return {
      module: DatabaseModule,
      providers: [
        { provide: DataSource, useValue: dataSource },
        { provide: PublicReads, useValue: publicReads },
      ],
      exports: [DataSource, PublicReads],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.publicReads.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
