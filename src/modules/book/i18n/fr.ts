/** French strings of the book desk (books, their contributors, paper sales): the reference catalogue fragment. */
export const fr = {
  "ledger.noContributors": "Un livre doit avoir au moins un contributeur ou une contributrice pour partager ses droits.",
  "desk.bookPrices": "Prix {price} · fabrication {cost} par exemplaire",
  "desk.split.equal": "Parts égales",
  "desk.split.weights": "Parts pondérées",
  "desk.recordSale": "Enregistrer une vente",
  "desk.newBook": "Nouveau livre",
  "desk.unitPrice": "Prix de vente (€)",
  "desk.manufacturingCost": "Coût de fabrication par exemplaire (€)",
  "desk.splitMethod": "Partage des droits",
  "desk.bookContributors": "Contributeur·rices du livre",
  "desk.bookContributorsHint": "Indiquez un poids (1 pour des parts égales, ou le nombre de chapitres, de mots…) ; laissez vide pour exclure.",
  "desk.createBook": "Créer le livre",
  "desk.bookCreated": "Le livre est créé.",
  "desk.saleRecorded": "La vente est enregistrée et les droits répartis au centime près.",
};
