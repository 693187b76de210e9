// Small progressive enhancements; every page works without them.
import './share.ts';
import './book-composer.ts';
import './person-picker.ts';

// Refuse an oversized file before uploading it, with the server's own message.
document.addEventListener('change', (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || input.type !== 'file') return;
  const max = Number(input.dataset.maxBytes ?? 0);
  const file = input.files?.[0];
  if (max && file && file.size > max) {
    input.setCustomValidity(input.dataset.tooLarge ?? 'File too large');
    input.reportValidity();
    input.value = '';
  } else {
    input.setCustomValidity('');
  }
});

// Bring a form's error summary into view and focus so keyboard and screen-reader users hear it.
const summary = document.querySelector<HTMLElement>('.error-summary');
if (summary) summary.focus();
