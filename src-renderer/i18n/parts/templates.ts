// Messages of the templates feature, Indonesian first; the English part has exactly the same keys.
// Spread into catalog-id.ts / catalog-en.ts.

export const templatesId = {} as const;

export const templatesEn = {} as const satisfies Record<keyof typeof templatesId, string>;
