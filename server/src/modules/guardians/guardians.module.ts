import { Module } from '@nestjs/common';
import { PupilsModule } from '../pupils/pupils.module';
import { GuardiansResolver, GuardianshipsResolver } from './guardians.resolver';
import { GuardiansService } from './guardians.service';

@Module({ imports: [PupilsModule], providers: [GuardiansService, GuardiansResolver, GuardianshipsResolver] })
export class GuardiansModule {}
