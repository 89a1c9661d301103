import { Zip, ZipDeflate, strToU8 } from 'fflate';

/**
 * Hostile workbooks for the import tests (issue 10, class 4): a real-looking xlsx whose one sheet
 * repeats a row many times, deflated as it is generated, so a few hundred KB on disk inflate to
 * tens of MB of sheet XML. One builder for every import that reads Excel.
 */
const rels = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function parts(sheetName: string): Record<string, string> {
  return {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rels}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rels}"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rels}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  };
}

/** Inline-string cells as one `<row>`: `row(['Tân Thành', 'xã'])`. */
export function row(texts: string[]): string {
  return `<row>${texts.map((t) => `<c t="inlineStr"><is><t>${t}</t></is></c>`).join('')}</row>`;
}

/** An xlsx whose sheet `sheetName` is `rowXml` repeated `rows` times (in blocks of `perBlock`). */
export function zipBomb(opts: { sheetName: string; rowXml: string; rows: number; perBlock: number }): Uint8Array {
  const out: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    out.push(chunk);
  });
  for (const [name, text] of Object.entries(parts(opts.sheetName))) {
    const f = new ZipDeflate(name, { level: 9 });
    zip.add(f);
    f.push(strToU8(text), true);
  }
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 9 });
  zip.add(sheet);
  sheet.push(strToU8('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'));
  const block = strToU8(opts.rowXml.repeat(opts.perBlock));
  for (let i = 0; i < opts.rows / opts.perBlock; i++) sheet.push(block);
  sheet.push(strToU8('</sheetData></worksheet>'), true);
  zip.end();
  const bytes = new Uint8Array(out.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of out) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}
