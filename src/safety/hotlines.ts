/**
 * Where to send someone in crisis, by the country of their number (from its E.164 prefix). Checked
 * against each service's own public page in 2026; an operator serving other countries should add theirs.
 */
export interface Hotline {
  name: string;
  /** As people dial or text it locally. */
  number: string;
  how: 'call' | 'call_or_text' | 'text';
  /** For text lines: the word to send ("HOME" to 741741). */
  keyword?: string;
}

export interface CrisisResources {
  lines: readonly Hotline[];
  /** The local emergency number, when we know it. */
  emergency?: string;
  /**
   * A number a voice call can be bridged to with <Dial>: only long-form numbers reachable from a VoIP
   * carrier. Short codes (988, 024, 3114, 188) and emergency numbers cannot be dialled through Twilio.
   */
  dial?: string;
}

const LIFELINE_988: Hotline = { name: '988 Suicide & Crisis Lifeline', number: '988', how: 'call_or_text' };

const BY_COUNTRY: Record<string, CrisisResources> = {
  // The Lifeline's original 10-digit number still routes to 988.
  US: { lines: [LIFELINE_988, { name: 'Crisis Text Line', number: '741741', how: 'text', keyword: 'HOME' }], emergency: '911', dial: '+18002738255' },
  CA: { lines: [{ name: '9-8-8 Suicide Crisis Helpline', number: '988', how: 'call_or_text' }], emergency: '911' },
  GB: { lines: [{ name: 'Samaritans', number: '116 123', how: 'call' }], emergency: '999' },
  ES: { lines: [{ name: 'Línea 024', number: '024', how: 'call' }], emergency: '112' },
  FR: { lines: [{ name: '3114', number: '3114', how: 'call' }], emergency: '112' },
  DE: { lines: [{ name: 'TelefonSeelsorge', number: '0800 111 0 111', how: 'call' }], emergency: '112', dial: '+498001110111' },
  MX: { lines: [{ name: 'Línea de la Vida', number: '800 911 2000', how: 'call' }], emergency: '911', dial: '+528009112000' },
  // SAMU (192) is the medical emergency line; CVV answers 188 around the clock.
  BR: { lines: [{ name: 'CVV', number: '188', how: 'call' }], emergency: '192' },
};

// Where we know only the emergency number, that is what we give ("otherwise local emergency services").
const EMERGENCY_ONLY: Record<string, string> = {
  IE: '112', PT: '112', IT: '112', NL: '112', BE: '112', AT: '112', CH: '112', LU: '112', DK: '112', SE: '112', NO: '112',
  FI: '112', PL: '112', CZ: '112', SK: '112', HU: '112', RO: '112', BG: '112', HR: '112', SI: '112', GR: '112', LT: '112',
  LV: '112', EE: '112', MT: '112', IS: '112', AU: '000', NZ: '111', IN: '112', ZA: '112', AR: '911', CO: '123', CL: '131',
  EC: '911', UY: '911', PY: '911', CR: '911', PA: '911', SV: '911', HN: '911',
  PH: '911', SG: '995', NG: '112', KE: '999',
};

export function crisisResourcesFor(country: string | null | undefined): CrisisResources {
  if (!country) return { lines: [] };
  return BY_COUNTRY[country] ?? { lines: [], emergency: EMERGENCY_ONLY[country] };
}
