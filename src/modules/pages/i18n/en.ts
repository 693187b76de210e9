import type { fr } from './fr.ts';

/** English strings of editable pages and the contact inbox: exactly the keys of the French fragment. */
export const en: Record<keyof typeof fr, string> = {
  "contact.title": "Write to us",
  "contact.intro": "A question, a remark, a wish to take part? Your message goes straight to the editors.",
  "contact.emailHint": "So we can reply. It is never published.",
  "contact.subject": "Subject",
  "contact.message": "Message",
  "contact.send": "Send",
  "contact.sent": "Thank you, your message has arrived.",
  "inbox.markRead": "Mark as read",
  "inbox.filter": "Subject, name or address",
  "inbox.marked": "Message marked as read.",
  "pages.saved": "The page is saved.",
  "mail.contact.subject": "[Contact] {subject}",
  "mail.contact.body": "Message from {name}:\n\n{body}\n\nInbox: {link}",
};
