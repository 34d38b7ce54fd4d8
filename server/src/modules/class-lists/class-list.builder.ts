import ExcelJS from 'exceljs';

// Pure formatting of a class list: the controller fetches, these functions format (testable alone).

export interface ClassListData {
  schoolName: string;
  groupName: string;
  schoolYearName: string;
  classTeachers: string[];
  printedOn: string; // YYYY-MM-DD
  pupils: { lastName: string; firstName: string; birthDate: string | null; gender: string | null }[];
}

const HEADERS = ['Nr.', 'Nachname', 'Vorname', 'Geburtsdatum', 'Geschlecht'];

export const germanDate = (iso: string | null) => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '');

function rowsOf(data: ClassListData): string[][] {
  return data.pupils.map((p, i) => [String(i + 1), p.lastName, p.firstName, germanDate(p.birthDate), p.gender ?? '']);
}

// A cell starting with = + - @ would run as a formula in Excel (CSV injection): quote it as text.
export function csvField(raw: string): string {
  const value = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Semicolon-separated, UTF-8 with BOM and CRLF: what German Excel opens correctly by double-click. */
export function germanExcelCsv(rows: string[][]): Buffer {
  const lines = rows.map((row) => row.map(csvField).join(';'));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}

export function buildClassListCsv(data: ClassListData): Buffer {
  return germanExcelCsv([HEADERS, ...rowsOf(data)]);
}

export async function buildClassListXlsx(data: ClassListData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Schulverwaltung';
  const sheet = workbook.addWorksheet(`Klasse ${data.groupName}`.slice(0, 31));
  sheet.addRow([`${data.schoolName} – Klasse ${data.groupName} – Schuljahr ${data.schoolYearName}`]).font = { bold: true, size: 13 };
  sheet.addRow([`Klassenleitung: ${data.classTeachers.join(', ') || '–'}`, '', '', `Stand: ${germanDate(data.printedOn)}`]);
  sheet.addRow([]);
  const header = sheet.addRow(HEADERS);
  header.font = { bold: true };
  for (const row of rowsOf(data)) sheet.addRow([Number(row[0]), ...row.slice(1)]);
  sheet.columns.forEach((column, i) => { column.width = [6, 24, 20, 14, 12][i]; });
  sheet.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4 + data.pupils.length, column: HEADERS.length } };
  sheet.views = [{ state: 'frozen', ySplit: 4 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A file name without characters that trouble Windows or HTTP headers. */
export function classListFileName(data: ClassListData, extension: 'csv' | 'xlsx'): string {
  const safe = data.groupName.replace(/[^A-Za-z0-9ÄÖÜäöüß_-]+/g, '_');
  return `Klassenliste_${safe}_${data.printedOn}.${extension}`;
}
