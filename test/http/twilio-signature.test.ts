import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { twilioSignature, verifyTwilioSignature } from '../../src/providers/twilio-signature.js';

describe('Twilio signature', () => {
  const url = 'https://sb.example.org/twilio/sms?x=1';
  const params = { Body: 'héllo & <bye>', From: '+15551234567', MessageSid: 'SM1', To: '+15550001111', Empty: '' };

  it('matches the twilio SDK for the same URL and params', () => {
    expect(twilioSignature('token', url, params)).toBe(twilio.getExpectedTwilioSignature('token', url, params));
    expect(twilio.validateRequest('token', twilioSignature('token', url, params), url, params)).toBe(true);
  });

  it('rejects a wrong, truncated or missing signature', () => {
    const good = twilioSignature('token', url, params);
    expect(verifyTwilioSignature('token', good, url, params)).toBe(true);
    expect(verifyTwilioSignature('token', good.slice(0, -2), url, params)).toBe(false);
    expect(verifyTwilioSignature('token', undefined, url, params)).toBe(false);
    expect(verifyTwilioSignature('other', good, url, params)).toBe(false);
  });
});
