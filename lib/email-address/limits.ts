/** Addresses one Add users run takes without a license, and with one that allows more. */
export const ADDRESS_LIMIT = 999;
export const LICENSED_ADDRESS_LIMIT = 3000;

/** The message for a list over the limit; null when within it. Never cuts silently. */
export function overLimitMessage(count: number, limit: number): string | null {
  if (count <= limit) return null;
  return `You entered ${count.toLocaleString("en-US")} addresses; at most ${limit.toLocaleString("en-US")} can be added at a time. Remove ${(count - limit).toLocaleString("en-US")} or add them in another run.`;
}
