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
}

/** Options every command accepts. */
export interface GlobalOptions {
  campaign?: string;
  lang?: string;
  debug?: boolean;
}
