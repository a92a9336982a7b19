/**
 * The import pages under `/admin/{kommun}/import` (and `/en/admin/…`): upload a file → choose what
 * the columns hold → preview (writes nothing) → run (all or nothing) → result; and the Interreg
 * import (read the list → choose organisations → dry run → import). Only roles that may `import`
 * in the municipality get here (coordinator, municipal administrator, platform administrator).
 * Each handler: municipality and policy → validate → service → page or redirect.
 */
import fs from 'node:fs';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { Lang } from '../../i18n/index.js';
import { type FormErrors, list, str } from '../../ui/forms.js';
import { type AdminScope, idParam, readForm, requireAdminMunicipality } from '../admin/context.js';
import { adminPageContext } from '../admin/layout.js';
import type { AuditActor } from '../audit/chain.js';
import { actorLabel } from '../policy/actor.js';
import { recordNotFound } from '../policy/policy.js';
import { DEFAULT_INTERREG_FILE } from './interreg/cli.js';
import { checkMapping, FIELD_LABELS, isFieldKey, type Mapping } from './fields.js';
import { readInterregRows } from './interreg/interreg.js';
import { InterregChoosePage, InterregUploadPage } from './interreg/pages.js';
import { createInterregRun, interregCandidates, interregPayload, previewInterreg, runInterreg } from './interreg/run.js';
import { M } from './messages.js';
import { ImportHomePage, importHref, MappingPage, PreviewPage, ResultPage } from './pages.js';
import { readTable } from './parse.js';
import { createTableRun, findRun, listRuns, previewTable, runTable, setMapping, tablePayload } from './service.js';
import type { ImportIssue } from './text.js';

/** Largest file an import accepts. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const MAX_MB = MAX_IMPORT_BYTES / 1024 / 1024;

const auditActor = (s: AdminScope): AuditActor => ({ userId: s.actor.userId, label: actorLabel(s.actor) });
const today = () => new Date().toISOString().slice(0, 10);

/** The uploaded file of a multipart form, or undefined when none was chosen. */
async function uploadedFile(c: Context<AppEnv>): Promise<File | undefined> {
  const body = await c.req.parseBody({ all: true });
  const given = Array.isArray(body.file) ? body.file[0] : body.file;
  return given instanceof File && !(given.size === 0 && given.name === '') ? given : undefined;
}

/** The file name as the person named it, cleaned for display (never used as a path). */
const displayName = (f: File) =>
  f.name
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .split(/[\\/]/)
    .pop()!
    .slice(0, 200) || null;

