// Messages of the reply feature, Indonesian first; the English part has exactly the same keys.
// Spread into catalog-id.ts / catalog-en.ts.

export const replyId = {} as const;

export const replyEn = {} as const satisfies Record<keyof typeof replyId, string>;
