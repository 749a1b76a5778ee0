/**
 * Writes bench/corpus/llm-replies.json: 240 replies shaped like chat-model output (openers, closers,
 * markdown lists and headings, emoji, smart punctuation, short and very long answers), composed from
 * the hand-written sentences in reply-sentences.ts with a fixed seed, so the corpus is reproducible.
 *
 *   npx tsx bench/corpus/make-llm-replies.ts
 */
import { writeFileSync } from 'node:fs';
import { CLOSERS, OPENERS, TOPICS, type Topic } from './reply-sentences.js';

// mulberry32: a tiny seeded PRNG, enough for picking sentences.
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const random = prng(20_261_123);
const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;

const PER_LANGUAGE: Record<Topic['language'], number> = { en: 160, es: 20, fr: 20, pt: 20, de: 20 };
type Style = 'short' | 'prose' | 'paragraphs' | 'list' | 'long';
const STYLES: Style[] = ['short', 'prose', 'prose', 'paragraphs', 'list', 'list', 'long'];

function compose(topic: Topic, style: Style, others: Topic[]): string {
  const opener = random() < 0.6 ? pick(OPENERS[topic.language]) : '';
  const closer = random() < 0.6 ? pick(CLOSERS[topic.language]) : '';
  const sentences = topic.sentences.filter((s) => !s.startsWith('* ') && !s.endsWith(':'));
  const take = (n: number) => sentences.slice(0, Math.max(1, Math.min(n, sentences.length)));
  let body: string;
  switch (style) {
    case 'short':
      body = take(1 + Math.floor(random() * 2)).join(' ');
      break;
    case 'prose':
      body = take(3 + Math.floor(random() * 3)).join(' ');
      break;
    case 'paragraphs': {
      const all = take(sentences.length);
      const mid = Math.ceil(all.length / 2);
      body = `${all.slice(0, mid).join(' ')}\n\n${all.slice(mid).join(' ')}`;
      break;
    }
    case 'list': {
      const bullet = pick(['* ', '- ', '• ']);
      const items = topic.sentences.some((s) => s.startsWith('* ')) ? topic.sentences : take(sentences.length).map((s) => `${bullet}${s}`);
      const heading = pick([`### ${topic.title}`, `**${topic.title}**`, ...(topic.language === 'en' ? [`Here are some tips for ${topic.title.toLowerCase()}:`] : [])]);
      body = `${heading}\n\n${items.join('\n')}`;
      break;
    }
    case 'long': {
      const second = pick(others.filter((t) => t !== topic));
      body = `${take(sentences.length).join(' ')}\n\n**${second.title}**\n\n${second.sentences.join(' ')}`;
      break;
    }
  }
  return [opener, body, closer].filter(Boolean).join(opener && style !== 'short' ? '\n\n' : ' ').trim();
}

const replies: { id: number; language: Topic['language']; style: Style; text: string }[] = [];
for (const [language, count] of Object.entries(PER_LANGUAGE) as [Topic['language'], number][]) {
  const topics = TOPICS.filter((t) => t.language === language);
  for (let i = 0; i < count; i++) {
    const style = pick(STYLES);
    replies.push({ id: replies.length + 1, language, style, text: compose(topics[i % topics.length]!, style, topics) });
  }
}
writeFileSync(new URL('./llm-replies.json', import.meta.url), `${JSON.stringify(replies, null, 1)}\n`);
console.log(`wrote ${replies.length} replies`);
