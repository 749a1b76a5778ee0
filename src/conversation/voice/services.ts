import type { Redis } from 'ioredis';
import type { Config } from '../../config.js';
import type { Log } from '../../log.js';
import { createPollySynthesizer } from '../../providers/polly.js';
import type { Queues } from '../../queue/queues.js';
import { createPromptAudio, type PromptAudio } from './prompt-audio.js';
import { createReplyWatcher, type ReplyWatcher } from './reply-watcher.js';
import { voiceUrls, type VoiceUrls } from './turn-state.js';

/** What the voice routes need beyond the common deps. Nothing here opens a connection until a call uses it. */
export interface VoiceServices {
  replies: ReplyWatcher;
  prompts: PromptAudio;
  urls: VoiceUrls;
  close(): Promise<void>;
}

export function createVoiceServices(input: { config: Config; log: Log; redis: Redis; queues: Queues }): VoiceServices {
  const { config, log } = input;
  const urls = voiceUrls(config.publicUrl);
  const replies = createReplyWatcher({ queue: input.queues.reply, redisUrl: config.redis.url, redis: input.redis, log });
  const prompts = createPromptAudio({
    synthesizer: config.voice.polly ? createPollySynthesizer(config.voice.polly) : undefined,
    audioUrl: urls.promptAudio,
    log,
  });
  return {
    replies,
    prompts,
    urls,
    async close() {
      await replies.close();
      prompts.close();
    },
  };
}
