import type { Migration } from './types';

/**
 * The eight opgaven of "Podium voor goed politiewerk" (ontwikkelagenda GGP, 2018), as the folder
 * words them. Text taken from the folder; only line-break hyphenation and scanning errors were
 * repaired (e.g. "vit" -> "uit", "creéren" -> "creëren"). Frozen with this migration: a later
 * change to the catalogue is a new migration.
 */
const QUESTIONS_EXTERN = [
  'Welke ontwikkelingen in de maatschappij zie je in jouw gebied?',
  'Welke is wat jou betreft de meest urgente om aan te werken?',
  'Op welke manier werk je hier al aan?',
  'Hoe kun je in jouw team - samen met partners - anders of beter samenwerken om de aansluiting bij de maatschappij te houden?',
];
const QUESTIONS_INTERN = [
  'Op welke manier werk je al aan de ontwikkeling van je team?',
  'Wat heb je nodig om hiermee aan de slag te gaan?',
  'Wat zijn de drie dingen die je het liefst en het snelst kan bereiken?',
];

export interface CatalogueRow {
  id: number;
  code: string;
  kind: 'extern' | 'intern';
  titleNl: string;
  titleEn: string;
  descriptionNl: string;
  descriptionEn: string;
  focusPointsNl: string[];
  questionsNl: string[];
  exampleNl: string;
}

