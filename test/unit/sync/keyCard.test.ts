import { describe, it, expect } from 'vitest';
import { createIdentity } from '../../../electron/core/bundles';
import { keyCardFileName, makeKeyCard, readKeyCard } from '../../../electron/core/sync/keyCard';
import { codeOf } from '../bundles/fixtures';

describe('key cards', () => {
  const id = createIdentity();
  const card = makeKeyCard(id, 'VANQUAN', 'Phòng Lao động, Thương binh, Xã hội - Dân tộc huyện Văn Quan', 'pc-1', '0.1.0', new Date('2022-07-25T02:00:00Z'));

  it('round-trips and names the file after the office and the first digits', () => {
    expect(readKeyCard(card)).toMatchObject({ office: 'VANQUAN', installation: 'pc-1', fingerprint: id.fingerprint, signingPublicKey: id.signingPublicKey });
    expect(keyCardFileName('VANQUAN', id.fingerprint)).toBe(`soviec-key_VANQUAN_${id.fingerprint.slice(0, 5)}.soviec-key`);
  });

  it('refuses any change: office, key, fingerprint, signature, or not a card at all', () => {
    const json = JSON.parse(Buffer.from(card).toString('utf8')) as Record<string, string>;
    const other = createIdentity();
    const edits: Array<Record<string, string>> = [
      { office: 'BINHGIA' },
      { agreementPublicKey: other.agreementPublicKey },
      { signingPublicKey: other.signingPublicKey },
      { fingerprint: other.fingerprint },
      { signature: Buffer.alloc(64).toString('base64') },
    ];
    for (const e of edits) expect(codeOf(() => readKeyCard(Buffer.from(JSON.stringify({ ...json, ...e }))))).toBe('KEY_CARD_INVALID');
    expect(codeOf(() => readKeyCard(Buffer.from('PK\u0003\u0004 not json')))).toBe('KEY_CARD_INVALID');
    expect(codeOf(() => readKeyCard(Buffer.alloc(20_000, 32)))).toBe('KEY_CARD_INVALID');
  });
});
