import type { CliCommand } from './cli-command';
import { auditVerifyCommand } from './commands/audit-verify.command';
import { checkCommand } from './commands/check.command';
import { renderCommand } from './commands/render.command';
import { templatesCommand } from './commands/templates.command';
import { validateCommand } from './commands/validate.command';

/** Every `pnpm budget` command, one file each under commands/; add new ones (audit-verify) here. */
export const COMMANDS: readonly CliCommand[] = [validateCommand, renderCommand, checkCommand, templatesCommand, auditVerifyCommand];