export const CATALOGUE: readonly CatalogueRow[] = [
  {
    id: 1,
    code: 'wijk-en-web',
    kind: 'extern',
    titleNl: 'Werken in wijk en web',
    titleEn: 'Working in neighbourhood and web',
    descriptionNl:
      'Het leven speelt zich steeds meer online af. Wijk en web lopen steeds meer in elkaar over, er is geen scherpe grens. Aan de politie de taak om het werken in de wijk én op het web verder te ontwikkelen en te integreren. We moeten bij de tijd zijn, dat willen wij zelf, maar dat verwacht de burger ook van ons. Dat betekent meer investeren in sociale media. Niet alleen om in gesprek te zijn, maar ook om te surveilleren en inzicht te geven in het werk van de politie.',
    descriptionEn:
      'Life increasingly takes place online; neighbourhood and web merge. The police develop and integrate working in the neighbourhood and on the web: social media, online surveillance and insight into police work.',
    focusPointsNl: [
      'Het verder ontwikkelen van de politietaak in de digitale wereld.',
      'Het bepalen van wat het werken in wijk én web inhoudt.',
      'Het verzamelen en verspreiden van voorbeelden van werken in wijk en web.',
      'Het vergroten van digitaal vakmanschap bij politiemedewerkers.',
      'Het doorontwikkelen van webcare, in samenhang met andere kanalen.',
      'Het zoeken van aansluiting bij digitale ontwikkelingen van partners en intern binnen de politie.',
      'Het verzorgen van eventuele technische ondersteuning bij het werken in wijk en web, zoals applicaties.',
    ],
    questionsNl: QUESTIONS_EXTERN,
    exampleNl:
      'In Twente zijn politiecollega’s gestart met webcare. Zij hebben daarvoor samenwerking gezocht met jonge professionals van de lokale hogeschool. Sinds september 2017 kunnen inwoners van Twente makkelijk online in contact komen met de politie ‘om de hoek’. Ook kunnen zij via webcare tussen 07.00 en 23.00 uur niet-spoedmeldingen doen.',
  },
  {
    id: 2,
    code: 'wereld-in-de-wijk',
    kind: 'extern',
    titleNl: 'Omgaan met de wereld in de wijk',
    titleEn: 'Dealing with the world in the neighbourhood',
    descriptionNl:
      'Globalisering, migratiestromen en een explosieve toename van het wereldwijde internetgebruik maken dat ‘ver van mijn bed’ niet meer bestaat. Mondiaal is lokaal geworden. We leven met verschillende bevolkingsgroepen in één samenleving en dat levert soms spanningen op. Gebeurtenissen in het buitenland hebben direct gevolgen in de wijken. De politie staat middenin die multiculturele samenleving, maakt daar onderdeel van uit en moet daarop inspelen. De politie is er voor iedereen. De samenleving en dus ook de politie is divers samengesteld. Voor samenhang en vertrouwen binnen de organisatie is het belangrijk om ook intern het gesprek aan te gaan over ‘schurende verschillen’.',
    descriptionEn:
      'Global events land directly in the neighbourhood. The police are part of a diverse society, are there for everyone, and also talk internally about differences that chafe.',
    focusPointsNl: [
      'Het creëren en onderhouden van netwerken die bijdragen aan verbinding op lokaal niveau.',
      'Het bevorderen van de juiste match tussen de kenmerken van het werkgebied en die van de medewerkers.',
      'Het versterken van de maatschappelijke oriëntatie: meer oog voor wat er in de omgeving speelt.',
      'Het vergroten van vaardigheden die nodig zijn voor het effectief omgaan met de wereld in de wijk: meertaligheid, netwerken, sociale vaardigheden en het tegengaan van polarisatie.',
    ],
    questionsNl: QUESTIONS_EXTERN,
    exampleNl:
      'De eenheid Midden-Nederland heeft de methode Bondgenoten ontwikkeld: samenwerken met sleutelfiguren in de wijk. Het doel is om niet alleen contact te hebben als er problemen zijn, maar ook om een netwerk op te bouwen dat op elk gewenst moment inzetbaar is. Bij Bondgenoten schuift niet alleen de wijkagent aan, maar regelmatig ook de teamchef, het sectorhoofd en de politiechef zelf. De sleutelfiguren in de wijk zijn geen professionals, maar burgers die actief zijn bij een stichting of sportvereniging, mensen met een achterban.',
  },
  {
    id: 3,
    code: 'ondermijning',
    kind: 'extern',
    titleNl: 'Samenspannen tegen ondermijning',
    titleEn: 'Joining forces against subversive crime',
    descriptionNl:
      'Ondermijning vraagt nu en in de toekomst meer aandacht van de politie en het gezag. Criminelen krijgen grip op de maatschappij door zich te mengen in democratische procedures en openbare besturen. In sommige wijken is het probleem al zo groot dat er een ‘parallelle samenleving’ is ontstaan. Ondermijning kan alleen worden tegengegaan door een integrale aanpak: politie, ondernemers en publieke en private partners moeten hierin samen optrekken.',
    descriptionEn:
      'Criminals gain a grip on society. Only an integral approach of police, entrepreneurs and public and private partners can counter it.',
    focusPointsNl: [
      'Het toerusten van medewerkers: hoe herken je ondermijning en hoe pak je het aan?',
      'Het versterken van de lokale samenwerking. Het probleem is van iedereen en dus moeten we als één overheid optreden.',
      'Het initiëren en organiseren van kleinschalige projecten om de lokale ondermijning aan te pakken.',
      'Het doorontwikkelen van de gebiedsgerichte opsporing met meer aandacht voor de probleemgerichte aanpak.',
    ],
    questionsNl: QUESTIONS_EXTERN,
    exampleNl:
      'Fabricius is een project dat de georganiseerde criminaliteit in het havengebied van IJmuiden integraal aanpakt. In het project werken onder meer samen: Politie, Douane, gemeente Velsen en de Belastingdienst/FIOD. Fabricius werd gestart om het havengebied van IJmuiden te ontwikkelen tot een veilig gebied met een integer en gezond ondernemersklimaat. Het project kende zowel een repressieve als preventieve focus. Er werd daadkrachtig opgetreden tegen misstanden en (georganiseerde) criminaliteit.',
  },
  {
    id: 4,
    code: 'wendbare-nabijheid',
    kind: 'extern',
    titleNl: 'Versterken van wendbare nabijheid',
    titleEn: 'Strengthening agile nearness',
    descriptionNl:
      'De politie moet nabij en aanspreekbaar zijn. Het contact met burgers vindt niet alleen plaats op het traditionele politiebureau. Er zijn veel manieren om contact te hebben met wijkbewoners: pop-up politiebureaus, mobiele wijktafels, politiebussen, volgdiensten via Facebook en initiatieven, zoals ‘rent-a-cop’ en ‘koffie met een cop’. Vaak zijn het politiecollega’s die daarvoor het initiatief genomen hebben om zo het contact en gesprek met inwoners te intensiveren, beter te weten wat er speelt en de samenwerking te zoeken.',
    descriptionEn:
      'The police must be near and approachable, in many ways beyond the traditional police station: pop-up stations, mobile desks, police buses, Facebook, ‘koffie met een cop’.',
    focusPointsNl: [
      'Het aangaan van het gesprek met burgers, onder meer door de Politiemonitor in te zetten.',
      'Het verzamelen en verspreiden van voorbeelden van goed contact met burgers.',
      'Het stimuleren en faciliteren van netwerken van wijkagenten om voorbeelden uit de praktijk met elkaar te delen.',
      'Het ondersteunen van de basisteams, onder meer door locatieonafhankelijk werken mogelijk te maken.',
    ],
    questionsNl: QUESTIONS_EXTERN,
    exampleNl:
      'Steeds vaker nemen politiecollega’s bijzondere initiatieven om de band met de wijk te versterken en persoonlijke contacten met de bewoners te onderhouden. Er zijn wijkagenten die een tijdelijk politiebureau openen in een leegstaand winkelpand en wijkagenten die, met behulp van een Chromebook, in een supermarkt of bibliotheek een tijdelijke werkplek inrichten. In de Bollenstreek hebben ze een ‘mobiel politiebureau’. En tijdens de afgelopen jaarwisseling hadden collega’s in IJsselstein een WhatsApp-spreekuur.',
  },
  {
    id: 5,
    code: 'teams-in-positie',
    kind: 'intern',
    titleNl: 'De teams en teamchefs in positie brengen',
    titleEn: 'Putting the teams and team chiefs in position',
    descriptionNl:
      'De basisteams vormen het fundament van de politie. Zij zijn het dagelijks gezicht van de politie in buurten en wijken. De chefs van deze teams vervullen hierin een spilfunctie. Zij zijn degenen die voortdurend de spanning voelen tussen de vraag om inzet en de beschikbaarheid van mensen en materieel. De vorming van de nationale politie heeft geleid tot minder beslissingsruimte op lokaal niveau. De opgave is nu om meer lokale (regel)ruimte te creëren, zodat teamchefs zelf beslissingen kunnen nemen en meer financiële armslag krijgen. Zo zijn onder meer voor elk team versterkingsgelden beschikbaar gesteld en elke teamchef krijgt een debitcard.',
    descriptionEn:
      'More local room to decide, so that team chiefs take their own decisions and get financial room: every team receives reinforcement funds (versterkingsgelden) and every chief a debit card.',
    focusPointsNl: [],
    questionsNl: QUESTIONS_INTERN,
    exampleNl: '',
  },
  {
    id: 6,
    code: 'klein-binnen-groot',
    kind: 'intern',
    titleNl: '‘Klein’ binnen ‘groot’ organiseren',
    titleEn: 'Organising ‘small’ within ‘large’',
    descriptionNl:
      'De huidige basisteams zijn in veel gevallen groter dan de oude regionale teams. Dit heeft voordelen, maar ook nadelen. Zo ervaren medewerkers soms een afstand tot collega’s, maar ook tot de wijken en buurten waar ze werken. We moeten daarom, daar waar dat nodig is, binnen de basisteams kleinere clusters organiseren en wel zo dat er binnen de basisteams een herkenbaar sociaal verband is en er meer binding ontstaat met de wijken en buurten.',
    descriptionEn:
      'Where needed, organise smaller clusters inside the basic team, so that there is a recognisable social bond and a closer tie with the neighbourhoods.',
    focusPointsNl: [],
    questionsNl: QUESTIONS_INTERN,
    exampleNl: '',
  },
  {
    id: 7,
    code: 'beter-samenspel',
    kind: 'intern',
    titleNl: 'Beter samenspel ontwikkelen',
    titleEn: 'Developing better interplay',
    descriptionNl:
      'Door de reorganisatie zijn er in de basisteams nieuwe functies bijgekomen. Daarmee moet de politie beter in staat zijn om een effectieve bijdrage te leveren aan de aanpak van complexe veiligheidsvraagstukken, zoals ondermijning of een criminele jeugdgroep. In de praktijk blijkt het soms nog lastig om een goed samenspel te vinden tussen die verschillende functies, rollen en werkterreinen. De opgave is om binnen de basisteams de samenwerking tussen de verschillende functies te verbeteren. Ook de verbinding met de informatieorganisatie, de opsporing en de bedrijfsvoering vraagt sterk de aandacht. Een collectief leerproces waarvoor speciale werkvormen beschikbaar komen.',
    descriptionEn:
      'Better interplay between the (new) roles in the team, and with the information organisation, investigation and operations management: a collective learning process.',
    focusPointsNl: [],
    questionsNl: QUESTIONS_INTERN,
    exampleNl: '',
  },
  {
    id: 8,
    code: 'vernieuwend-werken',
    kind: 'intern',
    titleNl: 'Vernieuwend werken',
    titleEn: 'Working innovatively',
    descriptionNl:
      'Onze huidige manier van werken heeft sterke kanten, maar voldoet niet altijd meer. Ook sluit die veelal niet meer aan bij de dynamiek in de omgeving en de wens van medewerkers om meer regie te hebben over de ontwikkeling en uitvoering van het politiewerk. De opgave is om binnen basisteams vernieuwend te werken. Dit zorgt ervoor dat vakmensen zelf verantwoordelijk zijn voor een gebied of een onderwerp. Hierdoor ontstaat meer betrokkenheid en wordt talent beter benut. Door het voeren van gesprekken over het eigen gedrag en de effecten die dat heeft op anderen wordt in de praktijk voortdurend gewerkt aan de ontwikkelingen van het politievak.',
    descriptionEn:
      'Professionals take responsibility for an area or a subject; conversations about one’s own behaviour and its effect on others keep developing the craft.',
    focusPointsNl: [],
    questionsNl: QUESTIONS_INTERN,
    exampleNl: '',
  },
];

