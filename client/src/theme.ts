import { definePreset } from '@primeuix/themes';
import Aura from '@primeuix/themes/aura';

// Aura's default primary (emerald-500) gives white button text a 2.5:1 contrast; a darker
// blue keeps buttons, links and focus rings above WCAG AA (4.5:1). Message and tag texts are
// darkened for the same reason (Aura's red-600 on red-50 is 4.4:1), and so are red text and
// outlined buttons (Aura's red-500 on white is 3.8:1).
export const AppThemePreset = definePreset(Aura, {
  semantic: {
    primary: {
      50: '{blue.50}', 100: '{blue.100}', 200: '{blue.200}', 300: '{blue.300}', 400: '{blue.400}',
      500: '{blue.500}', 600: '{blue.600}', 700: '{blue.700}', 800: '{blue.800}', 900: '{blue.900}', 950: '{blue.950}',
    },
    colorScheme: {
      light: {
        primary: { color: '{primary.700}', contrastColor: '#ffffff', hoverColor: '{primary.800}', activeColor: '{primary.900}' },
        highlight: { background: '{primary.50}', focusBackground: '{primary.100}', color: '{primary.800}', focusColor: '{primary.900}' },
      },
    },
  },
  components: {
    button: {
      colorScheme: {
        light: {
          outlined: { danger: { color: '{red.700}' } },
          text: { danger: { color: '{red.700}' } },
        },
      },
    },
    message: {
      colorScheme: {
        light: {
          error: { color: '{red.800}', simple: { color: '{red.800}' } },
          info: { color: '{blue.800}', simple: { color: '{blue.800}' } },
          success: { color: '{green.800}', simple: { color: '{green.800}' } },
          warn: { color: '{yellow.900}', simple: { color: '{yellow.900}' } },
        },
      },
    },
    tag: {
      colorScheme: {
        light: {
          secondary: { background: '{surface.100}', color: '{surface.700}' },
          success: { background: '{green.100}', color: '{green.800}' },
          info: { background: '{sky.100}', color: '{sky.800}' },
          danger: { background: '{red.100}', color: '{red.800}' },
        },
      },
    },
  },
});

// An open Select keeps keyboard focus inside its overlay with two focusable sentinel spans that
// PrimeVue marks aria-hidden: axe rejects focusable hidden elements (aria-hidden-focus, serious).
// They stay focusable (the trap needs them) but are no longer hidden from assistive technology.
const VISIBLE_SENTINELS = {
  hiddenFirstFocusableEl: { 'aria-hidden': 'false' },
  hiddenLastFocusableEl: { 'aria-hidden': 'false' },
};

// The open date picker marks each day's <span> as selected/disabled, which a plain span may not
// carry (aria-allowed-attr, critical): the states move to the grid cell (<td>). Its month and year
// buttons show "Juli"/"2027" but are named "Monat wählen" (label-content-name-mismatch): they keep
// their visible text as name.
const DATE_PICKER_STATES = {
  dayCell: ({ context }: { context: { selected: boolean; disabled: boolean } }) => ({ 'aria-selected': context.selected, 'aria-disabled': context.disabled }),
  day: { 'aria-selected': null, 'aria-disabled': null },
  selectMonth: { 'aria-label': null },
  selectYear: { 'aria-label': null },
};

/** Pass-through fixes for what axe finds in PrimeVue's own markup. */
export const ACCESSIBLE_PT = { select: VISIBLE_SENTINELS, multiselect: VISIBLE_SENTINELS, datepicker: DATE_PICKER_STATES };
