import { describe, expect, it } from 'vitest';
import { parsePeers } from '../../../renderer/sync/peersText';

describe('"Đơn vị trao đổi" typed in the e-mail form', () => {
  it('takes codes as the office names read without marks, with "=", ":" or a space before the mailbox', () => {
    const r = parsePeers('SO=so@sldtbxh.langson.gov.vn\nVăn Quan: vanquan@sldtbxh.langson.gov.vn; binh gia <binhgia@sldtbxh.langson.gov.vn>\r\n\nĐình Lập   dinhlap@sldtbxh.langson.gov.vn');
    expect(r).toEqual({
      peers: {
        SO: 'so@sldtbxh.langson.gov.vn',
        VANQUAN: 'vanquan@sldtbxh.langson.gov.vn',
        BINHGIA: 'binhgia@sldtbxh.langson.gov.vn',
        DINHLAP: 'dinhlap@sldtbxh.langson.gov.vn',
      },
      bad: [],
    });
  });

  it('names the lines it cannot read instead of dropping them', () => {
    const r = parsePeers('VANQUAN=vanquan@sldtbxh\nPhòng Lao động huyện Bình Gia\nSO=so@sldtbxh.langson.gov.vn');
    expect(r.peers).toEqual({ SO: 'so@sldtbxh.langson.gov.vn' });
    expect(r.bad).toEqual(['VANQUAN=vanquan@sldtbxh', 'Phòng Lao động huyện Bình Gia']);
  });
});
