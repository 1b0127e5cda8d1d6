const HELP = new Set(['help', '-h', '--help']);

export interface CliDefinition<C> {
  /** Printed for no command, `help`, `-h` and `--help`, and after an unknown command. */
  usage: string;
  /** Runs first, whatever the command (e.g. reads the settings); its error fails the run like a command's. */
  prepare: () => C;
  /** By command name; each resolves with the exit code. */
  commands: Readonly<Record<string, (context: C) => Promise<number>>>;
}

async function dispatch<C>(cli: CliDefinition<C>, command: string | undefined): Promise<number> {
  const context = cli.prepare();
  if (command !== undefined && Object.hasOwn(cli.commands, command)) {
    const run = cli.commands[command];
    if (run !== undefined) return await run(context);
  }
  if (command === undefined || HELP.has(command)) {
    process.stdout.write(`${cli.usage}\n`);
    return command === undefined ? 2 : 0;
  }
  process.stderr.write(`unknown command ${JSON.stringify(command)}\n\n${cli.usage}\n`);
  return 2;
}

/**
 * The entry of a small command-line tool: runs the command named by `command` (default
 * `process.argv[2]`) and sets `process.exitCode` to its result. No command prints the usage
 * (exit 2), help prints it (exit 0), an unknown command prints an error and the usage (exit 2),
 * and a thrown error prints `error: <message>` (exit 1). Never rejects.
 */
export async function runCli<C>(
  cli: CliDefinition<C>,
  command: string | undefined = process.argv[2],
): Promise<void> {
  try {
    process.exitCode = await dispatch(cli, command);
  } catch (err) {
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
