import { HttpStatus } from '@nestjs/common';
import { CodedHttpException } from '../../../common/http/coded-http.exception';

export class ReplyNotFoundException extends CodedHttpException {
  constructor(id: string) {
    super(HttpStatus.NOT_FOUND, 'reply_not_found', `No reply with id "${id}"`);
  }
}
