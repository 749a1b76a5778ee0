import { randomBytes } from 'node:crypto';
import twilio from 'twilio';

/** Signs like Twilio does, with the SDK's own function (so our verifier is checked against Twilio's). */
export function signTwilio(authToken: string, url: string, params: Record<string, string>): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}

export const newMessageSid = () => `SM${randomBytes(16).toString('hex')}`;
export const randomUsNumber = () => `+1555${String(1_000_000 + Math.floor(Math.random() * 8_999_999)).slice(0, 7)}`;
