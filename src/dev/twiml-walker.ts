/**
 * Walks voice TwiML the way Twilio does for one call: posts the incoming-call webhook, voices <Say> and
 * <Play>, listens on <Gather> (what the caller "says" comes from `caller`), follows the Gather action and
 * <Redirect>s, and stops on <Hangup/>, at the end of a document, or when Twilio would give up (an error
 * answer, a webhook slower than Twilio's 15 s). Used by `npm run phone -- --call`, the e2e voice tests
 * and the voice benchmark.
 */
import { parseXml, type XmlNode } from './xml-parse.js';

export type Heard =
  | { kind: 'say'; text: string; voice?: string; language?: string }
  | { kind: 'play'; url: string }
  | { kind: 'pause'; seconds: number }
  | { kind: 'dial'; number: string };

export interface Caller {
  hear(heard: Heard): void | Promise<void>;
  /** What the caller says when the call listens: text, '' for silence, or null to hang up. */
  speak(listening: { language?: string; turnUrl: string }): string | null | Promise<string | null>;
}

export interface WebhookAnswer {
  status: number;
  contentType: string | null;
  body: string;
}

/** Posts a signed webhook to an absolute URL (the transport maps it onto the service under test). */
export type Transport = (url: string, params: Record<string, string>) => Promise<WebhookAnswer>;

export interface WalkedRequest {
  url: string;
  status: number;
  ms: number;
  /** The speech posted with this request, if it was a Gather result. */
  speech?: string;
}

export interface WalkResult {
  ended: 'hangup' | 'caller_hung_up' | 'end_of_document' | 'webhook_error' | 'webhook_timeout' | 'too_many_requests';
  requests: WalkedRequest[];
  heard: Heard[];
  durationS: number;
}

export interface WalkOptions {
  /** The number's voice webhook (absolute). */
  url: string;
  call: { CallSid: string; From: string; To: string; AccountSid?: string };
  transport: Transport;
  caller: Caller;
  /** Where Twilio posts the call's final status, if configured on the number. */
  statusCallbackUrl?: string;
  maxRequests?: number;
}

// Twilio abandons a webhook after 15 s and plays its own error message.
export const TWILIO_WEBHOOK_TIMEOUT_MS = 15_000;

const child = (node: XmlNode) => node.children.filter((c): c is XmlNode => typeof c !== 'string');
const text = (node: XmlNode) => node.children.filter((c): c is string => typeof c === 'string').join('').trim();

export async function walkCall(options: WalkOptions): Promise<WalkResult> {
  const { transport, caller } = options;
  const started = Date.now();
  const requests: WalkedRequest[] = [];
  const heard: Heard[] = [];
  const base = { AccountSid: options.call.AccountSid ?? `AC${'0'.repeat(32)}`, ApiVersion: '2010-04-01', Direction: 'inbound', ...options.call };
  const hear = async (h: Heard) => {
    heard.push(h);
    await caller.hear(h);
  };

  const finish = async (ended: WalkResult['ended']): Promise<WalkResult> => {
    const durationS = Math.round((Date.now() - started) / 1000);
    if (options.statusCallbackUrl) {
      const t0 = performance.now();
      const answer = await transport(options.statusCallbackUrl, { ...base, CallStatus: 'completed', CallDuration: String(durationS) });
      requests.push({ url: options.statusCallbackUrl, status: answer.status, ms: performance.now() - t0 });
    }
    return { ended, requests, heard, durationS };
  };

  let next: { url: string; params: Record<string, string> } | undefined = { url: options.url, params: { ...base, CallStatus: 'ringing' } };
  while (next) {
    if (requests.length >= (options.maxRequests ?? 100)) return finish('too_many_requests');
    const t0 = performance.now();
    const answer = await transport(next.url, next.params);
    const ms = performance.now() - t0;
    requests.push({ url: next.url, status: answer.status, ms, ...(next.params.SpeechResult !== undefined ? { speech: next.params.SpeechResult } : {}) });
    if (ms > TWILIO_WEBHOOK_TIMEOUT_MS) return finish('webhook_timeout');
    if (answer.status !== 200 || !answer.contentType?.includes('xml')) return finish('webhook_error');

    const documentUrl: string = next.url;
    const inProgress = { ...base, CallStatus: 'in-progress' };
    next = undefined;
    const root = parseXml(answer.body);
    if (root.name !== 'Response') return finish('webhook_error');
    verbs: for (const verb of child(root)) {
      switch (verb.name) {
        case 'Say':
          await hear({ kind: 'say', text: text(verb), voice: verb.attributes.voice, language: verb.attributes.language });
          break;
        case 'Play':
          await hear({ kind: 'play', url: text(verb) });
          break;
        case 'Pause':
          await hear({ kind: 'pause', seconds: Number(verb.attributes.length ?? 1) });
          break;
        case 'Dial':
          await hear({ kind: 'dial', number: text(child(verb)[0] ?? verb) || text(verb) });
          break;
        case 'Hangup':
          return finish('hangup');
        case 'Redirect':
          next = { url: new URL(text(verb), documentUrl).toString(), params: inProgress };
          break verbs;
        case 'Gather': {
          for (const inner of child(verb)) {
            if (inner.name === 'Say') await hear({ kind: 'say', text: text(inner), voice: inner.attributes.voice, language: inner.attributes.language });
            if (inner.name === 'Play') await hear({ kind: 'play', url: text(inner) });
          }
          const action = new URL(verb.attributes.action ?? documentUrl, documentUrl).toString();
          const said = await caller.speak({ language: verb.attributes.language, turnUrl: action });
          if (said === null) return finish('caller_hung_up');
          // With no speech Twilio moves on to the next verb, unless actionOnEmptyResult asks it to post anyway.
          if (said === '' && verb.attributes.actionOnEmptyResult !== 'true') break;
          next = { url: action, params: said ? { ...inProgress, SpeechResult: said, Confidence: '0.92' } : inProgress };
          break verbs;
        }
        default:
          break; // verbs a caller cannot perceive
      }
    }
  }
  return finish('end_of_document');
}
