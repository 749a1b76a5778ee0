import { describe, expect, it } from 'vitest';
import { EMPTY_RESPONSE, messagingResponse } from '../../twiml/messaging.js';
import { escapeXml } from '../../twiml/xml.js';

describe('messaging TwiML', () => {
  it('renders the empty acknowledgement', () => {
    expect(EMPTY_RESPONSE).toMatchInlineSnapshot(`"<?xml version="1.0" encoding="UTF-8"?><Response/>"`);
  });

  it('renders messages with their text escaped', () => {
    expect(messagingResponse(['Tom & Jerry <3', 'say "hi"'])).toMatchInlineSnapshot(
      `"<?xml version="1.0" encoding="UTF-8"?><Response><Message>Tom &amp; Jerry &lt;3</Message><Message>say &quot;hi&quot;</Message></Response>"`,
    );
  });

  it('drops characters XML cannot carry instead of producing an invalid document', () => {
    expect(escapeXml('a\u0000b\u0007c\ud800d')).toBe('abcd');
    expect(escapeXml('emoji 👍 stays')).toBe('emoji 👍 stays');
  });
});
