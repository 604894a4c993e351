// Handlers of the report and import calls (core/api/calls/report.ts).
import path from 'node:path';
import { ApiFailure } from '../../api/result';
import { importModel } from '../../interchange/import';
import type { Handlers } from '../dispatch';
import type { HostContext } from '../context';
import { builtinRulesDir } from '../analysis/handlers';
import { REPORT_FILE_TYPES, exportReport } from './export';
import { RulePackError } from './analysis';
import { checkLogo } from '../../report/logo';

type ReportHandlers = Pick<Handlers, Extract<keyof Handlers, `report:${string}` | `import:${string}`>>;

/** A file name from a model title: letters, digits, - and _ only. */
export function reportFileName(title: string, extension: string): string {
  const base = title.normalize('NFKD').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'report';
  return base + extension;
}

export function createReportHandlers(ctx: HostContext): ReportHandlers {
  return {
    async 'report:export'({ model, format, columns, options }) {
      const dataDir = path.dirname(builtinRulesDir(ctx));
      let logo;
      if (options?.logo) {
        const checked = checkLogo(Buffer.from(options.logo.base64, 'base64'), `"${options.logo.name}"`);
        if (!checked.ok) throw new ApiFailure('E_LOGO', `The report was not written: ${checked.error}.`);
        logo = checked.logo;
      }
      const { logo: _logo, ...report } = options ?? {};
      let result;
      try {
        result = await exportReport(model, format, {
          dataDir,
          ...(ctx.policy.root !== null ? { rulesDir: path.join(ctx.policy.root, 'rules') } : {}),
          appVersion: ctx.version,
          generatedAt: new Date().toISOString().slice(0, 10),
          ...(columns ? { trackerColumns: columns } : {}),
          report,
          ...(logo ? { logo } : {}),
        });
      } catch (error) {
        if (error instanceof RulePackError) throw new ApiFailure('E_RULE_PACK', `The report was not written: ${error.message}.`, error.problems);
        throw error;
      }
      const type = REPORT_FILE_TYPES[format];
      const fileName = reportFileName(model.meta.title, type.extension);
      const bytes = typeof result.data === 'string' ? Buffer.byteLength(result.data) : result.data.length;
      return typeof result.data === 'string'
        ? { fileName, mimeType: type.mimeType, encoding: 'text', data: result.data, bytes, findings: result.findings }
        : { fileName, mimeType: type.mimeType, encoding: 'base64', data: result.data.toString('base64'), bytes, findings: result.findings };
    },
    async 'import:convert'({ text, fileName, from }) {
      const result = importModel(text, from ? { from } : {});
      if (!result.ok) {
        const first = result.errors[0]!;
        const where = [first.pointer || null, first.line !== undefined ? `line ${first.line}, column ${first.column ?? 1}` : null].filter(Boolean).join(', ');
        throw new ApiFailure(first.code, `"${fileName}" could not be imported: ${first.message}${where ? ` (at ${where})` : ''}.`, result.errors);
      }
      return { format: result.format, model: result.model, notes: result.notes, guesses: result.guesses, threats: result.threats.length };
    },
  };
}
