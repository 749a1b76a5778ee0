/**
 * Checks on a model's answer before anyone sees it. The client already rejects answers with no text,
 * refusals and runaways; these catch what only the reply step can judge.
 */
export type OutputProblem = 'no_content' | 'system_prompt_leak';

// Ten words in a row copied from the instructions is a dump, not a coincidence: ordinary advice shares
// phrases like "contact your healthcare provider" (5 words) with the prompt, never ten.
const LEAK_RUN_WORDS = 10;

const words = (text: string) => text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];

/** True when the answer repeats a run of LEAK_RUN_WORDS (or all, if shorter) consecutive words of an instruction text. */
export function leaksInstructions(answer: string, instructions: string[]): boolean {
  const answerWords = words(answer);
  for (const instruction of instructions) {
    const secret = words(instruction);
    const n = Math.min(LEAK_RUN_WORDS, secret.length);
    if (n < 5 || answerWords.length < n) continue;
    const runs = new Set<string>();
    for (let i = 0; i + n <= secret.length; i++) runs.add(secret.slice(i, i + n).join(' '));
    for (let i = 0; i + n <= answerWords.length; i++) if (runs.has(answerWords.slice(i, i + n).join(' '))) return true;
  }
  return false;
}

export function checkAnswer(answer: string, instructions: string[]): OutputProblem | undefined {
  if (!/[\p{L}\p{N}]/u.test(answer)) return 'no_content';
  if (leaksInstructions(answer, instructions)) return 'system_prompt_leak';
  return undefined;
}
