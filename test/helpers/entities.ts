import { join, resolve } from 'node:path';

/** Every TypeORM entity of the service, as the modules register them (for schema checks). */
export function entitiesOfApp(): string[] {
  return [join(resolve(__dirname, '..', '..', 'src'), '**', '*.entity.ts')];
}
