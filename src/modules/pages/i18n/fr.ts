/** French strings of editable pages and the contact inbox: the reference catalogue fragment. */
export const fr = {
  "contact.title": "Nous écrire",
  "contact.intro": "Une question, une remarque, une envie de participer ? Votre message arrive directement à la rédaction.",
  "contact.emailHint": "Pour vous répondre. Il ne sera jamais publié.",
  "contact.subject": "Objet",
  "contact.message": "Message",
  "contact.send": "Envoyer",
  "contact.sent": "Merci, votre message est bien arrivé.",
  "inbox.markRead": "Marquer comme lu",
  "inbox.filter": "Objet, nom ou adresse",
  "inbox.marked": "Message marqué comme lu.",
  "pages.saved": "La page est enregistrée.",
  "mail.contact.subject": "[Contact] {subject}",
  "mail.contact.body": "Message de {name} :\n\n{body}\n\nBoîte de réception : {link}",
};
