import type { AbsenceReporter } from '@/api/generated/graphql';

/**
 * Who reported an absence, as the lists show it: "Sabine Müller (Erziehungsberechtigte:r)",
 * "Mutter (Erziehungsberechtigte:r)", or only the role; '' when the viewer may not read who.
 * `roleName` words the role (enums.absenceReporter.*).
 */
export function reporterText(
  absence: { reportedBy?: AbsenceReporter | null; reporterDisplayName?: string | null },
  roleName: (role: AbsenceReporter) => string,
): string {
  if (!absence.reportedBy) return '';
  const role = roleName(absence.reportedBy);
  return absence.reporterDisplayName ? `${absence.reporterDisplayName} (${role})` : role;
}
