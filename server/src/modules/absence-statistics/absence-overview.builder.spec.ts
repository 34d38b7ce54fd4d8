import ExcelJS from 'exceljs';
import { EMPTY_FIGURES } from '@schulverwaltung/shared';
import { ABSENCE_OVERVIEW_HEADERS, absenceOverviewFileName, AbsenceOverviewData, buildAbsenceOverviewCsv, buildAbsenceOverviewXlsx } from './absence-overview.builder';

const HEADER = 'Nr.;Nachname;Vorname;Fehltage gesamt;Fehltage entschuldigt;Fehltage unentschuldigt;Fehltage offen;'
  + 'Fehlstunden gesamt;Fehlstunden entschuldigt;Fehlstunden unentschuldigt;Fehlstunden offen;Verspätungen;Verspätung Minuten;Brief fällig';

function overview(rows: AbsenceOverviewData['rows']): AbsenceOverviewData {
  return {
    schoolName: 'Lessing-Gymnasium', className: '7b', schoolYearName: '2026/27', term: 1, from: '2026-08-01', to: '2027-01-31',
    classTeachers: ['Katrin Weiß'], printedOn: '2026-11-28', letterAfterUnexcusedDays: 3, letterAfterUnexcusedLessons: 10, rows,
  };
}

const ROWS: AbsenceOverviewData['rows'] = [
  { lastName: 'Groß', firstName: 'Jörg', letterDue: true, figures: { ...EMPTY_FIGURES, daysAbsent: 4, daysExcused: 1, daysUnexcused: 3, lessonsAbsent: 20, lessonsExcused: 6, lessonsUnexcused: 14, lateCount: 1, lateMinutes: 10 } },
  { lastName: '=cmd|calc', firstName: 'Ben', letterDue: false, figures: EMPTY_FIGURES },
];

describe('absence overview builder', () => {
  it('CSV → BOM, semicolons, CRLF, German headers, figures and the formula guard', () => {
    const csv = buildAbsenceOverviewCsv(overview(ROWS));

    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.subarray(3).toString('utf8')).toBe([
      HEADER,
      '1;Groß;Jörg;4;1;3;0;20;6;14;0;1;10;ja',
      "2;'=cmd|calc;Ben;0;0;0;0;0;0;0;0;0;0;",
      '',
    ].join('\r\n'));
  });

  it('XLSX → title with term and dates, thresholds, the header and numbers as numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await buildAbsenceOverviewXlsx(overview(ROWS)) as never);
    const sheet = workbook.worksheets[0];

    expect(sheet.name).toBe('Fehlzeiten 7b');
    expect(sheet.getCell('A1').value).toBe('Lessing-Gymnasium – Klasse 7b – Fehlzeiten 1. Halbjahr 2026/27 (01.08.2026 – 31.01.2027)');
    expect(sheet.getCell('A3').value).toBe('Brief an die Erziehungsberechtigten ab 3 unentschuldigten Fehltagen oder 10 unentschuldigten Fehlstunden');
    expect((sheet.getRow(5).values as unknown[]).slice(1)).toEqual(ABSENCE_OVERVIEW_HEADERS);
    expect((sheet.getRow(6).values as unknown[]).slice(1)).toEqual([1, 'Groß', 'Jörg', 4, 1, 3, 0, 20, 6, 14, 0, 1, 10, 'ja']);
    expect((sheet.getCell('A6').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFDE2E1');
  });

  it('file name → class, term and day', () => {
    expect(absenceOverviewFileName({ className: 'Q1 / Tutor', term: 2, printedOn: '2026-11-28' }, 'xlsx')).toBe('Fehlzeiten_Q1_Tutor_2-Halbjahr_2026-11-28.xlsx');
  });
});
