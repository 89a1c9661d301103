import type { Doc } from '../../domain/document';
import type { TransportData } from '../../domain/documentKinds';
import type { CoreContext } from '../runtime/context';

/** The transports switched on (documents of the local kind 'transport'; removed ones left out). */
export function enabledTransports(ctx: CoreContext): Doc<TransportData>[] {
  return ctx.store.listAs('transport').filter((d) => d.data.enabled);
}
