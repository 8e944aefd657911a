import { type DynamicModule, Module } from '@nestjs/common';
import { DatabasePool } from '../database/database.module';
import { type RuntimeSettings, type RuntimeSettingsOptions } from './runtime-settings';
import { RuntimeSettingsStore } from './runtime-settings.store';
import { type SettingsDefinition, type SettingsShape } from './settings-definition';

/** A service's subclass of RuntimeSettings: the token its settings are injected by. */
export type RuntimeSettingsClass<T extends SettingsShape<T>> = new (
  store: RuntimeSettingsStore,
  definition: SettingsDefinition<T>,
  options: RuntimeSettingsOptions,
) => RuntimeSettings<T>;

export interface RuntimeSettingsModuleOptions<
  T extends SettingsShape<T>,
> extends RuntimeSettingsOptions {
  readonly provide: RuntimeSettingsClass<T>;
  readonly definition: SettingsDefinition<T>;
}

@Module({})
export class RuntimeSettingsModule {
  /**
   * Provides the service's runtime settings (see RuntimeSettings) to every module, over the
   * service's pool; needs the tables of RUNTIME_SETTINGS_TABLES_SQL in its database.
   */
  static forService<T extends SettingsShape<T>>(
    options: RuntimeSettingsModuleOptions<T>,
  ): DynamicModule {
    const { provide, definition } = options;
    return {
      module: RuntimeSettingsModule,
      global: true,
      providers: [
        {
          provide,
          useFactory: (pool: DatabasePool) =>
            new provide(new RuntimeSettingsStore(pool), definition, options),
          inject: [DatabasePool],
        },
      ],
      exports: [provide],
    };
  }
}
