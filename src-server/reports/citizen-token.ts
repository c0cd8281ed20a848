// The citizen token: 32 random bytes handed to the reporter once when the report is filed, stored
// only as a SHA-256 hash (reports.citizen_token_hash). It lets the reporter reply, upload files
// and see their own confidential (rahasia) report, without an account.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,200}$/;

export interface NewCitizenToken {
  token: string;
  hash: string;
}

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createCitizenToken(): NewCitizenToken {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashOf(token) };
}

/** Whether `token` is the one whose hash is stored; false for a missing hash or a malformed token. */
export function isCitizenTokenOf(token: string, storedHash: string | null): boolean {
  if (storedHash === null || !TOKEN_PATTERN.test(token)) return false;
  const expected = Buffer.from(storedHash, 'hex');
  const actual = Buffer.from(hashOf(token), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** The citizen token a request carries in the header, or null. */
export function citizenTokenFrom(headerValue: string | string[] | undefined): string | null {
  const value = Array.isArray(headerValue) ? headerValue[0] : headerValue;
  return typeof value === 'string' && value.length > 0 ? value.trim() : null;
}
