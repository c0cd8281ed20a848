// The typed contract between the renderer and its host (Electron main or the browser host).
// Every channel is `domain:verb`; requests and responses are zod schemas so both sides parse the
// same shapes, and every call answers a Result: no exception crosses the bridge.

import { z } from 'zod';
import type { BridgeChannel, BridgeEvent } from './bridge-channels';
import type { Result } from './result';

export {
  BridgeErrorCode,
  bridgeChannelNames,
  bridgeEventNames,
  isBridgeChannel,
  isBridgeEvent,
} from './bridge-channels';
export type { BridgeChannel, BridgeEvent } from './bridge-channels';

/** A server profile id: a short slug derived from the server URL and user, safe as a key. */
export const ProfileIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._:@-]+$/, 'profileId may only contain letters, digits and . _ : @ -')
  .refine((id) => id !== '.' && id !== '..', { message: 'profileId may not be . or ..' });

export const AppInfoSchema = z.strictObject({
  version: z.string(),
  host: z.enum(['electron', 'browser']),
  platform: z.string(),
  /** The server the app offers by default on the login screen (from config), if any. */
  defaultServerUrl: z.string().nullable(),
  canUpdate: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const UpdateStatusSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('idle') }),
  z.strictObject({ state: z.literal('unavailable'), reason: z.string() }),
  z.strictObject({ state: z.literal('checking') }),
  z.strictObject({ state: z.literal('up-to-date'), version: z.string() }),
  z.strictObject({ state: z.literal('available'), version: z.string() }),
  z.strictObject({
    state: z.literal('downloading'),
    percent: z.number().min(0).max(100),
    bytesPerSecond: z.number().nonnegative(),
    transferred: z.number().nonnegative(),
    total: z.number().nonnegative(),
  }),
  z.strictObject({ state: z.literal('downloaded'), version: z.string() }),
  z.strictObject({ state: z.literal('error'), message: z.string() }),
]);
export type UpdateStatus = z.infer<typeof UpdateStatusSchema>;

const MAX_SAVE_BYTES = 50 * 1024 * 1024;

export const SaveFileRequestSchema = z.strictObject({
  suggestedName: z
    .string()
    .min(1)
    .max(200)
    .refine((name) => !/[\\/]/.test(name) && name !== '.' && name !== '..', {
      message: 'suggestedName must be a file name, not a path',
    }),
  content: z.string().max(MAX_SAVE_BYTES * 2),
  encoding: z.enum(['utf8', 'base64']),
  filters: z
    .array(
      z.strictObject({
        name: z.string().max(100),
        extensions: z.array(z.string().regex(/^[A-Za-z0-9]{1,10}$/)).max(10),
      }),
    )
    .max(10)
    .optional(),
});
export type SaveFileRequest = z.infer<typeof SaveFileRequestSchema>;

export const SaveFileResultSchema = z.discriminatedUnion('saved', [
  z.strictObject({ saved: z.literal(true), path: z.string() }),
  z.strictObject({ saved: z.literal(false) }),
]);

/** The letter's HTML (letter-html.ts): a logo of at most 150,000 characters plus a long reply. */
export const MAX_LETTER_HTML_CHARS = 1_000_000;

export const SaveLetterPdfRequestSchema = z.strictObject({
  /** A complete HTML document; the host prints it in a window that runs no script. */
  html: z.string().min(1).max(MAX_LETTER_HTML_CHARS),
  suggestedName: z
    .string()
    .min(5)
    .max(200)
    .regex(/\.pdf$/i, 'suggestedName must end in .pdf')
    .refine((name) => !/[\\/]/.test(name), {
      message: 'suggestedName must be a file name, not a path',
    }),
});
export type SaveLetterPdfRequest = z.infer<typeof SaveLetterPdfRequestSchema>;

/**
 * saved: the PDF is written where the operator chose. Not saved: the operator cancelled the save
 * dialog, or (the browser host) the letter went to the browser's print dialog, where the operator
 * saves it as a PDF.
 */
export const SaveLetterPdfResultSchema = z.discriminatedUnion('saved', [
  z.strictObject({ saved: z.literal(true), path: z.string() }),
  z.strictObject({ saved: z.literal(false), reason: z.enum(['cancelled', 'print-dialog']) }),
]);
export type SaveLetterPdfResult = z.infer<typeof SaveLetterPdfResultSchema>;

const Empty = z.strictObject({});
const Nothing = z.null();

/** Every channel's request and response schema: the single list of what the bridge can do. */
export const bridgeSchemas = {
  'app:info': { request: Empty, response: AppInfoSchema },
  'secrets:get': {
    request: z.strictObject({ profileId: ProfileIdSchema }),
    response: z.strictObject({ token: z.string().nullable() }),
  },
  'secrets:set': {
    request: z.strictObject({ profileId: ProfileIdSchema, token: z.string().min(1).max(4096) }),
    response: Nothing,
  },
  'secrets:delete': { request: z.strictObject({ profileId: ProfileIdSchema }), response: Nothing },
  'updates:check': { request: Empty, response: UpdateStatusSchema },
  'updates:download': { request: Empty, response: Nothing },
  'updates:install': { request: Empty, response: Nothing },
  'files:save': { request: SaveFileRequestSchema, response: SaveFileResultSchema },
  'notify:show': {
    request: z.strictObject({ title: z.string().min(1).max(200), body: z.string().max(1000) }),
    response: Nothing,
  },
  'letter:savePdf': { request: SaveLetterPdfRequestSchema, response: SaveLetterPdfResultSchema },
} as const satisfies Record<BridgeChannel, { request: z.ZodType; response: z.ZodType }>;

export const bridgeEventSchemas = {
  'updates:status': UpdateStatusSchema,
} as const satisfies Record<BridgeEvent, z.ZodType>;

export type BridgeRequest<C extends BridgeChannel> = z.infer<(typeof bridgeSchemas)[C]['request']>;
export type BridgeResponse<C extends BridgeChannel> = z.infer<
  (typeof bridgeSchemas)[C]['response']
>;
export type BridgeEventPayload<E extends BridgeEvent> = z.infer<(typeof bridgeEventSchemas)[E]>;

/** What `window.posko` is, in Electron (the preload) and in the browser host alike. */
export interface PoskoBridge {
  invoke<C extends BridgeChannel>(
    channel: C,
    request: BridgeRequest<C>,
  ): Promise<Result<BridgeResponse<C>>>;
  on<E extends BridgeEvent>(
    event: E,
    listener: (payload: BridgeEventPayload<E>) => void,
  ): () => void;
}
