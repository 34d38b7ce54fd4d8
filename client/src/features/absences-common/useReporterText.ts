import { useI18n } from 'vue-i18n';
import { reporterText } from './reporter';

/** reporterText with the roles worded in the UI language. */
export function useReporterText() {
  const { t } = useI18n();
  return (absence: Parameters<typeof reporterText>[0]) => reporterText(absence, (role) => t(`enums.absenceReporter.${role}`));
}
