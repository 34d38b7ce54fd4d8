import { onUnmounted, ref, watch } from 'vue';
import type { Ref } from 'vue';

export const SEARCH_DEBOUNCE_MS = 250;

/**
 * The text in the search box, committed after a typing pause. When the committed value changes
 * from outside (Back button), the box follows.
 */
export function useDebouncedSearch(committed: Ref<string>, commit: (value: string) => void) {
  const input = ref(committed.value);
  let timer: ReturnType<typeof setTimeout> | undefined;

  watch(input, (value) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (value.trim() !== committed.value) commit(value.trim());
    }, SEARCH_DEBOUNCE_MS);
  });
  watch(committed, (value) => {
    if (value !== input.value.trim()) input.value = value;
  });
  onUnmounted(() => clearTimeout(timer));

  return input;
}
