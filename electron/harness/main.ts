import path from 'node:path';
import os from 'node:os';
import { Command } from 'commander';
import { openCore } from '../core';
import { startHarness } from './server';
import { AppError } from '../domain/errors';
import { errorMessage } from '../domain/translate';

/** `npm run web -- --port 5178 --data DIR`: the app in a browser, on 127.0.0.1 only. */
async function main(): Promise<void> {
  const program = new Command()
    .name('so-viec-web')
    .option('--port <port>', 'cổng trên 127.0.0.1 (0 = tự chọn)', '5178')
    .option('--data <dir>', 'thư mục dữ liệu', path.join(os.homedir(), '.so-viec', 'web'))
    .option('--static <dir>', 'thư mục giao diện đã build', path.join(__dirname, '..', 'renderer'))
    .parse();
  const o = program.opts<{ port: string; data: string; static: string }>();
  let core;
  try {
    // SOVIEC_SEND_DEBOUNCE_MS: the wait after a save before sending (e2e tests lengthen it to watch the light).
    const debounce = Number(process.env.SOVIEC_SEND_DEBOUNCE_MS);
    core = await openCore({ dataDir: o.data, autoTransport: true, ...(debounce > 0 ? { sendDebounceMs: debounce } : {}) });
  } catch (e) {
    if (e instanceof AppError && e.code === 'DATA_FOLDER_LOCKED') {
      console.error(`Thư mục dữ liệu ${o.data} đang được một cửa sổ Sổ Việc khác sử dụng (${e.code}). Đóng cửa sổ đó rồi thử lại.`);
      process.exit(3);
    }
    if (e instanceof AppError && e.code.startsWith('DATA_KEY_')) {
      // The data key (core/atRest): the sentence says what to set (SOVIEC_PASSPHRASE) or use.
      console.error(`${e.code}: ${errorMessage(e.toValue(), 'vi')}`);
      process.exit(3);
    }
    throw e;
  }
  const harness = await startHarness({ core, staticDir: o.static, port: Number(o.port) });
  console.log(`Sổ Việc web harness: ${harness.url} (data: ${path.resolve(o.data)})`);
  const stop = async (): Promise<void> => {
    await harness.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
