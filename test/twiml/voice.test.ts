import { describe, expect, it } from 'vitest';
import { createPromptAudio } from '../../src/conversation/voice/prompt-audio.js';
import { voiceFailureTwiml, voiceVerbs, type CallPosition, type VoiceStep } from '../../src/conversation/voice/speak.js';
import { voiceUrls } from '../../src/conversation/voice/turn-state.js';
import { createLog } from '../../src/log.js';
import { voiceResponse } from '../../twiml/voice.js';

const voice = {
  prompts: createPromptAudio({ audioUrl: (file) => `https://sb.example/audio/prompts/${file}`, log: createLog('silent') }),
  urls: voiceUrls('https://sb.example'),
};
const render = (at: CallPosition, step: VoiceStep) => voiceResponse(voiceVerbs(voice, at, step));

describe('voice TwiML', () => {
  it('greets inside a speech <Gather> that posts turn 1 in the call’s language, even on silence, and offers English in its own voice', () => {
    expect(render({ language: 'es', turn: 0 }, { kind: 'ask', say: 'greeting' })).toMatchInlineSnapshot(
      `"<?xml version="1.0" encoding="UTF-8"?><Response><Gather input="speech" action="https://sb.example/twilio/voice/gather?turn=1&amp;lang=es" method="POST" language="es-US" hints="español, English, français, português, Deutsch, Spanish, French, Portuguese, German, goodbye, adiós" speechTimeout="auto" timeout="6" actionOnEmptyResult="true"><Say voice="Polly.Lupe-Neural" language="es-US">Hola, está hablando con un asistente de inteligencia artificial. ¿En qué puedo ayudarle hoy?</Say><Say voice="Polly.Joanna-Neural" language="en-US">For English, say English.</Say></Gather></Response>"`,
    );
  });

  it('speaks an answer (escaped) and listens for the next turn', () => {
    expect(render({ language: 'en', turn: 3 }, { kind: 'answer', text: 'Salt & pepper <3 "fine"' })).toMatchInlineSnapshot(
      `"<?xml version="1.0" encoding="UTF-8"?><Response><Gather input="speech" action="https://sb.example/twilio/voice/gather?turn=4&amp;lang=en" method="POST" language="en-US" hints="español, English, français, português, Deutsch, Spanish, French, Portuguese, German, goodbye, adiós" speechTimeout="auto" timeout="6" actionOnEmptyResult="true"><Say voice="Polly.Joanna-Neural" language="en-US">Salt &amp; pepper &lt;3 &quot;fine&quot;</Say></Gather></Response>"`,
    );
  });

  it('holds with a filler and redirects to the follow-up for the same turn', () => {
    expect(render({ language: 'de', turn: 2 }, { kind: 'hold', wait: 2 })).toMatchInlineSnapshot(
      `"<?xml version="1.0" encoding="UTF-8"?><Response><Say voice="Polly.Vicki-Neural" language="de-DE">Ich denke noch nach, danke fürs Warten.</Say><Redirect method="POST">https://sb.example/twilio/voice/reply?turn=2&amp;lang=de&amp;wait=2</Redirect></Response>"`,
    );
  });

  it('reprompts after a silence with the quiet flag, so a second silence ends the call', () => {
    expect(render({ language: 'pt', turn: 1 }, { kind: 'ask', say: 'reprompt', quiet: true })).toMatchInlineSnapshot(
      `"<?xml version="1.0" encoding="UTF-8"?><Response><Gather input="speech" action="https://sb.example/twilio/voice/gather?turn=2&amp;lang=pt&amp;quiet=1" method="POST" language="pt-BR" hints="español, English, français, português, Deutsch, Spanish, French, Portuguese, German, goodbye, adiós" speechTimeout="auto" timeout="6" actionOnEmptyResult="true"><Say voice="Polly.Camila-Neural" language="pt-BR">Desculpe, não ouvi nada. O que você gostaria de perguntar?</Say></Gather></Response>"`,
    );
  });

  it('says goodbye and hangs up', () => {
    expect(render({ language: 'fr', turn: 5 }, { kind: 'end', say: 'goodbye' })).toMatchInlineSnapshot(
      `"<?xml version="1.0" encoding="UTF-8"?><Response><Say voice="Polly.Lea-Neural" language="fr-FR">Merci de votre appel. Prenez soin de vous, au revoir.</Say><Hangup/></Response>"`,
    );
  });

  it('speaks a crisis answer in full in its own language’s voice, connects the caller to the hotline, then stays on the line', () => {
    const crisis: VoiceStep = { kind: 'answer', text: 'No estás sola. Quédate en la línea y te comunico con la línea de ayuda ahora.', dial: '+528009112000', language: 'es' };
    expect(render({ language: 'en', turn: 1 }, crisis)).toMatchInlineSnapshot(`"<?xml version="1.0" encoding="UTF-8"?><Response><Say voice="Polly.Lupe-Neural" language="es-US">No estás sola. Quédate en la línea y te comunico con la línea de ayuda ahora.</Say><Dial timeout="30"><Number>+528009112000</Number></Dial><Gather input="speech" action="https://sb.example/twilio/voice/gather?turn=2&amp;lang=en" method="POST" language="en-US" hints="español, English, français, português, Deutsch, Spanish, French, Portuguese, German, goodbye, adiós" speechTimeout="auto" timeout="6" actionOnEmptyResult="true"><Say voice="Polly.Joanna-Neural" language="en-US">I&apos;m still here if you&apos;d like to talk.</Say></Gather></Response>"`);
  });

  it('answers a failure with an apology and a hangup in the call’s language', () => {
    expect(voiceFailureTwiml()).toMatchInlineSnapshot(
      `"<?xml version="1.0" encoding="UTF-8"?><Response><Say voice="Polly.Joanna-Neural" language="en-US">Sorry, something went wrong on our side. Please call again in a few minutes. Goodbye.</Say><Hangup/></Response>"`,
    );
    expect(voiceFailureTwiml('es')).toContain('<Say voice="Polly.Lupe-Neural" language="es-US">Lo siento');
  });

  it('renders every verb, with <Play> for cached audio and <Pause>', () => {
    expect(
      voiceResponse([{ kind: 'play', url: 'https://sb.example/audio/prompts/en-greeting-abc.mp3' }, { kind: 'pause', seconds: 1 }, { kind: 'hangup' }]),
    ).toMatchInlineSnapshot(`"<?xml version="1.0" encoding="UTF-8"?><Response><Play>https://sb.example/audio/prompts/en-greeting-abc.mp3</Play><Pause length="1"/><Hangup/></Response>"`);
  });
});
