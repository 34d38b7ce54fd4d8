import { Module } from '@nestjs/common';
import { AbsenceExportsController } from './absence-exports.controller';
import { AbsenceSettingsService } from './absence-settings.service';
import { AbsenceStatisticsResolver } from './absence-statistics.resolver';
import { AbsenceStatisticsService } from './absence-statistics.service';

@Module({
  controllers: [AbsenceExportsController],
  providers: [AbsenceStatisticsService, AbsenceSettingsService, AbsenceStatisticsResolver],
  exports: [AbsenceStatisticsService],
})
export class AbsenceStatisticsModule {}
