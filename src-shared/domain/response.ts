// Responses (tanggapan) to the reporter, from draft to publication. Each approval state is its own
// shape, so a returned draft always has a comment and a published one says who published it.

import { z } from 'zod';
import { EntityIdSchema } from './entity-id';
import { EpochMsSchema } from './epoch-ms';

export const responseStates = ['draft', 'submitted', 'approved', 'returned', 'published'] as const;
export type ResponseState = (typeof responseStates)[number];

const responseBase = {
  id: EntityIdSchema,
  reportId: EntityIdSchema,
  /** The agency answering (the report's agency when the draft was started). */
  agencyId: EntityIdSchema,
  authorId: EntityIdSchema,
  /** Plain text: citizen-facing text is never rendered as HTML. */
  body: z.string().max(20_000),
  createdAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
  version: z.int().nonnegative(),
};

const review = {
  submittedAt: EpochMsSchema,
  reviewedById: EntityIdSchema,
  reviewedAt: EpochMsSchema,
};

export const ReportResponseSchema = z.discriminatedUnion('state', [
  z.strictObject({ ...responseBase, state: z.literal('draft') }),
  z.strictObject({ ...responseBase, state: z.literal('submitted'), submittedAt: EpochMsSchema }),
  z.strictObject({ ...responseBase, ...review, state: z.literal('approved') }),
  z.strictObject({
    ...responseBase,
    ...review,
    state: z.literal('returned'),
    /** Why the reviewer sent it back; shown to the author, never to the reporter. */
    returnComment: z
      .string()
      .max(2000)
      .refine((comment) => comment.trim() !== '', 'A returned draft needs a comment'),
  }),
  z.strictObject({
    ...responseBase,
    ...review,
    state: z.literal('published'),
    publishedAt: EpochMsSchema,
    publishedById: EntityIdSchema,
  }),
]);
export type ReportResponse = z.infer<typeof ReportResponseSchema>;
