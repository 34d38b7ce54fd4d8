import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  createHolidaySchema, createSchoolYearSchema, holidayTemplatesFor, schoolYearContaining, updateHolidaySchema, updateSchoolYearSchema,
} from '@schulverwaltung/shared';
import { assertCan, can, checkId, loadVisible } from '../../common/access';
import { badInput, conflict } from '../../common/app-error';
import { withUniqueFields } from '../../common/unique-violation';
import { parseInput } from '../../common/validation';
import { updateVersioned } from '../../common/versioned-update';
import { RequestContext } from '../../authz/request-context';
import { creationFields, recordAudit } from '../audit/audit.service';
import { SchoolEntity } from '../schools/school.entity';
import { HolidayEntity } from './holiday.entity';
import { SchoolYearEntity } from './school-year.entity';
import { CreateHolidayInput, CreateSchoolYearInput, UpdateHolidayInput, UpdateSchoolYearInput } from './school-year.types';

const UNIQUE_YEAR_NAME = { uq_school_years_school_name: ['input.name', 'dieses Schuljahr gibt es an der Schule schon'] as [string, string] };

@Injectable()
export class SchoolYearsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(ctx: RequestContext, schoolId: string): Promise<SchoolYearEntity[]> {
    await loadVisible(this.dataSource.manager, SchoolEntity, schoolId, 'School', ctx.ability, 'Schule');
    const years = await this.dataSource.getRepository(SchoolYearEntity).find({ where: { schoolId }, order: { startsOn: 'DESC' } });
    return years.filter((y) => can(ctx.ability, 'read', 'SchoolYear', y));
  }

  get(ctx: RequestContext, id: string): Promise<SchoolYearEntity> {
    return loadVisible(this.dataSource.manager, SchoolYearEntity, id, 'SchoolYear', ctx.ability, 'Schuljahr');
  }

  /** The school year containing `today`, with the holidays of the school's state; used for new schools. */
  async createCurrentYearFor(manager: EntityManager, school: SchoolEntity, today: string): Promise<SchoolYearEntity> {
    const range = schoolYearContaining(today);
    const year = await manager.save(manager.create(SchoolYearEntity, { schoolId: school.id, ...range, isCurrent: true }));
    const holidays = holidayTemplatesFor(school.federalState, range.name).map((h) => ({ ...h, schoolId: school.id, schoolYearId: year.id }));
    if (holidays.length > 0) await manager.insert(HolidayEntity, holidays);
    return year;
  }

  async create(ctx: RequestContext, schoolId: string, input: CreateSchoolYearInput): Promise<SchoolYearEntity> {
    const values = parseInput(createSchoolYearSchema, input);
    await loadVisible(this.dataSource.manager, SchoolEntity, schoolId, 'School', ctx.ability, 'Schule');
    assertCan(ctx.ability, 'create', 'SchoolYear', { schoolId }, 'das Anlegen von Schuljahren');
    return withUniqueFields(() => this.dataSource.transaction(async (manager) => {
      const year = await manager.save(manager.create(SchoolYearEntity, { ...values, schoolId, isCurrent: false }));
      await recordAudit(manager, { actor: ctx.user!, schoolId, action: 'create', entityType: 'school_years', entityId: year.id, changes: creationFields(values) });
      return year;
    }), UNIQUE_YEAR_NAME);
  }

  async update(ctx: RequestContext, id: string, version: number, input: UpdateSchoolYearInput): Promise<SchoolYearEntity> {
    const changes = parseInput(updateSchoolYearSchema, input);
    return withUniqueFields(() => this.dataSource.transaction(async (manager) => {
      const current = await loadVisible(manager, SchoolYearEntity, id, 'SchoolYear', ctx.ability, 'Schuljahr');
      assertCan(ctx.ability, 'update', 'SchoolYear', current, 'das Ändern dieses Schuljahres');
      parseInput(createSchoolYearSchema, { ...current, ...changes }); // the merged year must still be consistent
      return updateVersioned({ manager, entity: SchoolYearEntity, label: 'Das Schuljahr', current, expectedVersion: version, changes, actor: ctx.user!, schoolId: current.schoolId });
    }), UNIQUE_YEAR_NAME);
  }

  /** Makes this year the school's current one (exactly one is current per school). */
  async setCurrent(ctx: RequestContext, id: string, version: number): Promise<SchoolYearEntity> {
    return this.dataSource.transaction(async (manager) => {
      const year = await loadVisible(manager, SchoolYearEntity, id, 'SchoolYear', ctx.ability, 'Schuljahr');
      assertCan(ctx.ability, 'update', 'SchoolYear', year, 'das Ändern des aktuellen Schuljahres');
      // Serialise concurrent switches at one school: only one year may be current.
      await manager.query('SELECT id FROM schools WHERE id = $1 FOR UPDATE', [year.schoolId]);
      if (year.version !== version) throw conflict('Das Schuljahr', version, year.version);
      await manager.query(`UPDATE school_years SET is_current = false, version = version + 1, updated_at = now() WHERE school_id = $1 AND is_current AND id <> $2`, [year.schoolId, id]);
      return updateVersioned({ manager, entity: SchoolYearEntity, label: 'Das Schuljahr', current: year, expectedVersion: version, changes: { isCurrent: true }, actor: ctx.user!, schoolId: year.schoolId });
    });
  }

  async listHolidays(ctx: RequestContext, schoolYearId: string): Promise<HolidayEntity[]> {
    await this.get(ctx, schoolYearId);
    return this.dataSource.getRepository(HolidayEntity).find({ where: { schoolYearId }, order: { startsOn: 'ASC' } });
  }

  async createHoliday(ctx: RequestContext, schoolYearId: string, input: CreateHolidayInput): Promise<HolidayEntity> {
    const values = parseInput(createHolidaySchema, input);
    const year = await this.get(ctx, schoolYearId);
    assertCan(ctx.ability, 'create', 'Holiday', { schoolId: year.schoolId }, 'das Anlegen von Ferien');
    this.checkWithinYear(year, values.startsOn, values.endsOn);
    return this.dataSource.transaction(async (manager) => {
      const holiday = await manager.save(manager.create(HolidayEntity, { ...values, schoolId: year.schoolId, schoolYearId }));
      await recordAudit(manager, { actor: ctx.user!, schoolId: year.schoolId, action: 'create', entityType: 'holidays', entityId: holiday.id, changes: creationFields(values) });
      return holiday;
    });
  }

  async updateHoliday(ctx: RequestContext, id: string, version: number, input: UpdateHolidayInput): Promise<HolidayEntity> {
    const changes = parseInput(updateHolidaySchema, input);
    return this.dataSource.transaction(async (manager) => {
      const current = await loadVisible(manager, HolidayEntity, id, 'Holiday', ctx.ability, 'Ferientermin');
      assertCan(ctx.ability, 'update', 'Holiday', current, 'das Ändern von Ferien');
      const merged = parseInput(createHolidaySchema, { ...current, ...changes });
      this.checkWithinYear(await manager.findOneByOrFail(SchoolYearEntity, { id: current.schoolYearId }), merged.startsOn, merged.endsOn);
      return updateVersioned({ manager, entity: HolidayEntity, label: 'Der Ferientermin', current, expectedVersion: version, changes, actor: ctx.user!, schoolId: current.schoolId });
    });
  }

  async deleteHoliday(ctx: RequestContext, id: string, version: number): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const current = await loadVisible(manager, HolidayEntity, checkId(id), 'Holiday', ctx.ability, 'Ferientermin');
      assertCan(ctx.ability, 'delete', 'Holiday', current, 'das Löschen von Ferien');
      const result = await manager.delete(HolidayEntity, { id, version });
      if (result.affected === 0) throw conflict('Der Ferientermin', version, current.version);
      await recordAudit(manager, { actor: ctx.user!, schoolId: current.schoolId, action: 'delete', entityType: 'holidays', entityId: id, changes: {} });
      return id;
    });
  }

  private checkWithinYear(year: SchoolYearEntity, startsOn: string, endsOn: string) {
    if (startsOn < year.startsOn || endsOn > year.endsOn) {
      throw badInput('input.startsOn', `muss im Schuljahr ${year.name} (${year.startsOn} bis ${year.endsOn}) liegen`, 'out_of_range');
    }
  }
}
