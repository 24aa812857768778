import { ConflictException, NotFoundException } from '@nestjs/common';

export class ProspectNotFoundException extends NotFoundException {
  constructor(id: string) {
    super(`No prospect with id "${id}"`);
  }
}

/** An update would give a prospect the email or LinkedIn URL of another one. */
export class ProspectConflictException extends ConflictException {
  constructor(field: 'email' | 'linkedin_url', otherId: string) {
    super(`${field} already belongs to prospect "${otherId}"`);
  }
}
