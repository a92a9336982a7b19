/** Texts of the attachments feature, Swedish first. */
import type { Lang, Text } from '../../i18n/index.js';

export { tr } from '../../i18n/index.js';

export const M = {
  tooLarge: (maxMb: string): Text => ({
    sv: `Filen är för stor. En bilaga får vara högst ${maxMb} MB.`,
    en: `The file is too large. An attachment may be at most ${maxMb} MB.`,
  }),
  empty: { sv: 'Filen är tom. Välj en fil med innehåll.', en: 'The file is empty. Choose a file with content.' },
  noFile: { sv: 'Välj en fil att ladda upp.', en: 'Choose a file to upload.' },
  unsupported: {
    sv: 'Filtypen stöds inte. Du kan ladda upp PDF, Word (.docx), Excel (.xlsx), OpenDocument (.odt, .ods) och bilder (JPEG, PNG, WebP, GIF). Filens innehåll avgör typen, inte filnamnet.',
    en: 'This file type is not supported. You can upload PDF, Word (.docx), Excel (.xlsx), OpenDocument (.odt, .ods) and images (JPEG, PNG, WebP, GIF). The content of the file decides its type, not its name.',
  },
  legacyOffice: {
    sv: 'Äldre Office-filer (.doc, .xls) tas inte emot. Spara filen som .docx eller .xlsx och ladda upp den igen.',
    en: 'Older Office files (.doc, .xls) are not accepted. Save the file as .docx or .xlsx and upload it again.',
  },
  badImage: { sv: 'Bilden kunde inte läsas. Filen kan vara skadad.', en: 'The image could not be read. The file may be damaged.' },
  imageTooBig: {
    sv: 'Bilden har för många bildpunkter. Minska bildens storlek och försök igen.',
    en: 'The image has too many pixels. Reduce its size and try again.',
  },
  recordNotFound: { sv: 'Uppgiften finns inte.', en: 'The record does not exist.' },
  attachmentNotFound: { sv: 'Bilagan finns inte.', en: 'The attachment does not exist.' },
  fileMissing: {
    sv: 'Filen saknas i lagringen. Kontakta den som driver tjänsten.',
    en: 'The file is missing from storage. Contact the people who run the service.',
  },
  // Page texts
  pageTitle: { sv: 'Bilagor', en: 'Attachments' },
  intro: {
    sv: 'Bilagor är dolda för allmänheten tills de markeras som offentliga. En offentlig bilaga visas först när uppgiften är publicerad.',
    en: 'Attachments are hidden from the public until they are marked public. A public attachment is shown only once the record is published.',
  },
  listHeading: { sv: 'Uppladdade filer', en: 'Uploaded files' },
  none: { sv: 'Det finns inga bilagor ännu.', en: 'There are no attachments yet.' },
  colName: { sv: 'Fil', en: 'File' },
  colType: { sv: 'Typ', en: 'Type' },
  colSize: { sv: 'Storlek', en: 'Size' },
  colUploaded: { sv: 'Uppladdad', en: 'Uploaded' },
  colPublic: { sv: 'Synlighet', en: 'Visibility' },
  colActions: { sv: 'Åtgärder', en: 'Actions' },
  isPublic: { sv: 'Offentlig', en: 'Public' },
  isPrivate: { sv: 'Intern', en: 'Internal' },
  publicLink: { sv: 'Öppen länk', en: 'Public link' },
  makePublic: { sv: 'Gör offentlig', en: 'Make public' },
  makePrivate: { sv: 'Gör intern', en: 'Make internal' },
  delete: { sv: 'Ta bort', en: 'Delete' },
  uploadHeading: { sv: 'Ladda upp en fil', en: 'Upload a file' },
  fileLabel: { sv: 'Fil', en: 'File' },
  fileHint: (maxMb: string): Text => ({
    sv: `PDF, Word (.docx), Excel (.xlsx), OpenDocument (.odt, .ods) eller bild (JPEG, PNG, WebP, GIF), högst ${maxMb} MB. Platsuppgifter och annan information i bilder tas bort.`,
    en: `PDF, Word (.docx), Excel (.xlsx), OpenDocument (.odt, .ods) or image (JPEG, PNG, WebP, GIF), at most ${maxMb} MB. Location and other information in images is removed.`,
  }),
  upload: { sv: 'Ladda upp', en: 'Upload' },
  confirmDeleteTitle: (name: string): Text => ({ sv: `Vill du ta bort ${name}?`, en: `Do you want to delete ${name}?` }),
  confirmDeleteText: { sv: 'Filen tas bort för gott. Borttagningen syns i ändringsloggen.', en: 'The file is deleted for good. The deletion is shown in the audit trail.' },
  confirmDeletePublic: {
    sv: 'Filen är offentlig och försvinner också från den publika webbplatsen. Den tas bort för gott, och borttagningen syns i ändringsloggen.',
    en: 'The file is public and also disappears from the public website. It is deleted for good, and the deletion is shown in the audit trail.',
  },
  cancel: { sv: 'Avbryt', en: 'Cancel' },
  notPublishedNote: {
    sv: 'Uppgiften är inte publicerad, så inga bilagor visas för allmänheten just nu.',
    en: 'The record is not published, so no attachments are shown to the public at the moment.',
  },
  readOnly: { sv: 'Du kan se bilagorna men inte ändra dem.', en: 'You can see the attachments but not change them.' },
  publishNeedsCoordinator: {
    sv: 'Det är samordnaren som gör bilagor offentliga.',
    en: 'The coordinator makes attachments public.',
  },
  deleteLabel: (name: string): Text => ({ sv: `Ta bort ${name}`, en: `Delete ${name}` }),
} as const;

/** Confirmations after a redirect (`?klart=<key>`). */
export const NOTICES = {
  uppladdad: { sv: 'Filen har laddats upp.', en: 'The file has been uploaded.' },
  borttagen: { sv: 'Filen har tagits bort.', en: 'The file has been deleted.' },
  offentlig: { sv: 'Filen är nu offentlig.', en: 'The file is now public.' },
  intern: { sv: 'Filen är nu intern.', en: 'The file is now internal.' },
};

/** A size in bytes for people: "1,2 MB", "830 kB". */
export function formatSize(bytes: number, lang: Lang): string {
  const locale = lang === 'sv' ? 'sv-SE' : 'en-GB';
  // Binary units, like the configured limit (ATTACHMENT_MAX_MB), so "20 MB" means the same in both.
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(bytes / 1024)} kB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;
}

/** The configured limit in MB, as people read it ("20", "0,5"). */
export function maxMbText(maxBytes: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 2 }).format(maxBytes / (1024 * 1024));
}
