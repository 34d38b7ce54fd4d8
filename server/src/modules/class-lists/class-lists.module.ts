import { Module } from '@nestjs/common';
import { ClassListsController } from './class-lists.controller';

@Module({ controllers: [ClassListsController] })
export class ClassListsModule {}
