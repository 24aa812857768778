import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { IsNotBlank } from '../../../common/validation/not-blank.validator';
import { SENIORITIES, Seniority } from '../prospect.types';
import type { ProspectChanges } from '../prospects.service';

/**
 * Changes to a prospect: fields left out stay as they are, `null` clears one (but `name`). A new
 * title re-derives the seniority unless `seniority` is given too. Opting out has its own route
 * and cannot be undone here.
 */
export class UpdateProspectDto {
  /** @example Anna Beispielmann */
  @ValidateIf((_, value) => value !== undefined)
  @IsString({ message: 'name must be a string' })
  @MaxLength(255)
  @IsNotBlank()
  name?: string;

  /** @example Anna */
  @IsOptional()
  @IsString()
  @MaxLength(128)
  first_name?: string | null;

  /** @example Beispielmann */
  @IsOptional()
  @IsString()
  @MaxLength(128)
  last_name?: string | null;

  /** @example anna.beispielmann@nordlicht.example */
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email?: string | null;

  /** @example VP of Sales */
  @IsOptional()
  @IsString()
  @MaxLength(255)
  title?: string | null;

  /** founder, c_level, vp, director, manager, senior or entry. @example vp */
  @IsOptional()
  @IsIn(SENIORITIES, { message: `seniority must be one of ${SENIORITIES.join(', ')}` })
  seniority?: Seniority | null;

  /** @example Sales */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  department?: string | null;

  /** @example Berlin */
  @IsOptional()
  @IsString()
  @MaxLength(128)
  city?: string | null;

  /** @example Germany */
  @IsOptional()
  @IsString()
  @MaxLength(128)
  country?: string | null;

  /** @example https://www.linkedin.com/in/anna-beispielmann */
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'linkedin_url must be an http(s) URL' },
  )
  @MaxLength(512)
  linkedin_url?: string | null;

  /** Replaces the tags. @example ["webinar", "priority"] */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  @IsNotBlank({ each: true })
  tags?: string[];

  /** The changes as the service takes them. */
  toChanges(): ProspectChanges {
    return {
      name: this.name,
      firstName: this.first_name,
      lastName: this.last_name,
      email: this.email,
      title: this.title,
      seniority: this.seniority,
      department: this.department,
      city: this.city,
      country: this.country,
      linkedinUrl: this.linkedin_url,
      tags: this.tags ?? undefined,
    };
  }
}
