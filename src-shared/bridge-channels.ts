// The names of the bridge's channels, events and error codes, without their schemas, so the sandboxed preload
// can allow-list them without bundling the validation library.

export const bridgeChannelNames = [
  'app:info',
  'secrets:get',
  'secrets:set',
  'secrets:delete',
  'updates:check',
  'updates:download',
  'updates:install',
  'files:save',
  'notify:show',
  'letter:savePdf',
] as const;

export const bridgeEventNames = ['updates:status'] as const;

/** Error codes the bridge itself produces (handlers add their own). */
export const BridgeErrorCode = {
  invalidChannel: 'bridge/invalid-channel',
  invalidPayload: 'bridge/invalid-payload',
  handlerFailed: 'bridge/handler-failed',
  forbiddenSender: 'bridge/forbidden-sender',
  unavailable: 'bridge/unavailable',
} as const;

export type BridgeChannel = (typeof bridgeChannelNames)[number];
export type BridgeEvent = (typeof bridgeEventNames)[number];

export function isBridgeChannel(value: unknown): value is BridgeChannel {
  return typeof value === 'string' && (bridgeChannelNames as readonly string[]).includes(value);
}

export function isBridgeEvent(value: unknown): value is BridgeEvent {
  return typeof value === 'string' && (bridgeEventNames as readonly string[]).includes(value);
}
