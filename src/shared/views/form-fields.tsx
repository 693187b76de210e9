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

function FieldFrame(props: FieldProps & { children: ComponentChildren }) {
  const error = props.form.errors[props.name];
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
  return (
    <fieldset class={`field${error ? ' field-invalid' : ''}`} aria-describedby={error ? `${props.name}-error` : undefined}>
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

export function FormErrorSummary({ ctx, form }: { ctx: ViewContext; form: FormState }) {
  const entries = Object.entries(form.errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <p>{ctx.t('form.fixErrors')}</p>
      <ul>
        {entries.map(([name, key]) => (
          // `_form`: a refusal of the whole form (sold out, accounts closed), with no field to point at.
          <li>{name === FORM_WIDE ? ctx.t(key) : <a href={`#f-${name}`}>{ctx.t(key)}</a>}</li>
        ))}
      </ul>
    </div>
  );
}
