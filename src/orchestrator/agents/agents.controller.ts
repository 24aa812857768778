import { Controller, Get } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ApiKeyAuth } from '../../common/decorators/api-docs.decorators';
import { AgentRegistry } from './agent-registry.service';
import { AgentDescriptionDto } from './dto/agent-response.dto';

@ApiTags('agents')
@ApiKeyAuth()
@Controller('agents')
export class AgentsController {
  constructor(private readonly registry: AgentRegistry) {}

  /** Every agent with its actions: description, parameter JSON Schema, what it reads and writes. */
  @Get()
  @ApiResponse({ status: 200, type: [AgentDescriptionDto] })
  @ApiErrorResponses()
  list(): AgentDescriptionDto[] {
    return this.registry.list().map((agent) => AgentDescriptionDto.from(agent));
  }
}
