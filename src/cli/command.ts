/** One `regapi2` subcommand. `run` returns the process exit code. */
export interface Command {
  name: string;
  /** One line for the command list in `regapi2 --help`. */
  summary: string;
  /** The full help text: the usage line first, then the options. */
  usage: string;
  run(argv: string[]): Promise<number>;
}

/** Exit codes: 0 done, 1 the call or a check failed, 2 the command line or configuration is invalid. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** A command line that cannot run: an unknown command, option or argument. main.ts prints it with the usage line. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command's help text; only its first line, the usage line, is printed with the error. */
    readonly usage: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Returns the first line of a command's help text. */
export function usageLine(command: Pick<Command, 'usage'>): string {
  return command.usage.split('\n')[0];
}
