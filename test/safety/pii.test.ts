import { describe, expect, it } from 'vitest';
import { redactPii, redactTurns } from '../../src/safety/pii.js';

describe('redactPii', () => {
  it.each([
    ['email me at ana.maria+baby@gmail.com please', 'email me at [EMAIL] please'],
    ['call me at (555) 123-4567 or 555.987.6543', 'call me at [PHONE] or [PHONE]'],
    ['my number is +44 20 7946 0958.', 'my number is [PHONE].'],
    ['mi número es 612 345 678', 'mi número es [PHONE]'],
    ['appelle-moi au 06 12 34 56 78', 'appelle-moi au [PHONE]'],
    ['ruf mich an: 0151 23456789', 'ruf mich an: [PHONE]'],
    ['meu celular (11) 91234-5678', 'meu celular [PHONE]'],
    ['text 5551234567 after 5', 'text [PHONE] after 5'],
    ['my ssn is 123-45-6789', 'my ssn is [SSN]'],
    ['SSN: 123456789', 'SSN: [SSN]'],
    ['card 4111 1111 1111 1111 exp 12/27', 'card [CARD] exp 12/27'],
    ['4242-4242-4242-4242', '[CARD]'],
    ['MRN 00123456', 'MRN [MEDICAL_ID]'],
    ['my medical record number is A1234567', 'my medical record number is [MEDICAL_ID]'],
    ['número de expediente: 778899', 'número de expediente: [MEDICAL_ID]'],
    ['Versichertennummer A123456789', 'Versichertennummer [MEDICAL_ID]'],
    ['(call 555-123-4567)', '(call [PHONE])'],
  ])('redacts %j', (text, expected) => {
    expect(redactPii(text)).toBe(expected);
  });

  it.each([
    'I am 20 weeks pregnant',
    'my due date is 12/05/2024',
    'appointment on 2024-05-12 at 10:30',
    'it costs $1,299.99',
    'BP was 120/80',
    'I weigh 65.5 kg',
    'born in 1990',
    'take 500 mg twice a day',
    // 16 digits that fail the Luhn check are not a card
    'order 1234 5678 9012 3456',
    'zip 94110',
    'call 988 or text HOME to 741741',
    'between 2019-2023',
    'I take 2 pills at 8am and 8pm',
    'an SSN-like 000-12-3456 is never issued',
    'the MRN field was empty',
  ])('leaves ordinary numbers alone: %j', (text) => {
    expect(redactPii(text)).toBe(text);
  });

  it('redacts every turn of a history, keeping the rest of each turn', () => {
    expect(redactTurns([{ direction: 'inbound', text: 'my email is a@b.co' }])).toEqual([{ direction: 'inbound', text: 'my email is [EMAIL]' }]);
  });
});
