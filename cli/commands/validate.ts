import { promises as fs } from 'node:fs';
import path from 'node:path';
import { loadModelBytes } from '../../core/model/load';
import { formatProblem } from '../../core/model/errors';
import { verifyBaselines } from '../../core/review/baseline';
import { EXIT, UsageError, parseOptions, type CliCommand } from '../context';

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check model files; exit 0 when all are valid, 1 when any is not',
  usage: 'mercator validate FILE... [--format text|json]',
  async run(ctx) {
    const { positional, options } = parseOptions(ctx.args, { format: 'string' });
    const format = (options.format as string | undefined) ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
    if (positional.length === 0) throw new UsageError('name at least one model file');
    const reports = [];
    for (const file of positional) {
      let bytes: Buffer;
      try {
        bytes = await fs.readFile(path.resolve(ctx.cwd, file));
      } catch (error) {
        reports.push({
          file,
          valid: false,
          errors: [{ code: 'E_READ', pointer: '', message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})` }],
          warnings: [],
        });
        continue;
      }
      const result = loadModelBytes(bytes);
      // A signed-off baseline whose snapshot no longer matches its hash makes the file fail.
      const tampered = result.ok
        ? verifyBaselines(result.model).flatMap((check, i) =>
            check.ok ? [] : [{ code: 'E_BASELINE_TAMPERED', pointer: `/baselines/${i}`, message: `baseline "${check.id}" is tampered: ${check.problem}` }],
          )
        : [];
      reports.push(
        result.ok
          ? { file, valid: tampered.length === 0, errors: tampered, warnings: result.warnings }
          : { file, valid: false, errors: result.errors, warnings: [] },
      );
    }
    if (format === 'json') ctx.out(JSON.stringify({ files: reports }, null, 2));
    else {
      for (const report of reports) {
        if (report.valid) ctx.out(`${report.file}: valid`);
        for (const warning of report.warnings) ctx.out(`warning: ${formatProblem(warning, report.file)}`);
        for (const error of report.errors) ctx.err(formatProblem(error, report.file));
      }
    }
    return reports.every((r) => r.valid) ? EXIT.ok : EXIT.failed;
  },
};
