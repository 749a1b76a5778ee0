import { Writable } from 'node:stream';
import { createLog } from '../../src/log.js';

/** A real pino logger writing into memory, so tests can read exactly what would have been logged. */
export function createCapturedLog(level = 'debug') {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  const log = createLog(level, stream);
  return { log, lines, text: () => lines.join('\n') };
}
