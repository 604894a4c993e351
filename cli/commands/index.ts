// The CLI's commands. To add one: write cli/commands/<name>.ts exporting a CliCommand, list it here.
import type { CliCommand } from '../context';
import { validateCommand } from './validate';
import { webCommand } from './web';

export const COMMANDS: CliCommand[] = [validateCommand, webCommand];
