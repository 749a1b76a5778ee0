/**
 * How a text message is encoded and billed. Carriers bill per segment: a message that fits the GSM-7
 * alphabet carries 160 characters in one segment (153 per segment once it is split, the rest is the
 * concatenation header); any other character switches the whole message to UCS-2, 70 per segment
 * (67 when split). GSM-7 extension characters (`€ [ ] { } ^ ~ | \` and form feed) are sent as an
 * escape plus a character, so they count double, and an escape pair is never split across segments.
 */

// GSM 03.38 default alphabet (basic table), written out so a reviewer can check it against the spec.
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(GSM_BASIC);
const EXTENSION = new Set(GSM_EXTENSION);

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSegmentInfo {
  encoding: SmsEncoding;
  /** Billed segments. */
  segments: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the message takes. */
  units: number;
  /** Characters as the provider counts them against its length cap (UTF-16 code units). */
  length: number;
}

const LIMITS = {
  'GSM-7': { single: 160, multi: 153 },
  'UCS-2': { single: 70, multi: 67 },
} as const;

/** True when every character is in the GSM-7 alphabet (basic or extension table). */
export function isGsm7(text: string): boolean {
  for (const char of text) if (!BASIC.has(char) && !EXTENSION.has(char)) return false;
  return true;
}

export function isGsm7Char(char: string): boolean {
  return BASIC.has(char) || EXTENSION.has(char);
}

/** The size of each character in the message's encoding: 1 or 2 septets, or 1 or 2 UTF-16 units (a surrogate pair). */
function unitSizes(text: string, encoding: SmsEncoding): number[] {
  const sizes: number[] = [];
  for (const char of text) sizes.push(encoding === 'GSM-7' ? (EXTENSION.has(char) ? 2 : 1) : char.length);
  return sizes;
}

/** Encoding and billed segment count of a message body, as the carrier will count them. */
export function countSegments(text: string): SmsSegmentInfo {
  const encoding: SmsEncoding = isGsm7(text) ? 'GSM-7' : 'UCS-2';
  const sizes = unitSizes(text, encoding);
  const units = sizes.reduce((a, b) => a + b, 0);
  const limit = LIMITS[encoding];
  if (units === 0) return { encoding, segments: 0, units, length: text.length };
  if (units <= limit.single) return { encoding, segments: 1, units, length: text.length };
  // Packed greedily: a character that does not fit whole (an escape pair, a surrogate pair) starts the next segment.
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > limit.multi) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return { encoding, segments, units, length: text.length };
}
