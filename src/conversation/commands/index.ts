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

/** NFKC folds full-width letters and compatibility forms; outer punctuation and spaces are dropped. */
export function normalizeKeyword(body: string): string {
  return body
    .normalize('NFKC')
    .trim()
    .replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '')
    .toUpperCase();
}

export function findCommand(body: string, person: KnownPerson, commands: readonly Command[] = COMMANDS): { command: Command; keyword: string } | undefined {
  const keyword = normalizeKeyword(body);
  const command = commands.find((c) => c.matches(keyword, body, person));
  return command ? { command, keyword } : undefined;
}
