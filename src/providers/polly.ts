import { PollyClient, SynthesizeSpeechCommand } from '@aws-sdk/client-polly';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export interface SynthesisRequest {
  text: string;
  voiceId: string;
  engine: 'neural' | 'standard';
  languageCode: string;
}

/** Text to speech (MP3 bytes). One implementation: Amazon Polly; tests point it at a local fake. */
export interface SpeechSynthesizer {
  readonly name: string;
  synthesize(request: SynthesisRequest): Promise<Buffer>;
  close(): void;
}

export interface PollyOptions {
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** A Polly-compatible endpoint (a local fake in tests). */
  endpoint?: string;
  /** Synthesising one short prompt takes well under a second; past this the call uses <Say> instead. */
  timeoutMs?: number;
}

export function createPollySynthesizer(options: PollyOptions): SpeechSynthesizer {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const client = new PollyClient({
    region: options.region,
    // Explicit credentials: the SDK's default chain would otherwise probe the instance metadata service.
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    // HTTP/1.1 with hard timeouts (the SDK's default handler here is HTTP/2, which a plain fake cannot speak).
    requestHandler: new NodeHttpHandler({ connectionTimeout: 2_000, requestTimeout: timeoutMs, throwOnRequestTimeout: true }),
    maxAttempts: 2,
  });

  return {
    name: 'polly',
    async synthesize(request) {
      const out = await client.send(
        new SynthesizeSpeechCommand({
          Text: request.text,
          TextType: 'text',
          VoiceId: request.voiceId as never,
          Engine: request.engine,
          LanguageCode: request.languageCode as never,
          // MP3 is what Twilio's <Play> fetches best; the phone network resamples it to 8 kHz anyway.
          OutputFormat: 'mp3',
        }),
        { abortSignal: AbortSignal.timeout(timeoutMs * 2) },
      );
      if (!out.AudioStream) throw new Error('Polly returned no audio');
      return Buffer.from(await out.AudioStream.transformToByteArray());
    },
    close: () => client.destroy(),
  };
}
