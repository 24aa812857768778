import type { ModelPrice } from '../../config/app-config';

/**
 * List prices in USD per million tokens (input, output) of common models, for cost estimates
 * only; LLM_PRICES overrides or extends them. Dated model names match their family's prefix.
 */
export const DEFAULT_PRICES: Record<string, ModelPrice> = {
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1': { input: 2, output: 8 },
  'o4-mini': { input: 1.1, output: 4.4 },
};

/** The price of a model: an exact entry, else the longest entry its name starts with. */
export function priceOf(model: string, table: Record<string, ModelPrice>): ModelPrice | undefined {
  if (table[model]) return table[model];
  const family = Object.keys(table)
    .filter((name) => model.startsWith(name))
    .sort((a, b) => b.length - a.length)[0];
  return family ? table[family] : undefined;
}

/** Estimated USD cost of some usage; undefined when a model has no known price. */
export function estimateCost(
  usage: { model: string; promptTokens: number; completionTokens: number }[],
  table: Record<string, ModelPrice>,
): number | undefined {
  let total = 0;
  for (const item of usage) {
    const price = priceOf(item.model, table);
    if (!price) return undefined;
    total += (item.promptTokens * price.input + item.completionTokens * price.output) / 1e6;
  }
  return Math.round(total * 1e6) / 1e6;
}
