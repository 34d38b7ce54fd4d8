import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useErrorMessage } from '@/i18n/error-message';
import { refusalMessage } from './portal-errors';
import type { PortalFormField, PortalFormProblems } from './portal-form-checks';

/**
 * What a portal form shows besides its fields: the problems found before sending (keys under
 * myAbsences.problems) and the server's refusal, in words. `fieldLabels` names the server's
 * argument paths ("input.startsOn") with the form's own labels.
 */
export function usePortalForm(fieldLabels: () => Readonly<Record<string, string>>) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const problems = ref<PortalFormProblems>({});
  const failure = ref<string | null>(null);

  const problemText = (field: PortalFormField) => (problems.value[field] ? t(`myAbsences.problems.${problems.value[field]}`) : undefined);
  const showRefusal = (error: unknown) => {
    failure.value = refusalMessage(error, fieldLabels()) ?? errorMessage(error);
  };

  return { problems, failure, problemText, showRefusal };
}
