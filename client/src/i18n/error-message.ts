import { useI18n } from 'vue-i18n';
import { badInputMessageOf, errorCodeOf } from '@/api/errors';

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

/**
 * Like useErrorMessage, but rejected input shows the server's own (German) message, which says
 * exactly what is wrong — e.g. the file, line and field of a bulk import.
 */
export function useDetailedErrorMessage() {
  const errorMessage = useErrorMessage();
  return (error: unknown, context?: string): string => badInputMessageOf(error) ?? errorMessage(error, context);
}
