/** The back-office pages of attachments: a record's files with upload form, and delete confirmation. */
import type { FieldError } from '../../errors/index.js';
import { formatDate, type Lang } from '../../i18n/index.js';
import { AdminForm, FormErrorSummary } from '../../ui/forms.js';
import type { Crumb } from '../../ui/layout.js';
import { adminHref } from '../admin/context.js';
import { AdminLayout, type AdminNavKey, type AdminPageContext, adminCrumbs } from '../admin/layout.js';
import { ALLOWED_TYPES } from './content.js';
import { formatSize, M, maxMbText } from './messages.js';
import { publicAttachmentHref } from './public-routes.js';
import type { AttachmentEntity, AttachmentRow, OwnerRecord } from './repository.js';

/** Where a record's attachments live in the back office. */
export function attachmentsHref(lang: Lang, slug: string, entity: AttachmentEntity, id: number, rest = ''): string {
  return adminHref(lang, `/${slug}/bilagor/${entity}/${id}${rest}`);
}

/** The back-office download address of an attachment. */
export function adminFileHref(lang: Lang, slug: string, a: AttachmentRow): string {
  return attachmentsHref(lang, slug, a.entity as AttachmentEntity, a.entity_id, `/${a.id}/${encodeURIComponent(a.filename)}`);
}

const RECORD_PATH: Record<AttachmentEntity, { list: string; nav: AdminNavKey; listLabel: { sv: string; en: string } }> = {
  project: { list: 'projekt', nav: 'projects', listLabel: { sv: 'Projekt', en: 'Projects' } },
  partnership: { list: 'samarbeten', nav: 'partnerships', listLabel: { sv: 'Vänorter och samarbeten', en: 'Twin towns and partnerships' } },
  decision: { list: 'beslut', nav: 'decisions', listLabel: { sv: 'Beslut', en: 'Decisions' } },
};

function crumbsOf(ctx: AdminPageContext, owner: OwnerRecord, last?: Crumb): Crumb[] {
  const slug = ctx.municipality?.slug ?? '';
  const p = RECORD_PATH[owner.entity];
  const filesCrumb: Crumb = last ? { href: attachmentsHref(ctx.lang, slug, owner.entity, owner.id), label: M.pageTitle[ctx.lang] } : { label: M.pageTitle[ctx.lang] };
  return adminCrumbs(
    ctx,
    { href: adminHref(ctx.lang, `/${slug}/${p.list}`), label: p.listLabel[ctx.lang] },
    { href: adminHref(ctx.lang, `/${slug}/${p.list}/${owner.id}`), label: owner.title },
    filesCrumb,
    ...(last ? [last] : []),
  );
}

const ACCEPT = [...ALLOWED_TYPES.values()].flatMap((t) => [t.mime, ...t.extensions.map((e) => `.${e}`)]).join(',');

