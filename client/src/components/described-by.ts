/**
 * The aria-describedby of a form field with an optional hint and problem, shown under it with the
 * ids `<id>-hint` and `<id>-problem`; undefined when it has neither.
 */
export function describedBy(id: string, { hint, problem }: { hint?: string; problem?: string }): string | undefined {
  return [hint ? `${id}-hint` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ') || undefined;
}
