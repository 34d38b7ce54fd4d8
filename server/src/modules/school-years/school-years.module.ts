import { Module } from '@nestjs/common';
import { SchoolYearsResolver } from './school-years.resolver';
import { SchoolYearsService } from './school-years.service';

@Module({
  providers: [SchoolYearsService, SchoolYearsResolver],
  exports: [SchoolYearsService],
})
export class SchoolYearsModule {}