export function AttachmentsPage(props: {
  ctx: AdminPageContext;
  owner: OwnerRecord;
  attachments: AttachmentRow[];
  csrf: string;
  canEdit: boolean;
  canPublish: boolean;
  maxBytes: number;
  notice?: string;
  errors?: FieldError[];
}) {
  const { ctx, owner, attachments } = props;
  const { lang } = ctx;
  const slug = ctx.municipality?.slug ?? '';
  const errors = props.errors ?? [];
  const fileError = errors.find((e) => e.field === 'file')?.message;
  const maxMb = maxMbText(props.maxBytes, lang);
  const title = `${M.pageTitle[lang]} – ${owner.title}`;
  return (
    <AdminLayout ctx={ctx} title={title} crumbs={crumbsOf(ctx, owner)} current={RECORD_PATH[owner.entity].nav} notice={props.notice}>
      <FormErrorSummary lang={lang} errors={errors} />
      <h1>{title}</h1>
      <p>{M.intro[lang]}</p>
      {!owner.published && (
        <div class="notice notice--warn">
          <p>{M.notPublishedNote[lang]}</p>
        </div>
      )}

      <h2>{M.listHeading[lang]}</h2>
      {attachments.length === 0 ? (
        <p>{M.none[lang]}</p>
      ) : (
        <div class="table-wrap" role="region" aria-label={M.listHeading[lang]} tabindex={0}>
          <table class="data">
            <caption class="visually-hidden">{M.listHeading[lang]}</caption>
            <thead>
              <tr>
                <th scope="col">{M.colName[lang]}</th>
                <th scope="col">{M.colType[lang]}</th>
                <th scope="col" class="num">
                  {M.colSize[lang]}
                </th>
                <th scope="col">{M.colUploaded[lang]}</th>
                <th scope="col">{M.colPublic[lang]}</th>
                {props.canEdit && <th scope="col">{M.colActions[lang]}</th>}
              </tr>
            </thead>
            <tbody>
              {attachments.map((a) => (
                <tr>
                  <td>
                    <a href={adminFileHref(lang, slug, a)}>{a.filename}</a>
                  </td>
                  <td>{ALLOWED_TYPES.get(a.media_type)?.label ?? a.media_type}</td>
                  <td class="num">{formatSize(a.size_bytes, lang)}</td>
                  <td>{formatDate(lang, a.created_at.slice(0, 10))}</td>
                  <td>
                    {a.is_public === 1 ? <span class="tag tag--published">{M.isPublic[lang]}</span> : <span class="tag">{M.isPrivate[lang]}</span>}
                    {a.is_public === 1 && owner.published && (
                      <>
                        {' '}
                        <a href={publicAttachmentHref(slug, a.id, a.filename)}>
                          {M.publicLink[lang]}
                          <span class="visually-hidden"> {a.filename}</span>
                        </a>
                      </>
                    )}
                  </td>
                  {props.canEdit && (
                    <td>
                      {(a.is_public === 1 || props.canPublish) && (
                        <AdminForm action={attachmentsHref(lang, slug, owner.entity, owner.id, `/${a.id}/synlighet`)} csrf={props.csrf} class="inline-form">
                          <input type="hidden" name="public" value={a.is_public === 1 ? '0' : '1'} />
                          <button type="submit" class="link-button">
                            {(a.is_public === 1 ? M.makePrivate : M.makePublic)[lang]}
                            <span class="visually-hidden">: {a.filename}</span>
                          </button>
                        </AdminForm>
                      )}{' '}
                      <a href={attachmentsHref(lang, slug, owner.entity, owner.id, `/${a.id}/ta-bort`)}>
                        {M.delete[lang]}
                        <span class="visually-hidden">: {a.filename}</span>
                      </a>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.canEdit && !props.canPublish && <p class="hint">{M.publishNeedsCoordinator[lang]}</p>}

      {props.canEdit ? (
        <>
          <h2 id="upload-heading">{M.uploadHeading[lang]}</h2>
          <AdminForm action={attachmentsHref(lang, slug, owner.entity, owner.id)} csrf={props.csrf} multipart>
            <div class={`field${fileError ? ' field--error' : ''}`}>
              <label class="field-label" for="file">
                {M.fileLabel[lang]}
              </label>
              <p class="field-hint" id="file-hint">
                {M.fileHint(maxMb)[lang]}
              </p>
              {fileError && (
                <p class="field-error" id="file-error">
                  <span class="visually-hidden">{lang === 'sv' ? 'Fel:' : 'Error:'} </span>
                  {fileError}
                </p>
              )}
              <input
                class="input"
                type="file"
                id="file"
                name="file"
                accept={ACCEPT}
                aria-describedby={fileError ? 'file-hint file-error' : 'file-hint'}
                aria-invalid={fileError ? 'true' : undefined}
              />
            </div>
            <button type="submit" class="button">
              {M.upload[lang]}
            </button>
          </AdminForm>
        </>
      ) : (
        <p>{M.readOnly[lang]}</p>
      )}
    </AdminLayout>
  );
}

export function DeleteAttachmentPage(props: { ctx: AdminPageContext; owner: OwnerRecord; attachment: AttachmentRow; csrf: string }) {
  const { ctx, owner, attachment: a } = props;
  const { lang } = ctx;
  const slug = ctx.municipality?.slug ?? '';
  const title = M.deleteLabel(a.filename)[lang];
  return (
    <AdminLayout ctx={ctx} title={title} crumbs={crumbsOf(ctx, owner, { label: M.delete[lang] })} current={RECORD_PATH[owner.entity].nav}>
      <h1>{M.confirmDeleteTitle(a.filename)[lang]}</h1>
      <p>{(a.is_public === 1 ? M.confirmDeletePublic : M.confirmDeleteText)[lang]}</p>
      <AdminForm action={attachmentsHref(lang, slug, owner.entity, owner.id, `/${a.id}/ta-bort`)} csrf={props.csrf}>
        <div class="button-group">
          <button type="submit" class="button button--warning">
            {M.delete[lang]}
          </button>
          <a href={attachmentsHref(lang, slug, owner.entity, owner.id)}>{M.cancel[lang]}</a>
        </div>
      </AdminForm>
    </AdminLayout>
  );
}
