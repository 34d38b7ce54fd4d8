import { Module } from '@nestjs/common';
import { SchoolYearsModule } from '../school-years/school-years.module';
import { SchoolCarriersResolver, SchoolsResolver } from './schools.resolver';
import { SchoolsService } from './schools.service';

@Module({
  imports: [SchoolYearsModule],
  providers: [SchoolsService, SchoolsResolver, SchoolCarriersResolver],
  exports: [SchoolsService],
})
export class SchoolsModule {}
