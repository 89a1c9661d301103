import { readFileSync } from 'node:fs';
import path from 'node:path';
import { groupMembers } from '../../../electron/domain/org';
import { LANG_SON_2022 } from '../../../electron/domain/profiles/builtIn';

export const P = LANG_SON_2022;

/** The seed directive, kept as a fixture inside the repository. */
export const SEED_PATH = path.resolve(process.cwd(), 'test/fixtures/notices/seed-thong-bao-ket-luan-2022-07-22.md');

export function readSeed(): string {
  return readFileSync(SEED_PATH, 'utf8');
}

export function readFixture(name: string): string {
  return readFileSync(path.resolve(process.cwd(), 'test/fixtures/notices', name), 'utf8');
}

export const ALL_DISTRICTS = [
  'TPLS', 'TRANGDINH', 'VANLANG', 'VANQUAN', 'BINHGIA', 'BACSON', 'HUULUNG', 'CHILANG', 'CAOLOC', 'LOCBINH', 'DINHLAP',
];

/** "các phòng chuyên môn, các đơn vị trực thuộc, Phòng LĐTBXH các huyện" expanded. */
export const SEED_NOTICE_LEVEL = [
  ...groupMembers(P, 'ALL_DIVISIONS'),
  ...groupMembers(P, 'ALL_UNITS'),
  ...ALL_DISTRICTS,
];
