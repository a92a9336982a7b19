import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  cfbFile,
  docmFile,
  docxFile,
  exeFile,
  gifFile,
  htmlFile,
  jpegWithGps,
  odtFile,
  pdfFile,
  pngWithMetadata,
  svgFile,
  webpWithMetadata,
  xlsxFile,
  zipFile,
} from '../../../test/support/attachment-files.js';
import { cleanImage, ImageError, imageHasMetadata, inspectContent } from './content.js';

const mimeOf = async (bytes: Uint8Array) => {
  const r = await inspectContent(bytes);
  return r.ok ? r.type.mime : `refused:${r.reason}`;
};

describe('inspectContent', () => {
  it('recognises the accepted documents and images from their bytes', async () => {
    expect(await mimeOf(pdfFile())).toBe('application/pdf');
    expect(await mimeOf(await docxFile())).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(await mimeOf(await xlsxFile())).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(await mimeOf(odtFile())).toBe('application/vnd.oasis.opendocument.text');
    expect(await mimeOf(await jpegWithGps())).toBe('image/jpeg');
    expect(await mimeOf(await pngWithMetadata())).toBe('image/png');
    expect(await mimeOf(await webpWithMetadata())).toBe('image/webp');
    expect(await mimeOf(await gifFile())).toBe('image/gif');
  });

  it('refuses HTML, executables, SVG, plain ZIP, macro documents and legacy Office', async () => {
    expect(await mimeOf(htmlFile())).toBe('refused:unsupported');
    expect(await mimeOf(exeFile())).toBe('refused:unsupported');
    expect(await mimeOf(svgFile())).toBe('refused:unsupported');
    expect(await mimeOf(zipFile())).toBe('refused:unsupported');
    expect(await mimeOf(docmFile())).toBe('refused:unsupported');
    expect(await mimeOf(cfbFile())).toBe('refused:legacy_office');
    expect(await mimeOf(new Uint8Array([1, 2, 3]))).toBe('refused:unsupported');
  });
});

describe('cleanImage', () => {
  it('removes EXIF (GPS, camera, owner) and XMP from a JPEG and applies its orientation', async () => {
    const original = await jpegWithGps();
    const before = await sharp(original).metadata();
    expect(before.exif).toBeDefined();
    // The GPS IFD pointer tag (0x8825) is there, in either byte order.
    expect(before.exif!.includes(Buffer.from([0x88, 0x25])) || before.exif!.includes(Buffer.from([0x25, 0x88]))).toBe(true);
    expect(before.xmp).toBeDefined();
    expect(before.orientation).toBe(6);
    expect(original.includes(Buffer.from('Anna Andersson'))).toBe(true);

    const cleaned = await cleanImage(original, 'image/jpeg');
    const after = await sharp(cleaned).metadata();
    expect(after.format).toBe('jpeg');
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(await imageHasMetadata(cleaned)).toBe(false);
    // Orientation 6 (rotate 90°) applied to the pixels: 40×20 becomes 20×40.
    expect([after.width, after.height]).toEqual([20, 40]);
    // No trace of the GPS IFD or the owner's name anywhere in the bytes.
    expect(cleaned.includes(Buffer.from('Exif\0\0'))).toBe(false);
    expect(cleaned.includes(Buffer.from('Anna Andersson'))).toBe(false);
  });

  it('removes metadata from PNG and WebP and keeps their format', async () => {
    for (const [bytes, mime, format] of [
      [await pngWithMetadata(), 'image/png', 'png'],
      [await webpWithMetadata(), 'image/webp', 'webp'],
    ] as const) {
      expect(await imageHasMetadata(bytes)).toBe(true);
      const cleaned = await cleanImage(bytes, mime);
      expect((await sharp(cleaned).metadata()).format).toBe(format);
      expect(await imageHasMetadata(cleaned)).toBe(false);
      expect(cleaned.includes(Buffer.from('Anna Andersson'))).toBe(false);
    }
  });

  it('re-encodes GIF, and refuses a damaged image', async () => {
    const gif = await cleanImage(await gifFile(), 'image/gif');
    expect((await sharp(gif).metadata()).format).toBe('gif');
    const broken = (await jpegWithGps()).subarray(0, 200);
    await expect(cleanImage(broken, 'image/jpeg')).rejects.toBeInstanceOf(ImageError);
  });
});
