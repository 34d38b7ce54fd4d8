import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { createSchoolCarrierSchema, createSchoolSchema, updateSchoolCarrierSchema, updateSchoolSchema } from '@schulverwaltung/shared';
import { assertCan, checkId, loadVisible } from '../../common/access';
import { checkPage, Page, PageInput } from '../../common/pagination';
import { withUniqueFields } from '../../common/unique-violation';
import { parseInput } from '../../common/validation';
import { updateVersioned } from '../../common/versioned-update';
import { scopeFor } from '../../authz/scope-to-sql';
import { RequestContext } from '../../authz/request-context';
import { creationFields, recordAudit } from '../audit/audit.service';
import { SchoolYearsService } from '../school-years/school-years.service';
import { SchoolCarrierEntity } from './school-carrier.entity';
import { SchoolEntity } from './school.entity';
import { CreateSchoolCarrierInput, CreateSchoolInput, UpdateSchoolCarrierInput, UpdateSchoolInput } from './school.types';

const SCHOOL_COLUMNS = { id: 's.id', carrierId: 's.carrier_id', federalState: 's.federal_state' };
const CARRIER_COLUMNS = { id: 'c.id', federalState: 'c.federal_state' };
const UNIQUE_SCHOOL_NUMBER = { uq_schools_school_number: ['input.schoolNumber', 'diese Schulnummer ist bereits vergeben'] as [string, string] };

@Injectable()
export class SchoolsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schoolYears: SchoolYearsService,
  ) {}

  async listCarriers(ctx: RequestContext): Promise<SchoolCarrierEntity[]> {
    const scope = scopeFor(ctx.ability, 'read', 'SchoolCarrier', CARRIER_COLUMNS);
    if (scope.isEmpty) return [];
    const qb = this.dataSource.getRepository(SchoolCarrierEntity).createQueryBuilder('c').orderBy('c.name');
    scope.apply(qb);
    return qb.getMany();
  }

  getCarrier(ctx: RequestContext, id: string): Promise<SchoolCarrierEntity> {
    return loadVisible(this.dataSource.manager, SchoolCarrierEntity, id, 'SchoolCarrier', ctx.ability, 'Schulträger');
  }

  async listSchools(ctx: RequestContext, pageInput?: PageInput, carrierId?: string): Promise<Page<SchoolEntity>> {
    const page = checkPage(pageInput);
    const scope = scopeFor(ctx.ability, 'read', 'School', SCHOOL_COLUMNS);
    if (scope.isEmpty) return { items: [], total: 0 };
    const qb = this.dataSource.getRepository(SchoolEntity).createQueryBuilder('s').orderBy('s.name').addOrderBy('s.id');
    if (carrierId) qb.andWhere('s.carrier_id = :carrierId', { carrierId: checkId(carrierId, 'carrierId') });
    scope.apply(qb);
    const [items, total] = await qb.skip(page.offset).take(page.limit).getManyAndCount();
    return { items, total };
  }

  getSchool(ctx: RequestContext, id: string): Promise<SchoolEntity> {
    return loadVisible(this.dataSource.manager, SchoolEntity, id, 'School', ctx.ability, 'Schule');
  }

  async createCarrier(ctx: RequestContext, input: CreateSchoolCarrierInput): Promise<SchoolCarrierEntity> {
    const values = parseInput(createSchoolCarrierSchema, input);
    assertCan(ctx.ability, 'create', 'SchoolCarrier', values, 'das Anlegen von Schulträgern in diesem Bundesland');
    return this.dataSource.transaction(async (manager) => {
      const carrier = await manager.save(manager.create(SchoolCarrierEntity, values));
      await recordAudit(manager, { actor: ctx.user!, schoolId: null, action: 'create', entityType: 'school_carriers', entityId: carrier.id, changes: creationFields(values) });
      return carrier;
    });
  }

  async updateCarrier(ctx: RequestContext, id: string, version: number, input: UpdateSchoolCarrierInput): Promise<SchoolCarrierEntity> {
    const changes = parseInput(updateSchoolCarrierSchema, input);
    return this.dataSource.transaction(async (manager) => {
      const current = await loadVisible(manager, SchoolCarrierEntity, id, 'SchoolCarrier', ctx.ability, 'Schulträger');
      assertCan(ctx.ability, 'update', 'SchoolCarrier', current, 'das Ändern dieses Schulträgers');
      return updateVersioned({ manager, entity: SchoolCarrierEntity, label: 'Der Schulträger', current, expectedVersion: version, changes, actor: ctx.user!, schoolId: null });
    });
  }

  async createSchool(ctx: RequestContext, input: CreateSchoolInput): Promise<SchoolEntity> {
    const values = { ...parseInput(createSchoolSchema, input), carrierId: input.carrierId };
    const carrier = await this.getCarrier(ctx, input.carrierId);
    assertCan(ctx.ability, 'create', 'School', { carrierId: carrier.id }, 'das Anlegen von Schulen bei diesem Schulträger');
    return withUniqueFields(() => this.dataSource.transaction(async (manager) => {
      const school = await manager.save(manager.create(SchoolEntity, values));
      await recordAudit(manager, { actor: ctx.user!, schoolId: school.id, action: 'create', entityType: 'schools', entityId: school.id, changes: creationFields(values) });
      // A new school starts with the current school year and its state's holidays, ready to use.
      await this.schoolYears.createCurrentYearFor(manager, school, ctx.today);
      return school;
    }), UNIQUE_SCHOOL_NUMBER);
  }

  async updateSchool(ctx: RequestContext, id: string, version: number, input: UpdateSchoolInput): Promise<SchoolEntity> {
    const changes = parseInput(updateSchoolSchema, input);
    return withUniqueFields(() => this.dataSource.transaction(async (manager: EntityManager) => {
      const current = await loadVisible(manager, SchoolEntity, id, 'School', ctx.ability, 'Schule');
      assertCan(ctx.ability, 'update', 'School', current, 'das Ändern dieser Schule');
      return updateVersioned({ manager, entity: SchoolEntity, label: 'Die Schule', current, expectedVersion: version, changes, actor: ctx.user!, schoolId: current.id });
    }), UNIQUE_SCHOOL_NUMBER);
  }
}
