import { MissedDay, weekday } from '@schulverwaltung/shared';
import { germanDate } from '../class-lists/class-list.builder';

// The letter to the guardians about unexcused absences (Mitteilung über unentschuldigte Fehlzeiten)
// as a pdfmake document definition: plain data in, document out, one page per postal address.

export interface LetterPerson {
  firstName: string;
  lastName: string;
  gender: string | null;
}

/** One postal address with everyone who lives there and receives the letter. */
export interface LetterAddressee {
  people: LetterPerson[];
  street: string | null;
  postalCode: string | null;
  city: string | null;
}

export interface UnexcusedEntry {
  date: string;
  text: string;
}

export interface AbsenceLetterData {
  school: { name: string; street: string | null; postalCode: string | null; city: string | null };
  addressees: LetterAddressee[];
  pupil: LetterPerson & { className: string | null };
  /** an adult pupil receives the letter themself: "Sie haben …" instead of "Ihr Kind hat …" */
  isPupilAddressed: boolean;
  schoolYearName: string;
  term: number;
  printedOn: string;
  daysUnexcused: number;
  lessonsUnexcused: number;
  entries: UnexcusedEntry[];
  classTeachers: string[];
}

export const LETTER_TITLE = 'Mitteilung über unentschuldigte Fehlzeiten';
const WEEKDAYS = ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'];

/** The unexcused days and lessons, one line per day: "ganzer Tag (6 Stunden)" or "3.–4. Stunde (M, E)". */
export function unexcusedEntries(days: MissedDay[]): UnexcusedEntry[] {
  return days.flatMap((day) => {
    const unexcused = day.lessons.filter((lesson) => lesson.status === 'UNEXCUSED');
    const isWholeDayUnexcused = day.isWholeDay && day.status === 'UNEXCUSED' && unexcused.length === day.lessons.length;
    if (isWholeDayUnexcused) return [{ date: day.date, text: day.lessons.length > 0 ? `ganzer Tag (${countOf(day.lessons.length, 'Stunde', 'Stunden')})` : 'ganzer Tag' }];
    if (unexcused.length === 0) return [];
    const subjects = [...new Set(unexcused.flatMap((lesson) => (lesson.subject ? [lesson.subject.shortName] : [])))];
    return [{ date: day.date, text: `${periodRanges(unexcused.map((lesson) => lesson.period))} Stunde${subjects.length > 0 ? ` (${subjects.join(', ')})` : ''}` }];
  });
}

/** [1, 2, 3, 5] → "1.–3., 5." */
export function periodRanges(periods: number[]): string {
  const sorted = [...new Set(periods)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i];
    while (sorted[i + 1] === sorted[i] + 1) i++;
    ranges.push(start === sorted[i] ? `${start}.` : `${start}.–${sorted[i]}.`);
  }
  return ranges.join(', ');
}

function countOf(count: number, singular: string, plural: string): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

const fullName = (person: LetterPerson) => `${person.firstName} ${person.lastName}`;

/** "Frau Anna Weiß" / "Herrn Peter Weiß" / "Kim Weiß" in the address field. */
function addressLine(person: LetterPerson): string {
  const title = person.gender === 'W' ? 'Frau ' : person.gender === 'M' ? 'Herrn ' : '';
  return `${title}${fullName(person)}`;
}

/** "Sehr geehrte Frau Weiß," – one line per person; without a known gender "Guten Tag Kim Weiß,". */
function salutation(people: LetterPerson[]): string {
  return people.map((person, index) => {
    const line = person.gender === 'W' ? `sehr geehrte Frau ${person.lastName}` : person.gender === 'M' ? `sehr geehrter Herr ${person.lastName}` : `guten Tag ${fullName(person)}`;
    return `${index === 0 ? line.charAt(0).toUpperCase() + line.slice(1) : line},`;
  }).join('\n');
}

function childPhrase(pupil: LetterPerson): string {
  const child = pupil.gender === 'W' ? 'Ihre Tochter' : pupil.gender === 'M' ? 'Ihr Sohn' : 'Ihr Kind';
  return `${child} ${fullName(pupil)}`;
}

/** The main paragraph: who missed how much, when. */
export function letterBody(data: AbsenceLetterData): string {
  const subject = data.isPupilAddressed ? 'Sie haben' : `${childPhrase(data.pupil)}${data.pupil.className ? ` (Klasse ${data.pupil.className})` : ''} hat`;
  const amount = [
    data.daysUnexcused > 0 ? `an ${countOf(data.daysUnexcused, 'ganzen Schultag', 'ganzen Schultagen')}` : null,
    `in insgesamt ${countOf(data.lessonsUnexcused, 'Unterrichtsstunde', 'Unterrichtsstunden')}`,
  ].filter(Boolean).join(' und ');
  return `${subject} im ${data.term}. Halbjahr des Schuljahres ${data.schoolYearName} bis zum ${germanDate(data.printedOn)} ${amount} unentschuldigt gefehlt:`;
}

