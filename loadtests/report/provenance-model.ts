// Where a report's numbers come from: the machine, the versions, the commit and the command.

export interface Machine {
  /** The load generator's machine: the one that wrote the report. */
  readonly hostname: string;
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryBytes: number;
  readonly node: string;
  readonly platform: string;
}

/** Where a report's numbers come from; every report opens with it. */
export interface Provenance {
  readonly command: string;
  readonly dateUtc: string;
  readonly commit: string;
  readonly machine: Machine;
  readonly packages: Readonly<Record<string, string>>;
}
