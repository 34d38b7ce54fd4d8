import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { ABSENCE_SETTINGS_DEFAULTS, UpdateAbsenceSettings, updateAbsenceSettingsSchema } from '@schulverwaltung/shared';
import { assertCan, loadVisible } from '../../common/access';
import { conflict } from '../../common/app-error';
import { parseInput } from '../../common/validation';
import { updateVersioned } from '../../common/versioned-update';
import { RequestContext } from '../../authz/request-context';
import { creationFields, recordAudit } from '../audit/audit.service';
import { loadAbsenceSettings, StoredAbsenceSettings } from '../absences/absence-rules';
import { AbsenceSettingsEntity } from '../absences/absence-settings.entity';
import { SchoolEntity } from '../schools/school.entity';
import { AbsenceSettings } from './absence-statistics.types';

// A school has one settings row, written the first time someone saves: until then the defaults
// apply with version 0, and saving with version 0 creates the row (a second creator gets CONFLICT).

const LABEL = 'Die Fehlzeiten-Einstellungen';

@Injectable()
export class AbsenceSettingsService {
  constructor(private readonly dataSource: DataSource) {}

  async get(ctx: RequestContext, schoolId: string): Promise<AbsenceSettings> {
    const manager = this.dataSource.manager;
    await loadVisible(manager, SchoolEntity, schoolId, 'School', ctx.ability, 'Schule');
    assertCan(ctx.ability, 'read', 'AbsenceSettings', { schoolId }, 'die Fehlzeiten-Einstellungen dieser Schule');
    return toSettings(schoolId, await loadAbsenceSettings(manager, schoolId));
  }

  async update(ctx: RequestContext, schoolId: string, version: number, input: unknown): Promise<AbsenceSettings> {
    const changes = parseInput(updateAbsenceSettingsSchema, input);
    return this.dataSource.transaction(async (manager) => {
      await loadVisible(manager, SchoolEntity, schoolId, 'School', ctx.ability, 'Schule');
      assertCan(ctx.ability, 'update', 'AbsenceSettings', { schoolId }, 'das Ändern der Fehlzeiten-Einstellungen');
      const current = await manager.findOneBy(AbsenceSettingsEntity, { schoolId });
      if (!current) return toSettings(schoolId, await createSettings(manager, ctx, schoolId, version, changes));
      const updated = await updateVersioned({
        manager, entity: AbsenceSettingsEntity, label: LABEL, current, expectedVersion: version, changes, actor: ctx.user!, schoolId,
      });
      return toSettings(schoolId, updated);
    });
  }
}

async function createSettings(
  manager: EntityManager, ctx: RequestContext, schoolId: string, version: number, changes: UpdateAbsenceSettings,
): Promise<AbsenceSettingsEntity> {
  if (version !== 0) throw conflict(LABEL, version, 0);
  const values = { ...ABSENCE_SETTINGS_DEFAULTS, ...changes, schoolId };
  try {
    const created = await manager.save(manager.create(AbsenceSettingsEntity, values));
    await recordAudit(manager, { actor: ctx.user!, schoolId, action: 'create', entityType: 'absence_settings', entityId: created.id, changes: creationFields(values) });
    return created;
  } catch (error) {
    // Someone else saved the first settings of this school meanwhile.
    if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') throw conflict(LABEL, version);
    throw error;
  }
}

function toSettings(schoolId: string, values: StoredAbsenceSettings): AbsenceSettings {
  return {
    schoolId, version: values.version,
    excuseDeadlineSchoolDays: values.excuseDeadlineSchoolDays, onlineExcuseAllowed: values.onlineExcuseAllowed,
    certificateOnExamDays: values.certificateOnExamDays, certificateNextToHolidays: values.certificateNextToHolidays,
    leaveClassTeacherMaxDays: values.leaveClassTeacherMaxDays, letterAfterUnexcusedDays: values.letterAfterUnexcusedDays,
    letterAfterUnexcusedLessons: values.letterAfterUnexcusedLessons, topicRequiredFromGrade: values.topicRequiredFromGrade,
  };
}
