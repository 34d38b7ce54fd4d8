import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { apiClient, resetApiClient } from '@/api/client';
import { SignInDocument, SignOutDocument, ViewerDocument } from '@/api/generated/graphql';
import type { ViewerFieldsFragment } from '@/api/generated/graphql';
import { applySession, parseSession } from './ability';

const SCHOOL_STORAGE_KEY = 'schulverwaltung.schoolId';

export type Viewer = ViewerFieldsFragment;
export type ViewerSchool = Viewer['schools'][number];

/** Who is signed in and which school they are working in. Server data stays in urql's cache. */
export const useSessionStore = defineStore('session', () => {
  const viewer = ref<Viewer | null>(null);
  const isLoaded = ref(false);
  const selectedSchoolId = ref<string | null>(localStorage.getItem(SCHOOL_STORAGE_KEY));
  let pendingLoad: Promise<void> | null = null;

  const isSignedIn = computed(() => viewer.value !== null);
  const schools = computed<ViewerSchool[]>(() => viewer.value?.schools ?? []);
  const currentSchool = computed<ViewerSchool | null>(
    () => schools.value.find((s) => s.id === selectedSchoolId.value) ?? schools.value[0] ?? null,
  );

  function setViewer(next: Viewer | null): void {
    viewer.value = next;
    applySession(next ? parseSession(next.session) : null);
  }

  async function fetchViewer(): Promise<void> {
    const result = await apiClient.value.query(ViewerDocument, {}, { requestPolicy: 'network-only' }).toPromise();
    if (result.error) throw result.error;
    setViewer(result.data?.me ?? null);
    isLoaded.value = true;
  }

  /** Loads the viewer once per page load; the router awaits it before the first guard decision. */
  function ensureLoaded(): Promise<void> {
    if (isLoaded.value) return Promise.resolve();
    pendingLoad ??= fetchViewer().finally(() => { pendingLoad = null; });
    return pendingLoad;
  }

  /** Throws the CombinedError of a failed sign-in; the view turns its code into a message. */
  async function signIn(username: string, password: string): Promise<void> {
    resetApiClient();
    const result = await apiClient.value.mutation(SignInDocument, { input: { username, password } }).toPromise();
    if (result.error || !result.data) throw result.error ?? new Error('Empty sign-in response');
    setViewer(result.data.signIn);
    isLoaded.value = true;
  }

  async function signOut(): Promise<void> {
    try {
      await apiClient.value.mutation(SignOutDocument, {}).toPromise();
    } finally {
      forgetViewer();
    }
  }

  /** Drops everything known about the user, e.g. when the server says the session has expired. */
  function forgetViewer(): void {
    setViewer(null);
    isLoaded.value = true;
    resetApiClient();
  }

  function selectSchool(schoolId: string): void {
    selectedSchoolId.value = schoolId;
    localStorage.setItem(SCHOOL_STORAGE_KEY, schoolId);
  }

  return {
    viewer, isLoaded, isSignedIn, schools, currentSchool,
    ensureLoaded, signIn, signOut, forgetViewer, selectSchool,
  };
});
