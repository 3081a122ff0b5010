// CPU% over the window: a mermaid xychart for markdown (it renders on the common code hosts) and
// a one-line sparkline for the terminal.
import type { CpuSample } from './figures.ts';

const SPARKS = '▁▂▃▄▅▆▇█';

/** y runs from 0 to the machine's full CPU (100% per core), or higher if a sample was. */
export function mermaidCpuChart(title: string, samples: readonly CpuSample[], cores: number): string {
  const top = Math.max(cores * 100, ...samples.map((sample) => Math.ceil(sample.cpuPercent)));
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${title.replaceAll('"', "'")}"`,
    `  x-axis "seconds into the window" [${samples.map((sample) => sample.atSeconds.toFixed(2)).join(', ')}]`,
    `  y-axis "CPU % (100 = one core)" 0 --> ${top}`,
    `  line [${samples.map((sample) => sample.cpuPercent.toFixed(0)).join(', ')}]`,
    '```',
  ].join('\n');
}

export function sparkline(samples: readonly CpuSample[], cores: number): string {
  const top = Math.max(cores * 100, ...samples.map((sample) => sample.cpuPercent));
  return samples
    .map((sample) => SPARKS[Math.min(SPARKS.length - 1, Math.floor((sample.cpuPercent / top) * SPARKS.length))])
    .join('');
}
