/**
 * The goals a project or partnership contributes to, as checkboxes in its form: one group per
 * strategy (adopted first), each goal under its parent in the municipality's own level names.
 * The first checkbox carries the field's id (`goals`), so the error summary's link lands on it.
 */
import type { Lang } from '../../i18n/index.js';
import type { GoalChoiceGroup } from './goal-links.js';
import { goalLabel } from './goal-links.js';
import { GL } from './public/messages.js';

export function GoalChoices(props: { name: string; legend: string; lang: Lang; groups: GoalChoiceGroup[]; values: string[]; error?: string }) {
  const { name, lang, groups } = props;
  if (groups.length === 0) return null;
  const chosen = new Set(props.values);
  const describedBy = [`${name}-hint`, props.error ? `${name}-error` : ''].filter(Boolean).join(' ');
  let first = true;
  const idOf = (goalId: number) => {
    if (first) {
      first = false;
      return name;
    }
    return `${name}-${goalId}`;
  };
  return (
    <div class={`field${props.error ? ' field--error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={describedBy}>
        <legend>
          <h2>{props.legend}</h2>
        </legend>
        <p class="field-hint" id={`${name}-hint`}>
          {GL.hint[lang]}
        </p>
        {props.error && (
          <p class="field-error" id={`${name}-error`}>
            <span class="visually-hidden">{lang === 'sv' ? 'Fel:' : 'Error:'} </span>
            {props.error}
          </p>
        )}
        {groups.map((g) => (
          <fieldset class="fieldset goal-group">
            <legend class="field-label">{`${lang === 'en' && g.title_en ? g.title_en : g.title_sv} (${GL.strategyState[g.status][lang]})`}</legend>
            <div class="checkboxes">
              {g.goals.map((goal) => {
                const id = idOf(goal.id);
                return (
                  <div class={`choice goal-choice goal-choice--d${Math.min(goal.depth, 3)}`}>
                    <input type="checkbox" id={id} name={name} value={String(goal.id)} checked={chosen.has(String(goal.id))} />
                    <label for={id}>{goalLabel(goal, lang)}</label>
                  </div>
                );
              })}
            </div>
          </fieldset>
        ))}
      </fieldset>
    </div>
  );
}
