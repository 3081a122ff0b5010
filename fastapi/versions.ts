// The Python side's versions for the report: uvicorn and CPython from `uvicorn --version`, FastAPI
// from the interpreter uvicorn's own script runs on.
import { execFileSync } from 'node:child_process';

const run = (file: string, args: readonly string[]): string | null => {
  try {
    return execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
};

export function pythonVersions(): string {
  // "Running uvicorn 0.17.6 with CPython 3.11.2 on Linux"
  const uvicorn =
    run('uvicorn', ['--version'])
      ?.replace(/^Running /, '')
      .replace(/ on \w+$/, '') ?? 'uvicorn (version unknown)';
  const interpreter = run('sh', ['-c', 'head -n 1 "$(command -v uvicorn)"'])
    ?.replace(/^#!\s*/, '')
    .split(' ')[0];
  const fastapi =
    interpreter === undefined ? null : run(interpreter, ['-c', 'import fastapi; print(fastapi.__version__)']);
  return `${uvicorn}, FastAPI ${fastapi ?? '(version unknown)'}`;
}
