import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/decorators/public.decorator';
import { UnsubscribeService } from './unsubscribe.service';
import { confirmPage, donePage, invalidLinkPage } from './utils/unsubscribe-page.util';

const HTML = 'text/html; charset=utf-8';

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

  @Get(':token')
  @ApiOperation({ summary: 'A page asking to confirm; opening it changes nothing' })
  @ApiParam({ name: 'token', description: 'The signed token from the message' })
  @ApiProduces(HTML)
  @ApiResponse({ status: 200, description: 'The confirmation page' })
  @ApiResponse({ status: 404, description: 'The token is not valid' })
  async page(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    const message = await this.unsubscribes.resolve(token);
    if (!message) return void reply.status(404).type(HTML).send(invalidLinkPage());
    // Relative to the page's own URL, so it also works when PUBLIC_URL has a path prefix
    // (https://example.com/zigral) that a proxy strips before the request reaches the service.
    const action = encodeURIComponent(token);
    return void reply.status(200).type(HTML).send(confirmPage(message.to, action));
  }

  @Post(':token')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Unsubscribes at once (the confirm button, or RFC 8058 List-Unsubscribe=One-Click)',
  })
  @ApiParam({ name: 'token', description: 'The signed token from the message' })
  @ApiProduces(HTML)
  @ApiResponse({ status: 200, description: 'Unsubscribed (also when already unsubscribed)' })
  @ApiResponse({ status: 404, description: 'The token is not valid' })
  async unsubscribe(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    const message = await this.unsubscribes.unsubscribe(token);
    if (!message) return void reply.status(404).type(HTML).send(invalidLinkPage());
    return void reply.status(200).type(HTML).send(donePage(message.to));
  }
}
