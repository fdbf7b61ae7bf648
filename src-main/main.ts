/** Entry of the Electron main process (bundled to out/main/main.cjs; electron stays external). */
import { startDesktopApp } from './desktop-app';
import { sharedFormats } from './formats';

startDesktopApp({ formats: sharedFormats });
