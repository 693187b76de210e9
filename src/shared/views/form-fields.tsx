import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../i18n/index.ts';
import type { ViewContext } from './context.ts';

/** A form's state when shown again: the person's input and a message per field. */
export interface FormState {
  values: Record<string, string | string[] | undefined>;
  errors: Record<string, MessageKey>;
}

export const emptyForm: FormState = { values: {}, errors: {} };

/** The errors entry of a message about the whole form rather than one field. */
export const FORM_WIDE = '_form';

export function formValue(form: FormState, name: string): string {
  const v = form.values[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

export function formValues(form: FormState, name: string): string[] {
  const v = form.values[name];
  return Array.isArray(v) ? v : v ? [v] : [];
}

interface FieldProps {
  ctx: ViewContext;
  form: FormState;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  /** When several forms on one page share field names, keeps element ids unique. */
  idPrefix?: string;
}

function fieldId(props: { name: string; idPrefix?: string | undefined }): string {
  return `${props.idPrefix ?? ''}${props.name}`;
}

function describedBy(name: string, hint: string | undefined, error: string | undefined): string | undefined {
  // `name` here is the field id (prefix included).
  const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/**
 * The label and element id of each field drawn for a form with errors, so the error summary above
 * it can name each field and link to it. The summary is drawn before its fields: `renderPage`
 * renders such a page a second time, once the first pass has met every field.
 */
const fieldsOf = new WeakMap<FormState, Map<string, { id: string; label: string }>>();
let summaryMissedAField = false;

function recordField(form: FormState, name: string, id: string, label: string): void {
  if (!form.errors[name]) return;
  let fields = fieldsOf.get(form);
  if (!fields) fieldsOf.set(form, (fields = new Map()));
  if (!fields.has(name)) fields.set(name, { id, label });
}

/**
 * Renders a page to HTML: twice when an error summary met its form's fields only after it was drawn
 * (the second pass names and links each one). Rendering is synchronous, so the flag is this page's.
 */
export function renderPage(render: () => string): string {
  summaryMissedAField = false;
  const first = render();
  if (!summaryMissedAField) return first;
  summaryMissedAField = false;
  return render();
}

function FieldFrame(props: FieldProps & { children: ComponentChildren }) {
  const error = props.form.errors[props.name];
  recordField(props.form, props.name, `f-${fieldId(props)}`, props.label);
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <label for={`f-${fieldId(props)}`}>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {props.hint ? (
        <p class="hint" id={`${fieldId(props)}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.children}
      {error ? (
        <p class="field-error" id={`${fieldId(props)}-error`}>
          {props.ctx.t(error)}
        </p>
      ) : null}
    </div>
  );
}

export function TextField(
  props: FieldProps & { type?: 'text' | 'email' | 'password' | 'url' | 'datetime-local'; autocomplete?: string; maxLength?: number },
) {
  const error = props.form.errors[props.name];
  return (
    <FieldFrame {...props}>
      <input
        id={`f-${fieldId(props)}`}
        name={props.name}
        type={(props.type ?? 'text') as 'text'}
        value={props.type === 'password' ? '' : formValue(props.form, props.name)}
        required={props.required}
        autocomplete={props.autocomplete}
        maxLength={props.maxLength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(fieldId(props), props.hint, error)}
      />
    </FieldFrame>
  );
}

export function TextArea(props: FieldProps & { rows?: number; maxLength?: number }) {
  const error = props.form.errors[props.name];
  return (
    <FieldFrame {...props}>
      <textarea
        id={`f-${fieldId(props)}`}
        name={props.name}
        rows={props.rows ?? 6}
        required={props.required}
        maxLength={props.maxLength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(fieldId(props), props.hint, error)}
      >
        {formValue(props.form, props.name)}
      </textarea>
    </FieldFrame>
  );
}

export function SelectField(props: FieldProps & { options: { value: string; label: string }[] }) {
  const error = props.form.errors[props.name];
  const current = formValue(props.form, props.name);
  return (
    <FieldFrame {...props}>
      <select
        id={`f-${fieldId(props)}`}
        name={props.name}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(fieldId(props), props.hint, error)}
      >
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckboxGroup(props: Omit<FieldProps, 'required'> & { options: { value: string; label: string }[] }) {
  const error = props.form.errors[props.name];
  const checked = new Set(formValues(props.form, props.name));
  recordField(props.form, props.name, `f-${fieldId(props)}`, props.label);
  return (
    <fieldset id={`f-${fieldId(props)}`} class={`field${error ? ' field-invalid' : ''}`} aria-describedby={error ? `${props.name}-error` : undefined}>
      <legend>{props.label}</legend>
      <div class="checkbox-row">
        {props.options.map((o) => (
          <label class="checkbox">
            <input type="checkbox" name={props.name} value={o.value} checked={checked.has(o.value)} /> {o.label}
          </label>
        ))}
      </div>
      {error ? (
        <p class="field-error" id={`${props.name}-error`}>
          {props.ctx.t(error)}
        </p>
      ) : null}
    </fieldset>
  );
}

/** One checkbox with its label beside it (ticked when the form's value is `on`), its hint and its error. */
export function CheckboxField(props: FieldProps) {
  const error = props.form.errors[props.name];
  const id = `f-${fieldId(props)}`;
  recordField(props.form, props.name, id, props.label);
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <label class="checkbox" for={id}>
        <input
          type="checkbox"
          id={id}
          name={props.name}
          value="on"
          checked={formValue(props.form, props.name) === 'on'}
          required={props.required}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(fieldId(props), props.hint, error)}
        />{' '}
        {props.label}
      </label>
      {props.hint ? (
        <p class="hint" id={`${fieldId(props)}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`${fieldId(props)}-error`}>
          {props.ctx.t(error)}
        </p>
      ) : null}
    </div>
  );
}

/** A POST form with its CSRF field; `multipart` for file uploads. */
export function PostForm(props: {
  ctx: ViewContext;
  action: string;
  multipart?: boolean;
  class?: string;
  label?: string;
  children: ComponentChildren;
}) {
  return (
    <form
      method="post"
      action={props.action}
      enctype={props.multipart ? 'multipart/form-data' : undefined}
      class={props.class}
      aria-label={props.label}
      novalidate
    >
      <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />
      {props.children}
    </form>
  );
}

/**
 * The list of what to fix, above a form: each entry names its field ("Email: required") and links
 * to it. A field drawn without the shared components (no label known) is linked by its message alone.
 */
export function FormErrorSummary({ ctx, form }: { ctx: ViewContext; form: FormState }) {
  const entries = Object.entries(form.errors);
  if (entries.length === 0) return null;
  const fields = fieldsOf.get(form);
  if (entries.some(([name]) => name !== FORM_WIDE && !fields?.has(name))) summaryMissedAField = true;
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <p>{ctx.t('form.fixErrors')}</p>
      <ul>
        {entries.map(([name, key]) => {
          // `_form`: a refusal of the whole form (sold out, accounts closed), with no field to point at.
          if (name === FORM_WIDE) return <li>{ctx.t(key)}</li>;
          const field = fields?.get(name);
          return (
            <li>
              <a href={`#${field?.id ?? `f-${name}`}`}>{field ? ctx.t('form.fieldError', { field: field.label, message: ctx.t(key) }) : ctx.t(key)}</a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** One choice among a few, as radio buttons in a fieldset (named and linked by the error summary like any field). */
export function RadioGroup(props: Omit<FieldProps, 'required'> & { options: { value: string; label: string; hint?: string }[] }) {
  const error = props.form.errors[props.name];
  const current = formValue(props.form, props.name) || props.options[0]?.value;
  const id = `f-${fieldId(props)}`;
  recordField(props.form, props.name, id, props.label);
  return (
    <fieldset id={id} class={`field${error ? ' field-invalid' : ''}`} aria-describedby={error ? `${props.name}-error` : undefined}>
      <legend>{props.label}</legend>
      {props.options.map((o) => (
        <label class="checkbox">
          <input type="radio" name={props.name} value={o.value} checked={o.value === current} /> {o.label}
          {o.hint ? <span class="hint"> — {o.hint}</span> : null}
        </label>
      ))}
      {error ? (
        <p class="field-error" id={`${props.name}-error`}>
          {props.ctx.t(error)}
        </p>
      ) : null}
    </fieldset>
  );
}
