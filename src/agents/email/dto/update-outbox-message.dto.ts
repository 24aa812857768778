import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** Edits to a draft; absent fields stay as they are. */
export class UpdateOutboxMessageDto {
  /** @example A quick idea for Nordlicht Software */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  subject?: string;

  /** Plain text; the unsubscribe line is added when it is sent. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  body?: string;
}
