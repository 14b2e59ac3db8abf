import type { ActionTemplate } from '../../api/agenda';

/**
 * Starting points for actions, after the examples from practice in "Podium voor goed politiewerk".
 * The team copies one into its own action and adapts it; the template itself never changes.
 */
export const ACTION_TEMPLATES: readonly ActionTemplate[] = [
  {
    code: 'webcare',
    opgaveCode: 'wijk-en-web',
    titleNl: 'Webcare met de lokale hogeschool',
    titleEn: 'Webcare with the local university of applied sciences',
    descriptionNl:
      'Inwoners kunnen makkelijk online in contact komen met de politie ‘om de hoek’ en via webcare tussen 07.00 en 23.00 uur niet-spoedmeldingen doen. Samen met jonge professionals van de lokale hogeschool.',
    partners: [{ name: 'Hogeschool', kind: 'onderwijs' }],
    sourceNl: 'Twente, sinds september 2017',
  },
  {
    code: 'whatsapp-spreekuur',
    opgaveCode: 'wijk-en-web',
    titleNl: 'WhatsApp-spreekuur',
    titleEn: 'WhatsApp consultation hour',
    descriptionNl: 'Een vast moment waarop inwoners de wijkagent via WhatsApp kunnen spreken, bijvoorbeeld rond de jaarwisseling.',
    partners: [],
    sourceNl: 'IJsselstein, jaarwisseling',
  },
  {
    code: 'bondgenoten',
    opgaveCode: 'wereld-in-de-wijk',
    titleNl: 'Bondgenoten: netwerk van sleutelfiguren',
    titleEn: 'Bondgenoten: network of key figures',
    descriptionNl:
      'Samenwerken met sleutelfiguren in de wijk: burgers die actief zijn bij een stichting of sportvereniging, mensen met een achterban. Niet alleen contact bij problemen, maar een netwerk dat op elk gewenst moment inzetbaar is. Naast de wijkagent schuiven regelmatig ook de teamchef, het sectorhoofd en de politiechef aan.',
    partners: [{ name: 'Sleutelfiguren in de wijk', kind: 'sleutelfiguren' }],
    sourceNl: 'Eenheid Midden-Nederland',
  },
  {
    code: 'integraal-project',
    opgaveCode: 'ondermijning',
    titleNl: 'Integraal project tegen ondermijning',
    titleEn: 'Integral project against subversive crime',
    descriptionNl:
      'Een gebied integraal aanpakken tegen georganiseerde criminaliteit, met een repressieve en een preventieve focus, naar het voorbeeld van Fabricius: politie, douane, gemeente en Belastingdienst/FIOD samen, voor een veilig gebied met een integer en gezond ondernemersklimaat.',
    partners: [
      { name: 'Gemeente', kind: 'gemeente' },
      { name: 'Douane', kind: 'anders' },
      { name: 'Belastingdienst/FIOD', kind: 'anders' },
      { name: 'Openbaar Ministerie', kind: 'om' },
    ],
    sourceNl: 'Fabricius, havengebied IJmuiden',
  },
  {
    code: 'popup-bureau',
    opgaveCode: 'wendbare-nabijheid',
    titleNl: 'Pop-up politiebureau',
    titleEn: 'Pop-up police station',
    descriptionNl: 'Een tijdelijk politiebureau in een leegstaand winkelpand, om de band met de wijk te versterken.',
    partners: [{ name: 'Winkeliers', kind: 'ondernemers' }],
    sourceNl: 'Wijkagenten op verschillende plaatsen',
  },
  {
    code: 'chromebook-werkplek',
    opgaveCode: 'wendbare-nabijheid',
    titleNl: 'Chromebook-werkplek in supermarkt of bibliotheek',
    titleEn: 'Chromebook workplace in a supermarket or library',
    descriptionNl: 'De wijkagent richt met een Chromebook een tijdelijke werkplek in, in een supermarkt of bibliotheek in de wijk.',
    partners: [{ name: 'Bibliotheek', kind: 'anders' }],
    sourceNl: 'Wijkagenten op verschillende plaatsen',
  },
  {
    code: 'mobiel-politiebureau',
    opgaveCode: 'wendbare-nabijheid',
    titleNl: 'Mobiel politiebureau',
    titleEn: 'Mobile police station',
    descriptionNl: 'Een politiebureau op wielen dat op wisselende plekken in het gebied staat.',
    partners: [{ name: 'Gemeente', kind: 'gemeente' }],
    sourceNl: 'Bollenstreek',
  },
  {
    code: 'koffie-met-een-cop',
    opgaveCode: 'wendbare-nabijheid',
    titleNl: 'Koffie met een cop',
    titleEn: 'Coffee with a cop',
    descriptionNl: 'Een informeel gesprek met inwoners bij een kop koffie, om beter te weten wat er speelt.',
    partners: [],
    sourceNl: 'Genoemd bij wendbare nabijheid',
  },
  {
    code: 'politiemonitor-gesprek',
    opgaveCode: 'wendbare-nabijheid',
    titleNl: 'In gesprek over de Politiemonitor',
    titleEn: 'Conversation about the Politiemonitor',
    descriptionNl: 'Het gesprek met burgers aangaan aan de hand van de uitkomsten van de Politiemonitor.',
    partners: [{ name: 'Gemeente', kind: 'gemeente' }],
    sourceNl: 'Aandachtspunt bij wendbare nabijheid',
  },
];
