import data from './tt07-forms.json' with { type: 'json' };
import { FormsResearchSchema, type FormsResearch } from './schema';

export * from './schema';

/** The cited record of the circular's forms; parsing it here makes a malformed file fail at once. */
export const TT07_FORMS: FormsResearch = FormsResearchSchema.parse(data);
export { PUBLIC_LISTING, PublicListingSchema, type PublicListing } from './publicListing';
