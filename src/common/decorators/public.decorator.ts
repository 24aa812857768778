import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'zigral:isPublic';

/** Marks a route as reachable without an API key (health checks). */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);
