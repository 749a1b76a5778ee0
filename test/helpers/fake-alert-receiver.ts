import { EventEmitter, once } from 'node:events';
import { startLocalServer } from './http-server.js';

export interface ReceivedAlert {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** The operator's crisis-alert webhook: records every POST, answers with the scripted status (200 by default). */
export async function startFakeAlertReceiver() {
  const events = new EventEmitter();
  const received: ReceivedAlert[] = [];
  const statuses: number[] = [];
  const server = await startLocalServer((req, res, body) => {
    received.push({ headers: req.headers, body });
    res.writeHead(statuses.shift() ?? 200).end();
    events.emit('alert', received.at(-1));
  });
  return {
    url: `${server.url}/crisis`,
    received,
    /** The next POSTs get these statuses, in order. */
    failNext: (...next: number[]) => statuses.push(...next),
    async nextAlert(timeoutMs = 10_000): Promise<ReceivedAlert> {
      const [alert] = (await once(events, 'alert', { signal: AbortSignal.timeout(timeoutMs) })) as [ReceivedAlert];
      return alert;
    },
    close: server.close,
  };
}
