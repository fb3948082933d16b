import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { DocBlock } from './protocol.document.js';

function paragraphs(b: DocBlock): Paragraph[] {
  switch (b.kind) {
    case 'title':
      return [new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: b.text, bold: true })] })];
    case 'heading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: b.text, bold: true })] })];
    case 'paragraph':
      return [new Paragraph({ children: [new TextRun({ text: b.text, bold: b.bold ?? false })] })];
    case 'list':
      return b.items.map((text) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(text)] }));
    default: {
      const never: never = b;
      throw new Error(`unknown block ${String(never)}`);
    }
  }
}

/** Renders the protocol's blocks to a DOCX (Times New Roman, as Russian official papers use). */
export function protocolDocx(blocks: DocBlock[], title: string): Promise<Buffer> {
  const doc = new Document({
    title,
    creator: 'Okno',
    styles: { default: { document: { run: { font: 'Times New Roman', size: 26 } } } },
    sections: [{ children: blocks.flatMap(paragraphs) }],
  });
  return Packer.toBuffer(doc);
}
