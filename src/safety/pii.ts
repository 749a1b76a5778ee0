/**
 * Redacts personal identifiers from text before it goes to the LLM: emails, phone numbers, US SSNs,
 * payment cards (Luhn-checked) and medical record numbers (only after a context word such as "MRN").
 * Ordinary numbers stay: dates, times, "20 weeks", prices, doses, blood pressure, years, short codes.
 * The model needs none of these identifiers to help, and the provider never sees them.
 */

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

// Context words for a medical record / patient / insurance id in the five languages, then the id itself
// (letters and digits, at least one digit, at least 4 characters).
const MEDICAL_ID =
  /\b(?:MRN|medical record(?: number| no\.?| #)?|patient (?:id|number|no\.?)|hospital (?:id|number)|NHS (?:number|no\.?)|health card(?: number)?|member id|n[úu]mero de (?:expediente|historia(?: cl[íi]nica)?|paciente|afiliaci[óo]n)|expediente(?: m[ée]dico| cl[íi]nico)?|historia cl[íi]nica|num[ée]ro (?:de dossier|de patient|de s[ée]curit[ée] sociale)|dossier m[ée]dical|prontu[áa]rio|cart[ãa]o (?:do )?SUS|n[úu]mero do paciente|Patientennummer|Versichertennummer|Krankenversichertennummer|Fallnummer)\b(?:\s*(?:is|es|est|é|ist|:|#|no\.?|n[º°o]\.?))*\s*[:#]?\s*((?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{3,})/giu;

// Cheap tests that rule the costly patterns out for most messages.
const MAYBE_MEDICAL_ID = /mrn|record|patient|hospital|nhs|health|member|expediente|historia|dossier|num[ée]ro|prontu|sus|nummer/i;
const MAYBE_SSN_CONTEXT = /ssn|social security/i;

// US SSN: 3-2-4 with dashes or spaces; area 000, 666 and 9xx, group 00 and serial 0000 are never issued.
const SSN = /(?<![\p{N}\p{L}-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\p{N}\p{L}-])/gu;
// Nine digits in a row are an SSN only when the text says so.
const SSN_WITH_CONTEXT = /\b(?:SSN|social security(?: number| no\.?)?)\b\D{0,12}?(\d{9})(?!\d)/giu;

// A run of digits with the separators people put in card and phone numbers.
const NUMBER_RUN = /(?<![\p{L}\p{N}_.,/:])(?:\+|\(\+?)?\d[\d ().\-]*\d\)?(?![\p{N}_]|[.,/:]\d)/gu;

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

// Looks like a date (12/05/2024, 2024-05-12, 05.12.24) or a time: never a phone or card.
const DATE_LIKE = /^\d{1,4}([./-])\d{1,2}\1\d{1,4}$/;

function classifyNumber(run: string): '[CARD]' | '[PHONE]' | undefined {
  const digits = run.replace(/\D/g, '');
  const n = digits.length;
  if (DATE_LIKE.test(run)) return undefined;
  // Cards: 13–19 digits, contiguous or grouped, never written with a '+', and Luhn-valid.
  if (n >= 13 && n <= 19 && !run.includes('+') && !run.includes('(') && luhnValid(digits)) return '[CARD]';
  const international = run.startsWith('+') || run.startsWith('(+') || digits.startsWith('00');
  if (international) return n >= 8 && n <= 15 ? '[PHONE]' : undefined;
  // National numbers: 10–11 digits (US/CA with or without 1, FR, DE/UK mobiles) or 9 in a 3-3-3 grouping (ES, PT).
  if (n === 10 || n === 11) return '[PHONE]';
  if (n === 9 && /^\d{3}[ .-]\d{3}[ .-]\d{3}$/.test(run)) return '[PHONE]';
  if (n === 12 && digits.startsWith('0')) return '[PHONE]';
  // A local US number: 555-0123.
  if (n === 7 && /^\d{3}[-.]\d{4}$/.test(run)) return '[PHONE]';
  return undefined;
}

export function redactPii(text: string): string {
  if (!/[\d@]/.test(text)) return text; // nothing here can be an identifier
  let out = text.includes('@') ? text.replace(EMAIL, '[EMAIL]') : text;
  if (MAYBE_MEDICAL_ID.test(out)) out = out.replace(MEDICAL_ID, (whole, id: string) => whole.slice(0, whole.length - id.length) + '[MEDICAL_ID]');
  if (MAYBE_SSN_CONTEXT.test(out)) out = out.replace(SSN_WITH_CONTEXT, (whole, id: string) => whole.slice(0, whole.length - id.length) + '[SSN]');
  return out
    .replace(SSN, '[SSN]')
    .replace(NUMBER_RUN, (run) => {
      // A closing parenthesis with no opening one belongs to the sentence: "(call 555-123-4567)".
      const core = run.endsWith(')') && !run.includes('(') ? run.slice(0, -1) : run;
      const label = classifyNumber(core);
      return label ? label + run.slice(core.length) : run;
    });
}

/** The same for each turn of a conversation history. */
export function redactTurns<T extends { text: string }>(turns: readonly T[]): T[] {
  return turns.map((turn) => ({ ...turn, text: redactPii(turn.text) }));
}
