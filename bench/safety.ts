/**
 * Cost of the safety checks per inbound message: crisis detection (run in the webhook on every message)
 * and PII redaction (run in the reply job before the LLM). Budget: < 50 µs per message for both.
 *
 *   npx tsx bench/safety.ts [rounds]
 *
 * Corpus: the labelled crisis evaluation messages plus typical longer messages (a full SMS segment and a
 * 600-character one), so short and long texts both count. Each message is timed on its own, many rounds.
 */
import { performance } from 'node:perf_hooks';
import { detectCrisis } from '../src/safety/crisis-detector.js';
import { redactPii } from '../src/safety/pii.js';
import { EVAL_SET } from '../test/safety/crisis-eval-set.js';
import { HOLDOUT_SET } from '../test/safety/crisis-holdout-set.js';

const rounds = Number(process.argv[2] ?? 200);
const LONG = [
  'Hi, I am 20 weeks pregnant and I wanted to ask what I can eat. My doctor said to avoid some fish but I am not sure which ones are safe, and my back hurts at night.',
  'Hola, tengo 28 semanas y quería preguntar si es normal tener los pies hinchados al final del día. Mi cita es el 12/05 a las 10:30, mi correo es ana@example.com y mi número (555) 123-4567. ¿Debo preocuparme? Gracias.'.repeat(2),
  "Bonjour, je suis enceinte de 7 mois. Depuis hier j'ai mal à la tête et je vois un peu flou, est-ce que je dois appeler la maternité ? Mon numéro de dossier est 12345678. Merci beaucoup pour votre aide, bonne journée.".repeat(3).slice(0, 600),
];
const corpus = [...EVAL_SET.map((c) => c.text), ...HOLDOUT_SET.map((c) => c.text), ...LONG];

function measure(name: string, fn: (text: string) => unknown) {
  for (let i = 0; i < 20; i++) for (const text of corpus) fn(text); // warm up the JIT
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const text of corpus) {
      const start = performance.now();
      fn(text);
      samples.push((performance.now() - start) * 1000);
    }
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  return { name, messages: samples.length, 'mean µs': mean.toFixed(2), 'p50 µs': at(0.5).toFixed(2), 'p99 µs': at(0.99).toFixed(2), 'max µs': at(1).toFixed(1) };
}

function measureLong(name: string, fn: (text: string) => unknown) {
  // 64 distinct 600-character texts in turn: the same text twice in a row would hit foldText's
  // one-entry memo (meant for the webhook's crisis-then-STOP checks) and measure nothing.
  const texts = Array.from({ length: 64 }, (_, i) => `${LONG[2]!.slice(0, 595)} ${String(i).padStart(4, '0')}`);
  for (let i = 0; i < 2_000; i++) fn(texts[i % texts.length]!);
  const n = 20_000;
  const start = performance.now();
  for (let i = 0; i < n; i++) fn(texts[i % texts.length]!);
  return { name: `${name}, 600 chars`, messages: n, 'mean µs': (((performance.now() - start) * 1000) / n).toFixed(2), 'p50 µs': '', 'p99 µs': '', 'max µs': '' };
}

const both = (text: string) => {
  detectCrisis(text);
  redactPii(text);
};
console.log(`safety bench: ${corpus.length} messages × ${rounds} rounds, Node ${process.version}`);
console.table([
  measure('detectCrisis', detectCrisis),
  measure('redactPii', redactPii),
  measure('both', both),
  measureLong('detectCrisis', detectCrisis),
  measureLong('both', both),
]);
