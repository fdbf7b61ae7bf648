import { htmlToBlocks } from './shared/import/html';
import { seedReportWithNarratives } from './test/helpers/seed-narratives';
import { renderPage, LAYOUT_TABLE_SITE } from './test/helpers/web-variants';
const r = seedReportWithNarratives('2023_xuchang-city.txt');
const b = htmlToBlocks(renderPage(r, { page: LAYOUT_TABLE_SITE }));
for (const x of b.slice(0, 12)) console.log(x.kind, x.kind === 'paragraph' ? x.text.slice(0, 60) : x.rows.length);
for (const x of b.slice(-8)) console.log(x.kind, x.kind === 'paragraph' ? x.text.slice(0, 60) : x.rows.length);
