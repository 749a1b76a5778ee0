import { createHash } from 'node:crypto';
import type { Log } from '../../log.js';
import type { SpeechSynthesizer } from '../../providers/polly.js';
import { LANGUAGES, type Language } from '../../util/language.js';
import type { Speech } from '../../../twiml/voice.js';
import { PHRASE_KEYS, PHRASES, type PhraseKey } from './phrases.js';
import { VOICES } from './voices.js';

/**
 * The fixed prompts (greeting, fillers, goodbye…) as audio. With Polly configured each is synthesised
 * once per process, kept in memory (a few MB for every language) and played with <Play>; until it is
 * ready, and whenever Polly is not configured or fails, the same text is spoken with <Say>. A call never
 * waits on Polly.
 */
export interface PromptAudio {
  /** The prompt as something Twilio can voice right now. */
  speech(language: Language, key: PhraseKey): Speech;
  /** The MP3 for a prompt file name from a <Play> URL; undefined for an unknown name or without Polly. */
  audio(file: string): Promise<Buffer | undefined>;
  /** Synthesises every prompt (at startup, so the first callers already hear cached audio). */
  warm(): Promise<void>;
  close(): void;
}

interface Prompt {
  file: string;
  language: Language;
  key: PhraseKey;
  text: string;
}

export interface PromptAudioOptions {
  synthesizer?: SpeechSynthesizer;
  audioUrl: (file: string) => string;
  log: Log;
  /** After a failed synthesis, <Say> is used for this long before Polly is asked again. */
  retryAfterMs?: number;
}

const WARM_CONCURRENCY = 4;

/** The prompt's file name in <Play> URLs. Its hash changes with the text or voice, so nothing ever plays a stale prompt. */
export function promptFileName(language: Language, key: PhraseKey): string {
  const voice = VOICES[language];
  const hash = createHash('sha256').update(`${voice.pollyVoiceId}|${voice.engine}|${PHRASES[language][key]}`).digest('hex').slice(0, 12);
  return `${language}-${key}-${hash}.mp3`;
}

function catalog(): Map<string, Prompt> {
  const prompts = new Map<string, Prompt>();
  for (const language of LANGUAGES) {
    for (const key of PHRASE_KEYS) {
      const prompt = { file: promptFileName(language, key), language, key, text: PHRASES[language][key] };
      prompts.set(`${language}:${key}`, prompt);
      prompts.set(prompt.file, prompt);
    }
  }
  return prompts;
}

export function createPromptAudio(options: PromptAudioOptions): PromptAudio {
  const { synthesizer, audioUrl, log } = options;
  const retryAfterMs = options.retryAfterMs ?? 60_000;
  const prompts = catalog();
  const cache = new Map<string, Buffer>();
  const inFlight = new Map<string, Promise<Buffer>>();
  const failedAt = new Map<string, number>();

  const load = (prompt: Prompt): Promise<Buffer> => {
    const cached = cache.get(prompt.file);
    if (cached) return Promise.resolve(cached);
    const pending = inFlight.get(prompt.file);
    if (pending) return pending;
    const voice = VOICES[prompt.language];
    const started = performance.now();
    const loading = synthesizer!
      .synthesize({ text: prompt.text, voiceId: voice.pollyVoiceId, engine: voice.engine, languageCode: voice.locale })
      .then((audio) => {
        cache.set(prompt.file, audio);
        failedAt.delete(prompt.file);
        log.debug({ prompt: prompt.file, bytes: audio.length, ms: Math.round(performance.now() - started) }, 'voice prompt synthesised');
        return audio;
      })
      .catch((error: Error) => {
        failedAt.set(prompt.file, Date.now());
        log.warn({ prompt: prompt.file, err: error.message }, 'voice prompt synthesis failed; <Say> is used meanwhile');
        throw error;
      })
      .finally(() => inFlight.delete(prompt.file));
    inFlight.set(prompt.file, loading);
    return loading;
  };

  return {
    speech(language, key) {
      const prompt = prompts.get(`${language}:${key}`)!;
      if (synthesizer) {
        if (cache.has(prompt.file)) return { kind: 'play', url: audioUrl(prompt.file) };
        const failed = failedAt.get(prompt.file);
        if (failed === undefined || Date.now() - failed > retryAfterMs) load(prompt).catch(() => undefined);
      }
      const voice = VOICES[language];
      return { kind: 'say', text: prompt.text, voice: voice.say, language: voice.locale };
    },

    async audio(file) {
      const prompt = prompts.get(file);
      if (!synthesizer || !prompt || prompt.file !== file) return undefined;
      // Another instance may have rendered the URL: synthesise here too rather than fail Twilio's fetch.
      return load(prompt).catch(() => undefined);
    },

    async warm() {
      if (!synthesizer) return;
      const all = [...new Set(prompts.values())];
      // A few at a time: Polly's per-account request rate is low (single-digit TPS for neural voices).
      for (let i = 0; i < all.length; i += WARM_CONCURRENCY) await Promise.allSettled(all.slice(i, i + WARM_CONCURRENCY).map(load));
    },

    close: () => synthesizer?.close(),
  };
}
