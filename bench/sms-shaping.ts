/**
 * Billed SMS segments for a corpus of chat-model replies, before and after shaping.
 *
 *   npx tsx bench/sms-shaping.ts [--segments 3] [--force-gsm] [--json]
 *
 * Columns: "raw" is the model's text sent as is (what a naive sender is billed; over 1,600 characters
 * Twilio would refuse it outright); "spine" is the first shaping (markdown stripped, 1,600-character cap);
 * "normalised" is the new shaping with no segment budget (typography to GSM-7, emoji dropped) to show
 * what encoding alone saves; "shaped" is what the service sends (normalised + segment budget).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { shapeSmsReply, SMS_MAX_CHARS } from '../src/conversation/shape-sms.js';
import { countSegments } from '../src/conversation/sms-encoding.js';
import { detectLanguage, type Language } from '../src/util/language.js';

const { values } = parseArgs({
  options: { segments: { type: 'string', default: '3' }, 'force-gsm': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
});
const maxSegments = Number(values.segments);
const forceGsm = values['force-gsm'];

interface Reply {
  id: number;
  language: Language;
  text: string;
}
const corpus = JSON.parse(readFileSync(new URL('./corpus/llm-replies.json', import.meta.url), 'utf8')) as Reply[];

/** The spine's shaping before this change, kept here as the baseline. */
function spineShape(text: string): string {
  const plain = text.replace(/\*\*(.+?)\*\*/g, '$1').replace(/^#{1,6}\s+/gm, '').replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim();
  return plain.length <= SMS_MAX_CHARS ? plain : plain.slice(0, SMS_MAX_CHARS);
}

type Column = 'raw' | 'spine' | 'normalised' | 'shaped';
const COLUMNS: Column[] = ['raw', 'spine', 'normalised', 'shaped'];
const totals = Object.fromEntries(COLUMNS.map((c) => [c, { segments: 0, ucs2: 0, overCap: 0 }])) as Record<Column, { segments: number; ucs2: number; overCap: number }>;
const byLanguage = new Map<Language, { raw: number; shaped: number; count: number }>();
let cut = 0;
let shapingMs = 0;

for (const reply of corpus) {
  const language = detectLanguage(reply.text) ?? reply.language;
  const started = performance.now();
  const shaped = shapeSmsReply(reply.text, { maxSegments, language, forceGsm });
  shapingMs += performance.now() - started;
  const texts: Record<Column, string> = {
    raw: reply.text,
    spine: spineShape(reply.text),
    normalised: shapeSmsReply(reply.text, { maxSegments: 1_000, language, forceGsm }),
    shaped,
  };
  for (const column of COLUMNS) {
    const info = countSegments(texts[column]);
    totals[column].segments += info.segments;
    if (info.encoding === 'UCS-2') totals[column].ucs2 += 1;
    if (info.length > SMS_MAX_CHARS) totals[column].overCap += 1;
  }
  if (countSegments(texts.normalised).segments > countSegments(shaped).segments) cut += 1;
  const lang = byLanguage.get(reply.language) ?? { raw: 0, shaped: 0, count: 0 };
  lang.raw += countSegments(reply.text).segments;
  lang.shaped += countSegments(shaped).segments;
  lang.count += 1;
  byLanguage.set(reply.language, lang);
}

const pct = (after: number, before: number) => `${(((before - after) / before) * 100).toFixed(1)} %`;
const result = {
  replies: corpus.length,
  maxSegments,
  forceGsm,
  segments: Object.fromEntries(COLUMNS.map((c) => [c, totals[c].segments])),
  reductionVsRaw: pct(totals.shaped.segments, totals.raw.segments),
  reductionVsSpine: pct(totals.shaped.segments, totals.spine.segments),
  reductionFromEncodingAlone: pct(totals.normalised.segments, totals.raw.segments),
  ucs2Replies: Object.fromEntries(COLUMNS.map((c) => [c, totals[c].ucs2])),
  overTwilioCap: Object.fromEntries(COLUMNS.map((c) => [c, totals[c].overCap])),
  cutToBudget: cut,
  byLanguage: Object.fromEntries([...byLanguage].map(([lang, v]) => [lang, { replies: v.count, raw: v.raw, shaped: v.shaped, reduction: pct(v.shaped, v.raw) }])),
  shapingMicrosPerReply: Math.round((shapingMs * 1_000) / corpus.length),
};

if (values.json) {
  console.log(JSON.stringify(result, null, 2));
} else {
  console.log(`${result.replies} replies, budget ${maxSegments} segments${forceGsm ? ', accents stripped (SMS_FORCE_GSM)' : ''}`);
  console.log('column       segments  UCS-2 replies  over 1,600 chars');
  for (const c of COLUMNS) console.log(`${c.padEnd(12)} ${String(totals[c].segments).padStart(8)}  ${String(totals[c].ucs2).padStart(13)}  ${String(totals[c].overCap).padStart(16)}`);
  console.log(`billed segments: ${result.reductionVsRaw} fewer than raw, ${result.reductionVsSpine} fewer than the spine's shaping (encoding alone: ${result.reductionFromEncodingAlone})`);
  console.log(`replies cut to the budget: ${cut}; shaping takes ~${result.shapingMicrosPerReply} µs per reply`);
  for (const [lang, v] of Object.entries(result.byLanguage)) console.log(`  ${lang}: ${v.replies} replies, ${v.raw} → ${v.shaped} segments (${v.reduction})`);
}
