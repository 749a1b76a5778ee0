/**
 * `npm run bench -- <name> [options]`: runs one benchmark from bench/. Each writes its figures to stdout
 * (JSON) and a summary to stderr; bench/README.md records them with the machine they ran on.
 */
const BENCHES: Record<string, string> = {
  webhook: './webhook.js',
  'voice-turn': './voice-turn.js',
};

const name = process.argv[2];
if (!name || !(name in BENCHES)) {
  console.error(`usage: npm run bench -- <${Object.keys(BENCHES).join('|')}> [options]`);
  process.exit(2);
}
await import(BENCHES[name]!);
