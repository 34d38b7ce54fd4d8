// Where "Fehlzeiten der Klasse" in the navigation leads: straight to the class the signed-in
// person leads when there is exactly one at the current school, otherwise to a choice of classes
// (own classes first: a teacher leading two, the office and school management).

export interface ClassChoice {
  id: string;
  name: string;
  gradeLevel?: number | null;
}

export interface ClassChoices {
  own: ClassChoice[];
  others: ClassChoice[];
}

export function splitOwnClasses(classes: ClassChoice[], ledClassIds: readonly string[]): ClassChoices {
  return {
    own: classes.filter((group) => ledClassIds.includes(group.id)),
    others: classes.filter((group) => !ledClassIds.includes(group.id)),
  };
}

/** The one class to open without asking, or null when there is a choice to make. */
export function singleOwnClass(choices: ClassChoices, mayChooseOthers: boolean): string | null {
  if (choices.own.length !== 1) return null;
  return mayChooseOthers ? null : choices.own[0].id;
}
