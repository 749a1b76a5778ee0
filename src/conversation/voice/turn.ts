import { aad, openSealedText } from '../../crypto/envelope.js';
import { findTurnById, findTurnByProviderId, markReplySpoken, type TurnRow } from '../../db/queries/voice-turns.js';
import type { Deps } from '../../deps.js';
import { detectCrisis } from '../../safety/crisis-detector.js';
import { detectLanguage } from '../../util/language.js';
import { handleInboundMessage } from '../inbound.js';
import type { KnownPerson } from '../person-directory.js';
import { countTurn, switchCallLanguage, type InboundCall } from './call.js';
import { isGoodbye, requestedLanguage } from './intents.js';
import { shapeSpeechReply } from './shape-speech.js';
import type { CallPosition, VoiceStep } from './speak.js';
import { turnKey, type TurnState } from './turn-state.js';

export interface VoiceTurn {
  step: VoiceStep;
  at: CallPosition;
  /** For the request log: what happened, never what was said. */
  outcome: string;
  /** The turn's stored message, when there is one (joins the request log to the reply job's). */
  messageId?: string;
}

type KnownCall = InboundCall & { from: string };

/**
 * One thing the caller said. Silence, "goodbye" and "speak Spanish" are handled by the call itself;
 * anything else runs the same pipeline as an SMS (dedupe on CallSid + turn, person, sealed storage, the
 * `reply` job) and the answer is awaited for a short budget.
 */
export async function takeVoiceTurn(deps: Deps, call: KnownCall, state: TurnState, speech: string): Promise<VoiceTurn> {
  const at: CallPosition = { language: state.language, turn: state.turn };
  if (!speech) {
    const step: VoiceStep = state.quiet ? { kind: 'end', say: 'silenceGoodbye' } : { kind: 'ask', say: 'reprompt', quiet: true };
    return { at, step, outcome: 'silence' };
  }
  // The crisis check runs first on everything: a farewell can be a warning sign, and then it is answered.
  if (isGoodbye(speech) && !detectCrisis(speech)) return { at, step: { kind: 'end', say: 'goodbye' }, outcome: 'goodbye' };

  const person = await deps.people.resolve(call.from);
  const asked = requestedLanguage(speech);
  if (asked) {
    await switchCallLanguage(deps, call, person, asked);
    return { at: { ...at, language: asked }, step: { kind: 'ask', say: 'switched' }, outcome: 'language' };
  }

  const outcome = await handleInboundMessage(deps, {
    provider: call.provider,
    channel: 'voice',
    providerMessageId: turnKey(call.callSid, state.turn),
    from: call.from,
    to: call.to,
    body: speech,
  });
  switch (outcome.kind) {
    case 'answered': {
      await countTurn(deps, call);
      // A crisis answer is never cut short: every line and number in it is there for a reason.
      const text = shapeSpeechReply(outcome.reply, outcome.reason === 'crisis' ? Infinity : undefined);
      // Answered in the language it was said in, which may not be the call's: say it in that language's voice.
      return { at, step: { kind: 'answer', text, dial: outcome.dial, language: detectLanguage(text) }, outcome: outcome.reason, messageId: outcome.messageId };
    }
    case 'dropped':
      return { at, step: { kind: 'end', say: 'optedOut' }, outcome: 'dropped' };
    case 'queued': {
      const [step] = await Promise.all([awaitAnswer(deps, person, outcome.messageId, state), countTurn(deps, call)]);
      return { at, step, outcome: 'queued', messageId: outcome.messageId };
    }
    case 'duplicate': {
      // A replayed webhook (Twilio retry, double post): no second turn, no second LLM call, but the caller
      // still gets this turn's answer.
      const turn = await findTurnByProviderId(deps.db, call.provider, turnKey(call.callSid, state.turn));
      return { at, step: turn ? await awaitAnswer(deps, person, turn.id, state) : { kind: 'ask', say: 'gaveUp' }, outcome: 'duplicate', messageId: turn?.id };
    }
  }
}

/** The follow-up after a filler: the same turn's answer, if it is ready now. */
export async function pickUpAnswer(deps: Deps, call: KnownCall, state: TurnState): Promise<VoiceTurn> {
  const at: CallPosition = { language: state.language, turn: state.turn };
  const [person, turn] = await Promise.all([
    deps.people.resolve(call.from),
    findTurnByProviderId(deps.db, call.provider, turnKey(call.callSid, state.turn)),
  ]);
  if (!turn) return { at, step: { kind: 'ask', say: 'gaveUp' }, outcome: 'missing' };
  return { at, step: await awaitAnswer(deps, person, turn.id, state), outcome: 'follow_up', messageId: turn.id };
}

/**
 * Waits up to VOICE_REPLY_WAIT_MS for the turn's reply: answers the moment the reply job finishes, else a
 * filler and a redirect back here (so no webhook comes near Twilio's 15 s limit), and past
 * VOICE_TURN_MAX_WAIT_MS since the caller spoke, an apology and the next question.
 */
async function awaitAnswer(deps: Deps, person: KnownPerson, messageId: string, state: TurnState): Promise<VoiceStep> {
  const { replyWaitMs, turnMaxWaitMs } = deps.config.voice;
  const started = performance.now();
  const watch = deps.voice.replies.watch(messageId);
  try {
    // Listen first, then look: a reply finishing between the two cannot be missed.
    await watch.ready(replyWaitMs);
    let deadline: number | undefined;
    for (;;) {
      const turn = await findTurnById(deps.db, messageId);
      const settled = await settledStep(deps, person, turn);
      if (settled) return settled;
      const turnLeftMs = turnMaxWaitMs - (deps.clock.now().getTime() - turn!.created_at.getTime());
      deadline ??= started + Math.min(replyWaitMs, turnLeftMs);
      const left = deadline - performance.now();
      if (left <= 0) return turnLeftMs <= 0 ? { kind: 'ask', say: 'gaveUp' } : { kind: 'hold', wait: state.wait + 1 };
      await watch.next(left);
    }
  } finally {
    watch.close();
  }
}

/** The step for a turn whose fate is known (reply stored, or never coming); undefined while it is pending. */
async function settledStep(deps: Deps, person: KnownPerson, turn: TurnRow | undefined): Promise<VoiceStep | undefined> {
  if (!turn || turn.person_id !== person.id) return { kind: 'ask', say: 'gaveUp' };
  if (turn.reply_id && turn.reply_body_enc) {
    const text = openSealedText(person.dataKey, turn.reply_body_enc, aad.messageBody(turn.reply_id));
    // Bookkeeping only (nothing waits on it): kept off the caller's critical path.
    markReplySpoken(deps.db, turn.reply_id, deps.clock.now()).catch((error: Error) =>
      deps.log.warn({ replyId: turn.reply_id, err: error.message }, 'could not mark a voice reply spoken'),
    );
    return { kind: 'answer', text };
  }
  // Answered in an earlier response (a command) or never to be answered (skipped, failed): ask again.
  if (turn.status !== 'pending' && turn.status !== 'replied') return { kind: 'ask', say: 'gaveUp' };
  return undefined;
}