export function importAdminRoutes(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const base = '/:kommun/import';

  const home = async (c: Context<AppEnv>, scope: AdminScope, status: 200 | 400 | 413 = 200, errors?: FormErrors, issues?: ImportIssue[]) => {
    const runs = await listRuns(c.var.handle.db, scope.municipality.id);
    const ctx = await adminPageContext(c, scope.municipality);
    c.status(status);
    return c.html(<ImportHomePage ctx={ctx} csrf={scope.actor.csrfToken} runs={runs} maxMb={MAX_MB} errors={errors} issues={issues} />);
  };

  app.get(base, async (c) => home(c, await requireAdminMunicipality(c, 'import')));

  app.post(base, async (c) => {
    const scope = await requireAdminMunicipality(c, 'import');
    const file = await uploadedFile(c);
    if (!file) return home(c, scope, 400, { file: M.noFile[lang] });
    if (file.size > MAX_IMPORT_BYTES) return home(c, scope, 413, { file: M.tooLarge(MAX_MB)[lang] });
    const table = await readTable(new Uint8Array(await file.arrayBuffer()));
    if (table.headers.length === 0) return home(c, scope, 400, { file: table.issues[0]?.message[lang] ?? M.unreadable[lang] }, table.issues);
    const runId = await createTableRun(c.var.handle.db, { municipalityId: scope.municipality.id, userId: scope.actor.userId, filename: displayName(file), table });
    return c.redirect(importHref(lang, scope.municipality.slug, `/${runId}/kolumner`), 303);
  });

  // ── Interreg (before `/:id`, which would take "interreg" for an id) ─────────────────────────
  const serverFile = () => fs.existsSync(DEFAULT_INTERREG_FILE);
  const interregHome = async (c: Context<AppEnv>, scope: AdminScope, status: 200 | 400 | 413 = 200, errors?: FormErrors, issues?: ImportIssue[]) => {
    const ctx = await adminPageContext(c, scope.municipality);
    c.status(status);
    return c.html(<InterregUploadPage ctx={ctx} csrf={scope.actor.csrfToken} serverFile={serverFile()} maxMb={MAX_MB} errors={errors} issues={issues} />);
  };

  app.get(`${base}/interreg`, async (c) => interregHome(c, await requireAdminMunicipality(c, 'import')));

  app.post(`${base}/interreg`, async (c) => {
    const scope = await requireAdminMunicipality(c, 'import');
    const form = await readForm(c);
    let text: string;
    let filename: string | null;
    if (str(form, 'server') === '1' && serverFile()) {
      text = fs.readFileSync(DEFAULT_INTERREG_FILE, 'utf8');
      filename = 'interreg-2021-2027-swedish-partners.json';
    } else {
      const file = await uploadedFile(c);
      if (!file) return interregHome(c, scope, 400, { file: M.noFile[lang] });
      if (file.size > MAX_IMPORT_BYTES) return interregHome(c, scope, 413, { file: M.tooLarge(MAX_MB)[lang] });
      text = new TextDecoder().decode(await file.arrayBuffer());
      filename = displayName(file);
    }
    const { rows, issues } = readInterregRows(text);
    if (rows.length === 0) return interregHome(c, scope, 400, { file: M.interregNotJson[lang] }, issues.slice(0, 50));
    const runId = await createInterregRun(c.var.handle.db, { municipalityId: scope.municipality.id, userId: scope.actor.userId, filename, rows, readIssues: issues });
    return c.redirect(importHref(lang, scope.municipality.slug, `/${runId}`), 303);
  });

  // ── One run ──────────────────────────────────────────────────────────────────────────────────
  const requireRun = async (c: Context<AppEnv>) => {
    const scope = await requireAdminMunicipality(c, 'import');
    const run = await findRun(c.var.handle.db, scope.municipality.id, idParam(c));
    if (!run) throw recordNotFound(lang);
    return { scope, run };
  };

  const mappingPage = async (c: Context<AppEnv>, scope: AdminScope, run: NonNullable<Awaited<ReturnType<typeof findRun>>>, mapping?: Mapping, errors?: FormErrors) => {
    const payload = tablePayload(run);
    if (!payload) throw recordNotFound(lang);
    const ctx = await adminPageContext(c, scope.municipality);
    if (errors) c.status(400);
    return c.html(<MappingPage ctx={ctx} csrf={scope.actor.csrfToken} run={run} payload={payload} mapping={mapping ?? payload.mapping} errors={errors} />);
  };

  app.get(`${base}/:id/kolumner`, async (c) => {
    const { scope, run } = await requireRun(c);
    if (run.kind !== 'projects_table' || run.state !== 'preview') return c.redirect(importHref(lang, scope.municipality.slug, `/${run.id}`), 303);
    return mappingPage(c, scope, run);
  });

  app.post(`${base}/:id/kolumner`, async (c) => {
    const { scope, run } = await requireRun(c);
    const payload = tablePayload(run);
    if (run.kind !== 'projects_table' || run.state !== 'preview' || !payload) return c.redirect(importHref(lang, scope.municipality.slug, `/${run.id}`), 303);
    const form = await readForm(c);
    const errors: FormErrors = {};
    const mapping: Mapping = payload.headers.map((_, i) => {
      const v = str(form, `col-${i}`);
      if (v === '') return null;
      if (isFieldKey(v)) return v;
      errors[`col-${i}`] = lang === 'sv' ? 'Välj ett av fälten i listan.' : 'Choose one of the fields in the list.';
      return null;
    });
    for (const problem of checkMapping(payload.headers, mapping)) {
      const i = problem.column === null ? 0 : mapping.findIndex((f, j) => payload.headers[j] === problem.column && f !== null);
      const key = `col-${Math.max(0, i)}`;
      errors[key] ??= problem.message[lang];
    }
    // A field chosen twice: mark every column after the first that chose it.
    const seen = new Set<string>();
    mapping.forEach((f, i) => {
      if (!f) return;
      if (seen.has(f)) errors[`col-${i}`] ??= lang === 'sv' ? `Fältet "${FIELD_LABELS[f].sv}" är redan valt för en annan kolumn.` : `The field "${FIELD_LABELS[f].en}" is already chosen for another column.`;
      seen.add(f);
    });
    if (Object.keys(errors).length) return mappingPage(c, scope, run, mapping, errors);
    await setMapping(c.var.handle.db, run, mapping);
    return c.redirect(importHref(lang, scope.municipality.slug, `/${run.id}`), 303);
  });

  app.get(`${base}/:id`, async (c) => {
    const { scope, run } = await requireRun(c);
    const ctx = await adminPageContext(c, scope.municipality);
    if (run.state !== 'preview') return c.html(<ResultPage ctx={ctx} run={run} />);
    if (run.kind === 'interreg') {
      const payload = interregPayload(run);
      if (!payload) throw recordNotFound(lang);
      const candidates = await interregCandidates(c.var.handle.db, scope.municipality, payload.rows);
      const known = new Set(candidates.map((x) => x.key));
      const dryRun = c.req.query('provkor') === '1';
      const chosen = dryRun
        ? [...new Set([...c.req.queries('org') ?? [], ...(c.req.queries('org-possible') ?? [])])].filter((k) => known.has(k))
        : candidates.filter((x) => x.match !== 'possible').map((x) => x.key);
      const errors: FormErrors | undefined = dryRun && chosen.length === 0 && candidates.length > 0 ? { org: M.chooseOne[lang] } : undefined;
      const plan = dryRun && !errors ? await previewInterreg(c.var.handle.db, scope.municipality, payload.rows, chosen, today()) : undefined;
      if (errors) c.status(400);
      return c.html(
        <InterregChoosePage ctx={ctx} csrf={scope.actor.csrfToken} run={run} candidates={candidates} chosen={chosen} plan={plan} skippedRows={payload.readIssues.length} errors={errors} />,
      );
    }
    const payload = tablePayload(run);
    if (!payload) throw recordNotFound(lang);
    const plan = await previewTable(c.var.handle.db, scope.municipality, payload);
    return c.html(<PreviewPage ctx={ctx} csrf={scope.actor.csrfToken} run={run} payload={payload} plan={plan} />);
  });

  app.post(`${base}/:id/kor`, async (c) => {
    const { scope, run } = await requireRun(c);
    const back = importHref(lang, scope.municipality.slug, `/${run.id}`);
    if (run.state !== 'preview') return c.redirect(back, 303);
    if (run.kind === 'interreg') {
      const payload = interregPayload(run);
      if (!payload) throw recordNotFound(lang);
      const known = new Set((await interregCandidates(c.var.handle.db, scope.municipality, payload.rows)).map((x) => x.key));
      const chosen = [...new Set(list(await readForm(c), 'org'))].filter((k) => known.has(k));
      if (chosen.length === 0) return c.redirect(`${back}?provkor=1`, 303);
      await runInterreg(c.var.handle.db, scope.municipality, run.id, chosen, auditActor(scope), today());
    } else {
      await runTable(c.var.handle.db, scope.municipality, run.id, auditActor(scope));
    }
    return c.redirect(back, 303);
  });

  return app;
}
