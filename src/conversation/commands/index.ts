import type { KnownPerson } from '../person-directory.js';
import { manageCommand, upgradeCommand } from './billing.js';
import { helpCommand, startCommand, stopCommand } from './opt-out.js';
import type { Command } from './types.js';

/**
 * Every command, in priority order (first match wins). Each family lives in its own file and is
 * listed here.
 */
export const COMMANDS: readonly Command[] = [
  stopCommand,
  startCommand,
  helpCommand,
  upgradeCommand,
  manageCommand,
];

const NON_ASCII = /[^\x00-\x7f]/;
const OUTER_PUNCTUATION = /^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu;

/**
 * NFKC folds full-width letters and compatibility forms (skipped for plain ASCII, which it leaves as it
 * is); outer punctuation and spaces are dropped.
 */
export function normalizeKeyword(body: string): string {
  return (NON_ASCII.test(body) ? body.normalize('NFKC') : body).trim().replace(OUTER_PUNCTUATION, '').toUpperCase();
}

export function findCommand(body: string, person: KnownPerson, commands: readonly Command[] = COMMANDS): { command: Command; keyword: string } | undefined {
  const keyword = normalizeKeyword(body);
  const command = commands.find((c) => c.matches(keyword, body, person));
  return command ? { command, keyword } : undefined;
}
