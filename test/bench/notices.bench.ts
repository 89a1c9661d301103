import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractNotice } from '../../electron/domain/directives/extract';
import { LANG_SON_2022 } from '../../electron/domain/profiles/builtIn';
import type { BenchModule, BenchTable } from './run';

/**
 * Extraction time of a long plan: the seed notice's body repeated to ~20 pages (about 3,000
 * words a page is far above a real page; 20 × 500 words is used), plus a 20-row task table.
 * Target (issue 11): under 1 s.
 */
function longPlan(pages: number): string {
  const seed = readFileSync(path.resolve(process.cwd(), 'test/fixtures/notices/seed-thong-bao-ket-luan-2022-07-22.md'), 'utf8');
  const lines = seed.split('\n');
  const head = lines.slice(0, 20).join('\n');
  // The body only: the foot (Nơi nhận, signature) once at the end, so every copy is read as body.
  const footAt = lines.findIndex((l) => /Nơi nhận/u.test(l));
  const body = lines.slice(20, footAt > 20 ? footAt : undefined).filter((l) => !l.includes('./.')).join('\n');
  const words = (s: string): number => s.split(/\s+/).filter(Boolean).length;
  let text = head;
  while (words(text) < pages * 500) text += `\n${body}`;
  const table = ['TT | Nội dung | Chủ trì | Phối hợp | Thời gian'];
  for (let i = 1; i <= 20; i++) table.push(`${i} | Rà soát hộ nghèo đợt ${i} | Phòng Bảo trợ xã hội - Giảm nghèo | Phòng LĐTBXH các huyện | trước ngày ${(i % 28) + 1}/12/2024`);
  return `${text}\n${table.join('\n')}\n${footAt > 0 ? lines.slice(footAt).join('\n') : ''}`;
}

export const noticesBench: BenchModule = {
  name: 'notices',
  async run({ quick }): Promise<BenchTable[]> {
    const text = longPlan(20);
    const runs = quick ? 5 : 21;
    const times: number[] = [];
    let tasks = 0;
    extractNotice(text, LANG_SON_2022); // warm-up
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      tasks = extractNotice(text, LANG_SON_2022).tasks.length;
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? 0;
    return [
      {
        title: 'Notice extraction (20-page plan)',
        headers: ['characters', 'tasks', 'runs', 'median ms', 'max ms', 'target ms'],
        rows: [[text.length, tasks, runs, median.toFixed(1), (times.at(-1) ?? 0).toFixed(1), 1000]],
      },
    ];
  },
};
