import { Module } from '@nestjs/common';
import { TimeGridService } from './time-grid.service';
import { TimetableResolver } from './timetable.resolver';
import { TimetableService } from './timetable.service';

@Module({ providers: [TimetableService, TimeGridService, TimetableResolver], exports: [TimetableService] })
export class TimetableModule {}
