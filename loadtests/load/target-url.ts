// Where the load goes: an origin on a loopback host and a path template whose {client} token
// becomes each connection's client id. Parsed once, at the edge (--target).

import { isLoopbackAddress } from '../../server/host.ts';

export const CLIENT_TOKEN = '{client}';
/** What a spawned server of this project serves: GET /<client id>. */
export const OWN_PATH_TEMPLATE = `/${CLIENT_TOKEN}`;
/** Said in every refusal, so the user knows what would be accepted. */
export const LOOPBACK_HOSTS = '127.0.0.0/8, ::1, localhost';

export interface TargetUrl {
  /** "http://127.0.0.1:8000": where /health and /stats are asked. */
  readonly origin: string;
  /** The path and query as given, {client} kept: "/{client}", "/api/?x=1". */
  readonly pathTemplate: string;
  /** Whether the host is this machine's loopback; any other needs --allow-remote. */
  readonly loopback: boolean;
}

export class TargetUrlError extends Error {
  override name = 'TargetUrlError';
}

/** URL's host as it writes it: 127.x.y.z already normalised, IPv6 in brackets. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === '[::1]' || isLoopbackAddress(hostname);
}

/** The one line that refuses a host other than loopback, and says how to allow it. */
export function remoteRefusal(hostname: string): string {
  return `Allowed: a loopback host (${LOOPBACK_HOSTS}); ${hostname} is not one, and load is only sent to this machine (a server on another machine of yours: add --allow-remote).`;
}

/** `allowRemote`: any host (--allow-remote was given, or the caller checks `loopback` itself). */
export function parseTargetUrl(raw: string, allowRemote = false): TargetUrl {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TargetUrlError(
      `Allowed: an http:// URL such as http://127.0.0.1:8000/${CLIENT_TOKEN}; this is not a URL.`,
    );
  }
  if (url.protocol !== 'http:')
    throw new TargetUrlError(`Allowed: an http:// URL; got ${url.protocol.replace(/:$/, '')}.`);
  const loopback = isLoopbackHost(url.hostname);
  if (!loopback && !allowRemote) throw new TargetUrlError(remoteRefusal(url.hostname));
  // URL percent-encodes the braces of the token; give them back.
  const pathTemplate = `${url.pathname}${url.search}`.replaceAll(encodeURI(CLIENT_TOKEN), CLIENT_TOKEN);
  return { origin: url.origin, pathTemplate, loopback };
}

/** The path client `clientId` asks: the token replaced, or the id appended as the last segment. */
export function clientPath(pathTemplate: string, clientId: number): string {
  if (pathTemplate.includes(CLIENT_TOKEN)) return pathTemplate.replaceAll(CLIENT_TOKEN, String(clientId));
  const queryAt = pathTemplate.indexOf('?');
  const path = queryAt === -1 ? pathTemplate : pathTemplate.slice(0, queryAt);
  const query = queryAt === -1 ? '' : pathTemplate.slice(queryAt);
  return `${path.endsWith('/') ? path : `${path}/`}${clientId}${query}`;
}
