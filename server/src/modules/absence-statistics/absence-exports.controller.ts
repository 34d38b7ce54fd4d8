import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { ABSENCE_SORT_FIELDS, SORT_DIRECTIONS } from '@schulverwaltung/shared';
import { checkId } from '../../common/access';
import { AppError, badInput, unauthenticated } from '../../common/app-error';
import { httpStatusOf } from '../../common/graphql-error.formatter';
import { RequestContextFactory } from '../../authz/request-context.factory';
import { RequestContext } from '../../authz/request-context';
import { buildAbsenceLetter } from './absence-letter.builder';
import { loadLetterData } from './absence-letter.data';
import {
  absenceOverviewFileName, AbsenceOverviewData, buildAbsenceOverviewCsv, buildAbsenceOverviewXlsx,
} from './absence-overview.builder';
import { loadClassHeader } from './absence-statistics.data';
import { AbsenceStatisticsService } from './absence-statistics.service';
import { renderPdf } from './letter-pdf';

// Files for the class teacher and the office, with the session cookie like the class list:
// the class overview as CSV/XLSX (GET /api/groups/:id/absence-overview.csv|.xlsx?term=1&sort=…&direction=…)
// and the letter to the guardians (GET /api/pupils/:id/absence-letter.pdf?term=1).
// The same rights as the GraphQL queries; errors as JSON { error: { code, message } }.

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface FileToSend {
  body: Buffer;
  type: string;
  name: string;
}

interface OverviewQuery {
  term?: string;
  sort?: string;
  direction?: string;
}

@Controller('api')
export class AbsenceExportsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contexts: RequestContextFactory,
    private readonly statistics: AbsenceStatisticsService,
  ) {}

  @Get('groups/:id/absence-overview.csv')
  csv(@Param('id') id: string, @Query() query: OverviewQuery, @Req() req: Request, @Res() res: Response) {
    return this.send(req, res, async (ctx) => {
      const data = await this.overview(ctx, id, query);
      return { body: buildAbsenceOverviewCsv(data), type: 'text/csv; charset=utf-8', name: absenceOverviewFileName(data, 'csv') };
    });
  }

  @Get('groups/:id/absence-overview.xlsx')
  xlsx(@Param('id') id: string, @Query() query: OverviewQuery, @Req() req: Request, @Res() res: Response) {
    return this.send(req, res, async (ctx) => {
      const data = await this.overview(ctx, id, query);
      return { body: await buildAbsenceOverviewXlsx(data), type: XLSX_TYPE, name: absenceOverviewFileName(data, 'xlsx') };
    });
  }

  @Get('pupils/:id/absence-letter.pdf')
  letter(@Param('id') id: string, @Query('term') term: string | undefined, @Req() req: Request, @Res() res: Response) {
    return this.send(req, res, async (ctx) => {
      const result = await this.statistics.pupilForLetter(ctx, checkId(id), parseTerm(term));
      const data = await loadLetterData(this.dataSource.manager, result, ctx.today);
      const name = `Fehlzeiten-Mitteilung_${data.pupil.lastName}_${data.pupil.firstName}_${ctx.today}.pdf`.replace(/[^A-Za-z0-9ÄÖÜäöüß_.-]+/g, '_');
      return { body: await renderPdf(buildAbsenceLetter(data)), type: 'application/pdf', name };
    });
  }

  private async overview(ctx: RequestContext, classId: string, query: OverviewQuery): Promise<AbsenceOverviewData> {
    const overview = await this.statistics.classOverview(ctx, checkId(classId), parseTerm(query.term), {
      field: parseChoice(query.sort, ABSENCE_SORT_FIELDS, 'sort') ?? 'NAME',
      direction: parseChoice(query.direction, SORT_DIRECTIONS, 'direction') ?? 'ASC',
    });
    const header = await loadClassHeader(this.dataSource.manager, overview.classId);
    return { ...overview, ...header, printedOn: ctx.today };
  }

  private async send(req: Request, res: Response, produce: (ctx: RequestContext) => Promise<FileToSend>) {
    try {
      const ctx = await this.contexts.create(req, res);
      if (!ctx.user) throw unauthenticated();
      const file = await produce(ctx);
      res.setHeader('Content-Type', file.type);
      res.setHeader('Content-Disposition', `attachment; filename="${encodeURIComponent(file.name)}"; filename*=UTF-8''${encodeURIComponent(file.name)}`);
      res.setHeader('Cache-Control', 'no-store');
      res.send(file.body);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      res.status(httpStatusOf(error.code)).json({ error: { code: error.code, message: error.message } });
    }
  }
}

function parseTerm(value: string | undefined): number | null {
  if (value === undefined || value === '') return null;
  if (value !== '1' && value !== '2') throw badInput('term', 'muss 1 oder 2 sein (erstes oder zweites Halbjahr)', 'invalid_term');
  return Number(value);
}

function parseChoice<T extends string>(value: string | undefined, choices: readonly T[], field: string): T | null {
  if (value === undefined || value === '') return null;
  if (!(choices as readonly string[]).includes(value)) throw badInput(field, `muss einer dieser Werte sein: ${choices.join(', ')}`, 'invalid_enum_value');
  return value as T;
}
