/**
 * Back office: `/admin/{kommun}/paminnelser` ('configure'): what would be reminded of now and to
 * whom, whether they have been reminded already, and the latest scheduled runs.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { fill, formatDate, type Lang } from '../../i18n/index.js';
import { adminHref, requireAdminMunicipality } from '../admin/context.js';
import { AdminLayout, type AdminPageContext, adminCrumbs, adminPageContext } from '../admin/layout.js';
import { todayInSweden } from '../decisions/registry.js';
import { addDays } from '../strategy/progress/cycles.js';
import type { DueItem } from '../strategy/progress/due.js';
import { DueItemsTable } from '../strategy/progress/due-table.js';
import { allDueItems, reminderSettings } from './due.js';
import { reminderKey } from './jobs.js';
import { PAGE } from './messages.js';
import { loadPeople, recipientsOf } from './recipients.js';

/** A due item with the names of the people it goes to, and how many of them have been reminded. */
interface PlannedReminder extends DueItem {
  names: string[];
  reminded: number;
}

interface RunRow {
  job: string;
  run_key: string;
  claimed_at: string;
  finished_at: string | null;
  result: string | null;
}

const dateTime = (lang: Lang, iso: string) => `${formatDate(lang, todayInSweden(new Date(iso)))} ${new Date(iso).toLocaleTimeString('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' })}`;

function runResult(lang: Lang, result: string | null): string {
  if (!result) return '';
  const r = JSON.parse(result) as { sent?: number; failed?: number };
  return fill(PAGE.result[lang], { sent: r.sent ?? 0, failed: r.failed ?? 0 });
}

function RemindersPage(props: { ctx: AdminPageContext; days: number; stale: number; planned: PlannedReminder[]; runs: RunRow[]; sent30: number }) {
  const { ctx } = props;
  const { lang } = ctx;
  const slug = ctx.municipality!.slug;
  return (
    <AdminLayout ctx={ctx} title={PAGE.title[lang]} crumbs={adminCrumbs(ctx)} current="settings">
      <h1>{PAGE.title[lang]}</h1>
      <p class="lead">{fill(PAGE.lead[lang], { days: props.days })}</p>
      <p>{PAGE.digest[lang]}</p>
      <p>{fill(PAGE.settings[lang], { stale: props.stale })}</p>
      <p>
        <a href={adminHref(lang, `/${slug}/kalender`)}>{PAGE.seeCalendar[lang]}</a>
      </p>

      <section aria-labelledby="now-title">
        <h2 id="now-title">{PAGE.nowTitle[lang]}</h2>
        <DueItemsTable
          lang={lang}
          items={props.planned}
          empty={PAGE.nowNone[lang]}
          columns={[
            { heading: PAGE.colWho[lang], cell: (p) => (p.names.length > 0 ? p.names.join(', ') : PAGE.nobody[lang]) },
            { heading: PAGE.colSent[lang], cell: (p) => `${p.reminded} / ${p.names.length}` },
          ]}
        />
      </section>

      <section aria-labelledby="sent-title">
        <h2 id="sent-title">{PAGE.sentTitle[lang]}</h2>
        <p>{fill(PAGE.sentCount[lang], { n: props.sent30 })}</p>
      </section>

      <section aria-labelledby="runs-title">
        <h2 id="runs-title">{PAGE.runsTitle[lang]}</h2>
        {props.runs.length === 0 ? (
          <p>{PAGE.runsNone[lang]}</p>
        ) : (
          <div class="table-wrap">
            <table class="data">
              <thead>
                <tr>
                  <th scope="col">{PAGE.colJob[lang]}</th>
                  <th scope="col">{PAGE.colRun[lang]}</th>
                  <th scope="col">{PAGE.colClaimed[lang]}</th>
                  <th scope="col">{PAGE.colFinished[lang]}</th>
                  <th scope="col">{PAGE.colResult[lang]}</th>
                </tr>
              </thead>
              <tbody>
                {props.runs.map((r) => (
                  <tr>
                    <td>{r.job === 'weekly_digest' ? PAGE.job_weekly_digest[lang] : r.job}</td>
                    <td>{r.run_key}</td>
                    <td>{dateTime(lang, r.claimed_at)}</td>
                    <td>{r.finished_at ? dateTime(lang, r.finished_at) : PAGE.notFinished[lang]}</td>
                    <td>{runResult(lang, r.result)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </AdminLayout>
  );
}

/** Back office: the reminders page. */
export function reminderAdminRoutes(_lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/:kommun/paminnelser', async (c) => {
    const { municipality } = await requireAdminMunicipality(c, 'configure');
    const db = c.var.handle.db;
    const today = todayInSweden();
    const settings = await reminderSettings(db, municipality.id);
    const until = addDays(today, settings.reminderDaysBefore);
    const [items, people, runs] = await Promise.all([
      allDueItems(db, municipality.id, today, { measureHorizonDays: null }),
      loadPeople(db, municipality.id),
      db.selectFrom('scheduled_runs').select(['job', 'run_key', 'claimed_at', 'finished_at', 'result']).orderBy('claimed_at', 'desc').limit(10).execute(),
    ]);
    const local = [...people.values()];
    const ids = [...people.keys()];
    const sentRows = ids.length === 0 ? [] : await db.selectFrom('reminders_sent').select(['user_id', 'reminder_key', 'sent_at']).where('user_id', 'in', ids).execute();
    const sent = new Set(sentRows.map((r) => `${Number(r.user_id)}|${r.reminder_key}`));
    const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const sent30 = sentRows.filter((r) => r.sent_at >= since && !r.reminder_key.startsWith('digest:')).length;
    const planned = items
      .filter((i) => i.dueOn <= until)
      .map((item) => {
        const to = recipientsOf(local, item);
        const key = reminderKey(item);
        return { ...item, names: to.map((p) => p.name), reminded: to.filter((p) => sent.has(`${p.userId}|${key}`)).length };
      });
    const ctx = await adminPageContext(c, municipality);
    return c.html(<RemindersPage ctx={ctx} days={settings.reminderDaysBefore} stale={settings.staleAfterDays} planned={planned} runs={runs} sent30={sent30} />);
  });
  return app;
}
