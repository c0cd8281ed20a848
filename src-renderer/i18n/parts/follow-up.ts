// Messages of the follow-up feature, Indonesian first; the English part has exactly the same keys.
// Spread into catalog-id.ts / catalog-en.ts.

export const followUpId = {} as const;

export const followUpEn = {} as const satisfies Record<keyof typeof followUpId, string>;
