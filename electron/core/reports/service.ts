import type { ServiceOf } from '../../contract/define';
import type { reportOps } from '../../contract/reports';
import type { CoreContext } from '../runtime/context';
import { allForms, formSummaries, requireLatest, requireVersion } from './docs';
import { consolidationXlsx, printData } from './exports';
import { installDefaults, saveReport, saveReview, saveTargets, saveVersion } from './writes';
import { completenessView, consolidationView, dueList, openReport, targetsView } from './views';

/**
 * Periodic reports (issue 6). The Sở designs forms and sets targets, offices fill reports,
 * the Sở reviews, checks completeness and adds the figures up. Documents travel in bundles;
 * each side writes only its own (forms, targets, reviews: the Sở; reports: the office).
 */
export function createReportService(ctx: CoreContext): ServiceOf<typeof reportOps> {
  let defaultsChecked = false;
  /** On first use at the Sở the default profile's forms are saved, so there is something to send. */
  const ensureDefaults = async (): Promise<void> => {
    if (defaultsChecked || ctx.session().role !== 'so') return;
    if (allForms(ctx).length === 0) await installDefaults(ctx);
    defaultsChecked = true;
  };
  return {
    'reports.forms': async () => {
      await ensureDefaults();
      return formSummaries(ctx);
    },
    'reports.form': async ({ formId, version }) => (version ? requireVersion(ctx, formId, version) : requireLatest(ctx, formId)),
    'reports.installDefaults': async () => {
      await installDefaults(ctx);
      defaultsChecked = true;
      return formSummaries(ctx);
    },
    'reports.saveVersion': async ({ formId, basedOn, changes }) => saveVersion(ctx, formId, basedOn, changes),
    'reports.targets': async ({ formId, year }) => targetsView(ctx, formId, year),
    'reports.saveTargets': async ({ formId, year, values }) => {
      await saveTargets(ctx, formId, year, values);
      return targetsView(ctx, formId, year);
    },
    'reports.due': async () => dueList(ctx),
    'reports.open': async ({ formId, period, office }) => openReport(ctx, formId, period, office),
    'reports.save': async (input) => {
      await saveReport(ctx, input);
      return openReport(ctx, input.formId, input.period, undefined);
    },
    'reports.review': async (input) => {
      await saveReview(ctx, input);
      return openReport(ctx, input.formId, input.period, input.office);
    },
    'reports.completeness': async ({ formId, year }) => {
      await ensureDefaults();
      return completenessView(ctx, formId, year);
    },
    'reports.consolidate': async ({ formId, period, acceptedOnly }) => consolidationView(ctx, formId, period, acceptedOnly),
    'reports.exportXlsx': async ({ formId, period, acceptedOnly }) => consolidationXlsx(ctx, formId, period, acceptedOnly),
    'reports.printData': async ({ formId, period, acceptedOnly }) => printData(ctx, formId, period, acceptedOnly),
  };
}
