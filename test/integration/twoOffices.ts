import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore, type Core } from '../../electron/core';
import type { OpName, Input, Output } from '../../electron/contract';
import { AppError } from '../../electron/domain/errors';
import { exchangeKeys, usbStick } from './syncHelpers';

/** A core on a temporary data folder, set up as one office, with a typed `call`. */
export interface Office {
  core: Core;
  dataDir: string;
  call<K extends OpName>(name: K, input: Input<K>): Promise<Output<K>>;
}

export interface OpenOptions {
  now?: () => number;
  dataDir?: string;
  /** The built-in org profile a new folder is set up with. */
  profileId?: 'lang-son-2022' | 'lang-son-2025';
}

export async function openOffice(role: 'so' | 'office', code: string, name: string, opts: OpenOptions = {}): Promise<Office> {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(os.tmpdir(), `soviec-${code}-`));
  const core = await openCore({ dataDir, ...(opts.now ? { now: opts.now } : {}) });
  const call = async <K extends OpName>(op: K, input: Input<K>): Promise<Output<K>> => {
    const r = await core.dispatch(op, input);
    if (!r.ok) throw AppError.fromValue(r.error);
    return r.value as Output<K>;
  };
  if (!core.context.settings().session) await call('app.setup', { profileId: opts.profileId ?? 'lang-son-2022', role, officeCode: code, officerName: name });
  return { core, dataDir, call };
}

/** Văn Quan's district office on a new folder with the sample communes loaded: where the household tests start. */
export async function vanQuanWithCommunes(): Promise<Office> {
  const vq = await openOffice('office', 'VANQUAN', 'Hoàng Thị Lan');
  await vq.call('households.communes.importSample', {});
  return vq;
}

/**
 * The Sở and one office that have exchanged key cards over `usb` (a new stick unless given), so
 * bundles between them import with every check. Codes and names default to the 2022 tree's
 * Sở and Văn Quan.
 */
export async function twoOfficesWithKeys(
  opts: OpenOptions & { so?: { code: string; name: string }; office?: { code: string; name: string }; usb?: string } = {},
): Promise<{ so: Office; vq: Office; usb: string }> {
  const { so: soUnit = { code: 'SO', name: 'Nguyễn Mạnh Cường' }, office = { code: 'VANQUAN', name: 'Hoàng Thị Lan' }, usb = usbStick('keys'), ...open } = opts;
  const so = await openOffice('so', soUnit.code, soUnit.name, open);
  const vq = await openOffice('office', office.code, office.name, open);
  await exchangeKeys(so, vq, usb);
  return { so, vq, usb };
}
