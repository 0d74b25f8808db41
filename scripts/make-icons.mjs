// Renders build/icon.svg to the PNG sizes electron-builder wants (build/icons/NxN.png for Linux,
// build/icon.png) and packs build/icon.ico for Windows (PNG entries, Vista+). Uses Debian's
// Chromium through playwright-core, which the e2e tests use anyway: no image library needed.
// Run: node scripts/make-icons.mjs   (the results are committed; run again after editing the SVG)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const svg = readFileSync(new URL('../build/icon.svg', import.meta.url), 'utf8');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
mkdirSync(new URL('../build/icons/', import.meta.url), { recursive: true });
const pngs = new Map();
for (const size of SIZES) {
  await page.setViewportSize({ width: size, height: size });
  const sized = svg.replace(/width="512" height="512"/, `width="${size}" height="${size}"`);
  await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
  const png = await page.screenshot({
    omitBackground: true,
    clip: { x: 0, y: 0, width: size, height: size },
  });
  pngs.set(size, png);
  writeFileSync(new URL(`../build/icons/${size}x${size}.png`, import.meta.url), png);
}
await browser.close();
writeFileSync(new URL('../build/icon.png', import.meta.url), pngs.get(512));

// ICO: header, one 16-byte directory entry per image, then the PNG bytes
const header = Buffer.alloc(6);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2); // 1 = icon
header.writeUInt16LE(ICO_SIZES.length, 4);
const entries = [];
const images = [];
let offset = 6 + 16 * ICO_SIZES.length;
for (const size of ICO_SIZES) {
  const png = pngs.get(size);
  const e = Buffer.alloc(16);
  e.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
  e.writeUInt8(size >= 256 ? 0 : size, 1);
  e.writeUInt8(0, 2); // no palette
  e.writeUInt8(0, 3);
  e.writeUInt16LE(1, 4); // colour planes
  e.writeUInt16LE(32, 6); // bits per pixel
  e.writeUInt32LE(png.length, 8);
  e.writeUInt32LE(offset, 12);
  offset += png.length;
  entries.push(e);
  images.push(png);
}
writeFileSync(new URL('../build/icon.ico', import.meta.url), Buffer.concat([header, ...entries, ...images]));
console.log(`icons: ${SIZES.join(', ')} px; icon.ico with ${ICO_SIZES.length} sizes`);
