import type { CompanyEntity } from '../../company.entity';
import type { ProspectEntity } from '../../prospect.entity';

/** Entity property → column, for the columns a raw-SQL upsert store reads and writes. */
export type UpsertColumns<T> = Partial<Record<keyof T, string>>;

export const COMPANY_COLUMNS: UpsertColumns<CompanyEntity> = {
  id: 'id',
  name: 'name',
  domain: 'domain',
  websiteUrl: 'website_url',
  industry: 'industry',
  industryFamily: 'industry_family',
  employeeCount: 'employee_count',
  city: 'city',
  country: 'country',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

export const PROSPECT_COLUMNS: UpsertColumns<ProspectEntity> = {
  id: 'id',
  name: 'name',
  firstName: 'first_name',
  lastName: 'last_name',
  email: 'email',
  title: 'title',
  titleWords: 'title_words',
  searchText: 'search_text',
  seniority: 'seniority',
  department: 'department',
  companyId: 'company_id',
  city: 'city',
  country: 'country',
  linkedinUrl: 'linkedin_url',
  source: 'source',
  isSample: 'is_sample',
  tags: 'tags',
  optedOut: 'opted_out',
  optedOutAt: 'opted_out_at',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

/** The columns of `columns` as a SELECT list. */
export const selectList = (columns: UpsertColumns<object>): string =>
  Object.values(columns).join(', ');
