/** Why one zone can stand for a whole country that has several. */
export type MainZoneReason =
  /** Every zone of the country keeps the same time today (only their histories differ). */
  | 'same-time'
  /** The other zones cover only remote islands, an enclave or a disputed territory. */
  | 'outlying';

/**
 * The zone of a country with several, where taking it is right for (nearly) everyone there.
 * Countries split across really different times (US, CA, AU, BR, RU, MX, ID, KZ, MN…) are left
 * out on purpose: their zone comes from the city, else the sequence's own zone — never a guess.
 */
export const COUNTRY_MAIN_ZONES: Record<string, { zone: string; reason: MainZoneReason }> = {
  // Every province keeps UTC−3.
  AR: { zone: 'America/Argentina/Buenos_Aires', reason: 'same-time' },
  // Easter Island, and the far south (Magallanes, Aysén).
  CL: { zone: 'America/Santiago', reason: 'outlying' },
  // Beijing time is official everywhere; Asia/Urumqi is Xinjiang's unofficial local time.
  CN: { zone: 'Asia/Shanghai', reason: 'outlying' },
  // Asia/Famagusta: the north.
  CY: { zone: 'Asia/Nicosia', reason: 'same-time' },
  // Europe/Zurich: the enclave of Büsingen.
  DE: { zone: 'Europe/Berlin', reason: 'same-time' },
  // The Galápagos.
  EC: { zone: 'America/Guayaquil', reason: 'outlying' },
  // The Canary Islands (see the city table); Ceuta keeps Madrid's time.
  ES: { zone: 'Europe/Madrid', reason: 'outlying' },
  MY: { zone: 'Asia/Kuala_Lumpur', reason: 'same-time' },
  // The Chatham Islands.
  NZ: { zone: 'Pacific/Auckland', reason: 'outlying' },
  // Bougainville.
  PG: { zone: 'Pacific/Port_Moresby', reason: 'outlying' },
  // The Azores and Madeira (see the city table).
  PT: { zone: 'Europe/Lisbon', reason: 'outlying' },
  // Europe/Simferopol: Crimea.
  UA: { zone: 'Europe/Kyiv', reason: 'outlying' },
  UZ: { zone: 'Asia/Tashkent', reason: 'same-time' },
  VN: { zone: 'Asia/Ho_Chi_Minh', reason: 'same-time' },
};
