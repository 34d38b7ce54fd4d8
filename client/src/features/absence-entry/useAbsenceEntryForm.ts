import { isOfAge } from '@schulverwaltung/shared';
import { computed, reactive, ref } from 'vue';
import type { Ref } from 'vue';
import { apiClient } from '@/api/client';
import { AbsenceEntryPupilDocument, AbsenceEntryReportDocument } from '@/api/generated/graphql';
import type { AbsenceChannel, AbsenceEntryPupilQuery } from '@/api/generated/graphql';
import { spanForChoice } from './entry-days';
import type { DayChoice, DaySpan } from './entry-days';
import type { EntryReason } from './entry-keys';
import { defaultReporter, reporterFields } from './reporter';
import type { ReporterChoice } from './reporter';

// The quick entry's state and its one write. Defaults are the routine call: today (the entry
// day), sick, reported by the mother (by the pupil when of age), by phone.

export interface SelectedPupil {
  pupilId: string;
  firstName: string;
  lastName: string;
  className?: string | null;
  birthDate?: string | null;
}

type PupilDetails = AbsenceEntryPupilQuery['pupil'];

/** Why the form cannot be sent yet (keys under absenceEntry.form.missing). */
export type MissingInput = 'pupil' | 'days' | 'range' | 'otherName';

export function useAbsenceEntryForm(schoolDays: Ref<readonly string[]>) {
  const pupil = ref<SelectedPupil | null>(null);
  const values = reactive({
    dayChoice: 'TODAY' as DayChoice,
    range: { startsOn: '', endsOn: '' },
    reason: 'SICK' as EntryReason,
    reporter: 'MOTHER' as ReporterChoice,
    otherName: '',
    channel: 'PHONE' as AbsenceChannel,
    note: '',
  });
  // The pupil's guardians (for "mother", "father"), loaded while the caller chooses the days.
  let details: Promise<PupilDetails | null> = Promise.resolve(null);

  const entryDay = computed(() => schoolDays.value[0] ?? null);
  const span = computed<DaySpan | null>(() => spanForChoice(values.dayChoice, schoolDays.value, values.range));

  function loadDetails(pupilId: string): Promise<PupilDetails | null> {
    return apiClient.value.query(AbsenceEntryPupilDocument, { id: pupilId }, { requestPolicy: 'network-only' }).toPromise()
      // Without the guardians the entry still works: the role becomes the reporter's name.
      .then((result) => result.data?.pupil ?? null, () => null);
  }

  /** Takes a pupil (a search hit, or a row of the list to phone), optionally for given days. */
  function select(next: SelectedPupil, days?: DaySpan): void {
    pupil.value = next;
    const day = entryDay.value;
    values.reporter = defaultReporter(!!next.birthDate && !!day && isOfAge(next.birthDate, day));
    details = loadDetails(next.pupilId);
    if (days) {
      const isEntryDay = days.startsOn === day && days.endsOn === day;
      values.dayChoice = isEntryDay ? 'TODAY' : 'RANGE';
      if (!isEntryDay) values.range = { ...days };
    }
  }

  function clear(): void {
    pupil.value = null;
    details = Promise.resolve(null);
    Object.assign(values, {
      dayChoice: 'TODAY', range: { startsOn: entryDay.value ?? '', endsOn: entryDay.value ?? '' }, reason: 'SICK', reporter: 'MOTHER',
      otherName: '', channel: 'PHONE', note: '',
    });
  }

  /** What is still missing, or null when the entry can be sent. */
  function missingInput(): MissingInput | null {
    if (!pupil.value) return 'pupil';
    if (!span.value) return values.dayChoice === 'RANGE' ? 'range' : 'days';
    if (values.reporter === 'OTHER' && !values.otherName.trim()) return 'otherName';
    return null;
  }

  /** Sends the entry as it stands (call missingInput first). */
  async function report() {
    const who = pupil.value!;
    const days = span.value!;
    const guardians = await details;
    const reporter = reporterFields(values.reporter, guardians, values.otherName);
    return apiClient.value.mutation(AbsenceEntryReportDocument, {
      input: {
        pupilId: who.pupilId, kind: 'DAYS', startsOn: days.startsOn, endsOn: days.endsOn, reason: values.reason,
        ...reporter, reportedVia: values.channel, note: values.note.trim() || null,
      },
    }).toPromise();
  }

  return { pupil, values, entryDay, span, select, clear, missingInput, report };
}