/**
 * The team's agenda: the catalogue of the eight opgaven (rows above, inserted here), the opgaven a
 * team chose per period, their actions with partners, and the clusters ("klein binnen groot").
 * Every team-owned row carries team_id so ownership checks are one lookup.
 */
export const m002Agenda: Migration = {
  version: 2,
  name: 'agenda: opgaven, actions, partners, clusters',
  up(db) {
    db.exec(`
      CREATE TABLE opgave (
        id INTEGER PRIMARY KEY CHECK (id BETWEEN 1 AND 8),
        code TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('extern', 'intern')),
        title_nl TEXT NOT NULL,
        title_en TEXT NOT NULL,
        description_nl TEXT NOT NULL,
        description_en TEXT NOT NULL DEFAULT '',
        focus_points_nl TEXT NOT NULL DEFAULT '[]',
        questions_nl TEXT NOT NULL DEFAULT '[]',
        example_nl TEXT NOT NULL DEFAULT ''
      ) STRICT;

      CREATE TABLE cluster (
        id INTEGER PRIMARY KEY,
        team_id INTEGER NOT NULL REFERENCES team(id),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        areas TEXT NOT NULL DEFAULT '[]',
        gemeenten TEXT NOT NULL DEFAULT '[]',
        inhabitants INTEGER NOT NULL DEFAULT 0 CHECK (inhabitants >= 0),
        lead TEXT NOT NULL DEFAULT '',
        fte REAL NOT NULL DEFAULT 0 CHECK (fte >= 0),
        wijkagenten INTEGER NOT NULL DEFAULT 0 CHECK (wijkagenten >= 0 AND wijkagenten <= fte),
        start_date TEXT NOT NULL,
        end_date TEXT,
        end_reason TEXT NOT NULL DEFAULT '',
        split_from_id INTEGER REFERENCES cluster(id),
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (end_date IS NULL OR end_date >= start_date)
      ) STRICT;
      CREATE INDEX cluster_team ON cluster(team_id, start_date);
      CREATE INDEX cluster_split_from ON cluster(split_from_id);

      CREATE TABLE team_opgave (
        id INTEGER PRIMARY KEY,
        team_id INTEGER NOT NULL REFERENCES team(id),
        opgave_id INTEGER NOT NULL REFERENCES opgave(id),
        period_start TEXT NOT NULL,
        period_end TEXT NOT NULL,
        ambition TEXT NOT NULL DEFAULT '',
        answers TEXT NOT NULL DEFAULT '[]',
        owner TEXT NOT NULL DEFAULT '',
        priority INTEGER NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 3),
        pace TEXT NOT NULL DEFAULT 'gemiddeld' CHECK (pace IN ('rustig', 'gemiddeld', 'snel')),
        start_date TEXT NOT NULL,
        target_date TEXT,
        status TEXT NOT NULL DEFAULT 'actief' CHECK (status IN ('actief', 'gepauzeerd', 'afgerond', 'gestopt')),
        status_date TEXT NOT NULL,
        previous_id INTEGER REFERENCES team_opgave(id),
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (period_end >= period_start),
        CHECK (target_date IS NULL OR target_date >= start_date)
      ) STRICT;
      CREATE INDEX team_opgave_team ON team_opgave(team_id, period_start);
      CREATE INDEX team_opgave_opgave ON team_opgave(team_id, opgave_id, period_start);

      CREATE TABLE action (
        id INTEGER PRIMARY KEY,
        team_id INTEGER NOT NULL REFERENCES team(id),
        team_opgave_id INTEGER NOT NULL REFERENCES team_opgave(id),
        cluster_id INTEGER REFERENCES cluster(id),
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description TEXT NOT NULL DEFAULT '',
        owner TEXT NOT NULL DEFAULT '',
        template_code TEXT,
        start_date TEXT,
        due_date TEXT,
        done_date TEXT,
        status TEXT NOT NULL DEFAULT 'idee' CHECK (status IN ('idee', 'gepland', 'lopend', 'afgerond', 'gestopt')),
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (due_date IS NULL OR start_date IS NULL OR due_date >= start_date),
        CHECK ((status = 'afgerond') = (done_date IS NOT NULL))
      ) STRICT;
      CREATE INDEX action_team_opgave ON action(team_opgave_id, status);
      CREATE INDEX action_team_due ON action(team_id, status, due_date);
      CREATE INDEX action_cluster ON action(cluster_id);

      CREATE TABLE partner (
        id INTEGER PRIMARY KEY,
        team_id INTEGER NOT NULL REFERENCES team(id),
        name TEXT NOT NULL COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 200),
        kind TEXT NOT NULL DEFAULT 'anders' CHECK (kind IN ('gemeente', 'woningcorporatie', 'ondernemers', 'sleutelfiguren', 'om', 'onderwijs', 'zorg', 'politie', 'anders')),
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        UNIQUE (team_id, name)
      ) STRICT;

      CREATE TABLE action_partner (
        action_id INTEGER NOT NULL REFERENCES action(id),
        partner_id INTEGER NOT NULL REFERENCES partner(id),
        PRIMARY KEY (action_id, partner_id)
      ) STRICT;
      CREATE INDEX action_partner_partner ON action_partner(partner_id);
    `);
    const insert = db.prepare(`
      INSERT INTO opgave (id, code, kind, title_nl, title_en, description_nl, description_en, focus_points_nl, questions_nl, example_nl)
      VALUES (@id, @code, @kind, @titleNl, @titleEn, @descriptionNl, @descriptionEn, @focusPointsNl, @questionsNl, @exampleNl)`);
    for (const row of CATALOGUE) {
      insert.run({ ...row, focusPointsNl: JSON.stringify(row.focusPointsNl), questionsNl: JSON.stringify(row.questionsNl) });
    }
  },
};
