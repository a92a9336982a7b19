/**
 * Small real files of every kind the attachment tests need, made in the test (no binary fixtures
 * in the repository): documents through the same libraries the app uses to write them, images
 * through sharp, and the hostile ones by hand.
 */
import { Document, Packer, Paragraph } from 'docx';
import { zipSync } from 'fflate';
import sharp from 'sharp';
import writeXlsxFile from 'write-excel-file/node';

const enc = (s: string) => new TextEncoder().encode(s);

/** A minimal valid one-page PDF with correct cross-reference offsets. */
export function pdfFile(text = 'Slutrapport'): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${`BT /F1 12 Tf 20 100 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 12 Tf 20 100 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export async function docxFile(): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Ansökan om medfinansiering')] }] }));
}

export async function xlsxFile(): Promise<Buffer> {
  return writeXlsxFile([[{ value: 'Budget' }, { value: 125000 }]]).toBuffer();
}

/** An OpenDocument text: the `mimetype` entry first and uncompressed, as the standard says. */
export function odtFile(): Buffer {
  return Buffer.from(
    zipSync(
      {
        mimetype: [enc('application/vnd.oasis.opendocument.text'), { level: 0 }],
        'content.xml': enc('<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'),
        'META-INF/manifest.xml': enc('<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'),
      },
      { level: 6 },
    ),
  );
}

/** A plain ZIP archive (refused: it could hold anything). */
export function zipFile(): Buffer {
  return Buffer.from(zipSync({ 'readme.txt': enc('hej'), 'program.exe': enc('MZ') }));
}

/** A macro-enabled Word file (.docm) in disguise as .docx: refused. */
export function docmFile(): Buffer {
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': enc(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
      ),
      'word/document.xml': enc('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'),
      'word/vbaProject.bin': new Uint8Array(64),
    }),
  );
}

const canvas = (width = 32, height = 24) => sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 40 } } });

/** A JPEG as a phone writes it: camera, owner, GPS position and orientation in EXIF, plus XMP. */
export async function jpegWithGps(): Promise<Buffer> {
  return canvas(40, 20)
    .jpeg()
    .withExif({
      IFD0: { Make: 'Fonus', Model: 'Phone 12', Artist: 'Anna Andersson' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 39/1 3180/100', GPSLongitudeRef: 'E', GPSLongitude: '12/1 35/1 4200/100' },
    })
    .withMetadata({ orientation: 6 })
    .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Anna Andersson"/></rdf:RDF></x:xmpmeta>')
    .toBuffer();
}

export async function pngWithMetadata(): Promise<Buffer> {
  return canvas()
    .png()
    .withExif({ IFD0: { Artist: 'Anna Andersson' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 39/1 0/1' } })
    .toBuffer();
}

export async function webpWithMetadata(): Promise<Buffer> {
  return canvas()
    .webp()
    .withExif({ IFD0: { Artist: 'Anna Andersson' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 39/1 0/1' } })
    .toBuffer();
}

export async function gifFile(): Promise<Buffer> {
  return canvas().gif().toBuffer();
}

/** An HTML page with a script, as if saved under a harmless name. */
export function htmlFile(): Buffer {
  return Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');
}

/** The start of a Windows executable (MZ header, PE signature). */
export function exeFile(): Buffer {
  const b = Buffer.alloc(512);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}

/** An OLE compound file, the container of legacy .doc/.xls files and of .msi installers. */
export function cfbFile(): Buffer {
  const b = Buffer.alloc(1536);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
  return b;
}

export function svgFile(): Buffer {
  return Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="4"/></svg>');
}
