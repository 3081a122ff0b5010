// Where a run's two sides were: what sent the load (the engine), and where the server ran against it.
// Types of the report's JSON, like model.ts, which re-exports them.

/** --engine: what sent the load. Locust: a master and workers, here (generators) and on other machines (external). */
export type LoadEngine = { readonly name: 'autocannon' } | LocustEngine;
export interface LocustEngine {
  readonly name: 'locust';
  readonly generators: number;
  readonly external: number;
}
export const AUTOCANNON: LoadEngine = { name: 'autocannon' };

/**
 * Where a --target ran against the load generator: the same machine, or (told by its /stats, or a
 * host other than loopback) elsewhere; host name and cores null where the server could not tell.
 */
export type ServerPlacement =
  | { readonly state: 'same machine' }
  | { readonly state: 'elsewhere'; readonly hostname: string | null; readonly cpus: number | null };
