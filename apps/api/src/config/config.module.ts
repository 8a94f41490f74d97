import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, TAppConfig } from './app-config';

/** Provides the already-validated configuration as APP_CONFIG to every module. */
@Global()
@Module({})
export class ConfigModule {
  static forConfig(config: TAppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}
