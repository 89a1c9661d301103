// Builds the shipped 2025 profile and the 2022 → 2025 unit mapping from the cited research file
// (electron/domain/profiles/lang-son-2025.research.json). Run once when the research changes:
//   node scripts/build-profile-lang-son-2025.mjs
// Nothing is added that the research file does not cite.
import { readFileSync, writeFileSync } from 'node:fs';

const dir = new URL('../electron/domain/profiles/', import.meta.url);
const research = JSON.parse(readFileSync(new URL('lang-son-2025.research.json', dir), 'utf8'));
const old = JSON.parse(readFileSync(new URL('profile-lang-son-2022.json', dir), 'utf8'));

const certainty = { langSon: 'province', national: 'national', split: 'split', none: 'none' };
const so = research.units.find((u) => u.type === 'department');
const communes = research.units.filter((u) => u.type === 'commune');

const vi = research.levels.find((l) => l.level === 'commune').labels.vi;
const en = research.levels.find((l) => l.level === 'commune').labels.en;
const profile = {
  $comment:
    'Built by scripts/build-profile-lang-son-2025.mjs from lang-son-2025.research.json (sources and citations there). Communes and wards report to the Sở directly (no district level from 01/7/2025), so their parent here is the Sở. The Sở\'s symbol "SNV" is a guess (symbolVerified: false).',
  format: 2,
  id: 'lang-son-2025',
  name: research.name,
  province: research.province,
  parentBody: research.parentBody,
  effectiveFrom: research.effectiveFrom,
  historical: false,
  levels: { upper: ['department'], lower: ['commune'] },
  terms: {
    vi: {
      // The Bộ LĐTBXH merged into the Bộ Nội vụ (the same 2025 reorganisation, national level).
      ministry: 'Bộ Nội vụ',
      upperUnit: research.levels[0].labels.vi.unit,
      upperLevel: research.levels[0].labels.vi.upper,
      baseLevel: vi.base,
      lowerUnit: 'xã, phường',
      lowerUnits: vi.all,
      lowerUnitHeading: 'Xã, phường',
      lowerUnitsHeading: 'Các xã, phường',
      area: 'xã, phường',
      areaHeading: 'Xã, phường',
      areaAll: 'Tất cả các xã, phường',
      areaTotal: 'Toàn xã',
      subArea: 'xã, phường',
      subAreaOr: 'xã/phường',
      subAreaHeading: 'Xã, phường',
      subAreaOrHeading: 'Xã/phường',
    },
    en: {
      ministry: 'Ministry of Home Affairs',
      upperUnit: research.levels[0].labels.en.unit,
      upperLevel: research.levels[0].labels.en.upper,
      baseLevel: en.base,
      lowerUnit: en.unit,
      lowerUnits: 'communes and wards',
      lowerUnitHeading: 'Commune or ward',
      lowerUnitsHeading: 'Communes and wards',
      area: 'commune',
      areaHeading: 'Commune, ward',
      areaAll: 'All communes and wards',
      areaTotal: 'Commune total',
      subArea: 'communes and wards',
      subAreaOr: 'commune/ward',
      subAreaHeading: 'Commune, ward',
      subAreaOrHeading: 'Commune/ward',
    },
  },
  units: [
    { code: so.code, type: 'department', name: so.name, shortName: so.shortName, symbol: so.symbol, symbolVerified: false, place: 'Lạng Sơn', aliases: so.aliases, citations: so.citations },
    ...communes.map((u) => ({
      code: u.code,
      type: 'commune',
      kind: u.kind,
      parent: so.code,
      name: u.name,
      shortName: u.shortName,
      symbol: u.symbol,
      place: u.place,
      officialCode: u.officialCode,
      aliases: u.aliases,
      citations: u.citations,
    })),
  ],
  groups: [
    {
      code: 'ALL_BASE',
      name: 'Các xã, phường',
      members: { type: 'commune' },
      replaces: ['ALL_DISTRICTS'],
      aliases: ['các xã, phường', 'UBND các xã, phường', 'Ủy ban nhân dân các xã, phường', 'các xã', 'các phường'],
    },
  ],
  fields: research.fields.map((f) => ({
    code: f.code,
    name: f.name,
    aliases: old.fields.find((o) => o.code === f.code)?.aliases ?? [],
    owner: f.owner,
    ownerCertainty: certainty[f.ownerVerified],
    parts: (f.split ?? []).map((p) => ({ part: p.part, owner: p.owner, ownerCertainty: certainty[p.ownerVerified] })),
  })),
};
writeFileSync(new URL('profile-lang-son-2025.json', dir), JSON.stringify(profile, null, 2) + '\n');

// The mapping old unit → new unit(s): 2022 commune codes (through the 2024 moves), the 2022
// district offices (to every new unit that took one of their communes) and the Sở.
const into = new Map(); // 1/1/2025 code2022 → [{ code, whole }]
for (const u of communes) {
  for (const f of u.formedFrom) {
    const list = into.get(f.code2022) ?? [];
    list.push({ code: u.code, whole: f.whole === undefined ? true : f.whole });
    into.set(f.code2022, list);
  }
}
const rows = [];
for (const [oldCode, targets] of into) for (const t of targets) rows.push({ old: oldCode, new: t.code, whole: t.whole });
for (const m of research.changes2024.moves) {
  for (const f of m.from) {
    for (const t of into.get(m.into.code2022) ?? []) rows.push({ old: f.code2022, new: t.code, whole: m.whole && t.whole === true ? true : m.whole === false ? false : t.whole });
  }
}
const offices = new Map();
for (const u of communes) for (const f of u.formedFrom) {
  const set = offices.get(f.office2022) ?? new Set();
  set.add(u.code);
  offices.set(f.office2022, set);
}
for (const [office, set] of offices) for (const code of set) rows.push({ old: office, new: code, whole: set.size === 1 });
rows.push({ old: 'SO', new: so.code, whole: true });
const mapping = {
  $comment: 'Built by scripts/build-profile-lang-son-2025.mjs: 2022 units → units from 01/7/2025 (NQ 1246 moves of 2024, then formedFrom of NQ 1672 as listed by BANDO). whole: false = part of the old unit went there; null = not known (split in the source, resolution text not read).',
  from: old.id,
  to: profile.id,
  rows,
};
writeFileSync(new URL('mapping-lang-son-2022-2025.json', dir), JSON.stringify(mapping, null, 1) + '\n');
console.log(`units ${profile.units.length}, mapping rows ${rows.length}`);
