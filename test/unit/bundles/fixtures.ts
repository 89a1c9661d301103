import { zipSync } from 'fflate';
import { AppError } from '../../../electron/domain/errors';
import type { Doc } from '../../../electron/domain/document';
import { buildBundle, type BuildBundleInput, type BuiltBundle } from '../../../electron/core/bundles/build';
import { createIdentity, type Identity } from '../../../electron/core/bundles/identity';
import type { OpenBundleContext, PinnedKey } from '../../../electron/core/bundles/open';

/** Shared fixtures for the bundle tests: three installations and real Lạng Sơn content. */

export const APP_VERSION = '0.1.0';

export interface Office {
  code: string;
  installation: string;
  id: Identity;
}

function office(code: string, installation: string): Office {
  return { code, installation, id: createIdentity() };
}

export const SO = office('SO', 'so-pc1');
export const VANQUAN = office('VANQUAN', 'vanquan-pc1');
export const BINHGIA = office('BINHGIA', 'binhgia-pc1');

let hlcCounter = 0;
export function hlc(node = 'so1'): string {
  hlcCounter++;
  return `${String(1659139200000 + hlcCounter).padStart(15, '0')}-${String(hlcCounter % 1000000).padStart(6, '0')}-${node}`;
}

/** Tasks from the 2022-07-22 conclusion notice, a progress report and a poor household. */
export function sampleDocs(): Doc[] {
  return [
    {
      id: 'tb-2022-07-22',
      kind: 'directive',
      owner: 'SO',
      rev: 1,
      hlc: hlc(),
      data: {
        soKyHieu: '125/TB-SLĐTBXH',
        ngay: '2022-07-22',
        trichYeu: 'Kết luận của Giám đốc Sở tại Hội nghị sơ kết công tác 6 tháng đầu năm 2022',
        nguoiKy: 'Nguyễn Văn Hưng',
      },
    },
    {
      id: 'task-gn-01',
      kind: 'task',
      owner: 'SO',
      rev: 3,
      hlc: hlc(),
      data: {
        field: 'GIAM_NGHEO_BTXH',
        content: 'Tập trung điều tra, rà soát hộ nghèo, cận nghèo năm 2022 theo chuẩn nghèo đa chiều giai đoạn 2022-2025',
        assignees: ['ALL_DISTRICTS'],
        deadline: '2022-07-30',
        requiredContents: ['Mục tiêu', 'đối tượng dự án', 'nội dung hỗ trợ', 'thời gian thực hiện', 'cơ quan chủ trì'],
      },
    },
    {
      id: 'progress-vq-gn-01',
      kind: 'progress',
      owner: 'VANQUAN',
      rev: 1,
      hlc: hlc('vq1'),
      author: 'vanquan-pc1',
      data: {
        task: 'task-gn-01',
        status: 'inProgress',
        percent: 60,
        narrative: 'Đã hoàn thành rà soát tại 17/24 xã, thị trấn; Ban Chỉ đạo rà soát cấp xã đã họp thôn, bản.',
      },
    },
    {
      id: 'hh-vq-000123',
      kind: 'household',
      owner: 'VANQUAN',
      rev: 2,
      hlc: hlc('vq1'),
      data: {
        chuHo: 'Hoàng Thị Lý',
        xa: 'Xã Yên Phúc',
        thon: 'Thôn Bản Chu',
        thuNhapBinhQuan: 1_350_000,
        thieuHut: ['việc làm', 'bảo hiểm y tế', 'chất lượng nhà ở', 'nhà tiêu hợp vệ sinh'],
        phanLoai: 'hộ nghèo',
      },
    },
  ];
}

export function sampleAttachments(): Map<string, Uint8Array> {
  const scan = new Uint8Array(3000);
  for (let i = 0; i < scan.length; i++) scan[i] = (i * 131 + 7) & 0xff;
  return new Map([
    ['att-bien-ban-hop-thon.pdf', scan],
    ['att-empty.bin', new Uint8Array(0)],
  ]);
}

export function build(from: Office, to: Office, overrides: Partial<BuildBundleInput> = {}): BuiltBundle {
  return buildBundle({
    docs: sampleDocs(),
    attachments: sampleAttachments(),
    sender: {
      office: from.code,
      installation: from.installation,
      signingPublicKey: from.id.signingPublicKey,
      agreementPublicKey: from.id.agreementPublicKey,
    },
    recipient: to.code,
    seq: 1,
    prevBundleHash: null,
    ack: { lastSeq: 0, hlc: null },
    recipientAgreementPublicKey: to.id.agreementPublicKey,
    signingPrivateKey: from.id.signingPrivateKey,
    appVersion: APP_VERSION,
    ...overrides,
  });
}

export function pinOf(o: Office): PinnedKey {
  return { signingPublicKey: o.id.signingPublicKey, fingerprint: o.id.fingerprint };
}

/** `me` has pinned every office in `pinned`; nothing imported yet. */
export function ctxFor(me: Office, pinned: Office[] = [SO, VANQUAN, BINHGIA], extra: Partial<OpenBundleContext> = {}): OpenBundleContext {
  const pins = new Map(pinned.filter((o) => o !== me).map((o) => [o.code, pinOf(o)]));
  return {
    ourOffice: me.code,
    ourAgreementPrivateKey: me.id.agreementPrivateKey,
    pinnedKeys: (code) => pins.get(code),
    appVersion: APP_VERSION,
    alreadyImported: () => false,
    ...extra,
  };
}

/** A zip with these entries, written the way the app writes (stored, fixed time) unless told. */
export function rezip(entries: [string, Uint8Array][], level: 0 | 6 = 0): Uint8Array {
  const obj: Record<string, Uint8Array> = {};
  for (const [n, b] of entries) obj[n] = b;
  return zipSync(obj, { level, mtime: new Date(1980, 0, 1, 12, 0, 0) });
}

/** Replaces every occurrence of `from` (header names) with `to` of the same length. */
export function patchBytes(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const a = Buffer.from(from, 'latin1');
  const b = Buffer.from(to, 'latin1');
  if (a.length !== b.length) throw new Error('patchBytes: same length only');
  const out = Buffer.from(bytes);
  let i = out.indexOf(a);
  while (i >= 0) {
    b.copy(out, i);
    i = out.indexOf(a, i + 1);
  }
  return out;
}

/** Deterministic PRNG (mulberry32) so every fuzz run is reproducible from its seed. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The refusal code of `fn`, 'OK' if it returned, or 'NOT_APP_ERROR: ...' for anything else thrown. */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    return `NOT_APP_ERROR: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
  }
}

export function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal, got success');
}
