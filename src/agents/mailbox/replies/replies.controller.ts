import { BadRequestException, Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  ApiErrorResponses,
  ApiKeyAuth,
  ErrorResponseSpec,
} from '../../../common/decorators/api-docs.decorators';
import { ListRepliesQueryDto } from './dto/list-replies-query.dto';
import { ReplyDto, ReplyPageDto } from './dto/reply.dto';
import { RepliesService } from './replies.service';

const ReplyId = () =>
  Param(
    'id',
    new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('id must be a UUID') }),
  );

/** No example: reply ids are the server's (GET /replies lists them). */
const REPLY_ID = ApiParam({
  name: 'id',
  format: 'uuid',
  description: "The reply's `id`, as GET /replies lists it (`inbound_message_id` in timelines)",
});
const NOT_FOUND: ErrorResponseSpec = {
  status: 404,
  error: 'reply_not_found',
  message: 'No reply with id "6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"',
};

/** What the mailbox received: replies, automatic answers, delivery reports, opt-outs. */
@ApiTags('replies')
@ApiKeyAuth()
@Controller('replies')
export class RepliesController {
  constructor(private readonly replies: RepliesService) {}

  /**
   * Lists received messages, newest first
   * @remarks Every message the mailbox read, matched or not (`matched`), with what it did
   * (`outcome`); a message delivered again (a folder's UIDVALIDITY changed) is left out.
   */
  @Get()
  @ApiResponse({ status: 200, type: ReplyPageDto })
  @ApiErrorResponses(400)
  async list(@Query() query: ListRepliesQueryDto): Promise<ReplyPageDto> {
    const page = await this.replies.list({
      kind: query.kind,
      intent: query.intent,
      sequenceId: query.sequence_id,
      enrollmentId: query.enrollment_id,
      jobId: query.job_id,
      prospectId: query.prospect_id,
      since: query.since ? new Date(query.since) : undefined,
      skip: query.skip,
      limit: query.limit,
    });
    return ReplyPageDto.from(page);
  }

  /** Reads a received message */
  @Get(':id')
  @REPLY_ID
  @ApiResponse({ status: 200, type: ReplyDto })
  @ApiErrorResponses({ status: 400, message: 'id must be a UUID' }, NOT_FOUND)
  async get(@ReplyId() id: string): Promise<ReplyDto> {
    return ReplyDto.from(await this.replies.get(id));
  }
}
