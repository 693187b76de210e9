// Person pickers search as you type: a search box beside each `select[data-person-source]` asks
// the editors' JSON endpoint and replaces the offers, keeping "none" and the current choice.
// Without JavaScript the page's people search (a GET form) does the same by reloading.

interface PersonOption {
  id: number;
  name: string;
}

function enhance(select: HTMLSelectElement): void {
  const source = select.dataset.personSource;
  if (!source) return;
  const input = document.createElement('input');
  input.type = 'search';
  input.className = 'person-picker-search';
  input.setAttribute('aria-label', select.dataset.searchLabel ?? '');
  input.placeholder = '…';
  input.autocomplete = 'off';
  select.parentElement?.insertAdjacentElement('beforebegin', input);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;

  const replaceOffers = (people: PersonOption[]) => {
    const keep = new Set(['', select.value]);
    for (const option of Array.from(select.options)) if (!keep.has(option.value)) option.remove();
    for (const person of people) {
      if (keep.has(String(person.id))) continue;
      select.add(new Option(person.name, String(person.id)));
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      controller?.abort();
      controller = new AbortController();
      try {
        const response = await fetch(`${source}?q=${encodeURIComponent(input.value.trim())}`, { signal: controller.signal, headers: { accept: 'application/json' }, credentials: 'same-origin' });
        if (!response.ok) return;
        const body = (await response.json()) as { results: PersonOption[] };
        replaceOffers(body.results);
      } catch {
        // Aborted by a newer keystroke, or offline: the current offers stay.
      }
    }, 150);
  });
  // Enter in the search box must not submit the form the picker belongs to.
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      select.focus();
    }
  });
}

document.querySelectorAll<HTMLSelectElement>('select[data-person-source]').forEach(enhance);
