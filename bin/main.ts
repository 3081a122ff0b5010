// `async-or-pool <command> [flags]`: each command is the program its make target runs, with exactly
// that program's flags and --help (its own commander definition parses them), started in this process.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command } from 'commander';
import { INVOKED_AS_ENV } from '../loadtests/observe/provenance.ts';
import { COMMANDS, type PackCommand } from './commands.ts';

const fromHere = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

async function run(command: PackCommand, flags: readonly string[]): Promise<void> {
  // --help only prints: nothing to install for it.
  if (command.setup !== undefined && !flags.includes('--help') && !flags.includes('-h')) {
    const setup = spawnSync('sh', [fromHere(command.setup.script), ...command.setup.args], { stdio: 'inherit' });
    if (setup.status !== 0) process.exit(setup.status ?? 1);
  }
  const entry = fromHere(command.entry);
  // The entry reads process.argv as under `node --import tsx <entry> <flags>`: its own flags after its
  // own path, which is also what a cluster worker (node:cluster forks process.argv[1]) and a relaunch run.
  process.argv.splice(1, process.argv.length - 1, entry, ...flags);
  process.env[INVOKED_AS_ENV] = program.name(); // reports give the command line to type again
  await import(pathToFileURL(entry).href);
}

const { version } = JSON.parse(readFileSync(fromHere('../package.json'), 'utf8')) as { version: string };
const program = new Command('async-or-pool')
  .version(version)
  .description('Should a CPU-heavy request handler just be async, or go to a pool? Measured on your machine.')
  .enablePositionalOptions()
  .helpCommand(false)
  .addHelpText(
    'after',
    '\nEach command takes the flags of its make target; `async-or-pool <command> --help` lists them.',
  );
for (const [name, command] of Object.entries(COMMANDS)) {
  program
    .command(name)
    .summary(command.summary)
    .argument('[flags...]', `the flags of make ${name} (async-or-pool ${name} --help lists them)`)
    .helpOption(false)
    .allowUnknownOption()
    .passThroughOptions()
    .action((flags: string[]) => run(command, flags));
}
await program.parseAsync(process.argv);
