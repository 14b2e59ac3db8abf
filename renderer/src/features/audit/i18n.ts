/** Texts of the audit check that runs by itself after every change. */
export const nl = {
  recentTitle: 'De audittrail klopt niet meer',
  recentIntro:
    'Bij de controle na de laatste wijziging is iets gevonden dat niet via Teamchef is veranderd. Er is niets hersteld of gewist. Controleer de hele audittrail onder {{funds}} → Overzicht, en neem bij twijfel contact op met de functioneel beheerder.',
  recentMore: 'En nog {{count}} andere bevindingen.',
};

export const en: typeof nl = {
  recentTitle: 'The audit trail is no longer intact',
  recentIntro:
    'The check after the last change found something that was not changed through Teamchef. Nothing was repaired or deleted. Verify the whole audit trail under {{funds}} → Overview, and contact your application manager when in doubt.',
  recentMore: 'And {{count}} more findings.',
};
