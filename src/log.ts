import { pino, type DestinationStream, type Logger } from 'pino';

export type Log = Logger;

/**
 * JSON logs, one wide line per request and per job. Bodies and phone numbers are never passed to the
 * logger; the redact list is a second line of defence in case a careless top-level field slips in.
 * (Wildcard paths like `*.body` would make every log call walk every object it is given.)
 */
const REDACT = ['body', 'Body', 'text', 'from', 'From', 'to', 'To', 'phone', 'SpeechResult'];

export function createLog(level: string, destination?: DestinationStream): Log {
  return pino(
    {
      level,
      base: { service: 'switchboard' },
      redact: { paths: REDACT, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination ?? pino.destination({ sync: false }),
  );
}
