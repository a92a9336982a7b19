/** Back-office pages of the calendar feeds: the addresses and instructions, and a new address shown once. */
import { fill, formatDate } from '../../../i18n/index.js';
import { AdminForm } from '../../../ui/forms.js';
import { adminHref } from '../../admin/context.js';
import { AdminLayout, type AdminPageContext, adminCrumbs } from '../../admin/layout.js';
import type { DueItem } from '../progress/due.js';
import { DueItemsTable } from '../progress/due-table.js';
import { CAL } from './messages.js';

export interface FeedInfo {
  id: number;
  createdAt: string;
}

const base = (ctx: AdminPageContext) => `/${ctx.municipality!.slug}/kalender`;

function crumbs(ctx: AdminPageContext, withSelf: boolean) {
  return adminCrumbs(ctx, ...(withSelf ? [{ href: adminHref(ctx.lang, base(ctx)), label: CAL.title[ctx.lang] }] : []));
}

function FeedButtons(props: { ctx: AdminPageContext; feed: FeedInfo | undefined; createAction: string; createLabel: string }) {
  const { ctx, feed } = props;
  const csrf = ctx.actor!.csrfToken;
  return (
    <div class="button-group">
      <AdminForm action={adminHref(ctx.lang, props.createAction)} csrf={csrf} class="inline-form">
        <button type="submit" class={feed ? 'button button--secondary' : 'button'}>
          {feed ? CAL.renew[ctx.lang] : props.createLabel}
        </button>
      </AdminForm>
      {feed && (
        <AdminForm action={adminHref(ctx.lang, `${base(ctx)}/${feed.id}/ta-bort`)} csrf={csrf} class="inline-form">
          <button type="submit" class="button button--warning">
            {CAL.remove[ctx.lang]}
          </button>
        </AdminForm>
      )}
    </div>
  );
}

function Instructions(props: { ctx: AdminPageContext }) {
  const { lang } = props.ctx;
  return (
    <section aria-labelledby="how-title">
      <h2 id="how-title">{CAL.howTitle[lang]}</h2>
      <h3>{CAL.outlookTitle[lang]}</h3>
      <p>{CAL.outlook[lang]}</p>
      <h3>{CAL.googleTitle[lang]}</h3>
      <p>{CAL.google[lang]}</p>
      <h3>{CAL.appleTitle[lang]}</h3>
      <p>{CAL.apple[lang]}</p>
      <p>{CAL.howLanguage[lang]}</p>
    </section>
  );
}

export function CalendarPage(props: { ctx: AdminPageContext; personal: FeedInfo | undefined; shared: FeedInfo | undefined; canConfigure: boolean; items: DueItem[]; notice?: string }) {
  const { ctx, personal, shared } = props;
  const { lang } = ctx;
  const date = (iso: string) => formatDate(lang, iso.slice(0, 10));
  return (
    <AdminLayout ctx={ctx} title={CAL.title[lang]} crumbs={crumbs(ctx, false)} current="strategy" notice={props.notice}>
      <h1>{CAL.title[lang]}</h1>
      <p class="lead">{CAL.lead[lang]}</p>

      <section aria-labelledby="personal-title">
        <h2 id="personal-title">{CAL.personalTitle[lang]}</h2>
        <p>{CAL.personalIntro[lang]}</p>
        <p>{personal ? fill(CAL.personalExists[lang], { date: date(personal.createdAt) }) : CAL.personalNone[lang]}</p>
        {personal && <p class="muted">{CAL.onceOnly[lang]}</p>}
        <FeedButtons ctx={ctx} feed={personal} createAction={`${base(ctx)}/personlig`} createLabel={CAL.personalCreate[lang]} />
      </section>

      <section aria-labelledby="shared-title">
        <h2 id="shared-title">{CAL.municipalityTitle[lang]}</h2>
        <p>{CAL.municipalityIntro[lang]}</p>
        <p>{shared ? fill(CAL.municipalityExists[lang], { date: date(shared.createdAt) }) : CAL.municipalityNone[lang]}</p>
        {props.canConfigure ? (
          <>
            {shared && <p class="muted">{CAL.onceOnly[lang]}</p>}
            <FeedButtons ctx={ctx} feed={shared} createAction={`${base(ctx)}/kommun`} createLabel={CAL.municipalityCreate[lang]} />
          </>
        ) : (
          <p>{CAL.municipalityAsk[lang]}</p>
        )}
      </section>

      <Instructions ctx={ctx} />

      {props.canConfigure && (
        <p>
          <a href={adminHref(lang, `/${ctx.municipality!.slug}/paminnelser`)}>{CAL.reminders[lang]}</a>
        </p>
      )}

      <section aria-labelledby="items-title">
        <h2 id="items-title">{CAL.itemsTitle[lang]}</h2>
        <DueItemsTable lang={lang} items={props.items} empty={CAL.itemsNone[lang]} />
      </section>
    </AdminLayout>
  );
}

/** The new secret address, shown once right after it was made. */
export function FeedCreatedPage(props: { ctx: AdminPageContext; kind: 'personal' | 'municipality'; address: string; renewed: boolean }) {
  const { ctx } = props;
  const { lang } = ctx;
  const title = props.kind === 'personal' ? CAL.createdTitle[lang] : CAL.createdMunicipalityTitle[lang];
  const webcal = props.address.replace(/^https?:/, 'webcal:');
  return (
    <AdminLayout ctx={ctx} title={title} crumbs={crumbs(ctx, true)} current="strategy">
      <h1>{title}</h1>
      <p class="lead">{CAL.createdLead[lang]}</p>
      <div class="notice notice--warn">
        <p>{CAL.secret[lang]}</p>
        {props.renewed && <p>{CAL.renewedOld[lang]}</p>}
      </div>
      <div class="field">
        <label class="field-label" for="feed-address">
          {CAL.address[lang]}
        </label>
        <p class="field-hint" id="feed-address-hint">
          {CAL.addressHint[lang]}
        </p>
        <input class="input w-long" id="feed-address" type="text" readonly value={props.address} spellcheck={false} aria-describedby="feed-address-hint" />
      </div>
      <p>
        <a href={webcal}>{CAL.subscribe[lang]}</a>
      </p>
      <p class="muted">{CAL.onceOnly[lang]}</p>
      <Instructions ctx={ctx} />
      <p>
        <a href={adminHref(lang, base(ctx))}>{CAL.back[lang]}</a>
      </p>
    </AdminLayout>
  );
}
