/**
 * `/:kommun/installningar/uppfoljning` ('configure'): who receives the finalised half-year report,
 * when the units' sections and the report are due, how often partnerships are evaluated (AR-9),
 * and how many days before a deadline reminders go out.
 */
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../../app-env.js';
import type { Lang } from '../../../i18n/index.js';
import { AdminForm, FormErrorSummary, type FormErrors, type FormValues, str, TextArea, TextField } from '../../../ui/forms.js';
import { adminHref, noticeOf, readForm, requireAdminMunicipality } from '../../admin/context.js';
import { AdminLayout, adminCrumbs, adminPageContext } from '../../admin/layout.js';
import { parseSettingsForm } from './forms.js';
import { NOTICES, R, tr } from './messages.js';
import { loadFollowUpSettings } from './repository.js';
import { saveFollowUpSettings } from './service.js';

const NUMBER_FIELDS = [
  ['report_sections_due_days', R.sectionsDueDays, undefined],
  ['report_due_days', R.reportDueDays, undefined],
  ['partnership_evaluation_months', R.evaluationMonths, R.evaluationMonthsHint],
  ['reminder_days_before', R.reminderDays, undefined],
] as const;

export function followUpSettingsRoutes(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const path = '/:kommun/installningar/uppfoljning';

  const page = async (c: Context<AppEnv>, status: 200 | 400, values?: FormValues, errors: FormErrors = {}) => {
    const { actor, municipality: m } = await requireAdminMunicipality(c, 'configure');
    const ctx = await adminPageContext(c, m);
    const s = await loadFollowUpSettings(c.var.handle.db, m.id);
    const v: FormValues = values ?? {
      report_recipients: s.reportRecipients,
      report_sections_due_days: String(s.reportSectionsDueDays),
      report_due_days: String(s.reportDueDays),
      partnership_evaluation_months: String(s.partnershipEvaluationMonths),
      reminder_days_before: String(s.reminderDaysBefore),
    };
    const title = tr(R.settingsTitle, lang);
    const settingsHref = adminHref(lang, `/${m.slug}/installningar`);
    c.status(status);
    return c.html(
      <AdminLayout ctx={ctx} title={title} current="settings" crumbs={adminCrumbs(ctx, { href: settingsHref, label: lang === 'sv' ? 'Inställningar' : 'Settings' }, { label: title })} notice={status === 200 ? noticeOf(c, NOTICES) : undefined}>
        <h1>{title}</h1>
        <p class="lead">{tr(R.settingsLead, lang)}</p>
        <FormErrorSummary lang={lang} errors={errors} />
        <AdminForm action={adminHref(lang, `/${m.slug}/installningar/uppfoljning`)} csrf={actor.csrfToken}>
          <TextArea name="report_recipients" label={tr(R.reportRecipients, lang)} hint={tr(R.reportRecipientsHint, lang)} lang={lang} optional value={str(v, 'report_recipients')} error={errors.report_recipients} rows={6} />
          {NUMBER_FIELDS.map(([name, label, hint]) => (
            <TextField name={name} label={tr(label, lang)} hint={hint && tr(hint, lang)} lang={lang} value={str(v, name)} error={errors[name]} inputmode="numeric" width="w-short" />
          ))}
          <div class="button-group">
            <button type="submit" class="button">
              {tr(R.saveSettings, lang)}
            </button>
          </div>
        </AdminForm>
        <p>
          <a href={settingsHref}>{tr(R.otherSettings, lang)}</a>
        </p>
      </AdminLayout>,
    );
  };

  app.get(path, (c) => page(c, 200));

  app.post(path, async (c) => {
    const { actor, municipality: m } = await requireAdminMunicipality(c, 'configure');
    const values = await readForm(c);
    const parsed = parseSettingsForm(values, lang);
    if (!parsed.ok) return page(c, 400, values, parsed.errors);
    await saveFollowUpSettings(c.var.handle.db, actor, m.id, parsed.data);
    return c.redirect(`${adminHref(lang, `/${m.slug}/installningar/uppfoljning`)}?klart=settings`, 303);
  });

  return app;
}
