/** "Hjälpte informationen på sidan dig?" (AR-13): the yes/no question at the foot of every public page. */
import { type Lang, t } from '../../i18n/index.js';
import type { PageContext } from '../../ui/layout.js';

export const COMMENT_MAX = 1000;

export interface FeedbackFormState {
  helpful?: string;
  comment?: string;
  errors?: { field: string; message: string }[];
}

export function FeedbackForm(props: { ctx: PageContext; state?: FeedbackFormState; standalone?: boolean }) {
  const { lang } = props.ctx;
  const s = props.state ?? {};
  const errorOf = (field: string) => s.errors?.find((e) => e.field === field)?.message;
  const helpfulError = errorOf('feedback-yes');
  const commentError = errorOf('feedback-comment');
  const Wrapper = props.standalone ? 'div' : 'aside';
  return (
    <Wrapper class={props.standalone ? '' : 'feedback'} aria-labelledby={props.standalone ? undefined : 'feedback-heading'} id="feedback">
      <div class={props.standalone ? '' : 'wrap'}>
        {props.ctx.feedbackThanks ? (
          <p class="thanks" role="status">
            {t(lang, 'feedback_thanks')}
          </p>
        ) : (
          <form method="post" action="/feedback" novalidate>
            <input type="hidden" name="path" value={props.ctx.path} />
            <input type="hidden" name="lang" value={lang} />
            <input type="hidden" name="search" value={props.ctx.search} />
            <fieldset class={helpfulError ? 'has-error' : ''} aria-describedby={helpfulError ? 'feedback-yes-error' : undefined}>
              <legend id="feedback-heading">{t(lang, 'feedback_heading')}</legend>
              {helpfulError && (
                <p class="field-error" id="feedback-yes-error">
                  <span class="visually-hidden">{lang === 'sv' ? 'Fel: ' : 'Error: '}</span>
                  {helpfulError}
                </p>
              )}
              <div class="radios">
                <label>
                  <input type="radio" name="helpful" value="yes" id="feedback-yes" checked={s.helpful === 'yes'} />
                  {t(lang, 'feedback_yes')}
                </label>
                <label>
                  <input type="radio" name="helpful" value="no" id="feedback-no" checked={s.helpful === 'no'} />
                  {t(lang, 'feedback_no')}
                </label>
              </div>
            </fieldset>
            <div class={`field${commentError ? ' has-error' : ''}`}>
              <label for="feedback-comment">{t(lang, 'feedback_comment')}</label>
              <p class="hint" id="feedback-comment-hint">
                {t(lang, 'feedback_comment_hint')}
              </p>
              {commentError && (
                <p class="field-error" id="feedback-comment-error">
                  {commentError}
                </p>
              )}
              <textarea
                id="feedback-comment"
                name="comment"
                rows={3}
                maxlength={COMMENT_MAX}
                aria-describedby={commentError ? 'feedback-comment-hint feedback-comment-error' : 'feedback-comment-hint'}
              >
                {s.comment ?? ''}
              </textarea>
            </div>
            <div class="hp" aria-hidden="true">
              <label for="feedback-website">{t(lang, 'feedback_honeypot')}</label>
              <input type="text" id="feedback-website" name="website" tabindex={-1} autocomplete="off" />
            </div>
            <p>
              <button type="submit">{t(lang, 'feedback_send')}</button>
            </p>
          </form>
        )}
      </div>
    </Wrapper>
  );
}

export function feedbackLangOf(value: unknown): Lang {
  return value === 'en' ? 'en' : 'sv';
}
