/** The honeypot of the public forms: people never see it, robots fill it in (the schema refuses it then). */
export function Honeypot() {
  return (
    <div class="hp-field" aria-hidden="true">
      <label for="f-nickname">Nickname</label>
      <input id="f-nickname" name="nickname" type="text" tabIndex={-1} autocomplete="off" />
    </div>
  );
}
