// Messages of the letter feature, Indonesian first; the English part has exactly the same keys.
// Spread into catalog-id.ts / catalog-en.ts.

export const letterId = {} as const;

export const letterEn = {} as const satisfies Record<keyof typeof letterId, string>;
