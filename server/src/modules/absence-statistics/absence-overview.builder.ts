import ExcelJS from 'exceljs';
import type { AbsenceFigures } from '@schulverwaltung/shared';
import { germanDate, germanExcelCsv } from '../class-lists/class-list.builder';

// Pure formatting of the class overview as CSV and XLSX (same columns, German headers); the
// controller fetches, these functions format.

export interface AbsenceOverviewData {
  schoolName: string;
  className: string;
  schoolYearName: string;
  term: number;
  from: string;
  to: string;
  classTeachers: string[];
  printedOn: string;
  letterAfterUnexcusedDays: number;
  letterAfterUnexcusedLessons: number;
  rows: { lastName: string; firstName: string; figures: AbsenceFigures; letterDue: boolean }[];
}

const FIGURE_COLUMNS: [string, keyof AbsenceFigures][] = [
  ['Fehltage gesamt', 'daysAbsent'], ['Fehltage entschuldigt', 'daysExcused'], ['Fehltage unentschuldigt', 'daysUnexcused'], ['Fehltage offen', 'daysOpen'],
  ['Fehlstunden gesamt', 'lessonsAbsent'], ['Fehlstunden entschuldigt', 'lessonsExcused'], ['Fehlstunden unentschuldigt', 'lessonsUnexcused'], ['Fehlstunden offen', 'lessonsOpen'],
  ['Verspätungen', 'lateCount'], ['Verspätung Minuten', 'lateMinutes'],
];

export const ABSENCE_OVERVIEW_HEADERS = ['Nr.', 'Nachname', 'Vorname', ...FIGURE_COLUMNS.map(([header]) => header), 'Brief fällig'];

function cellsOf(data: AbsenceOverviewData): (string | number)[][] {
  return data.rows.map((row, index) => [
    index + 1, row.lastName, row.firstName, ...FIGURE_COLUMNS.map(([, figure]) => row.figures[figure]), row.letterDue ? 'ja' : '',
  ]);
}

export function buildAbsenceOverviewCsv(data: AbsenceOverviewData): Buffer {
  return germanExcelCsv([ABSENCE_OVERVIEW_HEADERS, ...cellsOf(data).map((row) => row.map(String))]);
}

const HEADER_ROW = 5;
const LETTER_DUE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E1' } };

export async function buildAbsenceOverviewXlsx(data: AbsenceOverviewData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Schulverwaltung';
  const sheet = workbook.addWorksheet(`Fehlzeiten ${data.className}`.slice(0, 31));
  sheet.addRow([`${data.schoolName} – Klasse ${data.className} – Fehlzeiten ${termLabel(data)}`]).font = { bold: true, size: 13 };
  sheet.addRow([`Klassenleitung: ${data.classTeachers.join(', ') || '–'}`, '', '', '', `Stand: ${germanDate(data.printedOn)}`]);
  sheet.addRow([`Brief an die Erziehungsberechtigten ab ${data.letterAfterUnexcusedDays} unentschuldigten Fehltagen oder ${data.letterAfterUnexcusedLessons} unentschuldigten Fehlstunden`]);
  sheet.addRow([]);
  sheet.addRow(ABSENCE_OVERVIEW_HEADERS).font = { bold: true };
  const cells = cellsOf(data);
  data.rows.forEach((row, index) => {
    const added = sheet.addRow(cells[index]);
    if (row.letterDue) added.eachCell((cell) => { cell.fill = LETTER_DUE_FILL; });
  });
  sheet.columns.forEach((column, i) => { column.width = i === 0 ? 6 : i < 3 ? 20 : 13; });
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW + data.rows.length, column: ABSENCE_OVERVIEW_HEADERS.length } };
  sheet.views = [{ state: 'frozen', ySplit: HEADER_ROW }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** "1. Halbjahr 2026/27 (01.08.2026 – 31.01.2027)" */
export function termLabel(data: Pick<AbsenceOverviewData, 'term' | 'schoolYearName' | 'from' | 'to'>): string {
  return `${data.term}. Halbjahr ${data.schoolYearName} (${germanDate(data.from)} – ${germanDate(data.to)})`;
}

/** A file name without characters that trouble Windows or HTTP headers. */
export function absenceOverviewFileName(data: Pick<AbsenceOverviewData, 'className' | 'term' | 'printedOn'>, extension: 'csv' | 'xlsx'): string {
  const safe = data.className.replace(/[^A-Za-z0-9ÄÖÜäöüß_-]+/g, '_');
  return `Fehlzeiten_${safe}_${data.term}-Halbjahr_${data.printedOn}.${extension}`;
}
