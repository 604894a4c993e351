// `mercator`: the headless host of the same engine the app uses.
import { COMMANDS } from './commands/index';
import { EXIT, UsageError, appVersion, findAppRoot, type CliIo } from './context';
import { terminalSafe } from './terminal-safe';

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'mercator — threat modeling for AI systems (MITRE ATLAS + OWASP)',
    '',
    'Usage: mercator <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options: --help, --version. Run "mercator <command> --help" for a command\'s usage.',
    'Exit codes: 0 success, 1 failure (invalid input, findings over the threshold), 2 usage error.',
  ].join('\n');
}

export async function runCli(args: string[], raw: CliIo, cwd = process.cwd()): Promise<number> {
  const appRoot = findAppRoot();
  // Every line any command prints, model text included, is made safe for a terminal here.
  const io: CliIo = { out: (t) => raw.out(terminalSafe(t)), err: (t) => raw.err(terminalSafe(t)) };
  const [first, ...rest] = args;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.out(help());
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === '--version' || first === '-v') {
    io.out(appVersion(appRoot));
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    io.err(`mercator: unknown command "${first}"\n\n${help()}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`Usage: ${command.usage}\n\n${command.summary}`);
    return EXIT.ok;
  }
  try {
    return await command.run({ ...io, args: rest, appRoot, cwd });
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`mercator ${command.name}: ${error.message}\nUsage: ${command.usage}`);
      return EXIT.usage;
    }
    io.err(`mercator ${command.name}: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failed;
  }
}

const isMain = process.argv[1] !== undefined && /mercator\.(mjs|ts)$/.test(process.argv[1]);
if (isMain) {
  runCli(process.argv.slice(2), {
    out: (t) => process.stdout.write(t + '\n'),
    err: (t) => process.stderr.write(t + '\n'),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`mercator: ${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
