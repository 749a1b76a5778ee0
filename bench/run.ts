/**
 * `npm run bench -- <name> [options]`: runs one benchmark from bench/. Each prints its figures (JSON on
 * stdout, a summary on stderr); bench/README.md records them with the machine they ran on. All need
 * Postgres on 127.0.0.1:5432 and Redis on 127.0.0.1:6379, like the tests (sms-shaping and safety need
 * neither).
 */
const BENCHES: Record<string, { file: string; what: string }> = {
  webhook: { file: './webhook.js', what: 'POST /twilio/sms load: closed and open loop, against the ceiling and a plain handler' },
  'voice-turn': { file: './voice-turn.js', what: 'concurrent simulated calls: time the service adds to each turn beyond the LLM' },
  'sms-shaping': { file: './sms-shaping.js', what: 'billed SMS segments of 240 model replies, before and after shaping' },
  safety: { file: './safety.js', what: 'crisis detection and PII redaction, microseconds per message' },
  billing: { file: './billing.js', what: 'quota charge and Stripe webhook ack' },
};

const [name] = process.argv.splice(2, 1);
const bench = name ? BENCHES[name] : undefined;
if (!bench) {
  console.error(`usage: npm run bench -- <name> [options]\n${Object.entries(BENCHES).map(([n, b]) => `  ${n.padEnd(12)} ${b.what}`).join('\n')}`);
  process.exit(2);
}
await import(bench.file);
