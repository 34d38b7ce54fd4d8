import type { SeededRandom } from '../../../demo/random';
import type { LessonDraft } from './build-lessons';
import { comparePlacements, weekBitsOf, type Placement } from './untis-plan';
import type { UntisSchoolSpec } from './untis-school-spec';

// Step 2 of planning: puts every block (a single or a double period of a lesson) into a slot
// (weekday 1–5 × period) where none of its classes, teachers, rooms or course pupils is busy.
// Greedy, most constrained blocks first, each into its cheapest slot (compact class days, one block
// of a lesson per day, early periods). A block that finds no slot evicts the fewest placed blocks
// in its way and those are placed again (a bounded ejection chain), which is what makes dense
// schools fit without backtracking.

const DAYS = 5;
const ODD = 0;
const EVEN = 1;
/** Evictions allowed per block before the planner gives up on the remaining ones. */
const EVICTIONS_PER_UNIT = 8;
/** How much harder (difficulty) a unit it evicts may be: peers yes, bands and big couplings no. */
const EVICTION_MARGIN = 25;
/** Rounds of moving placed blocks to better slots (closing gaps in class days). */
const COMPACTION_ROUNDS = 4;
/** Score per course pupil who already has a course in the slot (only when overlaps are allowed). */
const PUPIL_CLASH_COST = 5;

interface Member {
  draft: LessonDraft;
  /** 1 = odd weeks, 2 = even weeks, 3 = every week */
  bits: number;
  /** classes (not for courses), teachers and course pupils: resource ids */
  fixed: number[];
  /** Course pupils whose overlaps are only avoided (courseChoiceClashes 'avoid'): pupil ids */
  softPupils: number[];
  classes: number[];
  needs: { lineIndexes: number[]; candidates: number[]; proper: number }[];
}

/** What is placed together: one block of one lesson, of a biweekly pair, or of a whole course band. */
interface Unit {
  id: number;
  members: Member[];
  length: number;
  lastPeriod: number;
  difficulty: number;
  evictions: number;
  /** Two members need the same class, teacher or pupil in the same weeks: it can never be placed. */
  isSelfConflicting: boolean;
  placed?: { day: number; start: number; rooms: number[][] };
}

export interface PlacementResult {
  placements: Placement[];
  unplaced: { lessonNumber: number; periods: number }[];
}

export function placeLessons(spec: UntisSchoolSpec, drafts: readonly LessonDraft[], random: SeededRandom): PlacementResult {
  const board = new Board(spec);
  const units = buildUnits(drafts, board, random, spec.courseChoiceClashes === 'avoid');
  new Placer(board, units, random).run();
  return collect(units, board);
}

/** Resource ids and their occupancy: occupant unit id + 1 per resource × slot × week parity. */
class Board {
  readonly periods: number;
  readonly slots: number;
  /** Resource id by kind ('class', 'teacher', 'room', 'pupil') and name */
  private readonly ids = new Map<string, Map<string, number>>();
  readonly names: string[] = [];
  occupancy: Int32Array = new Int32Array(0);
  private readonly pupilIds = new Map<string, number>();
  /** Courses per soft pupil × slot × parity */
  pupilLoad: Uint16Array = new Uint16Array(0);

  constructor(spec: UntisSchoolSpec) {
    this.periods = spec.periodsPerDay;
    this.slots = DAYS * spec.periodsPerDay;
  }

  id(kind: string, name: string): number {
    let ofKind = this.ids.get(kind);
    if (!ofKind) {
      ofKind = new Map();
      this.ids.set(kind, ofKind);
    }
    let id = ofKind.get(name);
    if (id === undefined) {
      id = this.names.length;
      ofKind.set(name, id);
      this.names.push(name);
    }
    return id;
  }

  pupilId(key: string): number {
    let id = this.pupilIds.get(key);
    if (id === undefined) {
      id = this.pupilIds.size;
      this.pupilIds.set(key, id);
    }
    return id;
  }

  /** Called once all resources are known. */
  allocate(): void {
    this.occupancy = new Int32Array(this.names.length * this.slots * 2);
    this.pupilLoad = new Uint16Array(this.pupilIds.size * this.slots * 2);
  }

