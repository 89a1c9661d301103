import { fold } from '../../electron/domain/text';

/** antd Select/AutoComplete filter that ignores case and diacritics ("van quan" finds "Văn Quan"). */
export function foldFilter(input: string, option?: { label?: unknown }): boolean {
  return fold(String(option?.label ?? '')).includes(fold(input));
}
