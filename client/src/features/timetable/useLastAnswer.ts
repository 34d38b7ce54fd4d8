import { ref, watch } from 'vue';
import type { Ref } from 'vue';

/**
 * The last answer a week query gave: while the next week loads, the previous one stays on screen
 * (marked busy) instead of flashing a spinner on every click of "next week".
 */
export function useLastAnswer<T>(data: Ref<T | null | undefined>): Ref<T | null> {
  const last = ref<T | null>(null) as Ref<T | null>;
  watch(data, (value) => {
    if (value) last.value = value;
  }, { immediate: true });
  return last;
}
