/**
 * Validation messages are written in Dutch in the contract's schemas (the core answers in Dutch);
 * the English interface looks them up here by their Dutch text, gettext-style.
 * A test checks that every message in the schemas has an entry.
 */
export const validationEn: Record<string, string> = {
  'Vul dit veld in.': 'Fill in this field.',
  'Maximaal 200 tekens.': 'At most 200 characters.',
  'Maximaal 10.000 tekens.': 'At most 10,000 characters.',
  'Geen geldige datum (verwacht JJJJ-MM-DD).': 'Not a valid date (expected YYYY-MM-DD).',
  'Kies een van de tien eenheden.': 'Choose one of the ten regional units.',
  'Maximaal 50 gemeenten.': 'At most 50 municipalities.',
  'Vul een getal in.': 'Enter a number.',
  'Vul een heel getal in.': 'Enter a whole number.',
  'De formatie moet groter dan 0 fte zijn.': 'The formation must be more than 0 fte.',
  'Maximaal 5.000 fte.': 'At most 5,000 fte.',
  'Het aantal inwoners kan niet negatief zijn.': 'The number of inhabitants cannot be negative.',
  'Maximaal 20.000.000 inwoners.': 'At most 20,000,000 inhabitants.',
  'De oppervlakte kan niet negatief zijn.': 'The area cannot be negative.',
  'Maximaal 100.000 km².': 'At most 100,000 km².',
  'Het aantal wijkagenten kan niet negatief zijn.': 'The number of community officers cannot be negative.',
  'Maximaal 10.000 wijkagenten.': 'At most 10,000 community officers.',
  'Deze tekst bevat een onzichtbaar nul-teken. Haal het weg (typ de tekst opnieuw) en probeer het nog eens.':
    'This text contains an invisible null character. Remove it (type the text again) and try once more.',
  'Deze tekst bevat een half teken (een kapotte emoji of een ander speciaal teken). Typ de tekst opnieuw.':
    'This text contains half a character (a broken emoji or another special character). Type the text again.',
  'Kies een datum tussen 1-1-2000 en 31-12-2100.': 'Choose a date between 1-1-2000 and 31-12-2100.',
  'Kies een datum tussen 1-1-1990 en 31-12-2100.': 'Choose a date between 1-1-1990 and 31-12-2100.',
  'Deze invoer kan niet worden gelezen.': 'This input cannot be read.',
  'Maximaal 50 tekens.': 'At most 50 characters.',
  'Maximaal 20 tekens.': 'At most 20 characters.',
};
