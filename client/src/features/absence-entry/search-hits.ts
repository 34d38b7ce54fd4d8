// The hit list of the name search: namesakes (same first and last name) show their birth date,
// and the arrow keys move the highlight round the list.

export interface NamedHit {
  pupilId: string;
  firstName: string;
  lastName: string;
}

const fullName = (hit: NamedHit) => `${hit.firstName} ${hit.lastName}`.toLocaleLowerCase('de');

/** The ids of hits whose full name occurs more than once in the list. */
export function namesakeIds(hits: readonly NamedHit[]): Set<string> {
  const counts = new Map<string, number>();
  for (const hit of hits) counts.set(fullName(hit), (counts.get(fullName(hit)) ?? 0) + 1);
  return new Set(hits.filter((hit) => (counts.get(fullName(hit)) ?? 0) > 1).map((hit) => hit.pupilId));
}

/** The highlighted index after an arrow key: wraps at both ends; −1 (nothing) on an empty list. */
export function moveHighlight(index: number, step: 1 | -1, length: number): number {
  if (length === 0) return -1;
  if (index < 0) return step === 1 ? 0 : length - 1;
  return (index + step + length) % length;
}
