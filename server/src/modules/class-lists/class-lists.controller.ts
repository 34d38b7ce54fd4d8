import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { can, loadVisible } from '../../common/access';
import { AppError, forbidden, unauthenticated } from '../../common/app-error';
import { httpStatusOf } from '../../common/graphql-error.formatter';
import { RequestContextFactory } from '../../authz/request-context.factory';
import { RequestContext } from '../../authz/request-context';
import { GroupEntity } from '../groups/group.entity';
import { staffByGroupId } from '../groups/groups.loaders';
import { pupilsByGroupId } from '../pupils/pupils.loaders';
import { SchoolYearEntity } from '../school-years/school-year.entity';
import { SchoolEntity } from '../schools/school.entity';
import { buildClassListCsv, buildClassListXlsx, ClassListData, classListFileName } from './class-list.builder';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@Controller('api/groups')
export class ClassListsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contexts: RequestContextFactory,
  ) {}

  @Get(':id/class-list.csv')
  csv(@Param('id') id: string, @Req() req: Request, @Res() res: Response) {
    return this.send(req, res, id, async (data) => ({ body: buildClassListCsv(data), type: 'text/csv; charset=utf-8', name: classListFileName(data, 'csv') }));
  }

  @Get(':id/class-list.xlsx')
  xlsx(@Param('id') id: string, @Req() req: Request, @Res() res: Response) {
    return this.send(req, res, id, async (data) => ({ body: await buildClassListXlsx(data), type: XLSX_TYPE, name: classListFileName(data, 'xlsx') }));
  }

  private async send(req: Request, res: Response, id: string, format: (data: ClassListData) => Promise<{ body: Buffer; type: string; name: string }>) {
    try {
      const ctx = await this.contexts.create(req, res);
      const file = await format(await this.load(ctx, id));
      res.setHeader('Content-Type', file.type);
      res.setHeader('Content-Disposition', `attachment; filename="${encodeURIComponent(file.name)}"; filename*=UTF-8''${encodeURIComponent(file.name)}`);
      res.send(file.body);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      res.status(httpStatusOf(error.code)).json({ error: { code: error.code, message: error.message } });
    }
  }

  private async load(ctx: RequestContext, id: string): Promise<ClassListData> {
    if (!ctx.user) throw unauthenticated();
    const group = await loadVisible(this.dataSource.manager, GroupEntity, id, 'Group', ctx.ability, 'Klasse');
    if (!can(ctx.ability, 'export', 'ClassList', { schoolId: group.schoolId, groupId: group.id })) throw forbidden('den Export dieser Klassenliste');
    const [school, year, pupils, staff] = await Promise.all([
      this.dataSource.getRepository(SchoolEntity).findOneByOrFail({ id: group.schoolId }),
      this.dataSource.getRepository(SchoolYearEntity).findOneByOrFail({ id: group.schoolYearId }),
      ctx.loaders.get(pupilsByGroupId).load(group.id),
      ctx.loaders.get(staffByGroupId).load(group.id),
    ]);
    return {
      schoolName: school.name, groupName: group.name, schoolYearName: year.name, printedOn: ctx.today,
      classTeachers: staff.filter((s) => s.role === 'CLASS_TEACHER').map((s) => `${s.firstName} ${s.lastName}`),
      pupils: pupils.filter((p) => can(ctx.ability, 'read', 'Pupil', p)),
    };
  }
}