  /** Index into pupilLoad, laid out like occupancy. */
  pupilIndex(pupil: number, day: number, period: number, parity: number): number {
    return ((pupil * this.slots) + (day - 1) * this.periods + (period - 1)) * 2 + parity;
  }

  index(resource: number, day: number, period: number, parity: number): number {
    return ((resource * this.slots) + (day - 1) * this.periods + (period - 1)) * 2 + parity;
  }

  /** The unit occupying the resource in any of the parities in `bits`, or 0 (ids are stored + 1). */
  occupant(resource: number, day: number, period: number, bits: number): number {
    const base = this.index(resource, day, period, ODD);
    if (bits & 1 && this.occupancy[base] !== 0) return this.occupancy[base];
    if (bits & 2 && this.occupancy[base + EVEN] !== 0) return this.occupancy[base + EVEN];
    return 0;
  }

  mark(resource: number, day: number, period: number, bits: number, value: number): void {
    const base = this.index(resource, day, period, ODD);
    if (bits & 1) this.occupancy[base] = value;
    if (bits & 2) this.occupancy[base + EVEN] = value;
  }
}

function buildUnits(drafts: readonly LessonDraft[], board: Board, random: SeededRandom, softPupils: boolean): Unit[] {
  const members = new Map(drafts.map((draft) => [draft, memberOf(draft, board, softPupils)]));
  board.allocate();
  const groups = new Map<string, LessonDraft[]>();
  for (const draft of drafts) {
    const key = draft.band ?? draft.biweeklyPair ?? `#${draft.lesson.number}`;
    groups.set(key, [...(groups.get(key) ?? []), draft]);
  }
  const units: Unit[] = [];
  for (const group of groups.values()) {
    const blocks = blocksOf(group[0]);
    for (const length of blocks) {
      const unitMembers = group.map((draft) => requireValue(members.get(draft)));
      units.push({
        id: units.length, members: unitMembers, length, evictions: 0, isSelfConflicting: isSelfConflicting(unitMembers),
        lastPeriod: Math.min(...group.map((draft) => draft.lastPeriod)),
        difficulty: difficultyOf(unitMembers, length) + random.next(),
      });
    }
  }
  return units;
}

function memberOf(draft: LessonDraft, board: Board, softPupils: boolean): Member {
  const { lesson } = draft;
  const classes = lesson.kind === 'COURSE' ? [] : lesson.classes.map((name) => board.id('class', name));
  const teachers = [...new Set(lesson.lines.map((line) => line.teacher))].map((name) => board.id('teacher', name));
  const pupilKeys = lesson.kind === 'COURSE' ? lesson.lines.flatMap((line) => line.pupils) : [];
  const pupils = softPupils ? [] : pupilKeys.map((key) => board.id('pupil', key));
  return {
    draft,
    bits: weekBitsOf(lesson.weekGroup),
    fixed: [...classes, ...teachers, ...pupils],
    softPupils: softPupils ? pupilKeys.map((key) => board.pupilId(key)) : [],
    classes,
    needs: draft.roomNeeds.map((need) => ({
      lineIndexes: need.lineIndexes,
      candidates: need.candidates.map((room) => board.id('room', room)),
      proper: need.proper,
    })),
  };
}

function isSelfConflicting(members: readonly Member[]): boolean {
  const seen = new Map<number, number>();
  for (const member of members) {
    for (const resource of new Set(member.fixed)) {
      const bits = seen.get(resource) ?? 0;
      if ((bits & member.bits) !== 0) return true;
      seen.set(resource, bits | member.bits);
    }
  }
  return false;
}

/** Double periods first, then singles: [2, 2, 1] for five periods with two doubles. */
function blocksOf(draft: LessonDraft): number[] {
  const { periodsPerWeek, doublePeriods } = draft.lesson;
  const singles = periodsPerWeek - 2 * doublePeriods;
  return [...Array<number>(doublePeriods).fill(2), ...Array<number>(Math.max(0, singles)).fill(1)];
}

function difficultyOf(members: readonly Member[], length: number): number {
  const resources = members.reduce((sum, member) => sum + member.fixed.length + member.needs.length, 0);
  // Halls and the like: few rooms and no stopgap, so they go early.
  const scarceRooms = members.some((member) => member.needs.some((need) => need.candidates.length === need.proper && need.proper <= 6)) ? 20 : 0;
  return resources * 2 + length * 10 + scarceRooms;
}

