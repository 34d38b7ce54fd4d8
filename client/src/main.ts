import { createApp } from 'vue';
import { createPinia } from 'pinia';
import PrimeVue from 'primevue/config';
import ToastService from 'primevue/toastservice';
import urql from '@urql/vue';
import { abilitiesPlugin } from '@casl/vue';
import 'primeicons/primeicons.css';
import './styles/main.css';
import './styles/print.css';
import App from './App.vue';
import { apiClient, setUnauthenticatedHandler } from './api/client';
import { appAbility } from './auth/ability';
import { useSessionStore } from './auth/session.store';
import { bindPrimeVueLocale, i18n, setLocale, storedLocale } from './i18n';
import { router } from './router';
import { ACCESSIBLE_PT, AppThemePreset } from './theme';

async function bootstrap(): Promise<void> {
  const app = createApp(App);
  app.use(createPinia());
  app.use(i18n);
  // Light scheme only for now: the dark selector is never set, so contrast was checked once.
  app.use(PrimeVue, {
    theme: { preset: AppThemePreset, options: { darkModeSelector: '.app-dark-mode' } },
    pt: ACCESSIBLE_PT,
  });
  app.use(ToastService);
  app.use(urql, apiClient);
  app.use(abilitiesPlugin, appAbility);
  bindPrimeVueLocale(app.config.globalProperties.$primevue.config);

  const locale = storedLocale();
  if (locale && locale !== 'de') await setLocale(locale);

  setUnauthenticatedHandler(() => {
    // The session ended on the server (expiry, sign-out in another tab): back to the sign-in page.
    useSessionStore().forgetViewer();
    const current = router.currentRoute.value;
    if (current.name !== 'sign-in') void router.replace({ name: 'sign-in', query: { weiter: current.fullPath } });
  });

  app.use(router);
  await router.isReady();
  app.mount('#app');
}

void bootstrap();
