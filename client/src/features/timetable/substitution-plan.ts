import type { SubstitutionPlanQuery } from '@/api/generated/graphql';

// The daily substitution plan as the school reads it: by class, then period. The API already sorts
// by the first class and the period; lines of the same classes are grouped under one heading.

export type PlanEntry = SubstitutionPlanQuery['substitutionPlan'][number];

export interface PlanGroup {
  /** "7b", "7a, 7b" for a coupling, "" for lines without a class (supervision) */
  classes: string;
  /** the heading's word: a class ("Klasse 7b"), an upper-school course ("Kurs bio-L2") or mixed groups */
  heading: 'class' | 'course' | 'groups' | 'none';
  entries: PlanEntry[];
}

function headingOf(groups: PlanEntry['groups']): PlanGroup['heading'] {
  if (groups.length === 0) return 'none';
  if (groups.every((group) => group.kind === 'CLASS')) return 'class';
  if (groups.every((group) => group.kind === 'COURSE')) return 'course';
  return 'groups';
}

export function groupByClasses(entries: PlanEntry[]): PlanGroup[] {
  const groups: PlanGroup[] = [];
  const byName = new Map<string, PlanGroup>();
  for (const entry of entries) {
    const classes = entry.groups.map((group) => group.name).join(', ');
    let group = byName.get(classes);
    if (!group) {
      group = { classes, heading: headingOf(entry.groups), entries: [] };
      byName.set(classes, group);
      groups.push(group);
    }
    group.entries.push(entry);
  }
  for (const group of groups) group.entries.sort((a, b) => a.period - b.period);
  return groups;
}

/**
 * The kind a line shows (key under timetable.substitutionKinds): an added lesson is an extra lesson
 * ("Zusatzstunde") or a moved one, whatever Untis called the substitution behind it.
 */
export function planKind(entry: Pick<PlanEntry, 'kind' | 'status'>): PlanEntry['kind'] {
  if (entry.status === 'EXTRA') return entry.kind === 'SHIFTED' ? 'SHIFTED' : 'EXTRA';
  if (entry.status === 'CANCELLED') return 'CANCELLED';
  return entry.kind;
}

export interface PlanValue {
  /** what takes place ("" when nothing, e.g. cancelled) */
  current: string;
  /** what was planned, shown struck through when it differs */
  previous: string | null;
}

/** A column of a line: the new value, and the planned one when a substitution changed it. */
export function planValue(current: string[], planned: string[], isExtra: boolean): PlanValue {
  const now = current.join(', ');
  const before = planned.join(', ');
  return { current: now, previous: !isExtra && before && before !== now ? before : null };
}
