import { watchEffect } from 'vue';
import { useI18n } from 'vue-i18n';

/** Sets the browser tab title ("Schüler:innen – Schulverwaltung"), following the language. */
export function usePageTitle(title: () => string | undefined): void {
  const { t } = useI18n();
  watchEffect(() => {
    const page = title();
    document.title = page ? `${page} – ${t('app.name')}` : t('app.name');
  });
}
