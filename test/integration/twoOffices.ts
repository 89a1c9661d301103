import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore, type Core } from '../../electron/core';
import type { OpName, Input, Output } from '../../electron/contract';
import { AppError } from '../../electron/domain/errors';

/** A core on a temporary data folder, set up as one office, with a typed `call`. */
export interface Office {
  core: Core;
  dataDir: string;
  call<K extends OpName>(name: K, input: Input<K>): Promise<Output<K>>;
}

export async function openOffice(role: 'so' | 'office', code: string, name: string, opts: { now?: () => number; dataDir?: string } = {}): Promise<Office> {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(os.tmpdir(), `soviec-${code}-`));
  const core = await openCore({ dataDir, ...(opts.now ? { now: opts.now } : {}) });
  const call = async <K extends OpName>(op: K, input: Input<K>): Promise<Output<K>> => {
    const r = await core.dispatch(op, input);
    if (!r.ok) throw AppError.fromValue(r.error);
    return r.value as Output<K>;
  };
  if (!core.context.settings().session) await call('app.setup', { profileId: 'lang-son-2022', role, officeCode: code, officerName: name });
  return { core, dataDir, call };
}
