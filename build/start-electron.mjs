// `npm start`: opens the built app in Electron, or says in one line why it cannot.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json'));
const pathFile = path.join(electronDir, 'path.txt');
const binary = existsSync(pathFile) ? path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;

if (!binary || !existsSync(binary)) {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '1') {
    const r = spawn(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'ignore' });
    const code = await new Promise((resolve) => r.on('exit', resolve));
    if (code === 0 && existsSync(pathFile)) {
      const again = spawn(process.execPath, [process.argv[1], ...process.argv.slice(2)], { stdio: 'inherit' });
      again.on('exit', (c) => process.exit(c ?? 1));
      await new Promise(() => {});
    }
  }
  console.error(
    'Không có Electron trên máy này (chưa tải được bản chạy của Electron): chạy "npx install-electron" khi có mạng rồi "npm start" lại, hoặc dùng "npm run web" để mở trong trình duyệt.',
  );
  process.exit(1);
}

const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
