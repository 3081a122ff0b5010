// The CPU cost of one request of a variant on this machine: a few requests sent one at a time
// (single-threaded repetitions of the work unit), each timed by the server's own CPU clock.
import { Agent, get } from 'node:http';
import type { StatsBody } from '../server/stats.ts';

export const CALIBRATION_REQUESTS = 5;

/** One keep-alive connection, so a cluster serves all of them from the same worker. */
function getJson(agent: Agent, url: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        if (response.statusCode !== 200) reject(new Error(`a calibration request (GET ${new URL(url).pathname}, sent alone) was answered ${response.statusCode}: ${body.slice(0, 200)}`));
        else resolve(JSON.parse(body));
      });
    }).on('error', reject);
  });
}

const cpuMs = (stats: StatsBody): number => stats.cpuUserMs + stats.cpuSystemMs;

/** Median CPU milliseconds the server spent on one request, over CALIBRATION_REQUESTS requests. */
export async function calibrateCpuMsPerRequest(baseUrl: string): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const costs: number[] = [];
    for (let i = 0; i < CALIBRATION_REQUESTS; i++) {
      const before = (await getJson(agent, `${baseUrl}/stats`)) as StatsBody;
      await getJson(agent, `${baseUrl}/1`);
      const after = (await getJson(agent, `${baseUrl}/stats`)) as StatsBody;
      costs.push(cpuMs(after) - cpuMs(before));
    }
    return costs.sort((a, b) => a - b)[Math.floor(costs.length / 2)] ?? 0;
  } finally {
    agent.destroy();
  }
}
