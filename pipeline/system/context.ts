// Side effects are passed in, never reached for: the clock, the log, the environment and where
// results are printed. Tests hand in a fixed clock and a silent or collecting log.

export interface Logger {
  /** for the run log only: a terminal gets the summary instead */
  detail(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** progress of a long stage; a terminal shows a bar, a log file plain lines */
  progress(stage: string, done: number, total: number): void;
}

export interface Context {
  readonly clock: () => Date;
  readonly log: Logger;
  readonly env: NodeJS.ProcessEnv;
  /** where results (not log lines) go: standard output for the CLI */
  readonly print: (text: string) => void;
}

export const silentLogger: Logger = { detail() {}, info() {}, warn() {}, error() {}, progress() {} };

/** A logger that keeps every line, for tests. */
export function collectingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    detail: (m) => lines.push(`DETAIL ${m}`),
    info: (m) => lines.push(`INFO ${m}`),
    warn: (m) => lines.push(`WARN ${m}`),
    error: (m) => lines.push(`ERROR ${m}`),
    progress: (s, d, t) => lines.push(`PROGRESS ${s} ${d}/${t}`)
  };
}

export function testContext(overrides: Partial<Context> = {}): Context {
  return {
    clock: () => new Date("2026-01-15T02:00:00+01:00"),
    log: silentLogger,
    env: {},
    print: () => {},
    ...overrides
  };
}
