/**
 * About 35 seconds of speech at a calm pace (~15 characters a second): long enough for a real answer,
 * short enough that a caller is not stuck listening. The caller can always interrupt (barge-in).
 */
export const SPEECH_MAX_CHARS = 500;

/** Appended to the system prompt for a call: the answer will be heard, not read. */
export const VOICE_PROMPT_NOTE =
  'This conversation is a phone call: your answer is read aloud to the caller. Answer in two or three short spoken ' +
  'sentences, in the language the caller speaks. No lists, markdown, emoji or links; say a website by its name.';

// A URL ends before trailing punctuation: "see www.example.org." keeps its full stop.
const URL = /\b(?:https?:\/\/|www\.)[^\s<>()]*[^\s<>().,;:!?'"]/gi;
const EMOJI = /(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200D|\uFE0F)+/gu;

/** "https://www.cdc.gov/pregnancy/index.html" is read as "cdc.gov", not letter by letter. */
function spokenUrl(url: string): string {
  const host = /^(?:https?:\/\/)?(?:www\.)?([^/?#:\s]+)/i.exec(url)?.[1] ?? '';
  return host.replace(/[.,;:!?]+$/, '');
}

const endSentence = (line: string) => (/[.!?…:;]$/.test(line) ? line : `${line}.`);

/**
 * Makes model output fit for listening: no markdown (read aloud as "asterisk"), no URLs spelled out, no
 * emoji, lists turned into sentences, and a bounded length cut at a sentence end.
 */
export function shapeSpeechReply(text: string, maxChars = SPEECH_MAX_CHARS): string {
  const lines = text
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/!?\[([^\]]*)\]\(([^)]*)\)/g, '$1')
    .replace(URL, (url) => spokenUrl(url))
    .replace(EMOJI, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,!?:;]|$)/gm, '$1$2')
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s*(?:#{1,6}\s+|>\s*|[-*+•]\s+|\d{1,2}[.)]\s+)/, '')
        .replace(/[*_#|~]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
  const spoken = lines.map((line, i) => (i < lines.length - 1 ? endSentence(line) : line)).join(' ');
  if (spoken.length <= maxChars) return spoken;

  const head = spoken.slice(0, maxChars);
  const sentenceEnd = Math.max(...['. ', '! ', '? '].map((end) => head.lastIndexOf(end)));
  if (sentenceEnd > maxChars / 3) return head.slice(0, sentenceEnd + 1);
  const wordEnd = head.lastIndexOf(' ');
  return endSentence(head.slice(0, wordEnd > 0 ? wordEnd : maxChars).replace(/[,;:]$/, ''));
}
