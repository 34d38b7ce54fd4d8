import { Module } from '@nestjs/common';
import { AbsenceDecisionsService } from './absence-decisions.service';
import { AbsenceEntryService } from './absence-entry.service';
import { AbsenceMutationsResolver } from './absence-mutations.resolver';
import { AbsenceQueriesService } from './absence-queries.service';
import { AbsencesResolver } from './absences.resolver';
import { PupilSearchService } from './pupil-search.service';
import { SchoolDaysResolver } from './school-days.resolver';
import { SchoolDaysService } from './school-days.service';

@Module({
  providers: [
    AbsenceEntryService, AbsenceDecisionsService, AbsenceQueriesService, PupilSearchService, SchoolDaysService,
    AbsencesResolver, AbsenceMutationsResolver, SchoolDaysResolver,
  ],
  exports: [AbsenceEntryService, AbsenceQueriesService],
})
export class AbsencesModule {}
