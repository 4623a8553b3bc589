// Migrations that add a column: SQLite cannot say "ADD COLUMN IF NOT EXISTS", and a step may run again
// (an upgrade sets the schema version back and every later step runs once more).

/** Adds a column only when the table lacks it. */
export function addColumn(sql: SqlStorage, table: string, column: string, type: string): void {
  const columns = sql
    .exec<{ name: string }>(`PRAGMA table_info(${table})`)
    .toArray()
    .map((c) => c.name);
  if (!columns.includes(column)) sql.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
}
