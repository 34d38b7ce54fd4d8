/**
 * SQL expression sorting names the German way (DIN 5007-2: ä = ae, ö = oe, ü = ue, ß = ss, case
 * ignored), the same on PostgreSQL and PGlite whatever collation the database was created with.
 */
export function germanSortKey(column: string): string {
  return `replace(replace(replace(replace(lower(${column}), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss')`;
}
