// Instants in the domain are plain numbers of milliseconds since the Unix epoch (UTC): they sort,
// subtract and index without parsing; local days come from the agency's time zone (time-zone.ts).

import { z } from 'zod';

export const EpochMsSchema = z.int().nonnegative();

/** Milliseconds since 1970-01-01T00:00:00Z. */
export type EpochMs = number;
