/**
 * What every programme starts with, demo or not: the five themes (editors rename or add to them
 * later) and the about page (editors rewrite it). Production content, not demo content.
 */

/** The five themes every programme starts with; editors rename or add to them later. */
export const BASELINE_THEMES = [
  {
    slug: 'open-data',
    name_fr: 'Données ouvertes',
    name_en: 'Open data',
    description_fr: 'Publier, relier et réutiliser les données : qui paie, qui gagne ?',
    description_en: 'Publishing, linking and reusing data: who pays, who gains?',
  },
  {
    slug: 'open-hardware',
    name_fr: 'Fabrication et matériel ouverts',
    name_en: 'Open manufacturing & hardware',
    description_fr: 'Plans libres, fablabs et objets réparables : vendre ce que tout le monde peut copier.',
    description_en: 'Open designs, fablabs and repairable things: selling what anyone may copy.',
  },
  {
    slug: 'free-software',
    name_fr: 'Logiciel libre et open source',
    name_en: 'Free software & open source',
    description_fr: 'Services, mécénat, double licence, fondations : les économies du code partagé.',
    description_en: 'Services, sponsorship, dual licensing, foundations: the economies of shared code.',
  },
  {
    slug: 'open-science',
    name_fr: 'Science ouverte',
    name_en: 'Open science',
    description_fr: 'Publications, données et protocoles ouverts : financer la recherche qui partage.',
    description_en: 'Open publications, data and protocols: funding research that shares.',
  },
  {
    slug: 'art-culture',
    name_fr: 'Art et culture libres',
    name_en: 'Art & culture',
    description_fr: 'Œuvres sous licence libre, communs culturels : vivre de ce que l’on donne.',
    description_en: 'Freely licensed works and cultural commons: living from what you give away.',
  },
] as const;

/** The about page, in both languages, until an editor rewrites it. */
export const BASELINE_ABOUT: {
  fr: { title: string; bodyMarkdown: string };
  en: { title: string; bodyMarkdown: string };
} = {
  fr: {
    title: `À propos d’Open Experience`,
    bodyMarkdown: `Open Experience est un programme de connaissances ouvert, financé par ses contributeurs, consacré aux modèles économiques de l’ouverture. Sa question de départ est simple : comment celles et ceux qui publient librement leurs données, leurs plans, leur code, leurs résultats de recherche ou leurs œuvres parviennent-ils à en vivre ?

## Cinq thèmes

Le programme explore cinq domaines qui partagent plus de questions qu’il n’y paraît :

- les **données ouvertes** ;
- la **fabrication et le matériel ouverts** ;
- le **logiciel libre et l’open source** ;
- la **science ouverte** ;
- l’**art et la culture** sous licence libre.

## Quatre formats

Nous publions une série continue d’**articles** de fond, d’**entretiens** avec des praticiennes et des praticiens, d’**études de cas** qui détaillent l’économie réelle d’organisations ouvertes, et de **défis ouverts** : des questions posées au public, auxquelles chacun peut répondre. Tous ces textes sont écrits par des contributrices et des contributeurs bénévoles, dont le nom figure au registre public des contributeurs.

## Les soirées

Chaque thème donne lieu à des soirées de rencontre et de discussion. Les contributeurs y sont invités gratuitement ; les autres participants paient leur place. Les recettes de billetterie couvrent d’abord la logistique de chaque soirée : salle, accueil, captation. L’éventuel excédent finance les visuels du programme et le travail d’édition du livre.

## Le livre de synthèse

Le programme aboutit à un livre de synthèse. Ses versions numériques (EPUB, PDF et HTML) sont gratuites et publiées sous licence CC BY-SA 4.0. Des exemplaires papier sont vendus : une fois les coûts de fabrication déduits, les recettes nettes sont partagées entre les contributeurs du livre, au centime près, selon une règle publiée à l’avance.

## Pas de rémunération, mais des contreparties claires

Les contributeurs ne sont pas payés. Leurs contreparties sont explicites : la visibilité dans le registre public, des places gratuites aux soirées et une part des ventes papier du livre. Nous préférons une promesse modeste et tenue à une promesse généreuse et floue.

## Un grand livre public

Toutes les opérations financières du programme (billets vendus, factures de salle, frais d’impression, parts versées aux contributeurs) sont enregistrées dans un grand livre en partie double, consultable par tous. Chaque euro qui entre a une origine, chaque euro qui sort a une destination, et n’importe qui peut vérifier que les comptes sont équilibrés. C’est notre manière d’appliquer à nous-mêmes ce que nous étudions chez les autres : la transparence n’est pas un supplément, elle fait partie du modèle économique.

Vous souhaitez contribuer, répondre à un défi ou simplement suivre les comptes ? Toutes les pages de la plateforme sont ouvertes, et le programme accueille volontiers de nouvelles voix, dans chacun des cinq thèmes.
`,
  },
  en: {
    title: `About Open Experience`,
    bodyMarkdown: `Open Experience is an open knowledge programme, funded by its contributors, about the business models of “the open”. It starts from a simple question: how do people who freely publish their data, designs, code, research results or creative works manage to make a living from them?

## Five themes

The programme explores five fields that share more questions than one might think:

- **open data**;
- **open manufacturing and hardware**;
- **free software and open source**;
- **open science**;
- **art and culture** under free licences.

## Four formats

We publish an ongoing series of in-depth **articles**, **interviews** with practitioners, **case studies** that lay out the real economics of open organisations, and **open challenges**: questions put to the public, which anyone can answer. All of these texts are written by volunteer contributors, whose names appear in the public contributors registry.

## Evening events

Each theme gives rise to evening events for meeting and discussion. Contributors attend free of charge; other participants buy a ticket. Ticket income first covers the logistics of each evening: venue, hosting, recording. Any surplus funds the programme’s visuals and the editing of the book.

## The synthesis book

The programme leads to a synthesis book. Its digital editions (EPUB, PDF and HTML) are free and published under the CC BY-SA 4.0 licence. Paper copies are sold: once manufacturing costs have been deducted, the net income is shared among the book’s contributors, to the cent, according to a rule published in advance.

## No pay, but clear counterparts

Contributors are not paid. What they receive in return is explicit: visibility in the public registry, free seats at the evening events and a share of the book’s paper sales. We would rather make a modest promise and keep it than make a generous one that stays vague.

## A public ledger

Every financial operation of the programme (tickets sold, venue invoices, printing costs, shares paid to contributors) is recorded in a double-entry ledger that anyone can consult. Every euro that comes in has a source, every euro that goes out has a destination, and anyone can check that the books balance. This is how we apply to ourselves what we study in others: transparency is not an extra, it is part of the business model.

Would you like to contribute, answer a challenge or simply follow the accounts? Every page of the platform is open, and the programme gladly welcomes new voices in each of the five themes.
`,
  },
};
