/**
 * The pages of signing in: sign-in form, second-factor code, second-factor set-up, recovery codes,
 * forgotten password and new password. Every form: error summary on top, the error beside its
 * field, autocomplete hints for password managers, and nothing typed lost except passwords.
 */

import { renderSVG } from 'uqr';
import { CsrfField, FormErrorSummary, type FormErrors, TextField } from '../../ui/forms.js';
import { adminHref } from '../admin/context.js';
import { AdminLayout, type AdminPageContext } from '../admin/layout.js';
import { withReturn } from './flow.js';
import { fill, T } from './messages.js';

export interface SsoButton {
  id: number;
  displayName: string;
}

/** A hidden `till` field, unless the return path is the default one. */
function ReturnField(props: { till: string; ctx: AdminPageContext }) {
  return props.till === adminHref(props.ctx.lang) ? null : <input type="hidden" name="till" value={props.till} />;
}

export function SignInPage(props: { ctx: AdminPageContext; till: string; email?: string; errors?: FormErrors; csrf?: string; notice?: string; providers: SsoButton[] }) {
  const { ctx, errors = {} } = props;
  const lang = ctx.lang;
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <AdminLayout ctx={ctx} title={hasErrors ? `${lang === 'sv' ? 'Fel' : 'Error'}: ${T.signIn[lang]}` : T.signIn[lang]} notice={props.notice}>
      <h1>{T.signIn[lang]}</h1>
      <FormErrorSummary lang={lang} errors={errors} />
      <p class="lead">{T.signInLead[lang]}</p>
      <form method="post" action={adminHref(lang, '/logga-in')} novalidate>
        {props.csrf && <CsrfField token={props.csrf} />}
        <ReturnField till={props.till} ctx={ctx} />
        <TextField name="email" type="email" label={T.email[lang]} lang={lang} value={props.email} error={errors.email} autocomplete="username" spellcheck={false} />
        <TextField name="password" type="password" label={T.password[lang]} lang={lang} error={errors.password} autocomplete="current-password" />
        <div class="button-group">
          <button type="submit" class="button">
            {T.signInButton[lang]}
          </button>
        </div>
      </form>
      <p>
        <a href={adminHref(lang, '/glomt-losenord')}>{T.forgot[lang]}</a>
      </p>
      {props.providers.length > 0 && (
        <section aria-labelledby="sso-heading">
          <h2 id="sso-heading">{T.ssoHeading[lang]}</h2>
          <ul class="link-list">
            {props.providers.map((p) => (
              <li>
                <a class="button button--secondary" href={withReturn(adminHref(lang, `/sso/${p.id}/start`), props.till, lang)}>
                  {fill(T.ssoWith[lang], { name: p.displayName })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </AdminLayout>
  );
}

function CancelForm(props: { ctx: AdminPageContext; csrf: string }) {
  return (
    <form method="post" action={adminHref(props.ctx.lang, '/logga-in/avbryt')} class="inline-form">
      <CsrfField token={props.csrf} />
      <button type="submit" class="button button--secondary">
        {T.cancel[props.ctx.lang]}
      </button>
    </form>
  );
}

export function CodePage(props: { ctx: AdminPageContext; till: string; csrf: string; errors?: FormErrors }) {
  const { ctx, errors = {} } = props;
  const lang = ctx.lang;
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <AdminLayout ctx={ctx} title={hasErrors ? `${lang === 'sv' ? 'Fel' : 'Error'}: ${T.codeTitle[lang]}` : T.codeTitle[lang]}>
      <h1>{T.codeTitle[lang]}</h1>
      <FormErrorSummary lang={lang} errors={errors} />
      <p class="lead">{T.codeLead[lang]}</p>
      <form method="post" action={adminHref(lang, '/logga-in/kod')} novalidate>
        <CsrfField token={props.csrf} />
        <ReturnField till={props.till} ctx={ctx} />
        <TextField name="code" label={T.code[lang]} hint={T.codeHint[lang]} lang={lang} error={errors.code} autocomplete="one-time-code" spellcheck={false} width="w-short" />
        <div class="button-group">
          <button type="submit" class="button">
            {T.codeButton[lang]}
          </button>
        </div>
      </form>
      <p>{T.lostPhone[lang]}</p>
      <CancelForm ctx={ctx} csrf={props.csrf} />
    </AdminLayout>
  );
}

/** The otpauth URI as a QR code: an SVG image (uqr, no dependencies) in a data: URI (the CSP allows data: images). */
function qrDataUri(uri: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(renderSVG(uri, { border: 2 })).toString('base64')}`;
}

export function SetupPage(props: { ctx: AdminPageContext; till: string; csrf: string; accountName: string; secret: string; uri: string; errors?: FormErrors }) {
  const { ctx, errors = {} } = props;
  const lang = ctx.lang;
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <AdminLayout ctx={ctx} title={hasErrors ? `${lang === 'sv' ? 'Fel' : 'Error'}: ${T.setupTitle[lang]}` : T.setupTitle[lang]}>
      <h1>{T.setupTitle[lang]}</h1>
      <FormErrorSummary lang={lang} errors={errors} />
      <p class="lead">{T.setupLead[lang]}</p>
      <ol>
        <li>{T.setupStep1[lang]}</li>
        <li>
          {T.setupStep2[lang]}
          <img class="qr-code" src={qrDataUri(props.uri)} alt={T.qrAlt[lang]} width="200" height="200" />
          <dl class="secret-details">
            <dt>{T.accountName[lang]}</dt>
            <dd>
              <code>{props.accountName}</code>
            </dd>
            <dt>{T.secretKey[lang]}</dt>
            <dd>
              <code class="secret" id="totp-secret">
                {props.secret}
              </code>
            </dd>
            <dt>{T.uriLabel[lang]}</dt>
            <dd>
              <code class="uri">{props.uri}</code>
            </dd>
          </dl>
        </li>
        <li>{T.setupStep3[lang]}</li>
      </ol>
      <form method="post" action={adminHref(lang, '/logga-in/tvafaktor')} novalidate>
        <CsrfField token={props.csrf} />
        <ReturnField till={props.till} ctx={ctx} />
        <TextField name="code" label={T.code[lang]} lang={lang} error={errors.code} autocomplete="one-time-code" inputmode="numeric" spellcheck={false} width="w-short" />
        <div class="button-group">
          <button type="submit" class="button">
            {T.setupButton[lang]}
          </button>
        </div>
      </form>
      <CancelForm ctx={ctx} csrf={props.csrf} />
    </AdminLayout>
  );
}

/** The recovery codes, shown once: after setting up the second factor, or after making new ones. */
export function RecoveryCodesPage(props: { ctx: AdminPageContext; codes: string[]; continueHref: string; notice?: string }) {
  const { ctx } = props;
  const lang = ctx.lang;
  return (
    <AdminLayout ctx={ctx} title={T.recoveryTitle[lang]} notice={props.notice}>
      <h1>{T.recoveryTitle[lang]}</h1>
      <p class="lead">{T.recoveryLead[lang]}</p>
      <div class="notice notice--warn">
        <p>{T.recoveryWarn[lang]}</p>
      </div>
      <ol class="recovery-codes">
        {props.codes.map((code) => (
          <li>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <p>
        <a class="button" href={props.continueHref}>
          {T.recoveryContinue[lang]}
        </a>
      </p>
    </AdminLayout>
  );
}

export function ForgotPage(props: { ctx: AdminPageContext; email?: string; errors?: FormErrors; sentTo?: string }) {
  const { ctx, errors = {} } = props;
  const lang = ctx.lang;
  if (props.sentTo !== undefined) {
    return (
      <AdminLayout ctx={ctx} title={T.forgotSentTitle[lang]}>
        <h1>{T.forgotSentTitle[lang]}</h1>
        <p>{fill(T.forgotSent[lang], { email: props.sentTo })}</p>
        <p>
          <a href={adminHref(lang, '/logga-in')}>{T.backToSignIn[lang]}</a>
        </p>
      </AdminLayout>
    );
  }
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <AdminLayout ctx={ctx} title={hasErrors ? `${lang === 'sv' ? 'Fel' : 'Error'}: ${T.forgotTitle[lang]}` : T.forgotTitle[lang]}>
      <h1>{T.forgotTitle[lang]}</h1>
      <FormErrorSummary lang={lang} errors={errors} />
      <p class="lead">{T.forgotLead[lang]}</p>
      <form method="post" action={adminHref(lang, '/glomt-losenord')} novalidate>
        <TextField name="email" type="email" label={T.email[lang]} lang={lang} value={props.email} error={errors.email} autocomplete="username" spellcheck={false} />
        <div class="button-group">
          <button type="submit" class="button">
            {T.forgotButton[lang]}
          </button>
        </div>
      </form>
      <p>
        <a href={adminHref(lang, '/logga-in')}>{T.backToSignIn[lang]}</a>
      </p>
    </AdminLayout>
  );
}

/** New password fields (with a hidden user name for password managers). */
export function NewPasswordFields(props: { ctx: AdminPageContext; email: string; errors: FormErrors; withUsername?: boolean }) {
  const lang = props.ctx.lang;
  return (
    <>
      {props.withUsername && <input type="hidden" name="username" value={props.email} autocomplete="username" />}
      <TextField name="new_password" type="password" label={T.newPassword[lang]} hint={T.newPasswordHint[lang]} lang={lang} error={props.errors.new_password} autocomplete="new-password" />
      <TextField name="new_password_confirm" type="password" label={T.confirmPassword[lang]} lang={lang} error={props.errors.new_password_confirm} autocomplete="new-password" />
    </>
  );
}

export function ResetPage(props: { ctx: AdminPageContext; token: string; email: string; errors?: FormErrors }) {
  const { ctx, errors = {} } = props;
  const lang = ctx.lang;
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <AdminLayout ctx={ctx} title={hasErrors ? `${lang === 'sv' ? 'Fel' : 'Error'}: ${T.resetTitle[lang]}` : T.resetTitle[lang]}>
      <h1>{T.resetTitle[lang]}</h1>
      <FormErrorSummary lang={lang} errors={errors} />
      <p class="lead">{T.resetLead[lang]}</p>
      <form method="post" action={adminHref(lang, `/aterstall/${props.token}`)} novalidate>
        <NewPasswordFields ctx={ctx} email={props.email} errors={errors} withUsername />
        <div class="button-group">
          <button type="submit" class="button">
            {T.resetButton[lang]}
          </button>
        </div>
      </form>
    </AdminLayout>
  );
}

export function ResetInvalidPage(props: { ctx: AdminPageContext }) {
  const lang = props.ctx.lang;
  return (
    <AdminLayout ctx={props.ctx} title={T.resetInvalidTitle[lang]}>
      <h1>{T.resetInvalidTitle[lang]}</h1>
      <p>{T.resetInvalid[lang]}</p>
      <p>
        <a href={adminHref(lang, '/glomt-losenord')}>{T.newLink[lang]}</a>
      </p>
    </AdminLayout>
  );
}

/** Checks a new password and its repetition; returns the errors (empty when fine). */
export function newPasswordErrors(values: { new_password: string; new_password_confirm: string }, lang: 'sv' | 'en', problem: string | undefined): FormErrors {
  const errors: FormErrors = {};
  if (problem) errors.new_password = problem;
  if (!values.new_password_confirm) errors.new_password_confirm = T.enterConfirm[lang];
  else if (!problem && values.new_password_confirm !== values.new_password) errors.new_password_confirm = T.mismatch[lang];
  return errors;
}
