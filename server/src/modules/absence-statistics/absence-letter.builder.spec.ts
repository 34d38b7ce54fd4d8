import type { MissedDay } from '@schulverwaltung/shared';
import { AbsenceLetterData, buildAbsenceLetter, LETTER_TITLE, letterBody, periodRanges, unexcusedEntries } from './absence-letter.builder';
import { renderPdf } from './letter-pdf';

const MATHS = { id: 's-m', shortName: 'M', name: 'Mathematik' };
const ENGLISH = { id: 's-e', shortName: 'E', name: 'Englisch' };

function letter(values: Partial<AbsenceLetterData> = {}): AbsenceLetterData {
  return {
    school: { name: 'Lessing-Gymnasium', street: 'Schulstraße 1', postalCode: '10115', city: 'Berlin' },
    addressees: [{ people: [{ firstName: 'Anna', lastName: 'Weiß', gender: 'W' }, { firstName: 'Jörg', lastName: 'Weiß', gender: 'M' }], street: 'Lindenallee 5', postalCode: '10117', city: 'Berlin' }],
    pupil: { firstName: 'Özge', lastName: 'Weiß', gender: 'W', className: '7b' },
    isPupilAddressed: false,
    schoolYearName: '2026/27', term: 1, printedOn: '2026-11-28',
    daysUnexcused: 2, lessonsUnexcused: 13,
    entries: [{ date: '2026-11-23', text: 'ganzer Tag (6 Stunden)' }, { date: '2026-11-24', text: '3. Stunde (M)' }],
    classTeachers: ['Katrin Groß'],
    ...values,
  };
}

/** Every text of a pdfmake content tree, in order. */
function textsOf(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(textsOf);
  if (node && typeof node === 'object') {
    const { text, stack, columns, table, content } = node as Record<string, unknown>;
    return [text, stack, columns, (table as { body?: unknown } | undefined)?.body, content].flatMap((part) => (part === undefined ? [] : textsOf(part)));
  }
  return [];
}

describe('absence letter builder', () => {
  describe('unexcusedEntries', () => {
    const day = (values: Partial<MissedDay>): MissedDay => ({ date: '2026-11-23', isWholeDay: false, status: 'UNEXCUSED', lessons: [], ...values });

    it('should print whole unexcused days, the unexcused lessons of other days, and skip excused ones', () => {
      const entries = unexcusedEntries([
        day({ isWholeDay: true, lessons: [1, 2].map((period) => ({ period, subject: MATHS, status: 'UNEXCUSED' as const })) }),
        day({ date: '2026-11-24', lessons: [{ period: 3, subject: MATHS, status: 'UNEXCUSED' }, { period: 4, subject: ENGLISH, status: 'UNEXCUSED' }, { period: 6, subject: MATHS, status: 'EXCUSED' }] }),
        day({ date: '2026-11-25', status: 'EXCUSED', lessons: [{ period: 1, subject: MATHS, status: 'EXCUSED' }] }),
        day({ date: '2026-11-26', isWholeDay: true, lessons: [] }),
      ]);

      expect(entries).toEqual([
        { date: '2026-11-23', text: 'ganzer Tag (2 Stunden)' },
        { date: '2026-11-24', text: '3.–4. Stunde (M, E)' },
        { date: '2026-11-26', text: 'ganzer Tag' },
      ]);
    });

    it('periodRanges → should join runs of periods', () => {
      expect(periodRanges([5, 1, 2, 3])).toBe('1.–3., 5.');
      expect(periodRanges([4])).toBe('4.');
    });
  });

  describe('letterBody', () => {
    it('should name the child, the class, the term and the unexcused days and lessons', () => {
      expect(letterBody(letter())).toBe('Ihre Tochter Özge Weiß (Klasse 7b) hat im 1. Halbjahr des Schuljahres 2026/27 bis zum 28.11.2026 '
        + 'an 2 ganzen Schultagen und in insgesamt 13 Unterrichtsstunden unentschuldigt gefehlt:');
    });

    it('when the pupil is of age and addressed → should speak to them; singular forms for one', () => {
      expect(letterBody(letter({ isPupilAddressed: true, daysUnexcused: 0, lessonsUnexcused: 1 })))
        .toBe('Sie haben im 1. Halbjahr des Schuljahres 2026/27 bis zum 28.11.2026 in insgesamt 1 Unterrichtsstunde unentschuldigt gefehlt:');
    });
  });

  describe('buildAbsenceLetter', () => {
    it('should write letterhead, address, date, title, salutation, the list and the class teacher', () => {
      const texts = textsOf(buildAbsenceLetter(letter()).content);

      expect(texts).toEqual(expect.arrayContaining([
        'Lessing-Gymnasium', 'Schulstraße 1 · 10115 Berlin', 'Frau Anna Weiß', 'Herrn Jörg Weiß', 'Lindenallee 5', '10117 Berlin',
        'Berlin, 28.11.2026', LETTER_TITLE, 'Sehr geehrte Frau Weiß,\nsehr geehrter Herr Weiß,',
        'Mo, 23.11.2026', 'ganzer Tag (6 Stunden)', 'Di, 24.11.2026', '3. Stunde (M)', 'Mit freundlichen Grüßen', 'Katrin Groß', 'Klassenleitung',
      ]));
    });

    it('with two addresses → should write one page each, the second after a page break', () => {
      const second = { people: [{ firstName: 'Kim', lastName: 'Roth', gender: null }], street: 'Weg 2', postalCode: '12345', city: 'Potsdam' };
      const content = buildAbsenceLetter(letter({ addressees: [letter().addressees[0], second] })).content as Record<string, unknown>[];

      expect(content.filter((block) => block.pageBreak === 'before')).toHaveLength(1);
      expect(textsOf(content)).toEqual(expect.arrayContaining(['Kim Roth', 'Guten Tag Kim Roth,']));
    });
  });

  describe('renderPdf', () => {
    // The fonts come with the npm package dejavu-fonts-ttf, a dependency of the server.
    it('should embed DejaVu Sans (no standard-14 font) and write a PDF', async () => {
      const pdf = await renderPdf(buildAbsenceLetter(letter()));
      const raw = pdf.toString('latin1');

      expect(raw.startsWith('%PDF-')).toBe(true);
      expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
      expect(raw).toContain('/FontFile2');
      expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
    });
  });
});
