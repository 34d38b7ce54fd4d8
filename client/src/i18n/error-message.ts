import { useI18n } from 'vue-i18n';
import { errorCodeOf } from '@/api/errors';

/**
 * The one mapping from server error codes to text: `errors.<CODE>`, or a screen-specific
 * `<context>.<CODE>` when that screen says it better (sign-in: "Passwort falsch").
 */
export function useErrorMessage() {
  const { t, te } = useI18n();
  return function errorMessage(error: unknown, context?: string): string {
    const code = errorCodeOf(error);
    if (context && te(`${context}.${code}`)) return t(`${context}.${code}`);
    return te(`errors.${code}`) ? t(`errors.${code}`) : t('errors.UNKNOWN');
  };
}
