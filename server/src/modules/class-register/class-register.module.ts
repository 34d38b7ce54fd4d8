import { Module } from '@nestjs/common';
import { AbsencesModule } from '../absences/absences.module';
import { ClassRegisterResolver } from './class-register.resolver';
import { ClassRegisterService } from './class-register.service';
import { RegisterConflictsService } from './register-conflicts.service';

@Module({ imports: [AbsencesModule], providers: [ClassRegisterService, RegisterConflictsService, ClassRegisterResolver], exports: [ClassRegisterService] })
export class ClassRegisterModule {}
