import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DataSource } from 'typeorm';
import { AuthModule } from './auth/auth.module';
import { PoliciesGuard } from './authz/policies.guard';
import { RequestContextFactory } from './authz/request-context.factory';
import { APP_CONFIG, AppConfig } from './config/app.config';
import { graphqlOptions } from './graphql/graphql.options';
import { HealthController } from './health/health.controller';
import { AbsencesModule } from './modules/absences/absences.module';
import { ClassRegisterModule } from './modules/class-register/class-register.module';
import { AbsenceStatisticsModule } from './modules/absence-statistics/absence-statistics.module';
import { CalendarFeedsModule } from './modules/calendar-feeds/calendar-feeds.module';
import { CatalogModule } from './modules/catalog/catalog.module';
import { ClassListsModule } from './modules/class-lists/class-lists.module';
import { GroupsModule } from './modules/groups/groups.module';
import { GuardiansModule } from './modules/guardians/guardians.module';
import { PupilsModule } from './modules/pupils/pupils.module';
import { SchoolYearsModule } from './modules/school-years/school-years.module';
import { SchoolsModule } from './modules/schools/schools.module';
import { StaffModule } from './modules/staff/staff.module';
import { TimetableModule } from './modules/timetable/timetable.module';
import { UntisModule } from './modules/untis/untis.module';
import './common/enums.graphql';

export interface AppModuleOptions {
  config: AppConfig;
  dataSource: DataSource;
  /** Write server/schema.gql (development and the schema check); off in production and tests. */
  emitSchema: boolean;
}

@Global()
@Module({})
class CoreModule {
  static register(options: AppModuleOptions): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: DataSource, useValue: options.dataSource },
      ],
      exports: [APP_CONFIG, DataSource],
    };
  }
}

@Module({})
export class AppModule {
  static register(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.register(options),
        AuthModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule],
          inject: [RequestContextFactory],
          useFactory: (contexts: RequestContextFactory) => graphqlOptions(options.config.graphql, contexts, options.emitSchema),
        }),
        SchoolsModule, SchoolYearsModule, PupilsModule, GuardiansModule, StaffModule, GroupsModule, CatalogModule, ClassListsModule,
        TimetableModule, CalendarFeedsModule, UntisModule,
        AbsencesModule, ClassRegisterModule,
        AbsenceStatisticsModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_GUARD, useClass: PoliciesGuard }],
    };
  }
}
