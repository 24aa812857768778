/** TypeORM's SQLite datetime format: UTC, space-separated, milliseconds. */
export function toSqliteDatetime(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

export function fromSqliteDatetime(value: string): Date {
  return new Date(`${value.replace(' ', 'T')}Z`);
}
