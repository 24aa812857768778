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
  Query,
} from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ApiKeyAuth } from '../../common/decorators/api-docs.decorators';
import { ListOutboxQueryDto } from './dto/list-outbox-query.dto';
import { OutboxMessageDto, OutboxPageDto } from './dto/outbox-message.dto';
import { UpdateOutboxMessageDto } from './dto/update-outbox-message.dto';
import { OutboxService } from './outbox.service';

const MessageId = () =>
  Param(
    'id',
    new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('id must be a UUID') }),
  );

/** The outbox: drafted emails, editable until their send step is approved and runs. */
@ApiTags('email')
@ApiKeyAuth()
@Controller('outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  /** Messages, newest first, optionally of one job and in one status. */
  @Get()
  @ApiResponse({ status: 200, type: OutboxPageDto })
  @ApiErrorResponses(400)
  async list(@Query() query: ListOutboxQueryDto): Promise<OutboxPageDto> {
    const page = await this.outbox.list({
      jobId: query.job_id,
      status: query.status,
      skip: query.skip,
      limit: query.limit,
    });
    return OutboxPageDto.from(page);
  }

  @Get(':id')
  @ApiResponse({ status: 200, type: OutboxMessageDto })
  @ApiErrorResponses(400, 404)
  async get(@MessageId() id: string): Promise<OutboxMessageDto> {
    return OutboxMessageDto.from(await this.outbox.get(id));
  }

  /** Edits a draft's subject or body; 409 once it is approved, being sent or sent. */
  @Patch(':id')
  @ApiResponse({ status: 200, type: OutboxMessageDto })
  @ApiErrorResponses(400, 404, 409, 413)
  async update(
    @MessageId() id: string,
    @Body() body: UpdateOutboxMessageDto,
  ): Promise<OutboxMessageDto> {
    return OutboxMessageDto.from(
      await this.outbox.update(id, { subject: body.subject, body: body.body }),
    );
  }

  /** Deletes a message nothing was sent for (draft, approved, skipped, failed); 409 for one being sent or sent. */
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiResponse({ status: 204, description: 'Deleted' })
  @ApiErrorResponses(400, 404, 409)
  async delete(@MessageId() id: string): Promise<void> {
    await this.outbox.delete(id);
  }
}
