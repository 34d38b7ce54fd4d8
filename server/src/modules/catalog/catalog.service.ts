import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { roomSchema, subjectSchema, SubjectName } from '@schulverwaltung/shared';
import { assertCan, can, checkId, loadVisible } from '../../common/access';
import { withUniqueFields } from '../../common/unique-violation';
import { parseInput } from '../../common/validation';
import { updateVersioned } from '../../common/versioned-update';
import { RequestContext } from '../../authz/request-context';
import { creationFields, recordAudit } from '../audit/audit.service';
import { SchoolEntity } from '../schools/school.entity';
import { RoomEntity } from './room.entity';
import { SubjectEntity } from './subject.entity';

// Subjects and rooms are the same kind of thing: per-school short names (as in Untis) with details.
interface CatalogKind<E extends SubjectEntity | RoomEntity> {
  entity: new () => E;
  subject: Extract<SubjectName, 'Subject' | 'Room'>;
  label: string;
  table: string;
  schema: z.ZodObject<z.ZodRawShape>;
  uniqueIndex: string;
}

export const SUBJECTS: CatalogKind<SubjectEntity> = {
  entity: SubjectEntity, subject: 'Subject', label: 'Das Fach', table: 'subjects', schema: subjectSchema, uniqueIndex: 'uq_subjects_school_short_name',
};
export const ROOMS: CatalogKind<RoomEntity> = {
  entity: RoomEntity, subject: 'Room', label: 'Der Raum', table: 'rooms', schema: roomSchema, uniqueIndex: 'uq_rooms_school_short_name',
};

@Injectable()
export class CatalogService {
  constructor(private readonly dataSource: DataSource) {}

  async list<E extends SubjectEntity | RoomEntity>(ctx: RequestContext, kind: CatalogKind<E>, schoolId: string): Promise<E[]> {
    await loadVisible(this.dataSource.manager, SchoolEntity, schoolId, 'School', ctx.ability, 'Schule');
    if (!can(ctx.ability, 'read', kind.subject, { schoolId })) return [];
    return this.dataSource.getRepository(kind.entity).find({ where: { schoolId } as never, order: { shortName: 'ASC' } as never });
  }

  async create<E extends SubjectEntity | RoomEntity>(ctx: RequestContext, kind: CatalogKind<E>, schoolId: string, input: object): Promise<E> {
    assertCan(ctx.ability, 'create', kind.subject, { schoolId: checkId(schoolId, 'schoolId') });
    const values = parseInput(kind.schema, input);
    return withUniqueFields(() => this.dataSource.transaction(async (manager) => {
      const row = await manager.save(manager.create(kind.entity, { ...values, schoolId } as never) as E);
      await recordAudit(manager, { actor: ctx.user!, schoolId, action: 'create', entityType: kind.table, entityId: row.id, changes: creationFields(values) });
      return row;
    }), { [kind.uniqueIndex]: ['input.shortName', 'dieses Kürzel gibt es an der Schule schon'] });
  }

  async update<E extends SubjectEntity | RoomEntity>(ctx: RequestContext, kind: CatalogKind<E>, id: string, version: number, input: object): Promise<E> {
    const changes = parseInput(kind.schema.partial(), input);
    return withUniqueFields(() => this.dataSource.transaction(async (manager) => {
      const current = await loadVisible(manager, kind.entity, id, kind.subject, ctx.ability, kind.label);
      assertCan(ctx.ability, 'update', kind.subject, current);
      return updateVersioned({ manager, entity: kind.entity, label: kind.label, current, expectedVersion: version, changes: changes as Partial<E>, actor: ctx.user!, schoolId: current.schoolId });
    }), { [kind.uniqueIndex]: ['input.shortName', 'dieses Kürzel gibt es an der Schule schon'] });
  }
}