/** 0 for the preferred room, 1 for another room of the right kind, 4 for a stopgap room. */
function roomCost(need: Member['needs'][number], room: number): number {
  const index = need.candidates.indexOf(room);
  if (index === 0) return 0;
  return index < need.proper ? 1 : 4;
}

function requireValue<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('Untis planner: inconsistent lesson drafts');
  return value;
}

class Placer {
  /** Placed blocks per (lesson, day): a lesson's blocks go to different days where they can. */
  private readonly lessonDays = new Map<number, number>();
  private evictionBudget: number;

  constructor(private readonly board: Board, private readonly units: Unit[], private readonly random: SeededRandom) {
    this.evictionBudget = units.length * EVICTIONS_PER_UNIT;
  }

  run(): void {
    // A stack, hardest on top: evicted units go back on top and are placed next.
    const pending = [...this.units].sort((a, b) => a.difficulty - b.difficulty);
    while (pending.length > 0) {
      const unit = pending.pop() as Unit;
      if (unit.isSelfConflicting || this.placeCheapest(unit)) continue;
      const evicted = this.evictFor(unit);
      if (evicted) pending.push(...evicted);
    }
    this.compact();
  }

  private placeCheapest(unit: Unit): boolean {
    const best = this.cheapestSlot(unit, true);
    if (!best) return false;
    this.put(unit, best.day, best.start, best.rooms);
    return true;
  }

  private cheapestSlot(unit: Unit, withJitter: boolean): { day: number; start: number; rooms: number[][]; score: number } | undefined {
    let best: { day: number; start: number; rooms: number[][]; score: number } | undefined;
    for (let day = 1; day <= DAYS; day++) {
      for (let start = 1; start + unit.length - 1 <= unit.lastPeriod; start++) {
        const rooms = this.fit(unit, day, start);
        if (!rooms) continue;
        const score = this.score(unit, day, start, rooms) + (withJitter ? this.random.next() * 0.3 : 0);
        if (!best || score < best.score) best = { day, start, rooms, score };
      }
    }
    return best;
  }

  /**
   * Greedy placement leaves gaps that later blocks could not fill; moving each placed block of a
   * class to its now cheapest slot closes most of them. A move must gain clearly, so it ends.
   */
  private compact(): void {
    for (let round = 0; round < COMPACTION_ROUNDS; round++) {
      let moved = 0;
      for (const unit of this.units) if (unit.placed && unit.members.some((m) => m.classes.length > 0) && this.moveToCheaper(unit)) moved++;
      if (moved === 0) return;
    }
  }

  private moveToCheaper(unit: Unit): boolean {
    const current = unit.placed;
    if (!current) return false;
    this.remove(unit);
    const currentScore = this.score(unit, current.day, current.start, current.rooms);
    const best = this.cheapestSlot(unit, false);
    if (best && best.score < currentScore - 0.5) {
      this.put(unit, best.day, best.start, best.rooms);
      return true;
    }
    this.put(unit, current.day, current.start, current.rooms);
    return false;
  }

  /** The rooms per member and need if every resource is free in (day, start…), else null. */
  private fit(unit: Unit, day: number, start: number): number[][] | null {
    const end = start + unit.length - 1;
    for (const member of unit.members) {
      for (let period = start; period <= end; period++) {
        for (const resource of member.fixed) if (this.board.occupant(resource, day, period, member.bits) !== 0) return null;
      }
    }
    const chosen: { room: number; bits: number }[] = [];
    const rooms: number[][] = [];
    for (const member of unit.members) {
      const picks: number[] = [];
      for (const need of member.needs) {
        const room = need.candidates.find((candidate) =>
          !chosen.some((c) => c.room === candidate && (c.bits & member.bits) !== 0)
          && this.isFree(candidate, day, start, end, member.bits));
        if (room === undefined) return null;
        chosen.push({ room, bits: member.bits });
        picks.push(room);
      }
      rooms.push(picks);
    }
    return rooms;
  }

  private isFree(resource: number, day: number, start: number, end: number, bits: number): boolean {
    for (let period = start; period <= end; period++) if (this.board.occupant(resource, day, period, bits) !== 0) return false;
    return true;
  }

