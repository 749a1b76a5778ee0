import { EventEmitter, once } from 'node:events';
import { sendJson, startLocalServer } from './http-server.js';

export interface SpeechRequest {
  Text: string;
  VoiceId: string;
  Engine?: string;
  LanguageCode?: string;
  OutputFormat: string;
  TextType?: string;
}

/**
 * A local server speaking Polly's SynthesizeSpeech wire format (POST /v1/speech, JSON in, audio out,
 * SigV4-signed), over HTTP/1.1: the real @aws-sdk/client-polly runs against it with NodeHttpHandler.
 * The "audio" is a recognisable byte string naming the voice and the text.
 */
export async function startFakePolly() {
  const events = new EventEmitter();
  const requests: SpeechRequest[] = [];
  const failures: number[] = [];

  const server = await startLocalServer((req, res, body) => {
    if (req.method !== 'POST' || req.url !== '/v1/speech') return sendJson(res, 404, { message: 'not found' });
    if (!req.headers.authorization?.startsWith('AWS4-HMAC-SHA256 Credential=')) {
      res.writeHead(403, { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'UnrecognizedClientException' });
      res.end(JSON.stringify({ message: 'Missing Authentication Token' }));
      return;
    }
    const request = JSON.parse(body) as SpeechRequest;
    requests.push(request);
    const status = failures.shift();
    if (status) {
      res.writeHead(status, { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'ServiceFailureException' });
      res.end(JSON.stringify({ message: 'fake failure' }));
    } else {
      const audio = fakeAudio(request);
      res.writeHead(200, { 'Content-Type': 'audio/mpeg', 'x-amzn-RequestCharacters': String(request.Text.length) });
      res.end(audio);
    }
    events.emit('request', request);
  });

  return {
    url: server.url,
    requests,
    /** The next requests fail with these HTTP statuses, in order. */
    failNext(...statuses: number[]) {
      failures.push(...statuses);
    },
    /** Resolves once `count` requests in all have been answered. */
    async waitForCount(count: number, timeoutMs = 10_000): Promise<SpeechRequest[]> {
      const signal = AbortSignal.timeout(timeoutMs);
      while (requests.length < count) await once(events, 'request', { signal });
      return requests;
    },
    close: server.close,
  };
}

export const fakeAudio = (request: Pick<SpeechRequest, 'VoiceId' | 'Text'>) => Buffer.from(`ID3 fake mp3 ${request.VoiceId}: ${request.Text}`, 'utf8');

export type FakePolly = Awaited<ReturnType<typeof startFakePolly>>;
