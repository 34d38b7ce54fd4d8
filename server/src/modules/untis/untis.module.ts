import { Module } from '@nestjs/common';
import { UntisResolver } from './untis.resolver';
import { UntisService } from './untis.service';

@Module({ providers: [UntisService, UntisResolver], exports: [UntisService] })
export class UntisModule {}
