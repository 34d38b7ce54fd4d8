// The term (Halbjahr) a page opens with: the one in the URL, else the one today falls in.

export interface TermRange {
  number: number;
  startsOn: string;
  endsOn: string;
}

/** The term containing today; before the year the first, after it (or between) the last begun. */
export function termOn(terms: TermRange[], today: string): number {
  const sorted = [...terms].sort((a, b) => a.number - b.number);
  const containing = sorted.find((term) => term.startsOn <= today && today <= term.endsOn);
  if (containing) return containing.number;
  const begun = sorted.filter((term) => term.startsOn <= today);
  return begun.length > 0 ? begun[begun.length - 1].number : sorted[0]?.number ?? 1;
}

/** ?halbjahr=1|2 (the German word users see in the address). */
export function termFromQuery(value: unknown): 1 | 2 | null {
  return value === '1' ? 1 : value === '2' ? 2 : null;
}
