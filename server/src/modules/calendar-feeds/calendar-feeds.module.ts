import { Module } from '@nestjs/common';
import { TimetableModule } from '../timetable/timetable.module';
import { CalendarFeedsController } from './calendar-feeds.controller';
import { CalendarFeedsResolver } from './calendar-feeds.resolver';
import { CalendarFeedsService } from './calendar-feeds.service';

@Module({
  imports: [TimetableModule],
  providers: [CalendarFeedsService, CalendarFeedsResolver],
  controllers: [CalendarFeedsController],
})
export class CalendarFeedsModule {}
