// The CLI's commands. To add one: write cli/commands/<name>.ts exporting a CliCommand, list it here.
import type { CliCommand } from '../context';
import { analyzeCommand } from './analyze';
import { catalogCommand } from './catalog';
import { diffCommand } from './diff';
import { importCommand } from './import';
import { reportCommand } from './report';
import { rulesCommand } from './rules';
import { validateCommand } from './validate';
import { webCommand } from './web';

export const COMMANDS: CliCommand[] = [validateCommand, webCommand, catalogCommand, analyzeCommand, rulesCommand, reportCommand, importCommand, diffCommand];
