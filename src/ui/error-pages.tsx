/** Error pages: helpful, in the visitor's language, never revealing internals. */
import type { FieldError } from '../errors/index.js';
import { localePath, t } from '../i18n/index.js';
import { Layout, type PageContext } from './layout.js';

export function NotFoundPage({ ctx, message }: { ctx: PageContext; message?: string }) {
  const { lang } = ctx;
  const m = ctx.municipality;
  return (
    <Layout ctx={ctx} title={t(lang, 'error_not_found_title')}>
      <h1>{t(lang, 'error_not_found_title')}</h1>
      <p class="lead">{message ?? t(lang, 'error_not_found_text')}</p>
      <p>{t(lang, 'error_not_found_help')}</p>
      <ul>
        {m && (
          <li>
            <a href={localePath(lang, `/${m.slug}/projekt`)}>{t(lang, 'projects_title')}</a>
          </li>
        )}
        <li>
          <a href={localePath(lang, '/')}>{t(lang, 'home_title')}</a>
        </li>
      </ul>
    </Layout>
  );
}

export function BadRequestPage({ ctx, errors, startOver }: { ctx: PageContext; errors: FieldError[]; startOver?: string }) {
  const { lang } = ctx;
  return (
    <Layout ctx={ctx} title={t(lang, 'error_bad_request_title')}>
      <h1>{t(lang, 'error_bad_request_title')}</h1>
      <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
        <h2 id="error-summary-title">{t(lang, 'error_bad_request_text')}</h2>
        <ul>
          {errors.map((e) => (
            <li>{e.message}</li>
          ))}
        </ul>
      </div>
      {startOver && (
        <p>
          <a class="button" href={startOver}>
            {t(lang, 'error_start_over')}
          </a>
        </p>
      )}
    </Layout>
  );
}

export function ServerErrorPage({ ctx, requestId }: { ctx: PageContext; requestId: string }) {
  const { lang } = ctx;
  return (
    <Layout ctx={ctx} title={t(lang, 'error_server_title')} feedback={false}>
      <h1>{t(lang, 'error_server_title')}</h1>
      <p>{t(lang, 'error_server_text', { id: requestId })}</p>
    </Layout>
  );
}

export function MessagePage({ ctx, title, message, status }: { ctx: PageContext; title: string; message: string; status?: 'error' }) {
  return (
    <Layout ctx={ctx} title={title} feedback={false}>
      <h1>{title}</h1>
      <p class={status === 'error' ? 'field-error' : 'lead'}>{message}</p>
    </Layout>
  );
}
