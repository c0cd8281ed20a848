// Messages of the bulk-reply feature, Indonesian first; the English part has exactly the same keys.
// Spread into catalog-id.ts / catalog-en.ts.

export const bulkReplyId = {} as const;

export const bulkReplyEn = {} as const satisfies Record<keyof typeof bulkReplyId, string>;
