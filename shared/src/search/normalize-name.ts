// Names are searched in a normalised form so that "Mueller", "Müller" and "MÜLLER" are the same
// word; typo tolerance on top of this comes from trigram similarity in PostgreSQL (pg_trgm).

const GERMAN_FOLDS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', æ: 'ae', œ: 'oe' };

export function normalizeName(value: string): string {
  return value
    .toLowerCase()
    .replace(/[äöüßæœ]/g, (ch) => GERMAN_FOLDS[ch])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // strip remaining accents: é → e
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
