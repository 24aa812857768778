/**
 * A place name as the zone tables key it: lower case, accents dropped, punctuation as spaces,
 * spaces collapsed ("São Paulo" → "sao paulo", "St. John's" → "st john s").
 */
export function normalisePlaceName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
