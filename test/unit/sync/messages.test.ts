import { describe, it, expect } from 'vitest';
import vi from '../../../electron/domain/i18n/locales/vi/bundles.json';
import en from '../../../electron/domain/i18n/locales/en/bundles.json';
import { SYNC_ERROR_CODES } from '../../../electron/core/sync/errors';
import { DOC_KINDS } from '../../../electron/domain/document';

const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((x) => x[1] as string).sort();

describe('sync messages', () => {
  it('every sync refusal and warning has a Vietnamese and an English sentence with the same placeholders', () => {
    const groups: Array<[string, string[], Record<string, string>, Record<string, string>]> = [
      ['errors', [...SYNC_ERROR_CODES], vi.sync.errors, en.sync.errors],
      ['warnings', ['GAP', 'OLDER_BUNDLE', 'CHAIN', 'ATTACHMENT_BAD', 'ACK_UNKNOWN', 'FORMER_RECIPIENT'], vi.sync.warnings, en.sync.warnings],
      ['reasons', ['owner', 'kind', 'takeover', 'localKind', 'shape', 'idNotSenders'], vi.sync.reasons, en.sync.reasons],
      ['kinds', [...DOC_KINDS], vi.sync.kinds, en.sync.kinds],
    ];
    for (const [group, codes, v, e] of groups) {
      expect(Object.keys(v).sort(), group).toEqual([...codes].sort());
      for (const c of codes) expect(placeholders(v[c] as string), `${group}.${c}`).toEqual(placeholders(e[c] as string));
    }
  });
});
