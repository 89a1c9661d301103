import { mkdtemp, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  attachmentFile,
  attachmentFileSize,
  readAttachmentFile,
  writeAttachmentFiles,
} from '../../electron/core/files/attachments';

/**
 * Class 1 of issue 10: an attachment's name on disk comes from a record (possibly from another
 * PC's bundle, possibly from a tampered data folder). Whatever the string, the file layer must
 * never read or write outside <data>/attachments/.
 */
let root: string;
let dataDir: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'soviec-att-'));
  dataDir = path.join(root, 'data');
  await mkdir(path.join(dataDir, 'attachments'), { recursive: true });
  await writeFile(path.join(root, 'bí-mật.txt'), 'Danh sách hộ nghèo xã Tân Thanh');
  await writeFile(path.join(dataDir, 'settings.json'), '{"office":"H01"}');
});
afterEach(async () => rm(root, { recursive: true, force: true }));

const hostile = [
  '../bí-mật.txt',
  '../../bí-mật.txt',
  '../settings.json',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  '..\\settings.json',
  'a'.repeat(63) + '/',
  'A'.repeat(64),
  '',
  '.',
  '..',
];

describe('attachment files stay inside the attachments folder', () => {
  it.each(hostile)('reading %j is refused without touching the disk outside', async (name) => {
    await expect(readAttachmentFile(dataDir, name)).rejects.toMatchObject({ code: 'ATTACHMENT_NAME_INVALID' });
    await expect(attachmentFileSize(dataDir, name)).rejects.toMatchObject({ code: 'ATTACHMENT_NAME_INVALID' });
    expect(() => attachmentFile(dataDir, name)).toThrow();
  });

  it('files received under a path-like name are not written anywhere', async () => {
    const files = new Map<string, Uint8Array>([
      ['../escaped.txt', new TextEncoder().encode('ghi đè')],
      ['../../escaped.txt', new TextEncoder().encode('ghi đè')],
    ]);
    await expect(writeAttachmentFiles(dataDir, files)).rejects.toMatchObject({ code: 'ATTACHMENT_NAME_INVALID' });
    expect((await readdir(root)).sort()).toEqual(['bí-mật.txt', 'data']);
    expect((await readdir(dataDir)).sort()).toEqual(['attachments', 'settings.json']);
    expect(await readdir(path.join(dataDir, 'attachments'))).toEqual([]);
  });

  it('a proper hash still resolves inside attachments/', () => {
    const sha = 'ab'.repeat(32);
    expect(attachmentFile(dataDir, sha)).toBe(path.join(dataDir, 'attachments', sha));
  });
});
