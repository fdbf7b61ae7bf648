// npm start: builds, then launches the desktop app with Electron. Where the Electron binary is not
// installed (it cannot be downloaded on the build machines), serves the same editor to the browser.
// Options: --no-build (skip the build). Env: PORT (default 5173), GK_RENDERER_DIR (default dist/renderer).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './static-server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

if (!process.argv.includes('--no-build')) {
  const b = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (b.status !== 0) {
    console.error('构建失败，未能启动 / The build failed; nothing was started.');
    process.exit(b.status ?? 1);
  }
}

/**
 * The Electron executable, found the way `require('electron')` finds it (path.txt + dist, or
 * ELECTRON_OVERRIDE_DIST_PATH) but without its fallback of downloading it from the internet.
 */
const electronExecutable = () => {
  let pkgDir;
  try {
    pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathTxt = join(pkgDir, 'path.txt');
  const rel = existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const exe = override ? join(override, rel ?? (process.platform === 'win32' ? 'electron.exe' : 'electron')) : rel ? join(pkgDir, 'dist', rel) : null;
  return exe && existsSync(exe) ? exe : null;
};

const exe = electronExecutable();
if (exe) {
  const child = spawn(exe, ['.', ...process.argv.slice(2).filter((a) => a !== '--no-build')], { stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => child.kill(s));
} else {
  console.log(
    '未安装 Electron 程序文件，现改为在浏览器中运行同一编辑器（在能访问互联网的电脑上运行 node node_modules/electron/install.js 即可安装桌面版）/ The Electron binary is not installed, so the same editor is served for your browser instead (run node node_modules/electron/install.js on a machine with internet access to get the desktop app).',
  );
  const rendererDir = process.env.GK_RENDERER_DIR ?? join(root, 'dist', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error(`未找到已构建的编辑器（${rendererDir}/index.html），请先运行 npm run build / The built editor is missing; run npm run build first.`);
    process.exit(1);
  }
  const port = Number(process.env.PORT ?? 5173);
  try {
    const { url } = await serveStatic({ root: rendererDir, port });
    console.log(`请在浏览器中打开 / Open in your browser: ${url}`);
  } catch (e) {
    console.error(
      `无法在端口 ${port} 上启动本地服务（${e.code ?? e.message}），可设置环境变量 PORT 换一个端口 / Cannot listen on port ${port}; set PORT to another port.`,
    );
    process.exit(1);
  }
}
