import { Controller, Get } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ApiKeyAuth } from '../common/decorators/api-docs.decorators';
import { Actor } from '../common/http/client-identity';
import { StatusResponseDto } from './dto/status-response.dto';
import { StatusService } from './status.service';

@ApiTags('health')
@ApiKeyAuth()
@Controller('status')
export class StatusController {
  constructor(private readonly status: StatusService) {}

  /**
   * Reports what this installation can do
   * @remarks For a Status page: the version, the database engine, the planner (`llm` and its
   * model, or `offline`), who the caller is (its API key's label), and each feature that needs
   * outside configuration (sending, the mailbox, Google Sheets, the reply webhook) and every
   * action: available, or a reason saying what to set. Nothing secret: no URL, no key. Needs an
   * API key like every route but /health.
   */
  @Get()
  @ApiResponse({ status: 200, type: StatusResponseDto })
  @ApiErrorResponses()
  get(@Actor() actor: string): StatusResponseDto {
    return StatusResponseDto.from(this.status.report(actor));
  }
}
