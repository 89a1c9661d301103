import { CodeAllocator, codeShowsIdNumber } from '../../../domain/households/codes';
import type { HouseholdIndex } from './householdIndex';

/**
 * The code of a household recorded without one (a form left blank, a list without a "Mã hộ"
 * column): the code the office already gives the same head's ID number (this year's record,
 * else the latest earlier one, so the years stay linked), else a new code with no personal
 * data in it (domain/households/codes.ts).
 */
export function codeResolver(index: HouseholdIndex, office: string): (communeCode: string, year: number, idNumber: string) => string {
  const taken: string[] = [];
  for (const y of index.years()) for (const e of index.year(y)) if (e.owner === office) taken.push(e.code);
  const allocator = new CodeAllocator(taken);
  const years = index.years(); // newest first
  return (communeCode, year, idNumber) => {
    // This year's record keeps its code whatever it is (a second record would be a duplicate);
    // an earlier year's code is carried on only when it shows no ID number.
    const same = index.withIdNumber(year, idNumber).find((e) => e.owner === office);
    if (same) return same.code;
    for (const y of years.filter((y) => y < year)) {
      const known = index.withIdNumber(y, idNumber).find((e) => e.owner === office);
      if (known && !codeShowsIdNumber(known.code, idNumber)) return known.code;
    }
    return allocator.allocate(communeCode, year);
  };
}
