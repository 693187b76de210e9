/**
 * Demo content for Open Experience: fictional contributors, pieces and the
 * about page. Pure data, no logic. All people and organisations are invented;
 * all links point to example domains.
 */

export type DemoThemeSlug = 'open-data' | 'open-hardware' | 'free-software' | 'open-science' | 'art-culture';
export type DemoPieceKind = 'article' | 'interview' | 'case_study' | 'challenge';
export type DemoCreditRole = 'author' | 'interviewee' | 'interviewer';

export interface DemoContributor {
  /** Stable identifier used by credits, e.g. 'claire-moreau'. */
  key: string;
  name: string;
  /** 1-3 sentences, in French. */
  bio: string;
  /** 0-2 links, example domains only. */
  links: { label: string; url: string }[];
}

export interface DemoPiece {
  kind: DemoPieceKind;
  /** Lowercase ASCII kebab-case, unique, at most 80 characters. */
  slug: string;
  title: string;
  /** One or two sentences, at most 280 characters. */
  summary: string;
  /** 250-600 words of Markdown. */
  bodyMarkdown: string;
  /** 1 or 2 themes. */
  themes: DemoThemeSlug[];
  language: 'fr' | 'en';
  /** The slug of the piece this one translates (listed before it). */
  translationOf?: string;
  /** 1..120, distinct across pieces. */
  publishedDaysAgo: number;
  /** Ordered; contributor = a DemoContributor key. */
  credits: { contributor: string; role: DemoCreditRole }[];
}

export const demoContributors: DemoContributor[] = [
  {
    key: 'claire-moreau',
    name: `Claire Moreau`,
    bio: `Consultante indépendante en données ouvertes, Claire accompagne depuis dix ans des collectivités dans l’ouverture de leurs jeux de données. Elle s’intéresse surtout à ce qui se passe après la publication : la mise à jour, la réutilisation et le coût réel de l’ensemble.`,
    links: [{ label: `Site personnel`, url: 'https://example.org/claire-moreau' }],
  },
  {
    key: 'yannick-le-goff',
    name: `Yannick Le Goff`,
    bio: `Responsable d’un fablab associatif à Brest, Yannick a formé plusieurs centaines de personnes à la fabrication numérique. Il défend une vision du fablab comme équipement de quartier, ni start-up ni simple atelier de loisirs.`,
    links: [{ label: `Le fablab`, url: 'https://example.org/fablab-brest' }],
  },
  {
    key: 'ines-bouaziz',
    name: `Inès Bouaziz`,
    bio: `Développeuse et mainteneuse d’une bibliothèque libre de traitement de documents PDF utilisée par de nombreuses administrations. Elle milite pour que la maintenance soit reconnue et rémunérée comme un travail à part entière.`,
    links: [{ label: `Dépôt de code`, url: 'https://example.com/ines-bouaziz' }],
  },
  {
    key: 'matthias-keller',
    name: `Matthias Keller`,
    bio: `Chercheur en écologie computationnelle entre Strasbourg et Fribourg-en-Brisgau, Matthias travaille sur la reproductibilité des analyses et la publication des données de terrain. Il coordonne un petit réseau transfrontalier de laboratoires engagés dans la science ouverte.`,
    links: [{ label: `Page de laboratoire`, url: 'https://example.org/lab/keller' }],
  },
  {
    key: 'lucia-ferrante',
    name: `Lucia Ferrante`,
    bio: `Illustratrice et autrice de bande dessinée installée à Marseille, Lucia publie l’ensemble de son travail sous licence Creative Commons depuis 2014. Elle vit d’un mélange de commandes, de financement participatif et de ventes d’originaux.`,
    links: [
      { label: `Portfolio`, url: 'https://example.com/lucia-ferrante' },
      { label: `Carnet de croquis`, url: 'https://example.org/lucia/carnet' },
    ],
  },
  {
    key: 'thomas-garnier',
    name: `Thomas Garnier`,
    bio: `Cofondateur d’une société coopérative d’intérêt collectif spécialisée dans le logiciel libre pour les collectivités, Thomas s’occupe de la stratégie et des questions juridiques. Il a longtemps été développeur avant de devenir, selon ses propres mots, « comptable par nécessité ».`,
    links: [],
  },
  {
    key: 'sofia-andersson',
    name: `Sofia Andersson`,
    bio: `Ingénieure suédoise installée à Grenoble, Sofia conçoit des instruments scientifiques en matériel libre, dont un microscope à fluorescence à bas coût. Elle écrit en anglais et en français sur la documentation et la certification du matériel ouvert.`,
    links: [{ label: `Projets`, url: 'https://example.org/sofia-andersson' }],
  },
  {
    key: 'benoit-lacroix',
    name: `Benoît Lacroix`,
    bio: `Journaliste indépendant, Benoît a couvert pendant quinze ans l’économie sociale et solidaire avant de rejoindre l’équipe éditoriale d’Open Experience. Il mène la plupart des entretiens du programme.`,
    links: [],
  },
  {
    key: 'amelie-rousseau',
    name: `Amélie Rousseau`,
    bio: `Conservatrice de bibliothèque universitaire, Amélie pilote la politique d’accès ouvert de son établissement. Elle connaît par cœur le coût des abonnements aux revues et cherche à en réorienter une partie vers l’édition ouverte.`,
    links: [{ label: `Blog`, url: 'https://example.org/amelie-rousseau' }],
  },
  {
    key: 'karim-haddad',
    name: `Karim Haddad`,
    bio: `Ingénieur de données chez un opérateur régional de transport public, Karim maintient des flux ouverts d’horaires et de perturbations. Il contribue bénévolement à plusieurs projets de cartographie collaborative.`,
    links: [{ label: `Notes techniques`, url: 'https://example.com/karim-haddad' }],
  },
  {
    key: 'elena-novak',
    name: `Elena Novák`,
    bio: `Économiste tchèque, Elena étudie la manière dont les communs numériques se financent et rendent des comptes à leurs contributeurs. Elle enseigne à Prague et intervient régulièrement auprès de fondations européennes.`,
    links: [{ label: `Publications`, url: 'https://example.org/elena-novak' }],
  },
  {
    key: 'pauline-marchal',
    name: `Pauline Marchal`,
    bio: `Violoncelliste et directrice d’un label associatif nantais de musique sous licence libre, Pauline organise aussi des concerts à prix libre. Elle s’intéresse à la rémunération des artistes en dehors des circuits classiques de gestion collective.`,
    links: [{ label: `Le label`, url: 'https://example.com/label-marchal' }],
  },
];

