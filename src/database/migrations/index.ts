import { CreateContexts1764000000000 } from './1764000000000-create-contexts';

/** Every migration, oldest first. A new migration is added here. */
export const migrations = [CreateContexts1764000000000];
