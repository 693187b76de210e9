// Sharing a piece without any third-party script: copying its link, and posting it on the reader's
// own Mastodon instance (remembered in this browser only). Without this script the copy button
// stays hidden and the Mastodon form goes through /share/mastodon.

const INSTANCE_KEY = 'oe.mastodonInstance';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

document.querySelectorAll<HTMLButtonElement>('button.copy-link[data-copy]').forEach((button) => {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const url = button.dataset.copy ?? '';
    const status = button.parentElement?.querySelector<HTMLElement>('.copy-status');
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // Older browsers: copy through a selected field.
      const field = document.createElement('input');
      field.value = url;
      document.body.append(field);
      field.select();
      document.execCommand('copy');
      field.remove();
    }
    if (status) status.textContent = button.dataset.copied ?? '';
  });
});

/** "https://piaille.fr/", "@lea@framapiaf.org" → the host; null when it is not one. */
function instanceHost(typed: string): string | null {
  const host = typed.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '').replace(/^@?[^@]*@/, '');
  return /^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*$/.test(host) && host.length <= 253 ? host : null;
}

document.querySelectorAll<HTMLFormElement>('form.mastodon-share').forEach((form) => {
  const input = form.querySelector<HTMLInputElement>('input[name="instance"]');
  const text = form.querySelector<HTMLInputElement>('input[name="text"]')?.value ?? '';
  const remembered = storage()?.getItem(INSTANCE_KEY);
  if (input && remembered && !input.value) input.value = remembered;
  form.addEventListener('submit', (event) => {
    const host = instanceHost(input?.value ?? '');
    // Not a host name: the server's page explains what to type.
    if (!host) return;
    event.preventDefault();
    storage()?.setItem(INSTANCE_KEY, host);
    window.open(`https://${host}/share?text=${encodeURIComponent(text)}`, '_blank', 'noopener');
  });
});
