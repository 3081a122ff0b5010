// Where a server listens: loopback by default; any other address is a server on its own box, with
// the load from elsewhere. A leaf, so the load runner checks its --target hosts with the same rule.
import { SERVER_FLAGS } from './options.ts';

/** Loopback: reachable from this machine only. */
export const HOST = '127.0.0.1';

/** 127.0.0.0/8, ::1 or localhost: a server on it cannot be reached from another machine. */
export function isLoopbackAddress(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The one line a server on another address prints at start; null on loopback. */
export function exposedWarning(host: string): string | null {
  if (isLoopbackAddress(host)) return null;
  return `warning: ${SERVER_FLAGS.host} ${host}: this server is reachable from the network, and anyone who reaches it can load its CPU; run it only on a network you trust`;
}

/** The test-only fault routes stay on loopback: null when allowed, else the one error line. */
export function faultRoutesRefusal(host: string, faultRoutes: boolean): string | null {
  if (!faultRoutes || isLoopbackAddress(host)) return null;
  return `error: ${SERVER_FLAGS.faultRoutes} is for tests on loopback only (${SERVER_FLAGS.host} ${HOST}); got ${SERVER_FLAGS.host} ${host}, reachable from the network`;
}
