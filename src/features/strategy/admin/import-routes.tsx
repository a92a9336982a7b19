/**
 * `/:kommun/strategi/importera`: a strategy from its text, in steps that keep nothing on the
 * server. Read the pasted text or the uploaded document → the correction form with the proposal →
 * row buttons that change the tree (the whole tree travels in the form) → confirm, which validates
 * everything and saves the draft strategy. Action 'edit' on the municipality throughout.
 */
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../../app-env.js';
import { AppError } from '../../../errors/index.js';
import type { Lang } from '../../../i18n/index.js';
import { type FormErrors, str } from '../../../ui/forms.js';
import { adminHref, readForm, requireAdminMunicipality } from '../../admin/context.js';
import { adminPageContext } from '../../admin/layout.js';
import type { MunicipalityRecord } from '../../municipalities/repository.js';
import { documentToText } from '../import/document.js';
import { proposeStrategy } from '../import/parse.js';
import { saveProposedStrategy } from '../import/save.js';
import { type CorrectionState, correctionErrors, readCorrection, stateOfProposal, tamperedMessage, toProposal } from './import-form.js';
import { CorrectionPage, ImportPage } from './import-pages.js';
import { IMPORT, REVIEW_FORM, tr } from './messages.js';
import { applyOp, parseOp } from './tree-form.js';

/** Largest document or pasted text the import reads. */
export const MAX_STRATEGY_BYTES = 2 * 1024 * 1024;
const MAX_MB = MAX_STRATEGY_BYTES / 1024 / 1024;

/** The file name as the person named it, cleaned for display (never used as a path). */
const displayName = (name: string) =>
  name
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .split(/[\\/]/)
    .pop()!
    .slice(0, 200);

export function strategyImportRoutes(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const path = '/:kommun/strategi/importera';

  const importPage = async (c: Context<AppEnv>, municipality: MunicipalityRecord, errors: FormErrors, text = '', status: 200 | 400 | 413 = 200) => {
    const ctx = await adminPageContext(c, municipality);
    return c.html(<ImportPage ctx={ctx} maxMb={MAX_MB} text={text} errors={errors} />, status);
  };

  const correction = async (c: Context<AppEnv>, municipality: MunicipalityRecord, state: CorrectionState, errors: FormErrors, status: 200 | 400 = 200) => {
    const ctx = await adminPageContext(c, municipality);
    return c.html(<CorrectionPage ctx={ctx} state={state} errors={errors} />, status);
  };

  app.get(path, async (c) => {
    const { municipality } = await requireAdminMunicipality(c, 'edit');
    return importPage(c, municipality, {});
  });

  app.post(path, async (c) => {
    const { municipality } = await requireAdminMunicipality(c, 'edit');
    const body = await c.req.parseBody({ all: true });
    let text: string;
    let source = '';
    if ('file' in body) {
      const given = Array.isArray(body.file) ? body.file[0] : body.file;
      if (!(given instanceof File) || (given.size === 0 && given.name === '')) return importPage(c, municipality, { file: tr(IMPORT.noFile, lang) }, '', 400);
      if (given.size > MAX_STRATEGY_BYTES) return importPage(c, municipality, { file: tr(IMPORT.fileTooLarge, lang, { mb: MAX_MB }) }, '', 413);
      source = displayName(given.name);
      const read = await documentToText(new Uint8Array(await given.arrayBuffer()), source);
      if (!read.ok) return importPage(c, municipality, { file: read.message[lang] }, '', 400);
      if (!read.text.trim()) return importPage(c, municipality, { file: tr(IMPORT.emptyText, lang) }, '', 400);
      text = read.text;
    } else {
      const raw = typeof body.text === 'string' ? body.text.replaceAll('\0', '') : '';
      if (!raw.trim()) return importPage(c, municipality, { text: tr(IMPORT.noText, lang) }, '', 400);
      if (Buffer.byteLength(raw, 'utf8') > MAX_STRATEGY_BYTES) return importPage(c, municipality, { text: tr(IMPORT.textTooLong, lang, { mb: MAX_MB }) }, '', 413);
      text = raw;
    }
    return correction(c, municipality, stateOfProposal(proposeStrategy(text), source), {});
  });

  app.post(`${path}/granska`, async (c) => {
    const { actor, municipality } = await requireAdminMunicipality(c, 'edit');
    const values = await readForm(c);
    const read = readCorrection(values);
    if (!read.ok) throw new AppError('invalid_form', tamperedMessage(read.reason, lang));
    const { state } = read;
    const op = str(values, 'op');
    if (op === 'confirm') {
      const errors = correctionErrors(state, lang);
      if (Object.keys(errors).length > 0) return correction(c, municipality, state, errors, 400);
      const id = await saveProposedStrategy(c.var.handle.db, actor, municipality.id, toProposal(state), state.source || null);
      return c.redirect(`${adminHref(lang, `/${municipality.slug}/strategi/${id}`)}?klart=imported`, 303);
    }
    if (op === '' || op === 'refresh') return correction(c, municipality, state, {});
    const parsed = parseOp(op);
    if (!parsed) throw new AppError('invalid_form', tr(REVIEW_FORM.tamperedOp, lang));
    return correction(c, municipality, { ...state, rows: applyOp(state.rows, parsed) }, {});
  });

  return app;
}
