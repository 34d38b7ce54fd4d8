import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import type { Ref } from 'vue';
import {
  UntisGroupTargetsDocument, UntisPupilTargetsDocument, UntisRoomTargetsDocument, UntisSchoolYearsDocument,
  UntisSubjectTargetsDocument, UntisTeacherTargetsDocument,
} from '@/api/generated/graphql';
import type { UntisAliasKind } from '@/api/generated/graphql';
import { groupOptions, pupilOptions, roomOptions, subjectOptions, teacherOptions } from './alias-targets';
import type { TargetOption } from './alias-targets';

export const MIN_PUPIL_SEARCH = 2;

/**
 * The records of one kind an Untis name can be mapped to. Only the kind asked for is loaded;
 * classes and courses come from the import's school year, pupils from a name search.
 */
export function useAliasTargets(kind: Ref<UntisAliasKind>, schoolId: Ref<string>, schoolYearName: Ref<string>, pupilSearch: Ref<string>) {
  const unlessKind = (wanted: UntisAliasKind) => computed(() => kind.value !== wanted);
  const school = computed(() => ({ schoolId: schoolId.value }));

  const teachers = useQuery({ query: UntisTeacherTargetsDocument, variables: school, pause: unlessKind('TEACHER') });
  const years = useQuery({ query: UntisSchoolYearsDocument, variables: school, pause: unlessKind('CLASS') });
  const schoolYearId = computed(() => years.data.value?.schoolYears.find((year) => year.name === schoolYearName.value)?.id ?? null);
  const groups = useQuery({
    query: UntisGroupTargetsDocument,
    variables: computed(() => ({ schoolId: schoolId.value, schoolYearId: schoolYearId.value ?? '' })),
    pause: computed(() => kind.value !== 'CLASS' || !schoolYearId.value),
  });
  const subjects = useQuery({ query: UntisSubjectTargetsDocument, variables: school, pause: unlessKind('SUBJECT') });
  const rooms = useQuery({ query: UntisRoomTargetsDocument, variables: school, pause: unlessKind('ROOM') });
  const pupils = useQuery({
    query: UntisPupilTargetsDocument,
    variables: computed(() => ({ schoolId: schoolId.value, search: pupilSearch.value.trim() })),
    pause: computed(() => kind.value !== 'PUPIL' || pupilSearch.value.trim().length < MIN_PUPIL_SEARCH),
  });

  const optionsOf: Record<UntisAliasKind, () => TargetOption[]> = {
    TEACHER: () => teacherOptions(teachers.data.value?.staff.items ?? []),
    CLASS: () => groupOptions(groups.data.value?.groups.items ?? []),
    SUBJECT: () => subjectOptions(subjects.data.value?.subjects ?? []),
    ROOM: () => roomOptions(rooms.data.value?.rooms ?? []),
    PUPIL: () => pupilOptions(pupils.data.value?.pupils.items ?? []),
  };
  const options = computed(() => optionsOf[kind.value]());
  const queries = [teachers, years, groups, subjects, rooms, pupils];
  const isLoading = computed(() => queries.some((query) => query.fetching.value));
  const error = computed(() => queries.map((query) => query.error.value).find(Boolean) ?? null);

  return { options, isLoading, error };
}
