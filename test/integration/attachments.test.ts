/**
 * Attachments, on SQLite and PostgreSQL: the service (type from content, size limit, metadata
 * stripping, storage outside the web root, audit, clean-up on failure) and the HTTP routes (back
 * office upload, list, download headers, visibility, delete; public downloads only of public
 * attachments of published records).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KyselyPlugin } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/features/audit/chain.js';
import { ATTACHMENT_CSP } from '../../src/features/attachments/serve.js';
import { deleteAttachment, listAttachments, listPublicAttachments, storeAttachment } from '../../src/features/attachments/service.js';
import { STATIC_DIR } from '../../src/paths.js';
import { type AdminTestApp, createAdminTestApp } from '../support/admin.js';
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
} from '../support/attachment-files.js';
import { availableDatabases } from '../support/databases.js';

const kinds = await availableDatabases();
const system = { userId: null, label: 'system:test' };

/** Every file under `dir`, relative. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
}

describe.each(kinds)('attachments on %s', (kind) => {
  let t: AdminTestApp;
  let dir: string;
  /** An Arvika project of the unit editor's unit, published. */
  let ownProject: number;
  /** An Arvika project of another unit, a draft. */
  let draftProject: number;
  let partnership: number;
  let aleProject: number;
  let decision: number;
  const db = () => t.handle.db;
  const store = (entityId: number, filename: string, bytes: Uint8Array, extra: Partial<Parameters<typeof storeAttachment>[2]> = {}) =>
    storeAttachment(db(), t.config, { municipalityId: t.arvikaId, entity: 'project', entityId, filename, bytes, actor: system, ...extra });
  const rowCount = async () => Number((await db().selectFrom('attachments').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await createAdminTestApp(kind);
    // A fresh folder per run (the default for PostgreSQL would be data/attachments in the checkout).
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'utblick-attachments-'));
    t.config.attachments.dir = path.join(dir, 'store');
    const projects = await db().selectFrom('projects').select('id').where('municipality_id', '=', t.arvikaId).orderBy('id').limit(2).execute();
    ownProject = Number(projects[0]!.id);
    draftProject = Number(projects[1]!.id);
    await db().updateTable('projects').set({ owner_unit_id: t.ownUnit.id, publication_state: 'published' }).where('id', '=', ownProject).execute();
    await db().updateTable('projects').set({ owner_unit_id: t.otherUnit.id, publication_state: 'draft' }).where('id', '=', draftProject).execute();
    partnership = Number((await db().selectFrom('partnerships').select('id').where('municipality_id', '=', t.arvikaId).orderBy('id').executeTakeFirstOrThrow()).id);
    aleProject = Number((await db().selectFrom('projects').select('id').where('municipality_id', '=', t.aleId).orderBy('id').executeTakeFirstOrThrow()).id);
    const d = await db()
      .insertInto('decisions')
      .values({
        municipality_id: t.arvikaId,
        body_id: null,
        delegate_role: null,
        decided_on: '2026-03-01',
        paragraph: '§ 12',
        registry_number: 'KS 2026/12',
        subject_sv: 'Medfinansiering av ungdomsutbyte',
        subject_en: null,
        outcome: 'approved',
        conditions_sv: null,
        source: null,
        created_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    decision = Number(d.id);
  });
  afterAll(async () => {
    await t?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('service', () => {
    it('accepts PDF, Word, Excel, OpenDocument and images, typed from their content', async () => {
      const cases: [string, Uint8Array, string][] = [
        ['Slutrapport.pdf', pdfFile(), 'application/pdf'],
        ['Ansökan.docx', await docxFile(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
        ['Budget.xlsx', await xlsxFile(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        ['Protokoll.odt', odtFile(), 'application/vnd.oasis.opendocument.text'],
        ['bild.png', await pngWithMetadata(), 'image/png'],
        ['bild.webp', await webpWithMetadata(), 'image/webp'],
        ['bild.gif', await gifFile(), 'image/gif'],
        // A name that lies the other way round: a real PDF called .txt is a PDF.
        ['anteckningar.txt', pdfFile('x'), 'application/pdf'],
      ];
      for (const [name, bytes, mime] of cases) {
        const a = await store(ownProject, name, bytes);
        expect(a.media_type, name).toBe(mime);
        expect(a.is_public).toBe(0);
        const onDisk = fs.readFileSync(path.join(t.config.attachments.dir, a.storage_key.slice(0, 2), a.storage_key));
        expect(a.size_bytes).toBe(onDisk.length);
        const { createHash } = await import('node:crypto');
        expect(a.sha256).toBe(createHash('sha256').update(onDisk).digest('hex'));
        if (!mime.startsWith('image/')) expect(onDisk.equals(Buffer.from(bytes))).toBe(true);
      }
      const names = (await listAttachments(db(), t.arvikaId, 'project', ownProject)).map((a) => a.filename);
      expect(names).toContain('Ansökan.docx');
      expect(names).toContain('anteckningar.txt.pdf');
    });

    it('refuses HTML or an executable named .pdf, SVG, plain ZIP, macro files and legacy Office, storing nothing', async () => {
      const before = await rowCount();
      const filesBefore = filesUnder(t.config.attachments.dir);
      for (const [name, bytes] of [
        ['rapport.pdf', htmlFile()],
        ['rapport.pdf', exeFile()],
        ['logo.png', svgFile()],
        ['arkiv.zip', zipFile()],
        ['mall.docx', docmFile()],
      ] as const) {
        const e = await store(ownProject, name, bytes).catch((x) => x);
        expect(e.status, name).toBe(415);
        expect(e.code).toBe('unsupported_media_type');
        expect(e.detail).toContain('Filtypen stöds inte');
        expect(e.fieldErrors[0].field).toBe('file');
      }
      const legacy = await store(ownProject, 'budget.xls', cfbFile(), { lang: 'en' }).catch((x) => x);
      expect(legacy.status).toBe(415);
      expect(legacy.detail).toContain('Save the file as .docx or .xlsx');
      const empty = await store(ownProject, 'tom.pdf', new Uint8Array()).catch((x) => x);
      expect(empty.status).toBe(400);
      expect(await rowCount()).toBe(before);
      expect(filesUnder(t.config.attachments.dir)).toEqual(filesBefore);
    });

    it('refuses a file over the size limit with 413 in Swedish and English', async () => {
      const saved = t.config.attachments.maxBytes;
      t.config.attachments.maxBytes = 1024 * 1024;
      try {
        const big = Buffer.concat([pdfFile(), Buffer.alloc(1024 * 1024)]);
        const sv = await store(ownProject, 'stor.pdf', big).catch((x) => x);
        expect(sv.status).toBe(413);
        expect(sv.detail).toBe('Filen är för stor. En bilaga får vara högst 1 MB.');
        const en = await store(ownProject, 'big.pdf', big, { lang: 'en' }).catch((x) => x);
        expect(en.detail).toBe('The file is too large. An attachment may be at most 1 MB.');
        // Exactly at the limit is fine.
        const exact = Buffer.concat([pdfFile(), Buffer.alloc(1024 * 1024 - pdfFile().length)]);
        expect((await store(ownProject, 'precis.pdf', exact)).size_bytes).toBe(1024 * 1024);
      } finally {
        t.config.attachments.maxBytes = saved;
      }
    });

    it('strips GPS position, camera and owner from a JPEG before storing it', async () => {
      const original = await jpegWithGps();
      expect((await sharp(original).metadata()).exif).toBeDefined();
      const a = await store(ownProject, 'IMG_2041.JPG', original);
      expect(a.media_type).toBe('image/jpeg');
      expect(a.filename).toBe('IMG_2041.jpg');
      const stored = fs.readFileSync(path.join(t.config.attachments.dir, a.storage_key.slice(0, 2), a.storage_key));
      const meta = await sharp(stored).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
      expect(stored.includes(Buffer.from('Anna Andersson'))).toBe(false);
      expect(stored.includes(Buffer.from('Exif\0\0'))).toBe(false);
      // The orientation was applied, not dropped: 40×20 stored upright as 20×40.
      expect([meta.width, meta.height]).toEqual([20, 40]);
    });

    it('stores under a random key outside the web root; path traversal in the name is only a name', async () => {
      const a = await store(ownProject, '../../../../etc/cron.d/evil.pdf', pdfFile());
      expect(a.filename).toBe('evil.pdf');
      expect(a.storage_key).toMatch(/^[0-9a-f]{32}$/);
      const file = path.join(t.config.attachments.dir, a.storage_key.slice(0, 2), a.storage_key);
      expect(fs.existsSync(file)).toBe(true);
      expect(path.relative(STATIC_DIR, file).startsWith('..')).toBe(true);
      expect(fs.existsSync(path.join(dir, 'etc'))).toBe(false);
      expect(filesUnder(dir).every((f) => f.startsWith('store'))).toBe(true);
      const b = await store(ownProject, 'C:\\Users\\anna\\..\\..\\evil.pdf', pdfFile());
      expect(b.filename).toBe('evil.pdf');
      expect(b.storage_key).not.toBe(a.storage_key);
      // The static route knows nothing of attachments.
      expect((await t.app.request(`/static/${a.storage_key}`)).status).toBe(404);
    });

    it('records an audit entry in the same transaction and verifies the chain', async () => {
      const a = await store(ownProject, 'revision.pdf', pdfFile(), { actor: { userId: t.users.coordinator.id, label: 'Sara Samordnare <samordnare@arvika.example.se>' } });
      const entry = await db().selectFrom('audit_log').selectAll().where('entity', '=', 'attachment').where('entity_id', '=', String(a.id)).executeTakeFirstOrThrow();
      expect(entry.action).toBe('create');
      expect(Number(entry.user_id)).toBe(t.users.coordinator.id);
      const after = JSON.parse(entry.after_data!);
      expect(after).toMatchObject({ filename: 'revision.pdf', media_type: 'application/pdf', sha256: a.sha256 });
      expect(after.storage_key).toBeUndefined();
      expect((await verifyAuditChain(db())).ok).toBe(true);
    });

    it('removes the stored file when the database insert fails', async () => {
      const failing: KyselyPlugin = {
        transformQuery(args) {
          const node = args.node as { kind: string; into?: { table: { identifier: { name: string } } } };
          if (node.kind === 'InsertQueryNode' && node.into?.table.identifier.name === 'attachments') throw new Error('insert refused for the test');
          return args.node;
        },
        async transformResult(args) {
          return args.result;
        },
      };
      const before = filesUnder(t.config.attachments.dir);
      const rows = await rowCount();
      await expect(storeAttachment(db().withPlugin(failing), t.config, { municipalityId: t.arvikaId, entity: 'project', entityId: ownProject, filename: 'x.pdf', bytes: pdfFile(), actor: system })).rejects.toThrow('insert refused');
      expect(filesUnder(t.config.attachments.dir)).toEqual(before);
      expect(await rowCount()).toBe(rows);
    });

    it('refuses a record of another municipality, and deletes row, file and leaves an audit entry', async () => {
      const other = await store(aleProject, 'x.pdf', pdfFile()).catch((e) => e);
      expect(other.status).toBe(404);
      const missing = await storeAttachment(db(), t.config, { municipalityId: t.arvikaId, entity: 'decision', entityId: 999999, filename: 'x.pdf', bytes: pdfFile(), actor: system }).catch((e) => e);
      expect(missing.status).toBe(404);

      const a = await storeAttachment(db(), t.config, { municipalityId: t.arvikaId, entity: 'decision', entityId: decision, filename: 'Protokollsutdrag.pdf', bytes: pdfFile(), actor: system });
      const file = path.join(t.config.attachments.dir, a.storage_key.slice(0, 2), a.storage_key);
      expect(fs.existsSync(file)).toBe(true);
      // Another municipality cannot delete it.
      expect((await deleteAttachment(db(), t.config, { municipalityId: t.aleId, id: a.id, actor: system }).catch((e) => e)).status).toBe(404);
      await deleteAttachment(db(), t.config, { municipalityId: t.arvikaId, id: a.id, actor: system });
      expect(fs.existsSync(file)).toBe(false);
      expect(await db().selectFrom('attachments').select('id').where('id', '=', a.id).executeTakeFirst()).toBeUndefined();
      const entry = await db().selectFrom('audit_log').select(['action', 'before_data']).where('entity', '=', 'attachment').where('entity_id', '=', String(a.id)).where('action', '=', 'delete').executeTakeFirstOrThrow();
      expect(JSON.parse(entry.before_data!).filename).toBe('Protokollsutdrag.pdf');
      expect(await listAttachments(db(), t.aleId, 'project', ownProject)).toEqual([]);
    });
  });

  describe('HTTP', () => {
    // A browser sends its Origin with every form post (Hono's csrf() in app.tsx checks it).
    const request = (...[user, url, opts = {}]: Parameters<AdminTestApp['request']>) =>
      t.request(user, url, { ...opts, headers: { origin: 'http://localhost', ...(opts.headers ?? {}) } });
    const page = (entity: string, id: number, rest = '', lang: 'sv' | 'en' = 'sv') => `${lang === 'en' ? '/en' : ''}/admin/arvika/bilagor/${entity}/${id}${rest}`;
    const upload = (user: (typeof t.users)[keyof typeof t.users], url: string, name: string, bytes: Uint8Array, type = 'application/octet-stream') => {
      const form = new FormData();
      form.set('file', new File([new Uint8Array(bytes)], name, { type }));
      return request(user, url, { multipart: form });
    };
    const latest = async (entityId: number) => {
      const rows = await listAttachments(db(), t.arvikaId, 'project', entityId);
      return rows[rows.length - 1]!;
    };

    it('shows the attachments page with an accessible upload form to editors, read-only to readers', async () => {
      const res = await request(t.users.coordinator, page('project', ownProject));
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('enctype="multipart/form-data"');
      expect(html).toMatch(/<label class="field-label" for="file">Fil<\/label>/);
      expect(html).toContain('id="file-hint"');
      expect(html).toContain('aria-describedby="file-hint"');
      expect(html).toContain('högst 20 MB');
      expect(html).toContain('name="_csrf"');

      const en = await (await request(t.users.coordinator, page('project', ownProject, '', 'en'))).text();
      expect(en).toContain('Upload a file');

      const reader = await (await request(t.users.reader, page('project', ownProject))).text();
      expect(reader).not.toContain('type="file"');
      expect(reader).toContain('Du kan se bilagorna men inte ändra dem.');
      expect((await request(undefined, page('project', ownProject))).status).toBe(303);
    });

    it('answers 404 for records of another municipality, unknown records and unknown kinds', async () => {
      expect((await request(t.users.other_coordinator, page('project', ownProject))).status).toBe(404);
      expect((await request(t.users.coordinator, page('project', aleProject))).status).toBe(404);
      expect((await request(t.users.coordinator, page('project', 987654))).status).toBe(404);
      expect((await request(t.users.coordinator, page('user', 1))).status).toBe(404);
      expect((await request(t.users.coordinator, page('project', 0))).status).toBe(404);
      expect((await request(t.users.coordinator, page('partnership', partnership))).status).toBe(200);
      expect((await request(t.users.coordinator, page('decision', decision))).status).toBe(200);
    });

    it('lets a unit editor upload to their unit’s record only, and needs the CSRF token', async () => {
      const ok = await upload(t.users.unit_editor, page('project', ownProject), 'Reseberättelse Ylöjärvi.pdf', pdfFile());
      expect(ok.status).toBe(303);
      expect(ok.headers.get('location')).toBe(`${page('project', ownProject)}?klart=uppladdad`);
      expect((await latest(ownProject)).filename).toBe('Reseberättelse Ylöjärvi.pdf');
      const listed = await (await request(t.users.unit_editor, ok.headers.get('location')!)).text();
      expect(listed).toContain('Filen har laddats upp.');
      expect(listed).toContain('Reseberättelse Ylöjärvi.pdf');

      expect((await upload(t.users.unit_editor, page('project', draftProject), 'x.pdf', pdfFile())).status).toBe(403);
      expect((await upload(t.users.reader, page('project', ownProject), 'x.pdf', pdfFile())).status).toBe(403);
      expect((await upload(t.users.unit_editor, page('decision', decision), 'x.pdf', pdfFile())).status).toBe(403);
      expect((await upload(t.users.other_coordinator, page('project', ownProject), 'x.pdf', pdfFile())).status).toBe(404);

      const form = new FormData();
      form.set('file', new File([new Uint8Array(pdfFile())], 'x.pdf'));
      expect((await request(t.users.coordinator, page('project', ownProject), { multipart: form, noCsrf: true })).status).toBe(403);
    });

    it('shows a refused upload as an error beside the field, in the user’s language', async () => {
      const res = await upload(t.users.coordinator, page('project', ownProject), 'rapport.pdf', htmlFile(), 'application/pdf');
      expect(res.status).toBe(415);
      const html = await res.text();
      expect(html).toContain('class="error-summary"');
      expect(html).toContain('href="#file"');
      expect(html).toContain('id="file-error"');
      expect(html).toContain('aria-describedby="file-hint file-error"');
      expect(html).toContain('Filtypen stöds inte');

      const en = await upload(t.users.coordinator, page('project', ownProject, '', 'en'), 'setup.pdf', exeFile());
      expect(en.status).toBe(415);
      expect(await en.text()).toContain('This file type is not supported');

      const none = await request(t.users.coordinator, page('project', ownProject), { multipart: new FormData() });
      expect(none.status).toBe(400);
      expect(await none.text()).toContain('Välj en fil att ladda upp.');

      const saved = t.config.attachments.maxBytes;
      t.config.attachments.maxBytes = 1024 * 1024;
      try {
        const big = await upload(t.users.coordinator, page('project', ownProject), 'stor.pdf', Buffer.concat([pdfFile(), Buffer.alloc(1024 * 1024)]));
        expect(big.status).toBe(413);
        expect(await big.text()).toContain('Filen är för stor. En bilaga får vara högst 1 MB.');
      } finally {
        t.config.attachments.maxBytes = saved;
      }
    });

    it('sends a download with safe headers, and images inline without their metadata', async () => {
      await upload(t.users.coordinator, page('project', ownProject), 'Slutrapport "2026" Ylöjärvi.pdf', pdfFile());
      const a = await latest(ownProject);
      const res = await request(t.users.coordinator, page('project', ownProject, `/${a.id}/${encodeURIComponent(a.filename)}`));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="Slutrapport _2026_ Ylojarvi.pdf"; filename*=UTF-8''Slutrapport%20_2026_%20Yl%C3%B6j%C3%A4rvi.pdf`,
      );
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toBe(ATTACHMENT_CSP);
      expect(res.headers.get('cache-control')).toContain('no-store');
      expect(res.headers.get('content-length')).toBe(String(a.size_bytes));
      expect(Buffer.from(await res.arrayBuffer()).equals(pdfFile())).toBe(true);

      // Readers may download; other municipalities may not even see it.
      expect((await request(t.users.reader, page('project', ownProject, `/${a.id}/x`))).status).toBe(200);
      expect((await request(t.users.other_coordinator, page('project', ownProject, `/${a.id}/x`))).status).toBe(404);
      // The attachment must belong to the record in the URL.
      expect((await request(t.users.coordinator, page('project', draftProject, `/${a.id}/x`))).status).toBe(404);

      await upload(t.users.coordinator, page('project', ownProject), 'foto.jpg', await jpegWithGps(), 'image/jpeg');
      const img = await latest(ownProject);
      const imgRes = await request(t.users.coordinator, page('project', ownProject, `/${img.id}/${img.filename}`));
      expect(imgRes.headers.get('content-type')).toBe('image/jpeg');
      expect(imgRes.headers.get('content-disposition')).toMatch(/^inline; /);
      expect(imgRes.headers.get('content-security-policy')).toBe(ATTACHMENT_CSP);
      expect((await sharp(Buffer.from(await imgRes.arrayBuffer())).metadata()).exif).toBeUndefined();
    });

    it('serves only public attachments of published records to the public', async () => {
      await upload(t.users.unit_editor, page('project', ownProject), 'Affisch.pdf', pdfFile('affisch'));
      const a = await latest(ownProject);
      const pub = `/arvika/bilagor/${a.id}/${encodeURIComponent(a.filename)}`;
      expect((await t.app.request(pub)).status).toBe(404);

      // A unit editor may hide but not publish; the coordinator publishes.
      expect((await request(t.users.unit_editor, page('project', ownProject, `/${a.id}/synlighet`), { form: { public: '1' } })).status).toBe(403);
      const made = await request(t.users.coordinator, page('project', ownProject, `/${a.id}/synlighet`), { form: { public: '1' } });
      expect(made.status).toBe(303);
      expect(made.headers.get('location')).toContain('klart=offentlig');

      const res = await t.app.request(pub);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; /);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toBe(ATTACHMENT_CSP);
      expect(res.headers.get('cache-control')).toBe('public, max-age=300');
      expect(Buffer.from(await res.arrayBuffer()).equals(pdfFile('affisch'))).toBe(true);
      expect((await listPublicAttachments(db(), t.arvikaId, 'project', ownProject)).map((x) => x.id)).toContain(a.id);

      // Another name in the address leads to the right one; another municipality does not have it.
      const renamed = await t.app.request(`/arvika/bilagor/${a.id}/annat.pdf`);
      expect(renamed.status).toBe(301);
      expect(renamed.headers.get('location')).toBe(pub);
      expect((await t.app.request(`/ale/bilagor/${a.id}/${encodeURIComponent(a.filename)}`)).status).toBe(404);
      expect((await t.app.request('/arvika/bilagor/abc/x.pdf')).status).toBe(404);

      // Unpublishing the record hides the attachment again.
      await db().updateTable('projects').set({ publication_state: 'in_review' }).where('id', '=', ownProject).execute();
      expect((await t.app.request(pub)).status).toBe(404);
      expect(await listPublicAttachments(db(), t.arvikaId, 'project', ownProject)).toEqual([]);
      await db().updateTable('projects').set({ publication_state: 'published' }).where('id', '=', ownProject).execute();
      expect((await t.app.request(pub)).status).toBe(200);

      // Hidden again by the unit editor.
      expect((await request(t.users.unit_editor, page('project', ownProject, `/${a.id}/synlighet`), { form: { public: '0' } })).status).toBe(303);
      expect((await t.app.request(pub)).status).toBe(404);
    });

    it('shows a public attachment of a decision once a published project carries the decision', async () => {
      await upload(t.users.coordinator, page('decision', decision), 'Protokoll.pdf', pdfFile('beslut'));
      const a = (await listAttachments(db(), t.arvikaId, 'decision', decision)).at(-1)!;
      await request(t.users.coordinator, page('decision', decision, `/${a.id}/synlighet`), { form: { public: '1' } });
      const pub = `/arvika/bilagor/${a.id}/Protokoll.pdf`;
      expect((await t.app.request(pub)).status).toBe(404);
      await db().insertInto('project_decisions').values({ project_id: ownProject, decision_id: decision }).execute();
      expect((await t.app.request(pub)).status).toBe(200);
    });

    it('deletes after a confirmation page', async () => {
      await upload(t.users.unit_editor, page('project', ownProject), 'Att ta bort.pdf', pdfFile());
      const a = await latest(ownProject);
      const confirm = await request(t.users.unit_editor, page('project', ownProject, `/${a.id}/ta-bort`));
      expect(confirm.status).toBe(200);
      expect(await confirm.text()).toContain('Vill du ta bort Att ta bort.pdf?');
      expect((await request(t.users.reader, page('project', ownProject, `/${a.id}/ta-bort`), { form: {} })).status).toBe(403);
      const res = await request(t.users.unit_editor, page('project', ownProject, `/${a.id}/ta-bort`), { form: {} });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toContain('klart=borttagen');
      expect((await request(t.users.unit_editor, page('project', ownProject, `/${a.id}/x.pdf`))).status).toBe(404);
      expect(fs.existsSync(path.join(t.config.attachments.dir, a.storage_key.slice(0, 2), a.storage_key))).toBe(false);
      expect((await verifyAuditChain(db())).ok).toBe(true);
    });
  });
});
