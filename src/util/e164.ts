/** E.164: '+', a country code that does not start with 0, at most 15 digits in all. */
export const E164 = /^\+[1-9]\d{6,14}$/;

export const isE164 = (value: string): boolean => E164.test(value);

// Canadian area codes inside the shared +1 plan (CRTC list); everything else on +1 is treated as US.
const CANADA_AREA_CODES = new Set(
  '204 226 236 249 250 257 263 289 306 343 354 365 367 368 382 387 403 416 418 428 431 437 438 450 460 468 474 506 514 519 548 579 581 584 587 604 613 639 647 672 683 705 709 742 753 778 780 782 807 819 825 867 873 879 902 905 942'.split(
    ' ',
  ),
);

// Calling code → ISO 3166 alpha-2, for the countries the service speaks to most plus their neighbours.
// Longest prefix wins, so +1 is special-cased above and 3-digit codes sit beside 2-digit ones.
const CALLING_CODES: Record<string, string> = {
  '7': 'RU', '20': 'EG', '27': 'ZA', '30': 'GR', '31': 'NL', '32': 'BE', '33': 'FR', '34': 'ES', '36': 'HU',
  '39': 'IT', '40': 'RO', '41': 'CH', '43': 'AT', '44': 'GB', '45': 'DK', '46': 'SE', '47': 'NO', '48': 'PL',
  '49': 'DE', '51': 'PE', '52': 'MX', '53': 'CU', '54': 'AR', '55': 'BR', '56': 'CL', '57': 'CO', '58': 'VE',
  '60': 'MY', '61': 'AU', '62': 'ID', '63': 'PH', '64': 'NZ', '65': 'SG', '66': 'TH', '81': 'JP', '82': 'KR',
  '84': 'VN', '86': 'CN', '90': 'TR', '91': 'IN', '92': 'PK', '234': 'NG', '254': 'KE', '351': 'PT', '352': 'LU',
  '353': 'IE', '354': 'IS', '355': 'AL', '356': 'MT', '358': 'FI', '359': 'BG', '370': 'LT', '371': 'LV',
  '372': 'EE', '380': 'UA', '385': 'HR', '386': 'SI', '420': 'CZ', '421': 'SK', '502': 'GT', '503': 'SV',
  '504': 'HN', '505': 'NI', '506': 'CR', '507': 'PA', '591': 'BO', '593': 'EC', '595': 'PY', '598': 'UY',
  '212': 'MA', '213': 'DZ', '216': 'TN', '221': 'SN', '225': 'CI', '237': 'CM', '243': 'CD', '244': 'AO',
  '258': 'MZ', '238': 'CV', '239': 'ST', '245': 'GW',
};

/** ISO country of an E.164 number from its calling code, or undefined when the code is not in the table. */
export function countryOf(e164: string): string | undefined {
  if (!isE164(e164)) return undefined;
  const digits = e164.slice(1);
  if (digits.startsWith('1')) return CANADA_AREA_CODES.has(digits.slice(1, 4)) ? 'CA' : 'US';
  return CALLING_CODES[digits.slice(0, 3)] ?? CALLING_CODES[digits.slice(0, 2)] ?? CALLING_CODES[digits.slice(0, 1)];
}
