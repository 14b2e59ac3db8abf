import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Opgave } from '@api/agenda';
import { useAgendaStore } from './store';

/**
 * English for the catalogue texts that the store keeps in Dutch only (migration 002 quotes the
 * folder "Podium voor goed politiewerk"): focus points, conversation questions and the example from
 * practice, keyed by the opgave's code. Titles and descriptions have English in the store itself.
 */
const QUESTIONS_EXTERN = [
  'Which developments in society do you see in your area?',
  'Which one, in your view, is the most urgent to work on?',
  'How are you already working on it?',
  'How can your team – together with partners – work together differently or better to stay connected with society?',
];
const QUESTIONS_INTERN = [
  'How are you already working on the development of your team?',
  'What do you need to get started with it?',
  'Which three things would you most like to achieve, and achieve soonest?',
];

interface CatalogueEn {
  focusPoints: string[];
  questions: string[];
  example: string;
}

export const CATALOGUE_EN: Record<string, CatalogueEn> = {
  'wijk-en-web': {
    focusPoints: [
      'Developing the police task in the digital world further.',
      'Deciding what working in the neighbourhood and on the web means.',
      'Collecting and sharing examples of working in the neighbourhood and on the web.',
      'Increasing the digital craftsmanship of police staff.',
      'Developing webcare further, together with the other channels.',
      'Connecting with the digital developments of partners and within the police.',
      'Providing technical support for working in the neighbourhood and on the web where needed, such as apps.',
    ],
    questions: QUESTIONS_EXTERN,
    example:
      'In Twente, police colleagues started webcare, working with young professionals from the local university of applied sciences. Since September 2017 residents of Twente can easily contact the police ‘around the corner’ online, and report non-urgent matters through webcare between 07:00 and 23:00.',
  },
  'wereld-in-de-wijk': {
    focusPoints: [
      'Creating and keeping networks that build connection at the local level.',
      'Furthering the right match between the character of the area and that of the staff.',
      'Strengthening the orientation on society: more eye for what is going on around us.',
      'Building the skills needed to deal well with the world in the neighbourhood: languages, networking, social skills and countering polarisation.',
    ],
    questions: QUESTIONS_EXTERN,
    example:
      'The Midden-Nederland unit developed the Bondgenoten (allies) method: working with key figures in the neighbourhood. The aim is not only to be in touch when there are problems, but to build a network that can be called upon at any moment. Not only the community officer joins, but regularly also the team chief, the sector head and the chief of police. The key figures are not professionals but residents active in a foundation or sports club, people with a following.',
  },
  ondermijning: {
    focusPoints: [
      'Equipping staff: how do you recognise subversive crime and how do you tackle it?',
      'Strengthening local cooperation. The problem belongs to everyone, so we must act as one government.',
      'Starting and organising small-scale projects against local subversive crime.',
      'Developing area-based investigation further, with more attention for the problem-oriented approach.',
    ],
    questions: QUESTIONS_EXTERN,
    example:
      'Fabricius is a project that tackles organised crime in the port area of IJmuiden in an integral way. Police, Customs, the municipality of Velsen and the Tax and Customs Administration/FIOD work together in it. It was started to make the port area safe, with an honest and healthy business climate. The project had both a repressive and a preventive focus, and acted firmly against abuses and (organised) crime.',
  },
  'wendbare-nabijheid': {
    focusPoints: [
      'Entering into conversation with citizens, among other things by using the Politiemonitor survey.',
      'Collecting and sharing examples of good contact with citizens.',
      'Encouraging and supporting networks of community officers to share examples from practice.',
      'Supporting the basic teams, among other things by making location-independent work possible.',
    ],
    questions: QUESTIONS_EXTERN,
    example:
      'More and more police colleagues take special initiatives to strengthen the bond with the neighbourhood and keep personal contact with residents. Some community officers open a temporary police station in an empty shop; others set up a temporary workplace in a supermarket or library with a Chromebook. The Bollenstreek has a ‘mobile police station’, and over the last New Year colleagues in IJsselstein held a WhatsApp consultation hour.',
  },
  'teams-in-positie': { focusPoints: [], questions: QUESTIONS_INTERN, example: '' },
  'klein-binnen-groot': { focusPoints: [], questions: QUESTIONS_INTERN, example: '' },
  'beter-samenspel': { focusPoints: [], questions: QUESTIONS_INTERN, example: '' },
  'vernieuwend-werken': { focusPoints: [], questions: QUESTIONS_INTERN, example: '' },
};

type Titled = { titleNl: string; titleEn: string };
type Catalogued = Pick<Opgave, 'code' | 'descriptionNl' | 'descriptionEn' | 'focusPointsNl' | 'questionsNl' | 'exampleNl'>;

/**
 * An opgave's texts in the interface's language. A text without an English version (an opgave
 * added to the catalogue later) falls back to the Dutch, rather than showing nothing.
 */
export function useOpgaveText() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  const english = (o: Catalogued) => (en ? CATALOGUE_EN[o.code] : undefined);
  return {
    title: (o: Titled) => (en ? o.titleEn : o.titleNl),
    description: (o: Catalogued) => (en && o.descriptionEn ? o.descriptionEn : o.descriptionNl),
    focusPoints: (o: Catalogued) => {
      const list = english(o)?.focusPoints;
      return list && list.length === o.focusPointsNl.length ? list : o.focusPointsNl;
    },
    questions: (o: Catalogued) => {
      const list = english(o)?.questions;
      return list && list.length === o.questionsNl.length ? list : o.questionsNl;
    },
    example: (o: Catalogued) => (o.exampleNl ? english(o)?.example || o.exampleNl : ''),
  };
}

/** A label from another domain (`Werken in wijk en web (2026)`) with the opgave's title in English. */
export function translateOpgaveLabel(label: string, titles: readonly Titled[]): string {
  const o = titles.find((x) => label.includes(x.titleNl));
  return o ? label.replace(o.titleNl, o.titleEn) : label;
}

/**
 * Names an opgave in the interface's language where another domain (money, paper) hands over the
 * store's Dutch label. In English it reads the catalogue once; Dutch needs nothing.
 */
export function useOpgaveLabel(extraTitles: readonly Titled[] = []): (label: string) => string {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  const catalogue = useAgendaStore((s) => s.catalogue);
  const loadCatalogue = useAgendaStore((s) => s.loadCatalogue);
  useEffect(() => {
    // Without the catalogue a label stays Dutch; nothing to tell the chief.
    if (en) loadCatalogue().catch(() => undefined);
  }, [en, loadCatalogue]);
  return (label) => (en ? translateOpgaveLabel(label, [...catalogue, ...extraTitles]) : label);
}
