import { Transform } from 'class-transformer';
import { IsObject, IsOptional, IsString, Length } from 'class-validator';

export class ReplaceContextDto {
  /**
   * The new context: replaces the whole document.
   * @example { "command": "Find VPs of Sales in Germany", "status": "running" }
   */
  // As parsed: class-transformer would drop keys named like Object methods (toString, …).
  @Transform(({ obj }) => (obj as Record<string, unknown>).context_data, { toClassOnly: true })
  @IsObject({ message: 'context_data must be an object' })
  context_data: Record<string, unknown>;

  /**
   * A new job type; unchanged when absent.
   * @example prospecting
   */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  job_type?: string;
}
