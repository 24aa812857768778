import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiTooManyRequests } from '../../common/decorators/api-docs.decorators';
import { Public } from '../../common/decorators/public.decorator';
import { UnsubscribeService } from './unsubscribe.service';
import { confirmPage, donePage, invalidLinkPage } from './utils/unsubscribe-page.util';

const HTML = 'text/html; charset=utf-8';

/** No example: a token is signed for one sent message. */
const TOKEN = ApiParam({
  name: 'token',
  description: 'The signed token of the link in the message (`<message id>.<signature>`)',
});
const EXAMPLE_RECIPIENT = 'anna.beispielmann@nordlicht.example';
const EXAMPLE_TOKEN =
  '0b6f3c1e-8d2a-4f5b-9c7e-1a2b3c4d5e6f.c2lnbmF0dXJlLW9mLXRoZS1tZXNzYWdlLWlkLWV4YW1wbGU';
const page = (example: string) => ({ [HTML]: { schema: { type: 'string' }, example } });
const INVALID_LINK = ApiResponse({
  status: 404,
  description: 'The token is not valid: a page saying so',
  content: page(invalidLinkPage()),
});

/** What the page's button and mail clients post; the route reads neither field. */
const UNSUBSCRIBE_FORM = {
  required: false,
  description:
    "The confirmation page's form (`confirm=yes`) or an RFC 8058 one-click request (`List-Unsubscribe=One-Click`)",
  content: {
    'application/x-www-form-urlencoded': {
      schema: {
        type: 'object' as const,
        properties: {
          'List-Unsubscribe': { type: 'string' as const, enum: ['One-Click'] },
          confirm: { type: 'string' as const, enum: ['yes'] },
        },
      },
      example: { 'List-Unsubscribe': 'One-Click' },
    },
  },
};

/**
 * The link in every message sent. Public (recipients have no API key), under the global rate
 * limit. Opening it only asks to confirm; a POST (the page's button, or a mail client's RFC 8058
 * one-click request) opts the recipient out.
 */
@ApiTags('email')
@Public()
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(private readonly unsubscribes: UnsubscribeService) {}

  /**
   * Shows the unsubscribe page of a message's link
   * @remarks A page asking to confirm; opening it changes nothing. No API key needed.
   */
  @Get(':token')
  @TOKEN
  @ApiResponse({
    status: 200,
    description: 'The confirmation page',
    content: page(confirmPage(EXAMPLE_RECIPIENT, EXAMPLE_TOKEN)),
  })
  @INVALID_LINK
  @ApiTooManyRequests()
  async page(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    const message = await this.unsubscribes.resolve(token);
    if (!message) return void reply.status(404).type(HTML).send(invalidLinkPage());
    // Relative to the page's own URL, so it also works when PUBLIC_URL has a path prefix
    // (https://example.com/zigral) that a proxy strips before the request reaches the service.
    const action = encodeURIComponent(token);
    return void reply.status(200).type(HTML).send(confirmPage(message.to, action));
  }

  /**
   * Unsubscribes the recipient of a message's link
   * @remarks At once: the confirmation page's button, or a mail client's RFC 8058
   * List-Unsubscribe=One-Click request. Also 200 when already unsubscribed. No API key needed.
   */
  @Post(':token')
  @HttpCode(200)
  @TOKEN
  @ApiOperation({ requestBody: UNSUBSCRIBE_FORM })
  @ApiResponse({
    status: 200,
    description: 'Unsubscribed (also when already unsubscribed)',
    content: page(donePage(EXAMPLE_RECIPIENT)),
  })
  @INVALID_LINK
  @ApiTooManyRequests()
  async unsubscribe(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    const message = await this.unsubscribes.unsubscribe(token);
    if (!message) return void reply.status(404).type(HTML).send(invalidLinkPage());
    return void reply.status(200).type(HTML).send(donePage(message.to));
  }
}
