// Catalogue keys for mutation names and refusal reasons.
import type { MutationName } from '../../../../src-shared/sync/protocol';
import { isMessageKey, type MessageKey, type Translate } from '../../../i18n/i18n';

export function mutationLabelKey(name: MutationName): MessageKey {
  return `mutationName.${name}`;
}

/** The operator-facing reason of a refusal: its reason key's text, else the message. */
/** Takes a local refusal (MutationError) or a server's answer (reason key as a plain string). */
export function refusalText(
  t: Translate,
  error: { readonly reasonKey?: string | undefined; readonly message: string },
): string {
  const key = error.reasonKey;
  return key !== undefined && isMessageKey(key)
    ? t(key)
    : t('error.generic', { message: error.message });
}
