import { Module } from '@nestjs/common';
import { EnrolmentsResolver, PupilsResolver } from './pupils.resolver';
import { PupilsService } from './pupils.service';

@Module({ providers: [PupilsService, PupilsResolver, EnrolmentsResolver], exports: [PupilsService] })
export class PupilsModule {}
