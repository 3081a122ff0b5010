// What a cluster's workers and its primary tell each other. The primary keeps the one tally of
// requests across all workers, so /stats answers for the whole server whichever worker serves it.
import type { Counters } from '../../stats.ts';

export type WorkerMessage =
  | { readonly aop: 'enter' }
  | { readonly aop: 'leave'; readonly ok: boolean }
  | { readonly aop: 'read' | 'reset'; readonly id: number };

export interface PrimaryMessage {
  readonly aop: 'counters';
  readonly id: number;
  readonly counters: Counters;
}

function hasAop(message: unknown): message is { aop: unknown } {
  return typeof message === 'object' && message !== null && 'aop' in message;
}

export function isWorkerMessage(message: unknown): message is WorkerMessage {
  return hasAop(message) && ['enter', 'leave', 'read', 'reset'].includes(String(message.aop));
}

export function isPrimaryMessage(message: unknown): message is PrimaryMessage {
  return hasAop(message) && message.aop === 'counters';
}
