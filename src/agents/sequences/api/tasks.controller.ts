import { Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ApiKeyAuth } from '../../../common/decorators/api-docs.decorators';
import { TasksService } from '../tasks/tasks.service';
import { ListTasksQueryDto, TaskDto, TaskPageDto } from './dto/task.dto';
import { BAD_ID, IdParam } from './sequence-api.docs';

/** No example: task ids are the server's (GET /tasks lists them). */
const TASK_ID = ApiParam({
  name: 'id',
  format: 'uuid',
  description: "The task's `id`, as GET /tasks lists it",
});

/** The to-do list of the sequences' manual steps (call, LinkedIn connect, other). */
@ApiTags('sequences')
@ApiKeyAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  /**
   * Lists tasks, oldest first, optionally in one status or of one sequence
   * @remarks A task appears when its enrollment reaches the task step; the enrollment waits on
   * it until it is completed.
   */
  @Get()
  @ApiResponse({ status: 200, type: TaskPageDto })
  @ApiErrorResponses(400)
  async list(@Query() query: ListTasksQueryDto): Promise<TaskPageDto> {
    return TaskPageDto.from(
      await this.tasks.list({
        status: query.status,
        sequenceId: query.sequence_id,
        skip: query.skip,
        limit: query.limit,
      }),
    );
  }

  /**
   * Completes a task
   * @remarks Its enrollment goes on at once (the waits after the task count from now). 409
   * `invalid_task_transition` for a task done or cancelled.
   */
  @Post(':id/complete')
  @HttpCode(HttpStatus.OK)
  @TASK_ID
  @ApiResponse({ status: 200, type: TaskDto })
  @ApiErrorResponses(
    BAD_ID,
    {
      status: 404,
      error: 'task_not_found',
      message: 'No task with id "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"',
    },
    {
      status: 409,
      error: 'invalid_task_transition',
      message:
        'Task "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f" is done: only an open task can be completed',
    },
  )
  async complete(@IdParam() id: string): Promise<TaskDto> {
    return TaskDto.from(await this.tasks.complete(id));
  }
}
