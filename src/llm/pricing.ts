/** USD per million tokens, input (prompt) and output (completion). */
export interface ModelPrice {
  input: number;
  output: number;
}

export type PriceTable = Readonly<Record<string, ModelPrice>>;

/**
 * OpenAI list prices (standard tier, USD per 1M tokens) at the time of writing. Check them against
 * https://openai.com/api/pricing and override or extend with LLM_PRICES; a self-hosted model is priced
 * 0/0 there, or left out (its replies then record no cost).
 */
export const DEFAULT_PRICES: PriceTable = {
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-5-nano': { input: 0.05, output: 0.4 },
  'gpt-5-mini': { input: 0.25, output: 2 },
  'gpt-5': { input: 1.25, output: 10 },
  'gpt-3.5-turbo': { input: 0.5, output: 1.5 },
};

/**
 * Parses `model=input/output,…` (USD per 1M tokens), e.g. `gpt-4o-mini=0.15/0.60,llama3.1=0/0`.
 * Throws on a malformed entry, so a typo fails at startup instead of silently recording no cost.
 */
export function parsePrices(spec: string): Record<string, ModelPrice> {
  const prices: Record<string, ModelPrice> = {};
  for (const entry of spec.split(',').map((e) => e.trim()).filter(Boolean)) {
    const match = /^([^=\s]+)\s*=\s*(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/.exec(entry);
    if (!match) throw new Error(`"${entry}" is not model=input/output (USD per million tokens)`);
    prices[match[1]!] = { input: Number(match[2]), output: Number(match[3]) };
  }
  return prices;
}

/**
 * The price of a model by exact name, else by the longest priced prefix: servers answer with dated
 * names (`gpt-4o-mini-2024-07-18`) and the longest prefix keeps `gpt-4o-mini` from matching `gpt-4o`.
 */
export function priceOf(table: PriceTable, model: string): ModelPrice | undefined {
  if (table[model]) return table[model];
  let best: string | undefined;
  for (const name of Object.keys(table)) if (model.startsWith(name) && (!best || name.length > best.length)) best = name;
  return best ? table[best] : undefined;
}

/** Cost of one call in USD, or null when the model has no price (or the server reported no usage). */
export function costUsd(table: PriceTable, model: string, promptTokens?: number, completionTokens?: number): number | null {
  if (promptTokens === undefined && completionTokens === undefined) return null;
  const price = priceOf(table, model);
  if (!price) return null;
  return ((promptTokens ?? 0) * price.input + (completionTokens ?? 0) * price.output) / 1_000_000;
}
