import { promises as fs } from 'node:fs';
import path from 'node:path';
import { importModel, IMPORT_FORMATS, IMPORT_FORMAT_NAMES, type ImportFormat } from '../../core/interchange/import';
import { serializeModel } from '../../core/model/canonical';
import { formatProblem } from '../../core/model/errors';
import { writeFileAtomic } from '../../core/host/files/atomic-file';
import { EXIT, UsageError, parseOptions, type CliCommand } from '../context';

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'convert a model from Threat Dragon, OTM, Threat Composer, TM-BOM, the Threat Modeling Tool (.tm7) or a CycloneDX ML-BOM into a Mercator model',
  usage: `mercator import FILE -o MODEL.mercator.json [--from auto|${IMPORT_FORMATS.join('|')}]`,
  async run(ctx) {
    const { positional, options } = parseOptions(ctx.args, { o: 'string', output: 'string', from: 'string' });
    if (positional.length !== 1) throw new UsageError('name exactly one file to import');
    const out = (options.o ?? options.output) as string | undefined;
    if (!out) throw new UsageError('say where to write the model with -o MODEL.mercator.json');
    const asked = options.from as string | undefined;
    if (asked !== undefined && asked !== 'auto' && !(IMPORT_FORMATS as readonly string[]).includes(asked)) throw new UsageError(`--from must be auto or one of ${IMPORT_FORMATS.join(', ')}, not "${asked}"`);
    const from = asked === 'auto' ? undefined : asked;
    const file = positional[0]!;
    let text: string;
    try {
      text = await fs.readFile(path.resolve(ctx.cwd, file), 'utf8');
    } catch (error) {
      ctx.err(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      return EXIT.failed;
    }
    const result = importModel(text, from ? { from: from as ImportFormat } : {});
    if (!result.ok) {
      for (const e of result.errors) ctx.err(formatProblem(e, file));
      return EXIT.failed;
    }
    if (!from) ctx.err(`detected: ${IMPORT_FORMAT_NAMES[result.format]} (--from ${result.format})`);
    for (const n of result.notes) ctx.err(`${n.level}: ${file}${n.pointer ? ` at ${n.pointer}` : ''}: ${n.message}`);
    for (const g of result.guesses) ctx.err(`kind: "${g.label}" (${g.sourceType}) → ${g.kind}, confidence ${g.confidence.toFixed(2)}: ${g.reason}`);
    await writeFileAtomic(path.resolve(ctx.cwd, out), serializeModel(result.model));
    ctx.out(`${out}: ${result.model.components.length} component(s), ${result.model.flows.length} flow(s), ${result.model.zones.length} zone(s), ${result.threats.length} threat(s) from ${result.format}`);
    return EXIT.ok;
  },
};
