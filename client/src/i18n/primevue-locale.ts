import type { PrimeVueConfiguration, PrimeVueLocaleOptions } from 'primevue/config';
import { defaultOptions } from 'primevue/config';

// PrimeVue ships English strings only; these are the German ones its components show
// (paginator, select, date picker, screen-reader labels).
const PRIMEVUE_LOCALE_DE: PrimeVueLocaleOptions = {
  startsWith: 'Beginnt mit', contains: 'Enthält', notContains: 'Enthält nicht', endsWith: 'Endet mit',
  equals: 'Ist gleich', notEquals: 'Ist ungleich', noFilter: 'Kein Filter',
  lt: 'Kleiner als', lte: 'Kleiner oder gleich', gt: 'Größer als', gte: 'Größer oder gleich',
  dateIs: 'Datum ist', dateIsNot: 'Datum ist nicht', dateBefore: 'Datum ist vor', dateAfter: 'Datum ist nach',
  clear: 'Zurücksetzen', apply: 'Übernehmen', matchAll: 'Alle erfüllen', matchAny: 'Eines erfüllen',
  addRule: 'Regel hinzufügen', removeRule: 'Regel entfernen', accept: 'Ja', reject: 'Nein',
  choose: 'Auswählen', upload: 'Hochladen', cancel: 'Abbrechen', completed: 'Abgeschlossen', pending: 'Ausstehend',
  fileSizeTypes: ['B', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'],
  dayNames: ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'],
  dayNamesShort: ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'],
  dayNamesMin: ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'],
  monthNames: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  monthNamesShort: ['Jan', 'Feb', 'Mär', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'],
  chooseYear: 'Jahr wählen', chooseMonth: 'Monat wählen', chooseDate: 'Datum wählen',
  prevDecade: 'Vorheriges Jahrzehnt', nextDecade: 'Nächstes Jahrzehnt', prevYear: 'Vorheriges Jahr', nextYear: 'Nächstes Jahr',
  prevMonth: 'Vorheriger Monat', nextMonth: 'Nächster Monat', prevHour: 'Vorherige Stunde', nextHour: 'Nächste Stunde',
  prevMinute: 'Vorherige Minute', nextMinute: 'Nächste Minute', prevSecond: 'Vorherige Sekunde', nextSecond: 'Nächste Sekunde',
  am: 'vorm.', pm: 'nachm.', today: 'Heute', weekHeader: 'KW', firstDayOfWeek: 1, showMonthAfterYear: false,
  dateFormat: 'dd.mm.yy', weak: 'Schwach', medium: 'Mittel', strong: 'Stark', passwordPrompt: 'Passwort eingeben',
  emptyFilterMessage: 'Keine Ergebnisse gefunden', searchMessage: '{0} Ergebnisse verfügbar',
  selectionMessage: '{0} Einträge ausgewählt', emptySelectionMessage: 'Nichts ausgewählt',
  emptySearchMessage: 'Keine Ergebnisse gefunden', fileChosenMessage: '{0} Dateien', noFileChosenMessage: 'Keine Datei ausgewählt',
  emptyMessage: 'Keine Einträge verfügbar',
  aria: {
    trueLabel: 'Wahr', falseLabel: 'Falsch', nullLabel: 'Nicht ausgewählt', star: '1 Stern', stars: '{star} Sterne',
    selectAll: 'Alle Einträge ausgewählt', unselectAll: 'Auswahl aller Einträge aufgehoben', close: 'Schließen',
    previous: 'Zurück', next: 'Weiter', navigation: 'Navigation', scrollTop: 'Nach oben scrollen',
    moveTop: 'Ganz nach oben', moveUp: 'Nach oben', moveDown: 'Nach unten', moveBottom: 'Ganz nach unten',
    moveToTarget: 'Zum Ziel verschieben', moveToSource: 'Zur Quelle verschieben',
    moveAllToTarget: 'Alle zum Ziel verschieben', moveAllToSource: 'Alle zur Quelle verschieben',
    pageLabel: 'Seite {page}', firstPageLabel: 'Erste Seite', lastPageLabel: 'Letzte Seite',
    nextPageLabel: 'Nächste Seite', prevPageLabel: 'Vorherige Seite', rowsPerPageLabel: 'Zeilen pro Seite',
    jumpToPageDropdownLabel: 'Seitenauswahl', jumpToPageInputLabel: 'Seitennummer eingeben',
    selectRow: 'Zeile ausgewählt', unselectRow: 'Zeilenauswahl aufgehoben', expandRow: 'Zeile aufgeklappt',
    collapseRow: 'Zeile zugeklappt', showFilterMenu: 'Filtermenü anzeigen', hideFilterMenu: 'Filtermenü ausblenden',
    filterOperator: 'Filteroperator', filterConstraint: 'Filterbedingung', editRow: 'Zeile bearbeiten',
    saveEdit: 'Änderung speichern', cancelEdit: 'Bearbeitung abbrechen', listView: 'Listenansicht',
    gridView: 'Kachelansicht', slide: 'Folie', slideNumber: '{slideNumber}', zoomImage: 'Bild vergrößern',
    zoomIn: 'Vergrößern', zoomOut: 'Verkleinern', rotateRight: 'Nach rechts drehen', rotateLeft: 'Nach links drehen',
    listLabel: 'Optionsliste',
  },
};

// Copied before anything changes the live config, so switching back to English restores PrimeVue's own strings.
const PRIMEVUE_LOCALE_EN = structuredClone(defaultOptions.locale) as PrimeVueLocaleOptions;

export const PRIMEVUE_LOCALES: Record<'de' | 'en', PrimeVueLocaleOptions> = {
  de: PRIMEVUE_LOCALE_DE,
  en: PRIMEVUE_LOCALE_EN,
};

export function applyPrimeVueLocale(config: PrimeVueConfiguration, locale: 'de' | 'en'): void {
  // The config object is reactive; replacing the nested objects re-renders open components.
  config.locale = { ...PRIMEVUE_LOCALES[locale], aria: { ...PRIMEVUE_LOCALES[locale].aria } };
}