export const demoPieces: DemoPiece[] = [
  // ───────────────────────────── Articles ─────────────────────────────
  {
    kind: 'article',
    slug: 'ce-que-coute-vraiment-l-open-data',
    title: `Ce que coûte vraiment l’open data`,
    summary: `Publier un jeu de données est presque gratuit ; le maintenir ne l’est jamais. Retour sur dix ans d’accompagnement de collectivités et sur les postes de dépense que l’on oublie.`,
    bodyMarkdown: `## Le mythe de la publication gratuite

Quand une collectivité se lance dans l’ouverture de ses données, la première réunion se termine presque toujours par la même phrase : « De toute façon, ces fichiers existent déjà, il suffit de les mettre en ligne. » C’est vrai le premier jour. C’est faux tous les jours suivants.

Un jeu de données ouvert n’est pas un document, c’est un service. Il a des utilisateurs qui en dépendent, qui construisent à partir de lui des applications, des cartes ou des études, et qui découvrent très vite quand il n’est plus à jour. Le coût de l’open data ne se trouve donc pas dans la mise en ligne, mais dans la promesse implicite qu’elle contient.

## Où passe l’argent

Sur une vingtaine de collectivités accompagnées, j’ai pris l’habitude de ventiler les dépenses en quatre postes. Les proportions varient, mais l’ordre de grandeur reste étonnamment stable :

- **la préparation des données** (nettoyage, anonymisation, documentation) : environ 35 % de l’effort ;
- **la mise à jour régulière**, souvent oubliée dans les budgets : 30 % ;
- **l’animation** auprès des réutilisateurs, qui signalent des erreurs et demandent des formats : 20 % ;
- **l’infrastructure** (portail, stockage, API) : rarement plus de 15 %.

Autrement dit, la partie la plus visible, le portail, est la moins chère. Ce sont les heures humaines qui coûtent, et elles coûtent chaque année.

## Trois façons de financer la durée

Aucune recette ne convient à tout le monde, mais trois modèles fonctionnent raisonnablement bien.

Le premier consiste à **intégrer la publication dans le métier** : le service qui produit la donnée la publie lui-même, avec un outil qui lui épargne la double saisie. Le coût devient marginal parce qu’il se fond dans un travail déjà financé.

Le deuxième repose sur la **mutualisation** : plusieurs collectivités partagent un même prestataire, un même schéma de données et un même outil de contrôle qualité. À cinq, le coût par structure est divisé par trois environ.

Le troisième, plus rare, consiste à **vendre un niveau de service** plutôt que la donnée : celle-ci reste libre, mais un gros réutilisateur peut payer pour un flux garanti, assorti d’un engagement de disponibilité. C’est délicat juridiquement pour une administration, mais courant chez les opérateurs de réseaux.

> Une donnée ouverte que personne ne met à jour n’est plus une donnée ouverte : c’est une archive.

## Ce que je recommande désormais

Je ne conseille plus d’ouvrir « tout ce qui peut l’être ». Je conseille d’ouvrir d’abord ce que l’on est capable d’entretenir, et de l’écrire noir sur blanc dans une fiche de service : fréquence de mise à jour, personne responsable, canal de signalement des erreurs. Les réutilisateurs préfèrent dix jeux de données fiables à cent fichiers orphelins.

Pour celles et ceux qui veulent aller plus loin, la grille de ventilation que j’utilise est disponible sous licence libre sur [ma page de ressources](https://example.org/claire-moreau/grille-couts). Elle n’a rien de scientifique ; elle aide simplement à poser la question du coût avant qu’elle ne se pose toute seule.
`,
    themes: ['open-data'],
    language: 'fr',
    publishedDaysAgo: 3,
    credits: [{ contributor: 'claire-moreau', role: 'author' }],
  },
  {
    kind: 'article',
    slug: 'licences-libres-et-revenus-d-auteur',
    title: `Licences libres et revenus d’auteur : sortir du faux dilemme`,
    summary: `Publier sous licence libre, est-ce renoncer à vivre de son travail ? Une illustratrice raconte comment la diffusion ouverte a au contraire élargi ses sources de revenus.`,
    bodyMarkdown: `## « Tu donnes ton travail ? »

C’est la question qu’on m’a posée le plus souvent depuis que je publie mes illustrations sous licence Creative Commons BY-SA. Elle repose sur un malentendu : une licence libre ne dit rien du prix. Elle dit ce que les gens ont le droit de faire d’une œuvre une fois qu’ils l’ont entre les mains (la copier, la modifier, la partager) et à quelles conditions.

Ce que je vends, ce n’est pas la permission de regarder mes images. C’est mon temps, ma disponibilité et des objets.

## D’où vient l’argent, concrètement

Sur les trois dernières années, mes revenus se répartissent à peu près ainsi :

- **commandes** d’éditeurs, d’associations et de collectivités : un peu plus de la moitié ;
- **financement participatif** de mes albums, avec des contreparties physiques : environ un quart ;
- **ventes d’originaux et de tirages** signés : autour de 15 % ;
- **ateliers et interventions** en médiathèque ou en milieu scolaire : le reste.

Aucune de ces sources n’est menacée par la licence. Au contraire : les commanditaires me trouvent parce que mes images circulent. Une planche reprise sur un blog associatif m’a valu ma plus grosse commande de l’année dernière, une campagne d’affichage pour un réseau de bibliothèques.

## Ce que la licence libre change vraiment

Elle change la relation avec le public. Quand quelqu’un traduit une de mes bandes dessinées en catalan ou l’adapte pour un atelier scolaire, il n’a pas à me demander la permission ; il me prévient souvent, par simple courtoisie, et ces messages sont devenus une part importante de mon réseau.

Elle change aussi ma manière de travailler avec les éditeurs. Je négocie des contrats dans lesquels l’éditeur obtient l’exclusivité de l’édition papier pendant une durée donnée, mais pas celle des fichiers numériques. Certains refusent ; ceux qui acceptent constatent en général que la version libre sert de bande-annonce à la version imprimée.

> La rareté que je vends n’est pas celle de l’image : c’est celle de l’original et celle de mon temps.

## Le parallèle avec le logiciel

Les développeurs de logiciels libres connaissent ce raisonnement depuis longtemps : le code est libre, le service, l’intégration et le support se paient. Dans la création artistique, l’équivalent du support, c’est la commande, l’atelier et l’objet. La grande différence tient à l’échelle : un logiciel utilisé par des milliers d’entreprises peut financer une équipe entière, alors qu’une illustratrice dépend d’un public beaucoup plus restreint.

C’est pour cela que la mutualisation m’intéresse tant : labels coopératifs, collectifs d’auteurs, ouvrages collectifs dont les recettes sont partagées de façon transparente. Open Experience en est un exemple, et je publie mes propres comptes annuels sur [mon carnet](https://example.org/lucia/comptes) pour la même raison : ce qui se mesure se discute.

## Ce que je conseillerais à une jeune autrice

Choisir une licence libre ne dispense pas de tenir ses comptes. Il faut savoir ce que rapporte chaque activité, refuser les commandes sous-payées et conserver des œuvres « hors ligne », les originaux, qui restent rares par nature. La liberté de l’œuvre et la rigueur de la gestion vont de pair.
`,
    themes: ['art-culture', 'free-software'],
    language: 'fr',
    publishedDaysAgo: 19,
    credits: [{ contributor: 'lucia-ferrante', role: 'author' }],
  },
  {
    kind: 'article',
    slug: 'hidden-economics-of-open-hardware-documentation',
    title: `The hidden economics of open hardware documentation`,
    summary: `Publishing the design files is the easy part. Writing documentation that lets a stranger rebuild an instrument is where most of the cost, and most of the value, of open hardware lies.`,
    bodyMarkdown: `## Files are not documentation

When people say that a piece of hardware is “open”, they usually mean that its CAD files, schematics and firmware are available under a free licence. That is necessary, but rarely sufficient. A folder of STEP files and a bill of materials tells you what the object is; it does not tell you how to build it, how to calibrate it, or how to know whether you built it correctly.

After six years spent developing a low-cost fluorescence microscope, I have come to believe that documentation is the real product of an open hardware project, and that it is chronically underfunded.

## What good documentation costs

For our last major release, we tracked our time carefully. Out of roughly 1,900 person-hours spent on that release:

- about 38% went into design and prototyping;
- 12% went into firmware and software;
- 31% went into assembly instructions, photographs and videos;
- 19% went into validation: having three external labs build the instrument from the documentation alone, and report every point where they got stuck.

That last item was the most expensive per hour, because we paid for parts and shipping. It was also the most valuable. Each external build uncovered between fifteen and forty problems in the instructions, from missing screw lengths to an alignment step that only made sense if you had watched us do it.

## Why nobody pays for it

Grants fund design, because design produces novelty and papers. Customers pay for kits and assembled units, because they are tangible. Documentation sits in between: everyone benefits from it, and nobody feels they are buying it.

> Documentation is a public good inside a public good.

## Models that have worked for us

We now finance documentation in three ways, none of them perfect:

1. **A margin on kits.** Every kit we sell carries a fixed contribution of 40 euros to a documentation fund. Customers are told this explicitly, and nobody has complained so far.
2. **Build workshops.** Institutions pay for a two-day workshop during which their staff assemble instruments with us. We treat every workshop as a documentation test and revise the instructions afterwards.
3. **Documentation as a grant deliverable.** When we apply for funding, we now budget documentation and external replication as separate work packages, with their own hours. Reviewers have been more receptive than we expected.

## A suggestion for the community

I would love to see open hardware certification programmes give more weight to replication by independent builders, and funders recognise “replicated by three external teams” as a result in its own right. Our replication protocol is published on [our project pages](https://example.org/sofia-andersson/replication) under CC BY-SA. Please borrow it, improve it and tell us what breaks.
`,
    themes: ['open-hardware'],
    language: 'en',
    publishedDaysAgo: 30,
    credits: [{ contributor: 'sofia-andersson', role: 'author' }],
  },
  {
    kind: 'article',
    slug: 'la-science-ouverte-a-t-elle-un-modele-economique',
    title: `La science ouverte a-t-elle un modèle économique ?`,
    summary: `Accès ouvert, données de recherche, logiciels : la science ouverte ne supprime pas les coûts, elle les déplace. Une bibliothécaire et un chercheur dressent la carte de qui paie quoi.`,
    bodyMarkdown: `## Une question mal posée

On entend souvent que la science ouverte « n’a pas de modèle économique ». L’expression est trompeuse. La recherche publique est déjà financée, massivement, par l’argent public ; la question n’est pas de savoir si quelqu’un paie, mais **à qui** va l’argent et **pour quoi faire**.

Aujourd’hui, une bibliothèque universitaire de taille moyenne consacre plusieurs millions d’euros par an à des abonnements à des revues dont les articles ont été écrits, évalués et souvent mis en forme par des chercheurs payés sur fonds publics. La science ouverte propose de réorienter une partie de ces dépenses.

## Trois flux à distinguer

Pour clarifier le débat, nous proposons de distinguer trois flux :

- **la publication des articles**, où coexistent l’accès ouvert « doré », financé par des frais de publication payés par les auteurs, et l’accès ouvert « diamant », gratuit pour les auteurs comme pour les lecteurs et financé par des institutions ;
- **les données de recherche**, dont le coût principal est la curation : décrire, documenter et conserver des jeux de données pour qu’ils restent utilisables dans dix ans ;
- **les logiciels de recherche**, souvent écrits par des doctorants ou des ingénieurs en contrat court, et qui disparaissent avec eux.

Chacun de ces flux obéit à une économie différente, et les confondre mène à de mauvaises décisions.

## Le piège des frais de publication

Le modèle des frais de publication (les APC, pour *article processing charges*) a permis d’ouvrir des millions d’articles. Il a aussi un effet pervers : il transfère le coût de la lecture vers l’écriture, et désavantage les équipes qui ne disposent pas de crédits pour payer 2 000 ou 3 000 euros par article. Dans le laboratoire de l’un d’entre nous, ces frais ont dépassé l’an dernier le budget consacré aux missions de terrain.

> Ouvrir l’accès en fermant la porte aux auteurs les moins dotés n’est pas un progrès, c’est un déplacement.

## Ce qui fonctionne

Les modèles qui nous paraissent les plus solides reposent sur la **mutualisation institutionnelle** : des consortiums de bibliothèques et d’organismes de recherche qui financent ensemble des revues diamant, des entrepôts de données et des infrastructures logicielles, au prorata de leur taille. Ces modèles demandent de la gouvernance, des comptes publics et de la patience. Ils coûtent souvent moins cher que les abonnements qu’ils remplacent.

Pour les données et les logiciels, la clé est plus simple à formuler qu’à appliquer : inscrire la curation et la maintenance dans les budgets de projet comme une dépense normale, et non comme un supplément facultatif que l’on supprime au premier arbitrage.

## Pour aller plus loin

Nous avons rassemblé nos sources et quelques tableaux de coûts comparés dans un [dossier en ligne](https://example.org/science-ouverte/couts). Nous prolongerons cette réflexion avec une étude de cas consacrée à une revue financée par ses lecteurs institutionnels.
`,
    themes: ['open-science'],
    language: 'fr',
    publishedDaysAgo: 49,
    credits: [
      { contributor: 'amelie-rousseau', role: 'author' },
      { contributor: 'matthias-keller', role: 'author' },
    ],
  },

  // ──────────────────────────── Interviews ────────────────────────────
  {
    kind: 'interview',
    slug: 'entretien-yannick-le-goff-un-fablab-doit-payer-son-loyer',
    title: `Yannick Le Goff : « Un fablab, c’est d’abord un lieu qui doit payer son loyer »`,
    summary: `Le responsable d’un fablab associatif brestois revient sur dix ans de gestion d’un atelier ouvert : adhésions, formations, prestations, et la tentation permanente de devenir une entreprise.`,
    bodyMarkdown: `Depuis 2015, Yannick Le Goff dirige un fablab associatif installé dans un ancien garage du quartier de Recouvrance, à Brest : trois salariés, environ 400 adhérents, des imprimantes 3D, une découpeuse laser, une fraiseuse numérique et un budget annuel d’un peu plus de 210 000 euros. Benoît Lacroix l’a interrogé sur ce que « ouvert » veut dire quand il faut payer les factures.

## Qu’est-ce qui finance le fablab aujourd’hui ?

À peu près un tiers vient des formations : nous formons des enseignants, des agents de collectivités, des salariés d’entreprises du coin qui veulent apprendre à prototyper. Un quart vient des adhésions et des heures machine. Le reste, ce sont des subventions de la ville et de la région, et quelques prestations de prototypage pour des artisans.

Ce qui compte, c’est qu’aucune source ne dépasse 35 %. Quand nous avons perdu une subvention de fonctionnement en 2019, nous avons survécu parce qu’elle ne représentait « que » 20 % du budget.

## Où est l’ouverture, dans tout cela ?

Dans trois choses. D’abord, l’atelier est ouvert à n’importe qui deux soirs par semaine, sans condition de revenu : l’adhésion est à prix libre, avec un minimum symbolique. Ensuite, tout ce qui est conçu pendant nos formations est documenté et publié sous licence libre. Enfin, nos comptes sont publics : nous les affichons dans l’atelier et nous les mettons en ligne.

## Le modèle n’est-il pas fragile ?

Si, évidemment. Le vrai coût d’un fablab, ce ne sont pas les machines, ce sont les personnes qui les entretiennent et qui accueillent le public. Une découpeuse laser sans personne pour expliquer comment s’en servir, c’est un danger, pas un service.

> Les machines s’achètent une fois. La médiation se paie tous les mois.

## Avez-vous été tenté de devenir une entreprise ?

Plusieurs fois. On nous a proposé de transformer l’atelier en espace de travail partagé haut de gamme, avec un abonnement à 150 euros par mois. Cela aurait sans doute été rentable, mais nous aurions perdu les lycéens, les retraités et les bricoleurs du quartier, qui sont la raison d’être du lieu. Nous avons préféré créer une petite activité de prestation, séparée comptablement, dont les bénéfices reviennent à l’association.

## Quel conseil donneriez-vous à quelqu’un qui ouvre un fablab ?

Trois conseils, en fait :

- budgéter la médiation avant les machines ;
- diversifier les ressources dès la première année, même si une collectivité propose de tout financer ;
- publier ses comptes, parce que cela oblige à les comprendre.

Notre guide de démarrage, rédigé avec d’autres ateliers bretons, est disponible sur [le site du fablab](https://example.org/fablab-brest/guide). Il est sous licence libre : servez-vous, et racontez-nous ce que vous en avez fait.
`,
    themes: ['open-hardware'],
    language: 'fr',
    publishedDaysAgo: 9,
    credits: [
      { contributor: 'yannick-le-goff', role: 'interviewee' },
      { contributor: 'benoit-lacroix', role: 'interviewer' },
    ],
  },
  {
    kind: 'interview',
    slug: 'entretien-ines-bouaziz-maintenir-une-bibliotheque-libre',
    title: `Maintenir une bibliothèque libre : entretien avec Inès Bouaziz`,
    summary: `Sa bibliothèque de traitement de PDF tourne dans des dizaines d’administrations. Inès Bouaziz raconte comment elle est passée d’un bénévolat épuisant à une maintenance financée.`,
    bodyMarkdown: `Inès Bouaziz maintient depuis 2016 une bibliothèque libre, publiée sous licence LGPL, qui permet de générer, signer et archiver des documents PDF. On la retrouve dans des logiciels de gestion du courrier, des plateformes de marchés publics et plusieurs outils d’état civil. Pendant des années, elle l’a maintenue le soir et le week-end. Propos recueillis par Benoît Lacroix.

## Comment un projet personnel devient-il une infrastructure ?

Sans que personne ne le décide. J’avais écrit ce code pour un besoin précis et je l’avais publié parce que cela me semblait naturel. Trois ans plus tard, j’ai découvert dans un rapport d’audit qu’un ministère en dépendait pour produire des actes officiels. Personne ne m’avait prévenue, et c’est normal : la licence le permet. Mais le jour où une faille de sécurité a été signalée, c’est moi qu’on a appelée, un dimanche.

## Qu’est-ce qui a changé depuis ?

J’ai cessé de considérer la maintenance comme un service gratuit que je rendais au monde. J’ai rédigé une page qui explique ce que coûte le projet, environ 0,6 équivalent temps plein pour les correctifs, les revues de code et les versions, et j’ai proposé trois formules aux organisations utilisatrices :

- un **parrainage** simple, sans contrepartie, à partir de 500 euros par an ;
- un **contrat de maintenance** avec un délai de correction garanti pour les failles de sécurité ;
- des **développements financés**, lorsqu’une organisation a besoin d’une fonctionnalité qui a vocation à rejoindre la version publique.

## Et cela a fonctionné ?

Mieux que je ne l’espérais, mais lentement. La première année, deux organisations ont signé. Aujourd’hui, elles sont onze, dont quatre collectivités et un éditeur de logiciels. Cela finance un mi-temps pour moi et des missions ponctuelles pour deux autres contributeurs réguliers. Le plus difficile a été de faire entrer ces dépenses dans les procédures d’achat : pour un service juridique, un parrainage sans contrepartie est presque incompréhensible.

## Le code reste-t-il le même pour tout le monde ?

Absolument. Il n’y a pas de version « entreprise ». Un contrat achète de la disponibilité et de la priorité, jamais des fonctionnalités réservées. C’est une ligne rouge : le jour où le meilleur code serait réservé aux clients, le projet cesserait d’être un commun.

> On ne paie pas pour le code. On paie pour que quelqu’un réponde quand il casse.

## Que diriez-vous aux utilisateurs silencieux ?

Regardez vos dépendances. Faites la liste des dix bibliothèques libres sans lesquelles votre service s’arrête, et demandez-vous qui les maintient. Souvent, la réponse tient en un prénom. Nous avons publié un [modèle de convention de parrainage](https://example.org/pdf-commons/parrainage) que plusieurs acheteurs publics ont déjà réutilisé ; il peut servir de point de départ.
`,
    themes: ['free-software'],
    language: 'fr',
    publishedDaysAgo: 24,
    credits: [
      { contributor: 'ines-bouaziz', role: 'interviewee' },
      { contributor: 'benoit-lacroix', role: 'interviewer' },
    ],
  },
  {
    kind: 'interview',
    slug: 'elena-novak-commons-need-accountants-too',
    title: `Elena Novák: “Commons need accountants too”`,
    summary: `The Prague-based economist explains why open projects that publish their accounts tend to last longer, and what research infrastructures can learn from free software foundations.`,
    bodyMarkdown: `Elena Novák teaches economics in Prague and has spent the last eight years studying how digital commons (open datasets, free software, open research infrastructures) finance themselves. Matthias Keller spoke with her about accountability, money and trust.

## Trust is the scarce resource

**Your recent work argues that transparency is an economic asset. What do you mean by that?**

In a commons, contributors are not employees and users are not customers in the usual sense. What keeps people contributing is trust that the project is fair: that money is not quietly captured by a small group, and that decisions can be questioned. Publishing accounts is the cheapest way to produce that trust. In our sample of around 140 projects, those that published detailed accounts were markedly more likely to still be active ten years after their creation.

**Is that a causal effect?**

Probably not entirely. Projects organised enough to publish accounts are also well organised in other ways. But in our interviews, contributors consistently told us that visible accounts made them more willing to give their time, and more forgiving when things went wrong.

## What research can learn from free software

**Open science infrastructures often depend on a single grant. Is that avoidable?**

Free software foundations learned, sometimes painfully, to diversify: individual donations, corporate memberships, paid services, events. Research infrastructures tend to live on one large grant and panic when it ends. I usually suggest three habits:

- keep any single funder below a third of the budget;
- publish a simple annual account, even a one-page one;
- treat maintenance as a permanent cost, not as a project.

**Isn’t double-entry bookkeeping overkill for a small volunteer project?**

It sounds intimidating, but it is only a discipline: every euro comes from somewhere and goes somewhere. A public ledger in which anyone can follow a ticket sale to the invoice it paid answers most of the questions that would otherwise turn into suspicion.

> A ledger is a conversation you can have with people you will never meet.

## Rewarding contributors without a payroll

**Many open projects cannot pay their contributors. What can they offer instead?**

Recognition, access, and a share of whatever revenue exists, however small. What matters is that the rule is written down in advance. A few hundred euros distributed precisely, to the cent, according to a published formula, do more for trust than a vague promise of future rewards.

**Where should readers start?**

With our open dataset of project budgets, available on [my publications page](https://example.org/elena-novak/commons-budgets). It is imperfect, and we welcome corrections.
`,
    themes: ['open-science', 'open-data'],
    language: 'en',
    publishedDaysAgo: 37,
    credits: [
      { contributor: 'elena-novak', role: 'interviewee' },
      { contributor: 'matthias-keller', role: 'interviewer' },
    ],
  },
  {
    kind: 'interview',
    slug: 'entretien-pauline-marchal-label-de-musique-libre',
    title: `Pauline Marchal : « Le libre nous a donné un public avant de nous donner des revenus »`,
    summary: `Violoncelliste et directrice d’un label associatif nantais, Pauline Marchal explique comment faire vivre vingt artistes avec des disques que chacun peut copier librement.`,
    bodyMarkdown: `Le label associatif de Pauline Marchal publie depuis 2012 des albums de musique de chambre, de jazz et de chanson sous licence Creative Commons BY-SA : vingt artistes, une soixantaine d’albums, tous téléchargeables gratuitement. Et pourtant, l’association verse chaque année des revenus à ses musiciens. Entretien mené par Lucia Ferrante, édité par Benoît Lacroix.

## Pourquoi avoir choisi des licences libres pour de la musique ?

Au départ, par pragmatisme. Nous étions inconnus, et personne n’allait acheter le disque d’un quatuor nantais sans l’avoir entendu. La licence libre permettait à n’importe quelle radio associative, à n’importe quel vidéaste, de diffuser nos morceaux sans rien négocier. En deux ans, notre musique s’est retrouvée dans des documentaires, des podcasts, des spectacles de danse amateur. Le public est venu avant l’argent.

## Et l’argent, justement ?

Il vient surtout du spectacle vivant. Les concerts représentent environ 60 % de nos recettes, les ventes de disques et de vinyles 15 %, les synchronisations commerciales environ 10 %, et les dons et adhésions le reste. Le budget annuel tourne autour de 180 000 euros.

## Les synchronisations, n’est-ce pas une forme de double licence ?

Si, d’une certaine manière. La version BY-SA reste disponible pour tout le monde. Mais une marque qui ne souhaite ni créditer l’artiste ni partager ses modifications peut acheter une autre licence. Nous reversons 70 % de ces recettes aux artistes concernés ; les 30 % restants financent l’enregistrement des albums suivants.

## Comment les artistes sont-ils rémunérés ?

Selon une règle écrite, votée en assemblée générale et publiée sur notre site :

- les cachets de concert sont versés intégralement aux musiciens, après déduction des frais de déplacement ;
- les ventes de disques sont partagées à parts égales entre le label et les artistes de l’album ;
- les dons non affectés financent la structure : un poste de chargée de production et la location du local.

Chaque artiste peut consulter à tout moment le détail de ce qui lui revient. Cette transparence nous a évité beaucoup de disputes.

> Une règle de partage discutable mais écrite vaut mieux qu’une règle parfaite mais implicite.

## Le modèle est-il reproductible ?

Pour un label de notre taille, oui, à condition d’accepter que personne n’en vive exclusivement. Nos musiciens enseignent, jouent dans d’autres formations, répondent à des commandes. Le label est l’un des piliers de leurs revenus, pas le seul. Nos statuts et notre règle de partage sont consultables sur [le site du label](https://example.com/label-marchal/statuts), et nous les prêtons volontiers à qui veut se lancer.
`,
    themes: ['art-culture'],
    language: 'fr',
    publishedDaysAgo: 62,
    credits: [
      { contributor: 'pauline-marchal', role: 'interviewee' },
      { contributor: 'lucia-ferrante', role: 'interviewer' },
      { contributor: 'benoit-lacroix', role: 'author' },
    ],
  },

  // ──────────────────────────── Case studies ───────────────────────────
  {
    kind: 'case_study',
    slug: 'cartolibre-vivre-de-la-cartographie-ouverte',
    title: `Cartolibre : vivre de la cartographie ouverte`,
    summary: `Une coopérative de neuf personnes réalise 740 000 euros de chiffre d’affaires en travaillant exclusivement sur des données et des logiciels libres. Anatomie d’un modèle fondé sur le service.`,
    bodyMarkdown: `## Une coopérative née d’une cartopartie

Cartolibre est une société coopérative et participative (SCOP) fondée en 2014 à Toulouse par quatre contributeurs réguliers d’un projet de cartographie collaborative. Elle emploie aujourd’hui neuf salariés, dont sept associés. Son principe fondateur tient en une phrase : tout ce que la coopérative produit, données, logiciels ou styles cartographiques, est publié sous licence libre.

Cela n’empêche pas Cartolibre d’afficher un chiffre d’affaires de 740 000 euros lors de son dernier exercice, pour un résultat net de 31 000 euros.

## D’où viennent les recettes

Le chiffre d’affaires se répartit ainsi :

- **prestations pour des collectivités** (inventaires d’accessibilité de la voirie, cartographie des aménagements cyclables, plans de réseaux de transport) : 62 % ;
- **hébergement et maintenance** de serveurs de tuiles et de services de calcul d’itinéraires : 18 % ;
- **formation** d’agents publics et de bénévoles associatifs : 11 % ;
- **contrats de recherche** et subventions européennes : 9 %.

Aucun client ne pèse plus de 12 % du chiffre d’affaires. Les associés se sont fixé cette règle après avoir failli disparaître en 2017, lorsqu’une métropole qui représentait 40 % de leur activité a changé de prestataire.

## Pourquoi payer pour des données libres ?

C’est la question que l’on pose systématiquement à Cartolibre, et la réponse des associés ne varie pas : les clients ne paient pas pour les données, ils paient pour qu’elles existent. Une métropole qui veut un inventaire à jour des trottoirs praticables en fauteuil roulant a besoin de quelqu’un pour aller sur le terrain, saisir, vérifier et publier. Que le résultat soit ensuite libre n’enlève rien à la valeur du travail ; cela permet même à la collectivité suivante de partir d’une base existante et de payer moins cher.

> Nous vendons la première copie. Toutes les suivantes sont gratuites, et c’est tant mieux.

## Le logiciel comme effet de levier

Cartolibre contribue également à plusieurs logiciels libres de rendu cartographique et de calcul d’itinéraires. Environ 15 % du temps de travail y est consacré, sans client direct. Les associés considèrent ce temps comme un investissement : c’est grâce à ces contributions que la coopérative est reconnue comme experte et qu’elle remporte des marchés face à des entreprises bien plus grosses.

## Les limites du modèle

Le modèle reste exigeant. Les salaires sont encadrés (l’écart entre le plus élevé et le plus bas est de 1 à 1,6), les marchés publics imposent des délais de paiement qui dépassent parfois 60 jours, et la trésorerie est une préoccupation permanente. Les associés estiment qu’ils ne pourraient pas dépasser une quinzaine de personnes sans perdre ce qui fait la cohésion de l’équipe.

Les comptes de la coopérative et son rapport d’activité sont publiés chaque année sur [son site](https://example.org/cartolibre/rapports).
`,
    themes: ['open-data', 'free-software'],
    language: 'fr',
    publishedDaysAgo: 14,
    credits: [{ contributor: 'karim-haddad', role: 'author' }],
  },
  {
    kind: 'case_study',
    slug: 'atelier-ferrum-vendre-des-machines-aux-plans-libres',
    title: `Atelier Ferrum : vendre des machines dont les plans sont gratuits`,
    summary: `Cette entreprise bretonne conçoit des outils agricoles en matériel libre et en vend pourtant près de 300 par an. Son secret : des kits, des stages et une communauté de maraîchers qui améliorent les plans.`,
    bodyMarkdown: `## Des outils pour les petites fermes

Atelier Ferrum est une SARL installée près de Morlaix, fondée en 2016 par une ingénieure agronome et un ancien chaudronnier. Elle conçoit des outils pour le maraîchage sur petites surfaces : semoirs de précision, bineuses à traction manuelle, tables de lavage des légumes, chambres froides à faible consommation. Tous les plans, nomenclatures et notices d’assemblage sont publiés sous licence CERN OHL-S, une licence de matériel libre à réciprocité forte.

N’importe quel agriculteur équipé d’un poste à souder peut donc fabriquer ces outils lui-même. Beaucoup le font. Et pourtant, Atelier Ferrum a vendu 284 machines l’an dernier.

## Le modèle économique

Le chiffre d’affaires de l’entreprise, 520 000 euros lors du dernier exercice, se décompose ainsi :

- **machines assemblées** : 48 %, avec une marge brute d’environ 30 % ;
- **kits à assembler** (pièces découpées et percées, visserie, notice) : 27 % ;
- **stages d’autoconstruction** de trois à cinq jours, souvent pris en charge par les fonds de formation agricole : 17 % ;
- **subventions** de recherche appliquée, en partenariat avec un lycée agricole : 8 %.

Les stages sont la clé du système. Les participants repartent avec l’outil qu’ils ont fabriqué, mais surtout avec la capacité de le réparer et de l’adapter. Beaucoup reviennent ensuite acheter des kits pour d’autres outils, parce que le temps passé à découper l’acier leur coûte plus cher que le kit.

## Une communauté qui améliore les plans

La licence à réciprocité impose que les modifications distribuées soient publiées sous la même licence. En pratique, Atelier Ferrum anime un forum où les agriculteurs partagent leurs adaptations. Une quinzaine d’entre elles ont été intégrées aux plans officiels, dont une bineuse conçue pour les sols caillouteux, proposée par un maraîcher du Finistère.

> Nos meilleurs ingénieurs ne sont pas salariés : ils sont dans leurs champs.

## Et les concurrents qui copient ?

La question revient toujours : que se passe-t-il si un industriel fabrique les mêmes outils moins cher ? C’est arrivé une fois, en 2021. Un fabricant a mis sur le marché un semoir directement inspiré des plans. Atelier Ferrum a perdu quelques ventes, mais la version concurrente n’était accompagnée d’aucune formation ni d’aucun service après-vente ; elle a disparu du catalogue au bout de dix-huit mois. L’entreprise estime que sa vraie protection n’est pas juridique, mais relationnelle.

## Ce qu’il faut retenir

- Publier les plans élargit le marché au lieu de le réduire, parce que cela rend les outils crédibles et réparables.
- La formation transforme des utilisateurs en contributeurs, et des contributeurs en clients fidèles.
- La marge sur le matériel finance la conception, à condition de rester raisonnable.

Les plans et la feuille de route de l’entreprise sont accessibles sur [le dépôt d’Atelier Ferrum](https://example.org/atelier-ferrum/plans).
`,
    themes: ['open-hardware'],
    language: 'fr',
    publishedDaysAgo: 55,
    credits: [{ contributor: 'yannick-le-goff', role: 'author' }],
  },
  {
    kind: 'case_study',
    slug: 'logiciels-communs-la-double-licence-a-l-epreuve',
    title: `Logiciels Communs : la double licence à l’épreuve`,
    summary: `Pendant six ans, une SCIC a financé son logiciel de gestion des inscriptions scolaires grâce à la double licence. Elle y a renoncé en 2023. Récit d’un changement de modèle, chiffres à l’appui.`,
    bodyMarkdown: `## Le contexte

Logiciels Communs est une société coopérative d’intérêt collectif (SCIC) créée en 2015 à Lille. Ses sociétaires sont ses salariés, mais aussi une trentaine de communes et deux associations de parents d’élèves. Son produit principal est un logiciel de gestion des inscriptions scolaires et périscolaires : restauration, garderie, accueils de loisirs.

Jusqu’en 2023, le logiciel était distribué sous une double licence : l’AGPL pour tout le monde, et une licence commerciale pour les éditeurs qui souhaitaient l’intégrer à un produit propriétaire sans publier leurs modifications.

## Ce que rapportait la double licence

Sur l’exercice 2022, le chiffre d’affaires de la SCIC s’élevait à 1,12 million d’euros :

- **abonnements d’hébergement et de support** auprès de 140 communes : 71 % ;
- **licences commerciales** vendues à trois éditeurs : 14 % ;
- **développements spécifiques** : 11 % ;
- **formation** : 4 %.

Les licences commerciales étaient donc loin d’être la principale ressource. Elles avaient pourtant un coût caché important.

## Le coût caché

Pour pouvoir vendre une licence commerciale, la coopérative devait détenir les droits sur l’ensemble du code. Chaque contributeur extérieur devait donc signer un accord de cession de droits. Résultat : en six ans, seules neuf personnes extérieures avaient contribué, alors que des dizaines de bogues signalés attendaient un correctif. Plusieurs développeurs de collectivités avaient renoncé, gênés de céder leurs droits à une structure qui pouvait ensuite les revendre sous licence fermée.

> Nous vendions le droit de fermer un logiciel que nous disions commun. Cela finissait par se voir.

## Le tournant de 2023

En assemblée générale, les sociétaires ont voté l’abandon de la licence commerciale et de l’accord de cession. Le code est désormais publié uniquement sous AGPL, et les contributeurs conservent leurs droits. Pour compenser la perte de recettes, la SCIC a créé une formule d’adhésion destinée aux éditeurs : ils financent la feuille de route commune en échange d’un siège au comité technique, sans aucun droit exclusif.

## Les chiffres deux ans après

Sur l’exercice 2024, le chiffre d’affaires atteint 1,19 million d’euros. Deux des trois éditeurs sont restés sous forme d’adhérents, pour un montant inférieur d’environ 40 % à celui de leurs anciennes licences. En revanche, 27 contributeurs extérieurs ont proposé des modifications, dont une refonte importante de l’accessibilité financée par une communauté d’agglomération. Le nombre de communes abonnées est passé de 140 à 163.

## Les enseignements

- La double licence rapporte moins qu’on ne le croit lorsque le service représente l’essentiel des revenus.
- L’accord de cession de droits freine réellement la contribution.
- Une gouvernance multisociétaires permet de prendre ce genre de décision sans crise.

Le procès-verbal de l’assemblée générale et les comptes détaillés sont publiés sur [le site de la coopérative](https://example.org/logiciels-communs/gouvernance).
`,
    themes: ['free-software'],
    language: 'fr',
    publishedDaysAgo: 70,
    credits: [{ contributor: 'thomas-garnier', role: 'author' }],
  },
  {
    kind: 'case_study',
    slug: 'revue-prisme-acces-ouvert-diamant',
    title: `Revue Prisme : l’accès ouvert diamant financé par les bibliothèques`,
    summary: `Ni abonnement, ni frais de publication : une revue de sciences sociales tient depuis neuf ans grâce à un consortium de 48 bibliothèques. Budget, gouvernance et fragilités d’un modèle diamant.`,
    bodyMarkdown: `## Une revue sans péage

*Prisme* est une revue de sciences sociales consacrée aux politiques urbaines, fondée en 2016 par un collectif de chercheuses et de chercheurs de trois universités. Elle publie une trentaine d’articles par an, en français et en anglais, sous licence CC BY 4.0. Elle applique le modèle dit « diamant » : la lecture est gratuite, et les auteurs ne paient aucun frais de publication.

Il faut pourtant financer le secrétariat de rédaction, la mise en page, l’hébergement, l’archivage pérenne et l’attribution d’identifiants. La revue y parvient grâce à un consortium de financeurs.

## Le budget

Le budget annuel de *Prisme* s’élève à 96 000 euros, répartis ainsi :

- **secrétariat de rédaction** (un poste à 0,8 équivalent temps plein) : 52 000 euros ;
- **correction, mise en page et traduction** des résumés : 24 000 euros ;
- **hébergement, archivage et identifiants** : 7 000 euros ;
- **réunions du comité et frais divers** : 13 000 euros.

Les recettes proviennent à 78 % d’un consortium de 48 bibliothèques et organismes de recherche, qui versent une contribution annuelle comprise entre 500 et 4 000 euros selon leur taille. Le reste vient d’une subvention d’un programme national de soutien à l’édition scientifique et de quelques dons individuels.

## Pourquoi les bibliothèques paient

Les bibliothèques qui financent *Prisme* n’obtiennent aucun accès privilégié, puisque tout est déjà gratuit. Elles reçoivent en revanche une voix au conseil de la revue, un rapport annuel détaillé et la possibilité d’afficher leur soutien. Pour beaucoup d’entre elles, c’est un moyen de démontrer qu’une partie du budget documentaire peut servir à construire des communs plutôt qu’à louer des accès.

> Nous ne vendons rien aux bibliothèques : nous leur proposons de devenir copropriétaires d’une revue.

## Le bénévolat, angle mort du budget

Ces chiffres n’incluent pas le travail éditorial des membres du comité ni celui des évaluateurs, qui reste bénévole ou, plus exactement, financé par leurs employeurs publics. La revue l’estime à environ 1 200 heures par an. C’est la principale fragilité du modèle : il dépend d’un engagement qui s’use.

## Fragilités et pistes

Le consortium doit être renouvelé tous les trois ans, et chaque renouvellement demande plusieurs mois de démarches. En 2022, six financeurs se sont retirés en même temps pour des raisons budgétaires ; la revue a dû réduire le nombre de ses numéros pendant un an. Depuis, elle constitue une réserve équivalant à six mois de fonctionnement.

Le comité envisage désormais de mutualiser son secrétariat avec deux autres revues diamant, afin de partager les coûts fixes. Le rapport financier complet est consultable sur [le site de la revue](https://example.org/revue-prisme/rapport-financier).
`,
    themes: ['open-science'],
    language: 'fr',
    publishedDaysAgo: 93,
    credits: [{ contributor: 'amelie-rousseau', role: 'author' }],
  },

  // ──────────────────────────── Challenges ─────────────────────────────
  {
    kind: 'challenge',
    slug: 'defi-qui-doit-payer-la-mise-a-jour-des-donnees-orphelines',
    title: `Défi : qui doit payer la mise à jour d’un jeu de données orphelin ?`,
    summary: `Des milliers de jeux de données ouverts ne sont plus mis à jour, faute de responsable ou de budget. Comment financer leur entretien quand ceux qui en profitent ne sont pas ceux qui les produisent ?`,
    bodyMarkdown: `## La question posée

**Lorsqu’un jeu de données ouvert largement réutilisé n’a plus de producteur capable de le maintenir, qui devrait financer sa mise à jour, et selon quel mécanisme ?**

## Le constat

Je maintiens depuis plusieurs années des flux d’horaires de transport public. Dans ce travail, je croise régulièrement des jeux de données « orphelins » : la liste des arrêts d’une ancienne communauté de communes fusionnée, l’inventaire des bornes de recharge d’un syndicat d’énergie qui a changé de logiciel, la carte des aires de covoiturage d’un département qui n’a plus de chargé de mission. Les fichiers restent en ligne, souvent téléchargés des milliers de fois par mois, mais plus personne ne les corrige.

Les réutilisateurs (applications de mobilité, bureaux d’études, chercheurs) continuent de s’en servir, parfois sans savoir que les données ont deux ou trois ans de retard. Les erreurs se propagent alors dans des services utilisés par des centaines de milliers de personnes.

## Pourquoi c’est important

Ce problème n’est pas technique. Il tient à une asymétrie : le coût de la mise à jour pèse sur le producteur, alors que la valeur est captée par les réutilisateurs. Tant que cette asymétrie ne sera pas traitée, l’ouverture des données restera fragile, et la confiance du public dans les services qui en dépendent aussi.

Plusieurs pistes circulent, sans qu’aucune ne s’impose :

- une **contribution volontaire** des grands réutilisateurs, sur le modèle du parrainage des logiciels libres ;
- un **fonds mutualisé** à l’échelle régionale ou nationale, alimenté par les collectivités ;
- une **reprise communautaire**, où des bénévoles prennent le relais avec l’accord du producteur ;
- une **obligation réglementaire** de maintien, assortie d’un financement.

> Une donnée qui n’est plus entretenue continue de circuler. C’est précisément ce qui la rend dangereuse.

## Les réponses attendues

Toutes les contributions sont bienvenues, en particulier :

- des **retours d’expérience** documentés, réussis ou non, de reprise ou de financement de jeux de données ;
- des **propositions de mécanismes** précis : qui paie, combien, selon quelle règle, avec quelle gouvernance ;
- des **analyses juridiques** sur ce qu’un tiers a le droit de faire d’un jeu de données dont le producteur a disparu ;
- des **estimations chiffrées** du coût de maintenance de jeux de données typiques.

Une réponse peut tenir en une page ; elle doit surtout être concrète. Les meilleures contributions seront publiées sur la plateforme et discutées lors d’une prochaine soirée. La liste des jeux de données orphelins que j’ai recensés est consultable sur [ma page de notes](https://example.com/karim-haddad/orphelins).
`,
    themes: ['open-data'],
    language: 'fr',
    publishedDaysAgo: 6,
    credits: [{ contributor: 'karim-haddad', role: 'author' }],
  },
  {
    kind: 'challenge',
    slug: 'defi-remunerer-les-concepteurs-de-materiel-libre',
    title: `Défi : comment rémunérer les concepteurs d’un matériel libre fabriqué par d’autres ?`,
    summary: `Quand une entreprise vend un instrument conçu sous licence libre par une communauté, rien ne l’oblige à lui reverser quoi que ce soit. Faut-il inventer une norme de partage volontaire, et laquelle ?`,
    bodyMarkdown: `## La question posée

**Quand une entreprise fabrique et vend un matériel conçu par d’autres sous licence libre, quelle part de ses revenus devrait-elle reverser aux concepteurs, sous quelle forme, et comment rendre cette pratique habituelle sans la rendre obligatoire ?**

## Le contexte

Notre microscope à fluorescence est publié sous licence de matériel libre depuis 2019. Depuis, au moins quatre entreprises, en Europe et en Asie, en vendent des versions assemblées. C’est exactement ce que nous souhaitions : plus l’instrument circule, plus il sert à des laboratoires qui n’auraient jamais pu s’offrir un appareil commercial.

Mais le contraste est frappant. Ces entreprises vendent l’instrument entre 1 800 et 3 500 euros, tandis que notre équipe, qui continue de corriger la conception, d’écrire la documentation et de répondre aux questions des utilisateurs, ne reçoit rien de ces ventes. Une seule entreprise nous verse spontanément une contribution, de 50 euros par appareil vendu.

## Pourquoi c’est important

La licence libre autorise la vente, et c’est une bonne chose : interdire l’usage commercial reviendrait à freiner la diffusion. Mais si les concepteurs ne peuvent pas vivre de leur travail, les projets s’arrêtent au premier prototype ou basculent sous licence fermée. La question n’est donc pas seulement morale, elle est structurelle : sans boucle de retour économique, l’écosystème du matériel libre s’épuise.

Le logiciel libre a développé ses habitudes : parrainages, fondations, contrats de support. Le matériel a ses spécificités : des coûts de prototypage élevés, des responsabilités liées à la sécurité, et des fabricants souvent petits, eux-mêmes à faible marge.

> Nous ne voulons pas de redevance. Nous voulons une norme de décence.

## Les réponses attendues

Nous cherchons des propositions pratiques, par exemple :

- un **barème indicatif** de contribution (pourcentage, montant fixe par unité, plafond annuel), dûment justifié ;
- un **label ou une mention** permettant aux acheteurs d’identifier les fabricants qui reversent une contribution ;
- des **exemples existants** de partage volontaire qui fonctionne durablement, dans le matériel, l’édition ou la musique ;
- des **objections argumentées** : peut-être cette idée est-elle mauvaise, et nous voulons le savoir.

Les réponses peuvent venir de fabricants, de chercheurs, de juristes ou d’acheteurs publics. Elles seront rassemblées, publiées avec l’accord de leurs auteurs et serviront de base à une soirée consacrée au matériel ouvert. Le détail de nos coûts de conception est disponible sur [la page du projet](https://example.org/sofia-andersson/couts-microscope).
`,
    themes: ['open-hardware'],
    language: 'fr',
    publishedDaysAgo: 43,
    credits: [{ contributor: 'sofia-andersson', role: 'author' }],
  },
  {
    kind: 'challenge',
    slug: 'challenge-fair-revenue-share-for-a-collective-book',
    title: `Challenge: what is a fair revenue share for a collectively written book?`,
    summary: `When dozens of people contribute unequal amounts of work to an openly licensed book, how should the income from paper sales be divided among them? We are looking for rules that are fair, simple and auditable.`,
    bodyMarkdown: `## The question

**When a book is written collectively, published openly and sold on paper, how should the net income from paper sales be shared among contributors whose contributions differ widely in length, nature and effort?**

## Why we are asking

Open Experience will publish a synthesis book drawing on its articles, interviews, case studies and answers to open challenges. The digital editions will be free under CC BY-SA 4.0; paper copies will be sold, and the net income left after manufacturing costs will be shared among the book’s contributors, to the cent, with every movement recorded in the public ledger.

That last sentence hides a hard problem. Consider a few contributors:

- the author of a 4,000-word case study that took three weeks of research;
- an interviewee who gave two hours of her time and whose words fill ten pages;
- the interviewer who prepared, recorded and edited that same conversation;
- someone whose two-paragraph answer to a challenge reframed an entire chapter.

Should they receive equal shares? Shares proportional to word count, or to time spent? Should the editorial team decide case by case, at the risk of appearing arbitrary?

> Any rule will be imperfect. A rule that nobody can check will also be distrusted.

## Why it matters

Academic publishing mostly avoids the question by paying nobody. Commercial publishing answers it through individual contracts negotiated in private. Commons-based projects can do neither: they promise transparency, and their contributors compare notes. A bad rule, or an invisible one, can poison a community faster than a lack of money.

The sums involved may be modest, perhaps a few hundred euros per contributor in a good year. That makes the question more interesting, not less: the rule has to be cheap to apply, and rounding must not quietly favour anyone.

## What answers are welcome

We welcome:

- **concrete allocation formulas**, with a worked example and a rule for distributing rounding remainders to the cent;
- **governance proposals**: who decides, how contributors can contest a share, how the rule can evolve between editions;
- **precedents** from collective albums, anthologies, cooperative presses or research consortia;
- **critiques** of the very idea of sharing income, if you think recognition or free access would serve contributors better.

Answers can be written in English or French, and they can be short. The most useful ones will be discussed at an evening event and credited in the book itself. Background reading on commons accounting is listed on [my publications page](https://example.org/elena-novak/reading-list).
`,
    themes: ['art-culture', 'open-science'],
    language: 'en',
    publishedDaysAgo: 81,
    credits: [{ contributor: 'elena-novak', role: 'author' }],
  },
  {
    kind: 'challenge',
    slug: 'defi-faire-contribuer-les-administrations-aux-communs-numeriques',
    title: `Défi : comment faire contribuer les administrations aux logiciels libres qu’elles utilisent ?`,
    summary: `Les administrations utilisent massivement des logiciels libres et des données ouvertes, mais peinent à financer ceux qui les maintiennent. Quels mécanismes d’achat public le permettraient ?`,
    bodyMarkdown: `## La question posée

**Comment une administration peut-elle, dans le respect des règles de la commande publique, financer durablement les logiciels libres et les jeux de données ouverts dont elle dépend, alors qu’elle ne les a ni commandés ni achetés ?**

## D’où vient la question

Depuis que je cherche des financements pour la bibliothèque que je maintiens, j’ai rencontré des dizaines d’agents publics convaincus et bien disposés. Presque tous se heurtent au même mur : leurs procédures sont conçues pour acheter une prestation identifiée, à un fournisseur identifié, avec une contrepartie identifiée. Un don à un projet libre n’entre dans aucune case. Un contrat de maintenance, si, mais seulement lorsque le projet dispose d’une structure juridique capable de répondre à un marché, ce qui est rarement le cas d’un groupe de bénévoles.

Le résultat est paradoxal : une administration peut dépenser des centaines de milliers d’euros chez un intégrateur qui assemble des logiciels libres, sans qu’un seul euro parvienne aux personnes qui écrivent et corrigent ces logiciels.

## Pourquoi c’est important

Les services publics numériques reposent sur des communs dont la maintenance n’est pas garantie. Une faille dans une bibliothèque maintenue par deux personnes peut toucher des millions d’usagers. La question est aussi politique : une administration qui affiche une préférence pour le logiciel libre sans contribuer à sa pérennité en récolte les fruits sans en entretenir les racines.

> Acheter autour du logiciel libre n’est pas la même chose que financer le logiciel libre.

## Les réponses attendues

Nous cherchons des contributions pratiques, venant aussi bien d’acheteurs publics que de juristes, de mainteneurs ou d’entreprises :

- des **clauses types** à insérer dans les marchés d’intégration pour qu’une part du montant revienne aux projets dont dépend la solution ;
- des **montages juridiques** existants ou envisageables : groupements de commandes, fondations, sociétés coopératives, fonds de dotation ;
- des **retours d’expérience** d’administrations, en France ou ailleurs en Europe, qui ont réussi à financer un projet libre, avec les obstacles rencontrés ;
- des **critères** permettant de choisir quels projets financer en priorité, à partir d’un inventaire des dépendances.

Les contributions peuvent être courtes, mais doivent être applicables. Elles seront publiées sous licence libre et serviront de base à une soirée réunissant acheteurs publics et mainteneurs. Un premier inventaire des obstacles rencontrés est consultable sur [notre page de ressources](https://example.org/pdf-commons/achat-public).
`,
    themes: ['free-software', 'open-data'],
    language: 'fr',
    publishedDaysAgo: 108,
    credits: [{ contributor: 'ines-bouaziz', role: 'author' }],
  },
  // ───────────────────────────── A translation ─────────────────────────────
  {
    kind: 'article',
    slug: 'what-open-data-really-costs',
    title: `What open data really costs`,
    summary: `Publishing a dataset is almost free; maintaining it never is. Ten years of working with local authorities, and the expenses everyone forgets.`,
    bodyMarkdown: `## The myth of free publication

When a local authority sets out to open its data, the first meeting nearly always ends with the same sentence: "These files exist already anyway; we only need to put them online." That is true on the first day. It is false every day after.

An open dataset is not a document, it is a service. It has users who depend on it, who build applications, maps or studies on it, and who notice very quickly when it is no longer up to date. The cost of open data is therefore not in putting it online, but in the implicit promise that comes with it.

## Where the money goes

Across some twenty authorities I have worked with, I got into the habit of splitting the expenses into four items. The proportions vary, but the orders of magnitude are remarkably stable:

- **preparing the data** (cleaning, anonymising, documenting): about 35% of the effort;
- **regular updates**, often forgotten in budgets: 30%;
- **working with reusers**, who report errors and ask for formats: 20%;
- **infrastructure** (portal, storage, API): rarely more than 15%.

In other words, the most visible part, the portal, is the cheapest. What costs is people's time, and it costs every year.

## Three ways to pay for the long run

No recipe suits everyone, but three models work reasonably well.

The first is to **make publishing part of the job**: the department that produces the data publishes it itself, with a tool that spares it typing things twice. The cost becomes marginal because it melts into work that is already paid for.

The second relies on **pooling**: several authorities share one provider, one data schema and one quality-control tool. With five of them, the cost per authority is divided by about three.

The third, rarer, is to **sell a level of service** rather than the data: the data stays free, but a large reuser may pay for a guaranteed feed with an availability commitment. It is legally delicate for a public body, but common among network operators.

> Open data that nobody updates is no longer open data: it is an archive.

## What I now recommend

I no longer advise opening "everything that can be". I advise opening first what one is able to maintain, and writing it down in a service sheet: update frequency, the person responsible, a channel for reporting errors. Reusers prefer ten reliable datasets to a hundred orphaned files.

For those who want to go further, the breakdown grid I use is available under a free licence on [my resources page](https://example.org/claire-moreau/grille-couts). There is nothing scientific about it; it simply helps to ask the question of cost before it asks itself.
`,
    themes: ['open-data'],
    language: 'en',
    translationOf: 'ce-que-coute-vraiment-l-open-data',
    publishedDaysAgo: 2,
    credits: [
      { contributor: 'claire-moreau', role: 'author' },
    ],
  },
];
