import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { timeGridSchema } from '@schulverwaltung/shared';
import { assertCan, can, checkId, loadVisible } from '../../common/access';
import { parseInput } from '../../common/validation';
import { RequestContext } from '../../authz/request-context';
import { recordAudit } from '../audit/audit.service';
import { SchoolEntity } from '../schools/school.entity';
import { TimeGridPeriodEntity } from './time-grid-period.entity';
import { TimeGridPeriodInput } from './timetable.types';

const GRID_ORDER = { weekday: 'ASC', period: 'ASC' } as const;

type GridValues = Pick<TimeGridPeriodEntity, 'weekday' | 'period' | 'startsAt' | 'endsAt' | 'label'>;

@Injectable()
export class TimeGridService {
  constructor(private readonly dataSource: DataSource) {}

  async get(ctx: RequestContext, schoolId: string): Promise<TimeGridPeriodEntity[]> {
    await loadVisible(this.dataSource.manager, SchoolEntity, checkId(schoolId, 'schoolId'), 'School', ctx.ability, 'Schule');
    if (!can(ctx.ability, 'read', 'TimeGrid', { schoolId })) return [];
    return this.dataSource.getRepository(TimeGridPeriodEntity).find({ where: { schoolId }, order: GRID_ORDER });
  }

  /** Replaces the school's whole time grid in one transaction; audited as one change of the school's grid. */
  async replace(ctx: RequestContext, schoolId: string, input: TimeGridPeriodInput[]): Promise<TimeGridPeriodEntity[]> {
    assertCan(ctx.ability, 'update', 'TimeGrid', { schoolId: checkId(schoolId, 'schoolId') }, 'das Ändern des Zeitrasters');
    const periods = parseInput(timeGridSchema, input, 'periods').map((p) => ({ ...p, label: p.label || null }));
    return this.dataSource.transaction(async (manager) => {
      // Two admins saving at once would both delete and then collide on insert: take turns per school.
      await manager.query('SELECT id FROM schools WHERE id = $1 FOR UPDATE', [schoolId]);
      const before = await manager.find(TimeGridPeriodEntity, { where: { schoolId }, order: GRID_ORDER });
      await manager.delete(TimeGridPeriodEntity, { schoolId });
      if (periods.length > 0) await manager.insert(TimeGridPeriodEntity, periods.map((p) => ({ ...p, schoolId })));
      const [old, next] = [before.map(gridValues), sortedGrid(periods)];
      if (JSON.stringify(old) !== JSON.stringify(next)) {
        await recordAudit(manager, {
          actor: ctx.user!, schoolId, action: 'update', entityType: 'time_grid_periods', entityId: schoolId, changes: { periods: { old, new: next } },
        });
      }
      return manager.find(TimeGridPeriodEntity, { where: { schoolId }, order: GRID_ORDER });
    });
  }
}

function gridValues(p: GridValues): GridValues {
  return { weekday: p.weekday, period: p.period, startsAt: p.startsAt, endsAt: p.endsAt, label: p.label };
}

function sortedGrid(periods: GridValues[]): GridValues[] {
  return periods.map(gridValues).sort((a, b) => a.weekday - b.weekday || a.period - b.period);
}
