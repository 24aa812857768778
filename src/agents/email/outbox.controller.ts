import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  ApiErrorResponses,
  ApiKeyAuth,
  ErrorResponseSpec,
} from '../../common/decorators/api-docs.decorators';
import { Actor } from '../../common/http/client-identity';
import { ListOutboxQueryDto } from './dto/list-outbox-query.dto';
import { OutboxMessageDto, OutboxPageDto } from './dto/outbox-message.dto';
import { UpdateOutboxMessageDto } from './dto/update-outbox-message.dto';
import { OutboxReviewService } from './outbox-review.service';
import { OutboxService } from './outbox.service';

const MessageId = () =>
  Param(
    'id',
    new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('id must be a UUID') }),
  );

/** No example: message ids are the server's (GET /outbox lists them). */
const MESSAGE_ID = ApiParam({
  name: 'id',
  format: 'uuid',
  description: "The message's `id`, as GET /outbox lists it",
});
const BAD_ID: ErrorResponseSpec = { status: 400, message: 'id must be a UUID' };
const NOT_FOUND: ErrorResponseSpec = {
  status: 404,
  message: 'No outbox message with id "0b6f3c1e-8d2a-4f5b-9c7e-1a2b3c4d5e6f"',
};
const conflict = (change: string): ErrorResponseSpec => ({
  status: 409,
  message: `Outbox message "0b6f3c1e-8d2a-4f5b-9c7e-1a2b3c4d5e6f" is sent: only a draft can be ${change}`,
});

/** The outbox: drafted emails, editable until their send step is approved and runs. */
@ApiTags('email')
@ApiKeyAuth()
@Controller('outbox')
export class OutboxController {
  constructor(
    private readonly outbox: OutboxService,
    private readonly review: OutboxReviewService,
  ) {}

  /** Lists outbox messages, newest first, optionally of one job, prospect or sequence and in one status */
  @Get()
  @ApiResponse({ status: 200, type: OutboxPageDto })
  @ApiErrorResponses(400)
  async list(@Query() query: ListOutboxQueryDto): Promise<OutboxPageDto> {
    const page = await this.outbox.list({
      jobId: query.job_id,
      prospectId: query.prospect_id,
      sequenceId: query.sequence_id,
      status: query.status,
      skip: query.skip,
      limit: query.limit,
    });
    return OutboxPageDto.from(page);
  }

  /** Reads an outbox message */
  @Get(':id')
  @MESSAGE_ID
  @ApiResponse({ status: 200, type: OutboxMessageDto })
  @ApiErrorResponses(BAD_ID, NOT_FOUND)
  async get(@MessageId() id: string): Promise<OutboxMessageDto> {
    return OutboxMessageDto.from(await this.outbox.get(id));
  }

  /**
   * Edits a draft's subject or body
   * @remarks 409 once it is approved, being sent or sent. Who edited (the API key's label) and
   * when are recorded: `edited_by`, `edited_at`.
   */
  @Patch(':id')
  @MESSAGE_ID
  @ApiResponse({ status: 200, type: OutboxMessageDto })
  @ApiErrorResponses(400, NOT_FOUND, conflict('edited'), 413)
  async update(
    @MessageId() id: string,
    @Body() body: UpdateOutboxMessageDto,
    @Actor() actor: string,
  ): Promise<OutboxMessageDto> {
    return OutboxMessageDto.from(
      await this.outbox.update(id, { subject: body.subject, body: body.body }, actor),
    );
  }

  /**
   * Approves a sequence touch that waits for its own approval
   * @remarks A follow-up of a sequence with `review_follow_ups`, drafted when it fell due: once
   * approved it goes out in the prospect's next sending window. Approving an approved touch again
   * changes nothing. Who approved (the API key's label) and when are recorded: `approved_by`,
   * `approved_at`. 409 for a job's draft (approving its job's step approves it:
   * POST /jobs/{id}/approve) and for a touch being sent, sent, skipped or failed.
   */
  @Post(':id/approve')
  @HttpCode(HttpStatus.OK)
  @MESSAGE_ID
  @ApiResponse({ status: 200, type: OutboxMessageDto })
  @ApiErrorResponses(BAD_ID, NOT_FOUND, {
    status: 409,
    message: 'Outbox message "0b6f3c1e-8d2a-4f5b-9c7e-1a2b3c4d5e6f" is not a sequence touch',
  })
  async approve(@MessageId() id: string, @Actor() actor: string): Promise<OutboxMessageDto> {
    return OutboxMessageDto.from(await this.review.approveTouch(id, actor));
  }

  /**
   * Deletes an outbox message nothing was sent for
   * @remarks A draft, approved, skipped or failed message; 409 for one being sent or sent.
   * Deleting a sequence touch takes its prospect out of the sequence (the enrollment ends as
   * `stopped`, exit reason `removed`). Who deleted it (the API key's label) goes to the log.
   */
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @MESSAGE_ID
  @ApiResponse({ status: 204, description: 'Deleted' })
  @ApiErrorResponses(BAD_ID, NOT_FOUND, conflict('deleted'))
  async delete(@MessageId() id: string, @Actor() actor: string): Promise<void> {
    await this.review.delete(id, actor);
  }
}
