import DataLoader from 'dataloader';
import { EntityManager } from 'typeorm';

export interface LoaderEnvironment {
  manager: EntityManager;
  /** Berlin calendar day of the request (age rule, validity ranges). */
  today: string;
}

export type LoaderFactory<K, V> = (env: LoaderEnvironment) => DataLoader<K, V>;

/**
 * Per-request DataLoaders: each factory is instantiated at most once per request, so all field
 * resolvers of one request share its batch and cache (no N+1, no data leaking across requests).
 */
export class RequestLoaders {
  private readonly loaders = new Map<LoaderFactory<unknown, unknown>, DataLoader<unknown, unknown>>();

  constructor(private readonly env: LoaderEnvironment) {}

  get<K, V>(factory: LoaderFactory<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(factory as LoaderFactory<unknown, unknown>);
    if (!loader) {
      loader = factory(this.env) as DataLoader<unknown, unknown>;
      this.loaders.set(factory as LoaderFactory<unknown, unknown>, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** Groups rows by a key, in the order of the requested keys (DataLoader's contract). */
export function groupByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const grouped = new Map<K, V[]>(keys.map((k) => [k, []]));
  for (const row of rows) grouped.get(keyOf(row))?.push(row);
  return keys.map((k) => grouped.get(k) ?? []);
}

/** One row (or null) per key, in key order. */
export function oneByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const byKey = new Map<K, V>(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => byKey.get(k) ?? null);
}
