import { z } from 'zod';
import data from './public-listing.json' with { type: 'json' };
import { CitationSchema } from './schema';

/**
 * What is cited of the public listing (niêm yết công khai) of the commune's lists after the yearly
 * review: the procedure of Quyết định 24/2021/QĐ-TTg and notices of communes that posted lists.
 * What could not be read (how many working days, the lists' columns) is kept as `notRead`, and
 * nothing in the app states it: the printed lists are Sổ Việc's own.
 */

const Text = (max: number) => z.string().trim().min(1).max(max);
const Url = z.string().url().max(600);

export const PublicListingSchema = z
  .object({
    id: z.literal('public-listing'),
    procedure: z
      .object({
        /** How the app names it in a sentence. */
        short: Text(200),
        document: Text(500),
        steps: z.array(Text(300)).min(1),
        readOn: z.array(Url).min(1),
        periodic: Text(500),
        listedHouseholds: Text(1000),
      })
      .strict(),
    notRead: z.array(Text(1000)),
    examples: z.array(CitationSchema).min(1),
    searched: z
      .object({
        on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        queries: z.array(z.object({ corpus: Text(40), query: Text(400) }).strict()).min(1),
      })
      .strict(),
  })
  .strict()
  // The listing is a step of the procedure: a file that loses that step cites nothing.
  .refine((f) => f.procedure.steps.some((s) => /niêm yết/i.test(s)), { message: 'the procedure must hold the public listing step' });
export type PublicListing = z.infer<typeof PublicListingSchema>;

export const PUBLIC_LISTING: PublicListing = PublicListingSchema.parse(data);
