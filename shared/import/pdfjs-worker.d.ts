// pdf.js ships no declarations for its worker module; only its presence matters (pdf-engine.ts)
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
