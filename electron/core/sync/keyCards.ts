import { readRegularFile } from '../files/safeRead';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { KeyCardView } from '../../contract/sync';
import type { FileOut } from '../../contract/tasks';
import { bundleError } from '../bundles/errors';
import { writeFileDurable } from '../store/durableFile';
import { officeName, requireKnownOffice, type SyncDeps } from './deps';
import { syncError } from './errors';
import { keyCardFileName, makeKeyCard, readKeyCard, type KeyCard } from './keyCard';
import { findPeer, peersOf } from './peers';
import { pin, recordPending, reenrol, trustStateOf } from './trust';

/** Key cards in and out: the first exchange, before any data moves (README "First exchange"). */

export async function exportKeyCard(deps: SyncDeps, outDir?: string): Promise<{ file: FileOut; path: string | null }> {
  const me = await deps.me();
  const bytes = makeKeyCard(me.identity, me.office, deps.ctx.session().office.name, me.installation, deps.ctx.appVersion, deps.ctx.now());
  const fileName = keyCardFileName(me.office, me.identity.fingerprint);
  let written: string | null = null;
  if (outDir) {
    await fs.mkdir(outDir, { recursive: true });
    written = path.join(outDir, fileName);
    await writeFileDurable(written, bytes);
  }
  return { file: { fileName, mime: 'application/octet-stream', base64: Buffer.from(bytes).toString('base64'), personalData: false }, path: written };
}

const KEY_CARD_MAX_BYTES = 64 * 1024;

export async function readCardInput(input: { file?: { base64: string } | undefined; path?: string | undefined }): Promise<KeyCard> {
  if (input.file) return readKeyCard(Buffer.from(input.file.base64, 'base64'));
  if (input.path) {
    // A key card is a few hundred bytes; 64 KiB is generous. Special files are refused.
    const bytes = await readRegularFile(input.path, KEY_CARD_MAX_BYTES);
    if (!bytes) throw syncError('FOLDER_UNREADABLE', { path: input.path });
    return readKeyCard(bytes);
  }
  throw syncError('NO_FILES');
}

export async function inspectKeyCard(deps: SyncDeps, card: KeyCard): Promise<KeyCardView> {
  const me = await deps.me();
  requireKnownOffice(deps.ctx, card.office);
  const s = await deps.peers.read();
  return {
    office: card.office,
    officeName: officeName(deps.ctx, card.office),
    installation: card.installation,
    fingerprint: card.fingerprint,
    createdAt: card.createdAt,
    state: trustStateOf(s, card, me),
    pinned: peersOf(s, card.office).map((p) => p.fingerprint),
  };
}

export async function importKeyCard(
  deps: SyncDeps,
  card: KeyCard,
  opts: { expectFingerprint?: string | undefined; confirmedByPhone: boolean; reenrol?: 'replace' | 'add' | undefined },
): Promise<'pinned' | 'known' | 'replaced' | 'added'> {
  const me = await deps.me();
  requireKnownOffice(deps.ctx, card.office);
  if (opts.expectFingerprint && opts.expectFingerprint !== card.fingerprint) {
    throw syncError('FINGERPRINT_MISMATCH', { office: officeName(deps.ctx, card.office), fingerprint: card.fingerprint });
  }
  const at = deps.ctx.now().toISOString();
  // Pinning or re-enrolling a key is decided here, not by the renderer's button: the caller must
  // say the person ticked "confirmed by phone" and pass the fingerprint it showed them.
  const confirmedNow = opts.confirmedByPhone && opts.expectFingerprint === card.fingerprint;
  const result = await deps.peers.update((s) => {
    const state = trustStateOf(s, card, me);
    if (state === 'own') return 'own' as const;
    if ((state === 'new' || opts.reenrol) && state !== 'known' && !confirmedNow) return 'unconfirmed' as const;
    if (state === 'known') {
      const p = findPeer(s, card.office, card.installation);
      if (p && opts.confirmedByPhone && !p.confirmedByPhone) Object.assign(p, { confirmedByPhone: true, confirmedAt: at });
      return 'known' as const;
    }
    if (state === 'new') {
      pin(s, card, 'card', at, opts.confirmedByPhone);
      return 'pinned' as const;
    }
    if (!opts.reenrol) {
      recordPending(s, card, 'card', at);
      return 'changed' as const;
    }
    reenrol(s, card, opts.reenrol, 'card', at, opts.confirmedByPhone);
    return opts.reenrol === 'replace' ? ('replaced' as const) : ('added' as const);
  });
  if (result === 'own') throw syncError('KEY_CARD_OWN');
  if (result === 'unconfirmed') throw syncError('CONFIRMATION_REQUIRED', { office: officeName(deps.ctx, card.office), fingerprint: card.fingerprint });
  if (result === 'changed') {
    const s = await deps.peers.read();
    throw bundleError('KEY_CHANGED', {
      office: officeName(deps.ctx, card.office),
      officeCode: card.office,
      installation: card.installation,
      fingerprint: card.fingerprint,
      pinnedFingerprint: peersOf(s, card.office)[0]?.fingerprint ?? '',
    });
  }
  deps.log(`sync: key card of ${card.office}/${card.installation} ${result} (${card.fingerprint})`);
  return result;
}
