import { Hono } from 'hono';
import { beginCall, recordCallStatus } from '../conversation/voice/call.js';
import { voiceFailureTwiml, voiceVerbs } from '../conversation/voice/speak.js';
import { pickUpAnswer, takeVoiceTurn, type VoiceTurn } from '../conversation/voice/turn.js';
import { parseTurnState } from '../conversation/voice/turn-state.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { parseTwilioCall, parseTwilioCallStatus, parseTwilioSpeech } from '../providers/twilio-voice.js';
import { EMPTY_RESPONSE } from '../../twiml/messaging.js';
import { voiceResponse } from '../../twiml/voice.js';
import type { AppEnv } from './env.js';
import { xml } from './errors.js';
import { readSignedTwilioForm, twilioBodyLimit } from './twilio-webhook.js';

/**
 * Twilio voice webhooks, mounted at /twilio. Every handler first sets the TwiML to answer if it fails
 * (an apology and a hangup), so an internal error is never a 5xx and never dead air.
 */
export function twilioVoiceRoutes(deps: Deps) {
  const { authToken } = deps.config.twilio;
  const { publicUrl } = deps.config;
  const render = (turn: Pick<VoiceTurn, 'at' | 'step'>) => voiceResponse(voiceVerbs(deps.voice, turn.at, turn.step));
  const knownCaller = (form: Record<string, string>) => {
    const call = parseTwilioCall(form);
    // Only an incoming call with a visible number is ever given a gather or follow-up URL.
    if (!call.from) throw new AppError('bad_request', 'From must be the caller’s E.164 number.');
    return { ...call, from: call.from };
  };

  return new Hono<AppEnv>()
    .post('/voice', twilioBodyLimit, async (c) => {
      c.set('failureTwiml', voiceFailureTwiml());
      const form = await readSignedTwilioForm(c, authToken, publicUrl);
      const call = parseTwilioCall(form);
      const start = await beginCall(deps, call);
      c.set('failureTwiml', voiceFailureTwiml(start.language));
      c.set('logFields', { callSid: call.callSid, outcome: start.kind, language: start.language, ...('reason' in start ? { reason: start.reason } : {}) });
      return xml(c, render({ at: { language: start.language, turn: 0 }, step: start.step }));
    })
    .post('/voice/gather', twilioBodyLimit, async (c) => {
      c.set('failureTwiml', voiceFailureTwiml());
      const form = await readSignedTwilioForm(c, authToken, publicUrl);
      const state = parseTurnState(c.req.query());
      c.set('failureTwiml', voiceFailureTwiml(state.language));
      const call = knownCaller(form);
      const turn = await takeVoiceTurn(deps, call, state, parseTwilioSpeech(form));
      c.set('logFields', { callSid: call.callSid, turn: state.turn, messageId: turn.messageId, outcome: turn.outcome, step: turn.step.kind, language: turn.at.language });
      return xml(c, render(turn));
    })
    .post('/voice/reply', twilioBodyLimit, async (c) => {
      c.set('failureTwiml', voiceFailureTwiml());
      const form = await readSignedTwilioForm(c, authToken, publicUrl);
      const state = parseTurnState(c.req.query());
      c.set('failureTwiml', voiceFailureTwiml(state.language));
      const call = knownCaller(form);
      const turn = await pickUpAnswer(deps, call, state);
      c.set('logFields', { callSid: call.callSid, turn: state.turn, wait: state.wait, messageId: turn.messageId, outcome: turn.outcome, step: turn.step.kind });
      return xml(c, render(turn));
    })
    .post('/voice/status', twilioBodyLimit, async (c) => {
      c.set('failureTwiml', EMPTY_RESPONSE);
      const form = await readSignedTwilioForm(c, authToken, publicUrl);
      const update = parseTwilioCallStatus(form);
      const recorded = await recordCallStatus(deps, update);
      c.set('logFields', { callSid: update.callSid, callStatus: update.status ?? 'unknown', recorded });
      return xml(c, EMPTY_RESPONSE);
    });
}

/** Cached prompt audio for Twilio's <Play>. Fixed texts only, nothing about anyone: public, cacheable forever. */
export function promptAudioRoutes(deps: Deps) {
  return new Hono<AppEnv>().get('/prompts/:file{[a-z]{2}-[A-Za-z0-9]+-[0-9a-f]{12}\\.mp3}', async (c) => {
    const audio = await deps.voice.prompts.audio(c.req.param('file'));
    if (!audio) throw new AppError('not_found', 'No such prompt.');
    return c.body(new Uint8Array(audio), 200, { 'Content-Type': 'audio/mpeg', 'Cache-Control': 'public, max-age=31536000, immutable' });
  });
}