const CLOSING = 'Wir weisen darauf hin, dass die Teilnahme am Unterricht verpflichtend ist. Versäumte Entschuldigungen können nur in begründeten Ausnahmefällen nachgereicht werden. '
  + 'Bitte sorgen Sie für einen regelmäßigen Schulbesuch und nehmen Sie bei Fragen Kontakt mit der Klassenleitung auf.';
const CLOSING_ADULT = 'Wir weisen darauf hin, dass die Teilnahme am Unterricht verpflichtend ist. Versäumte Entschuldigungen können nur in begründeten Ausnahmefällen nachgereicht werden. '
  + 'Bitte nehmen Sie bei Fragen Kontakt mit Ihrer Klassenleitung auf.';

function letterhead(data: AbsenceLetterData): object {
  const address = [data.school.street, [data.school.postalCode, data.school.city].filter(Boolean).join(' ')].filter(Boolean).join(' · ');
  return {
    stack: [{ text: data.school.name, style: 'schoolName' }, ...(address ? [{ text: address, style: 'small' }] : [])],
    margin: [0, 0, 0, 36],
  };
}

function addressField(data: AbsenceLetterData, addressee: LetterAddressee): object {
  const place = [addressee.postalCode, addressee.city].filter(Boolean).join(' ');
  const senderLine = [data.school.name, data.school.street, [data.school.postalCode, data.school.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return {
    columns: [
      { width: '*', stack: [{ text: senderLine, style: 'tiny', margin: [0, 0, 0, 6] }, ...addressee.people.map(addressLine), addressee.street ?? '', place] },
      { width: 'auto', text: `${data.school.city ? `${data.school.city}, ` : ''}${germanDate(data.printedOn)}`, alignment: 'right' },
    ],
    margin: [0, 0, 0, 48],
  };
}

function entriesTable(entries: UnexcusedEntry[]): object {
  return {
    table: {
      headerRows: 1,
      widths: [90, '*'],
      body: [
        [{ text: 'Datum', bold: true }, { text: 'Unentschuldigt versäumt', bold: true }],
        ...entries.map((entry) => [`${WEEKDAYS[weekday(entry.date) - 1]}, ${germanDate(entry.date)}`, entry.text]),
      ],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 16],
  };
}

function signature(data: AbsenceLetterData): object {
  return {
    stack: ['Mit freundlichen Grüßen', { text: ' ', margin: [0, 24, 0, 0] }, data.classTeachers.join(', ') || ' ', { text: 'Klassenleitung', style: 'small' }],
    unbreakable: true,
  };
}

function page(data: AbsenceLetterData, addressee: LetterAddressee, isFirst: boolean): object[] {
  return [
    { ...letterhead(data), ...(isFirst ? {} : { pageBreak: 'before' }) },
    addressField(data, addressee),
    { text: LETTER_TITLE, style: 'title' },
    { text: `${salutation(addressee.people)}`, margin: [0, 0, 0, 10] },
    { text: letterBody(data), margin: [0, 0, 0, 10] },
    entriesTable(data.entries),
    { text: data.isPupilAddressed ? CLOSING_ADULT : CLOSING, margin: [0, 0, 0, 20] },
    signature(data),
  ];
}

/** The pdfmake document: one page per addressee (postal address), fonts chosen by the renderer. */
export function buildAbsenceLetter(data: AbsenceLetterData): Record<string, unknown> {
  return {
    info: { title: LETTER_TITLE, author: data.school.name, subject: `${fullName(data.pupil)} – ${data.term}. Halbjahr ${data.schoolYearName}` },
    language: 'de-DE',
    pageSize: 'A4',
    pageMargins: [70, 50, 55, 60],
    content: data.addressees.flatMap((addressee, index) => page(data, addressee, index === 0)),
    styles: {
      schoolName: { fontSize: 14, bold: true },
      title: { fontSize: 12, bold: true, margin: [0, 0, 0, 14] },
      small: { fontSize: 8.5, color: '#444444' },
      tiny: { fontSize: 7, color: '#444444', decoration: 'underline' },
    },
    defaultStyle: { fontSize: 10.5, lineHeight: 1.2 },
  };
}
