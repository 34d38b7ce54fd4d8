import { computed, ref } from 'vue';
import type { ClassRegisterLessonFieldsFragment, SaveClassRegisterInput } from '@/api/generated/graphql';
import { attendanceInput, rowsFromPupils, sheetFingerprint } from './attendance-sheet';
import type { AttendanceRow } from './attendance-sheet';

/**
 * What the teacher edits on a lesson's page — attendance rows, topic, homework — with the entry
 * version it is based on (optimistic locking) and whether anything changed since loading.
 */
export function useRegisterSheet() {
  const rows = ref<AttendanceRow[]>([]);
  const topic = ref('');
  const homework = ref('');
  const version = ref<number | null>(null);
  // Nothing loaded yet counts as unchanged, so the first answer is taken.
  const loadedFingerprint = ref(sheetFingerprint([], '', ''));

  function load(lesson: ClassRegisterLessonFieldsFragment): void {
    rows.value = rowsFromPupils(lesson.pupils);
    topic.value = lesson.entry?.topic ?? '';
    homework.value = lesson.entry?.homework ?? '';
    version.value = lesson.entry?.version ?? null;
    loadedFingerprint.value = sheetFingerprint(rows.value, topic.value, homework.value);
  }

  const isDirty = computed(() => sheetFingerprint(rows.value, topic.value, homework.value) !== loadedFingerprint.value);

  function input(key: { date: string; lessonLineageId: string; period: number }): SaveClassRegisterInput {
    const text = (value: string) => value.trim() || null;
    return { ...key, topic: text(topic.value), homework: text(homework.value), attendance: attendanceInput(rows.value), version: version.value };
  }

  return { rows, topic, homework, version, isDirty, load, input };
}
