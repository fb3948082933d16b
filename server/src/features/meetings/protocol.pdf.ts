import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { DocBlock } from './protocol.document.js';

// DejaVu ships in an npm package, so Cyrillic renders on a fresh machine without system fonts.
const require = createRequire(import.meta.url);
const REGULAR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

/** Renders the protocol's blocks to an A4 PDF with embedded Cyrillic fonts. */
export function protocolPdf(blocks: DocBlock[], title: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 56, bottom: 56, left: 70, right: 42 }, info: { Title: title, Creator: 'Okno' } });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
        doc.font('bold').fontSize(16).text(b.text, { align: 'center' }).moveDown(0.3);
        break;
      case 'heading':
        doc.moveDown(0.6).font('bold').fontSize(12).text(b.text).moveDown(0.2);
        break;
      case 'paragraph':
        doc.font(b.bold ? 'bold' : 'regular').fontSize(11).text(b.text, { align: 'left' }).moveDown(0.2);
        break;
      case 'list':
        doc.font('regular').fontSize(11).list(b.items, { bulletRadius: 1.5, textIndent: 12 }).moveDown(0.2);
        break;
      default: {
        const never: never = b;
        throw new Error(`unknown block ${String(never)}`);
      }
    }
  }
  doc.end();
  return done;
}
