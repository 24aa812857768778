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

  /**
   * Lists the agents and their actions
   * @remarks Each action with its description, the JSON Schema of its parameters, the state keys it
   * reads and writes, and whether it is available (configured) on this installation.
   */
  @Get()
  @ApiResponse({ status: 200, type: [AgentDescriptionDto] })
  @ApiErrorResponses()
  list(): AgentDescriptionDto[] {
    return this.registry.list().map((agent) => AgentDescriptionDto.from(agent));
  }
}
