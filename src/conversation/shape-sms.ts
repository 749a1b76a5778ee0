/** Twilio refuses a message body over 1,600 characters. */
export const SMS_MAX_CHARS = 1_600;

/**
 * Makes model output fit a text message: plain text, collapsed whitespace, and never over the
 * provider's cap (cut at the last sentence end that fits, else the last word).
 */
export function shapeSmsReply(text: string, maxChars = SMS_MAX_CHARS): string {
  const plain = text
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (plain.length <= maxChars) return plain;
  const head = plain.slice(0, maxChars);
  const sentenceEnd = Math.max(head.lastIndexOf('. '), head.lastIndexOf('! '), head.lastIndexOf('? '), head.lastIndexOf('\n'));
  if (sentenceEnd > maxChars / 2) return head.slice(0, sentenceEnd + 1).trim();
  const wordEnd = head.lastIndexOf(' ');
  return `${head.slice(0, wordEnd > 0 ? wordEnd : maxChars - 1).trim()}…`.slice(0, maxChars);
}
