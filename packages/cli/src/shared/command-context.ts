import type { Lang } from '@jianshen/schema';

/** What every command receives besides its own options: where to print and in which language. */
export interface CommandContext {
  lang: Lang;
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress bars only there). */
  interactive: boolean;
  /** Set by a command to report its outcome. */
  exitCode: number;
  /**
   * True when the CLI runs as its own process (the `jianshen` bin), not inside another program:
   * only then may a command change the process (signal handlers, V8 flags).
   */
  ownsProcess?: boolean;
}

/** Options every command accepts. */
export interface GlobalOptions {
  campaign?: string;
  lang?: string;
  debug?: boolean;
}
