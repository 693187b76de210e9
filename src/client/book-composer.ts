// The book editor: chapters reordered by drag and drop (the ↑ ↓ buttons are the keyboard's and the
// no-script way), and a build's progress followed without reloading. Both enhance a page that works without them.

const list = document.querySelector<HTMLOListElement>('[data-book-entries]');
const orderField = document.querySelector<HTMLInputElement>('[data-order-field]');
if (list && orderField) {
  let dragged: HTMLLIElement | null = null;
  list.addEventListener('dragstart', (event) => {
    const item = (event.target as HTMLElement).closest<HTMLLIElement>('li[data-entry-id]');
    if (!item) return;
    dragged = item;
    item.classList.add('dragging');
    event.dataTransfer?.setData('text/plain', item.dataset.entryId ?? '');
  });
  list.addEventListener('dragover', (event) => {
    const over = (event.target as HTMLElement).closest<HTMLLIElement>('li[data-entry-id]');
    if (!dragged || !over || over === dragged) return;
    event.preventDefault();
    const box = over.getBoundingClientRect();
    over.parentElement?.insertBefore(dragged, event.clientY < box.top + box.height / 2 ? over : over.nextSibling);
  });
  list.addEventListener('dragend', () => {
    if (!dragged) return;
    dragged.classList.remove('dragging');
    dragged = null;
    const order = Array.from(list.querySelectorAll<HTMLLIElement>('li[data-entry-id]'), (li) => li.dataset.entryId).join(',');
    if (order !== orderField.value) {
      orderField.value = order;
      orderField.form?.submit();
    }
  });
}

const progress = document.querySelector<HTMLElement>('[data-build-progress]');
if (progress && progress.dataset.running === 'true') {
  const url = progress.dataset.buildProgress ?? '';
  const bar = progress.querySelector('progress');
  const step = progress.querySelector<HTMLElement>('[data-build-step]');
  const poll = async () => {
    try {
      const response = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
      const state = (await response.json()) as { status: string; progress: number; step: string };
      if (bar) bar.value = state.progress;
      if (step) step.textContent = state.step;
      if (state.status === 'succeeded' || state.status === 'failed') {
        window.location.reload();
        return;
      }
    } catch {
      // The network hiccuped: try again at the next tick.
    }
    window.setTimeout(poll, 1500);
  };
  window.setTimeout(poll, 1500);
}