  /** Lower is better: compact class days without gaps, spread over the week, early periods. */
  private score(unit: Unit, day: number, start: number, rooms: number[][]): number {
    let score = start * 0.4;
    unit.members.forEach((member, m) => {
      if (this.lessonDays.has(this.dayKey(member.draft.lesson.number, day))) score += 15;
      member.needs.forEach((need, n) => { score += roomCost(need, rooms[m][n]); });
      for (const schoolClass of member.classes) score += this.classDayCost(schoolClass, day, start, unit.length);
      score += this.busyPupils(member, day, start, unit.length) * PUPIL_CLASH_COST;
    });
    return score;
  }

  private busyPupils(member: Member, day: number, start: number, length: number): number {
    let busy = 0;
    for (const pupil of member.softPupils) {
      for (let period = start; period < start + length; period++) {
        const index = this.board.pupilIndex(pupil, day, period, ODD);
        if ((member.bits & 1 && this.board.pupilLoad[index] > 0) || (member.bits & 2 && this.board.pupilLoad[index + EVEN] > 0)) busy++;
      }
    }
    return busy;
  }

  /**
   * What the block does to the class's day: gaps it opens (or closes, negative), a later start
   * (a free first period is only half as bad), and how full the day already is (spreads the week).
   */
  private classDayCost(schoolClass: number, day: number, start: number, length: number): number {
    const before = this.dayShape(schoolClass, day, 0, 0);
    const after = this.dayShape(schoolClass, day, start, start + length - 1);
    return (after.gaps - before.gaps) * 4 + (after.leading - before.leading) + before.busy * 1.5;
  }

  /** Busy periods, free periods between busy ones, and free periods before the first, with [from, to] busy. */
  private dayShape(schoolClass: number, day: number, from: number, to: number): { busy: number; gaps: number; leading: number } {
    let busy = 0;
    let first = 0;
    let last = 0;
    for (let period = 1; period <= this.board.periods; period++) {
      const isBusy = (period >= from && period <= to) || this.board.occupant(schoolClass, day, period, 3) !== 0;
      if (!isBusy) continue;
      busy++;
      if (first === 0) first = period;
      last = period;
    }
    if (busy === 0) return { busy, gaps: 0, leading: 0 };
    return { busy, gaps: last - first + 1 - busy, leading: first - 1 };
  }

  private put(unit: Unit, day: number, start: number, rooms: number[][]): void {
    unit.placed = { day, start, rooms };
    this.markUnit(unit, unit.id + 1);
    for (const member of unit.members) {
      const key = this.dayKey(member.draft.lesson.number, day);
      this.lessonDays.set(key, (this.lessonDays.get(key) ?? 0) + 1);
    }
  }

  private remove(unit: Unit): void {
    if (!unit.placed) return;
    this.markUnit(unit, 0);
    for (const member of unit.members) {
      const key = this.dayKey(member.draft.lesson.number, unit.placed.day);
      const count = (this.lessonDays.get(key) ?? 1) - 1;
      if (count > 0) this.lessonDays.set(key, count);
      else this.lessonDays.delete(key);
    }
    unit.placed = undefined;
  }

  private markUnit(unit: Unit, value: number): void {
    const placed = unit.placed;
    if (!placed) return;
    const delta = value === 0 ? -1 : 1;
    unit.members.forEach((member, m) => {
      for (let period = placed.start; period < placed.start + unit.length; period++) {
        for (const resource of member.fixed) this.board.mark(resource, placed.day, period, member.bits, value);
        for (const room of placed.rooms[m]) this.board.mark(room, placed.day, period, member.bits, value);
        for (const pupil of member.softPupils) {
          const index = this.board.pupilIndex(pupil, placed.day, period, ODD);
          if (member.bits & 1) this.board.pupilLoad[index] += delta;
          if (member.bits & 2) this.board.pupilLoad[index + EVEN] += delta;
        }
      }
    });
  }

