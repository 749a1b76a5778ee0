import { describe, expect, it } from 'vitest';
import { detectCrisis } from '../../src/safety/crisis-detector.js';
import { EVAL_SET, type EvalCase } from './crisis-eval-set.js';
import { HOLDOUT_SET } from './crisis-holdout-set.js';

interface Figures {
  positives: number;
  negatives: number;
  recall: number;
  falseAlarmRate: number;
  categoryAccuracy: number;
  missed: string[];
  falseAlarms: string[];
}

function score(cases: readonly EvalCase[]): Figures {
  let hits = 0;
  let rightCategory = 0;
  let alarms = 0;
  const missed: string[] = [];
  const falseAlarms: string[] = [];
  for (const c of cases) {
    const found = detectCrisis(c.text);
    if (c.expected === 'none') {
      if (found) {
        alarms++;
        falseAlarms.push(`${c.text} → ${found.category}`);
      }
    } else if (found) {
      hits++;
      if (found.category === c.expected) rightCategory++;
    } else {
      missed.push(`[${c.expected}] ${c.text}`);
    }
  }
  const positives = cases.filter((c) => c.expected !== 'none').length;
  const negatives = cases.length - positives;
  return { positives, negatives, recall: hits / positives, falseAlarmRate: alarms / negatives, categoryAccuracy: rightCategory / Math.max(hits, 1), missed, falseAlarms };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

describe('crisis detector on the labelled evaluation set', () => {
  const all = [...EVAL_SET, ...HOLDOUT_SET];

  it('reports recall and false alarms per language and meets the targets (recall ≥ 0.98, false alarms ≤ 3 %)', () => {
    const rows: Record<string, Record<string, string | number>> = {};
    for (const lang of ['en', 'es', 'fr', 'pt', 'de', 'mixed'] as const) {
      const f = score(all.filter((c) => c.lang === lang));
      rows[lang] = { crisis: f.positives, ordinary: f.negatives, recall: pct(f.recall), falseAlarms: pct(f.falseAlarmRate), category: pct(f.categoryAccuracy) };
    }
    const total = score(all);
    const holdout = score(HOLDOUT_SET);
    rows.all = { crisis: total.positives, ordinary: total.negatives, recall: pct(total.recall), falseAlarms: pct(total.falseAlarmRate), category: pct(total.categoryAccuracy) };
    rows.laterBatches = { crisis: holdout.positives, ordinary: holdout.negatives, recall: pct(holdout.recall), falseAlarms: pct(holdout.falseAlarmRate), category: pct(holdout.categoryAccuracy) };
    console.info('crisis detector evaluation');
    console.table(rows);

    expect(all.length).toBeGreaterThanOrEqual(500);
    expect(total.recall, `missed:\n${total.missed.join('\n')}`).toBeGreaterThanOrEqual(0.98);
    expect(total.falseAlarmRate, `false alarms:\n${total.falseAlarms.join('\n')}`).toBeLessThanOrEqual(0.03);
    expect(total.categoryAccuracy).toBeGreaterThanOrEqual(0.95);
  });
});

describe('detectCrisis', () => {
  it.each([
    ['k1ll mys3lf', 'suicide'],
    ['K I L L  M Y S E L F', 'suicide'],
    ['s-u-i-c-i-d-e', 'suicide'],
    ['ｋｉｌｌ ｍｙｓｅｌｆ', 'suicide'],
    ['I want to diiiieeee', 'suicide'],
    ['kms', 'suicide'],
    ['i want to unalive myself', 'suicide'],
    ['ME QUIERO MORIR', 'suicide'],
    ['je veux mourir', 'suicide'],
    ['quero morrer', 'suicide'],
    ['ich will sterben', 'suicide'],
    ['I cut myself again last night', 'self_harm'],
    ["I'm going to stab my roommate", 'violence'],
    ['my husband hits me', 'abuse'],
    ["I'm 30 weeks and bleeding heavily", 'medical'],
    ["I can't breathe", 'medical'],
    ['I took too many pills', 'medical'],
  ] as const)('finds %j as %s', (text, category) => {
    expect(detectCrisis(text)).toMatchObject({ category });
  });

  it.each([
    'this traffic is killing me',
    "I'd kill for a coffee",
    'me muero de hambre',
    "I'm dead tired",
    'how do I kill a process in linux',
    'my mom is going to kill me when she sees my grades',
    "I don't want to die during labor, is a c-section safer?",
    'I ran 5 kms this morning',
    'call me at 555-0123',
  ])('does not fire on %j', (text) => {
    expect(detectCrisis(text)).toBeUndefined();
  });

  it('still finds a crisis after an idiom in the same message', () => {
    expect(detectCrisis('this traffic is killing me and honestly I want to kill myself')).toMatchObject({ category: 'suicide' });
  });

  it('answers the most urgent category first and scores a plain statement above a hint', () => {
    expect(detectCrisis('I took too many pills because I want to die')?.category).toBe('suicide');
    expect(detectCrisis('I want to kill myself')?.confidence).toBeGreaterThan(detectCrisis("I can't do this anymore")!.confidence);
  });
});
