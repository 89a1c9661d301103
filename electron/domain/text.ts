/**
 * Folding for search and matching: lower case, no diacritics, đ -> d, single spaces.
 * "Bình Gia" and "binh  gia" fold to the same key.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