  /** Frees the cheapest slot by evicting the units in its way; returns them, or null when stuck. */
  private evictFor(unit: Unit): Unit[] | null {
    if (this.evictionBudget <= 0) return null;
    let best: { day: number; start: number; blockers: Set<number>; cost: number } | undefined;
    for (let day = 1; day <= DAYS; day++) {
      for (let start = 1; start + unit.length - 1 <= unit.lastPeriod; start++) {
        const blockers = this.blockersAt(unit, day, start);
        // A much harder unit (a band, a coupling) is never evicted by an easier one: it would not fit again.
        if (!blockers || [...blockers].some((id) => this.units[id].difficulty > unit.difficulty + EVICTION_MARGIN)) continue;
        let cost = this.random.next();
        for (const id of blockers) cost += 1 + 3 * this.units[id].evictions;
        if (!best || cost < best.cost) best = { day, start, blockers, cost };
      }
    }
    if (!best) return null;
    const evicted = [...best.blockers].map((id) => ({ unit: this.units[id], at: this.units[id].placed }));
    evicted.forEach(({ unit: other }) => this.remove(other));
    const rooms = this.fit(unit, best.day, best.start);
    if (!rooms) {
      // Rooms picked in another order can still clash: undo, the unit stays unplaced.
      for (const { unit: other, at } of evicted) if (at) this.put(other, at.day, at.start, at.rooms);
      return null;
    }
    this.put(unit, best.day, best.start, rooms);
    evicted.forEach(({ unit: other }) => other.evictions++);
    this.evictionBudget -= evicted.length;
    return evicted.map(({ unit: other }) => other);
  }

  /** Units occupying what `unit` needs in (day, start…); for rooms the best candidate's occupants. */
  private blockersAt(unit: Unit, day: number, start: number): Set<number> | null {
    const blockers = new Set<number>();
    const end = start + unit.length - 1;
    for (const member of unit.members) {
      for (let period = start; period <= end; period++) {
        for (const resource of member.fixed) this.addOccupants(blockers, resource, day, period, member.bits);
      }
    }
    const taken = new Set<number>();
    for (const member of unit.members) {
      for (const need of member.needs) {
        const room = this.leastBlockedRoom(need.candidates, taken, day, start, end, member.bits);
        if (room === undefined) return null;
        taken.add(room);
        for (let period = start; period <= end; period++) this.addOccupants(blockers, room, day, period, member.bits);
      }
    }
    blockers.delete(unit.id);
    return blockers;
  }

  private leastBlockedRoom(candidates: readonly number[], taken: ReadonlySet<number>, day: number, start: number, end: number, bits: number): number | undefined {
    let best: number | undefined;
    let fewest = Infinity;
    for (const room of candidates) {
      if (taken.has(room)) continue;
      let occupied = 0;
      for (let period = start; period <= end; period++) if (this.board.occupant(room, day, period, bits) !== 0) occupied++;
      if (occupied < fewest) {
        best = room;
        fewest = occupied;
        if (fewest === 0) break;
      }
    }
    return best;
  }

  private addOccupants(into: Set<number>, resource: number, day: number, period: number, bits: number): void {
    const base = this.board.index(resource, day, period, ODD);
    if (bits & 1 && this.board.occupancy[base] !== 0) into.add(this.board.occupancy[base] - 1);
    if (bits & 2 && this.board.occupancy[base + EVEN] !== 0) into.add(this.board.occupancy[base + EVEN] - 1);
  }

  private dayKey(lessonNumber: number, day: number): number {
    return lessonNumber * 8 + day;
  }
}

function collect(units: readonly Unit[], board: Board): PlacementResult {
  const placements: Placement[] = [];
  const unplaced = new Map<number, number>();
  for (const unit of units) {
    const placed = unit.placed;
    unit.members.forEach((member, m) => {
      const number = member.draft.lesson.number;
      if (!placed) {
        unplaced.set(number, (unplaced.get(number) ?? 0) + unit.length);
        return;
      }
      const rooms = roomsPerLine(member, placed.rooms[m], board);
      for (let period = placed.start; period < placed.start + unit.length; period++) {
        placements.push({ lessonNumber: number, weekday: placed.day, period, rooms: [...rooms] });
      }
    });
  }
  placements.sort(comparePlacements);
  return { placements, unplaced: [...unplaced.entries()].map(([lessonNumber, periods]) => ({ lessonNumber, periods })) };
}

function roomsPerLine(member: Member, picks: readonly number[], board: Board): (string | null)[] {
  const rooms: (string | null)[] = member.draft.lesson.lines.map(() => null);
  member.needs.forEach((need, n) => {
    for (const line of need.lineIndexes) rooms[line] = board.names[picks[n]];
  });
  return rooms;
}
