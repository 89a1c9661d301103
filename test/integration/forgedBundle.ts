import { buildBundle } from '../../electron/core/bundles';
import { createIdentityStore } from '../../electron/core/sync/identityStore';
import type { Doc } from '../../electron/domain/document';
import type { Office } from './twoOffices';

/**
 * A bundle signed with `from`'s own keys and encrypted to `to`, as a modified app of that office
 * would write it: whatever `docs` hold goes in unchecked, so the receiver's checks are what is
 * tested. `seq` and `createdAt` come from the test's own counters.
 */
export async function forgedBundle(
  from: Office,
  fromCode: string,
  to: Pick<Office, 'dataDir'>,
  toCode: string,
  docs: Doc[],
  seq: number,
  createdAt: Date,
): Promise<{ name: string; base64: string }> {
  const mine = await createIdentityStore(from.dataDir).get();
  const theirs = await createIdentityStore(to.dataDir).get();
  const built = buildBundle({
    docs,
    sender: { office: fromCode, installation: from.core.context.settings().installationId, signingPublicKey: mine.signingPublicKey, agreementPublicKey: mine.agreementPublicKey },
    recipient: toCode,
    seq,
    prevBundleHash: '1'.repeat(64),
    ack: { lastSeq: 0, hlc: null },
    recipientAgreementPublicKey: theirs.agreementPublicKey,
    signingPrivateKey: mine.signingPrivateKey,
    appVersion: '0.1.0',
    createdAt,
  });
  return { name: `forged-${seq}.soviec`, base64: Buffer.from(built.bytes).toString('base64') };
}
