import { EventEmitter, once } from 'node:events';
import { startLocalServer } from './http-server.js';

export interface ReceivedAlert {
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** What the receiver answered. */
  status: number;
}

/** The operator's crisis-alert webhook: records every POST and answers with `state.status` (200 unless a test says otherwise). */
export async function startFakeAlertReceiver() {
  const events = new EventEmitter();
  const received: ReceivedAlert[] = [];
  const state = { status: 200 };
  const server = await startLocalServer((req, res, body) => {
    const alert = { headers: req.headers, body, status: state.status };
    received.push(alert);
    res.writeHead(alert.status).end();
    events.emit('alert', alert);
  });
  return {
    url: `${server.url}/crisis`,
    received,
    state,
    /** Resolves with the first alert (already received or still to come) that matches. */
    async waitFor(match: (alert: ReceivedAlert) => boolean, timeoutMs = 10_000): Promise<ReceivedAlert> {
      const signal = AbortSignal.timeout(timeoutMs);
      for (let seen = 0; ; ) {
        const found = received.slice(seen).find(match);
        if (found) return found;
        seen = received.length;
        await once(events, 'alert', { signal });
      }
    },
    close: server.close,
  };
}
