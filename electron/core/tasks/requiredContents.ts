/** Required contents the office has not filled in yet (blank or whitespace only). */
export function missingRequiredContents(required: string[], filled: Record<string, string>): string[] {
  return required.filter((item) => !(filled[item] ?? '').trim());
}
