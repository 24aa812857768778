import { MigrationInterface, QueryRunner } from 'typeorm';
import { analyzeTable, rebuildIndex } from './index-rebuild';

/**
 * The city, country and department indexes hold the search's order (name, id) after the value,
 * and then the column they already carried (title words; the department's country):
 * - a search with one city, country or department and many matches walks its value's prospects
 *   in name order and stops when the page is full, instead of reading and sorting every match
 *   (see pagePlan, `filter-index`). Over 1,100,000 prospects (62,000 in Germany), SQLite: the page
 *   of "VP Sales in Germany" (1,447 matches) read in 0.8 ms instead of 36 ms; page 251 of Germany
 *   (skip 5,000) in 0.3 ms instead of 225 (the index alone answers it);
 * - a count checks the title (or the department's country) on the index entries alone. Postgres
 *   reads an index alone (an index-only scan) only when it holds the columns the query names,
 *   and LOWER("country") does not hold "country": its indexes INCLUDE the columns. There, the
 *   count of VP Sales in Germany (up to 1,001) took 10 ms instead of 43 (a bitmap of the title's
 *   trigram index ANDed with the country's, then the rows), Germany's first 5,021 1.2 instead of
 *   30 ms (once VACUUM has marked the table's pages all-visible: an import runs it).
 *
 * The same three indexes to write on an insert, each entry longer. The table is then analysed
 * (SQLite, a sample of each index, as an import does) so that the planners know the new indexes:
 * without, SQLite took them for a count that the (country, title words) index answered alone (26
 * → 230 ms), and Postgres, which keeps the statistics of LOWER("country") with its index, guessed
 * 5,392 prospects in Germany for 61,899.
 */
const INDEXES = [
  { column: 'city', rest: '"title_words"', included: '"city"' },
  { column: 'country', rest: '"title_words"', included: '"country"' },
  { column: 'department', rest: 'LOWER("country")', included: '"department", "country"' },
];

export class ProspectFilterOrderIndexes1766700000000 implements MigrationInterface {
  name = 'ProspectFilterOrderIndexes1766700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    for (const { column, rest, included } of INDEXES) {
      const columns = `(LOWER("${column}"), "name", "id", ${rest})`;
      await rebuildIndex(
        queryRunner,
        'prospects',
        `IDX_prospects_lower_${column}`,
        postgres ? `${columns} INCLUDE (${included})` : columns,
      );
    }
    await analyzeTable(queryRunner, 'prospects');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { column, rest } of INDEXES) {
      await rebuildIndex(
        queryRunner,
        'prospects',
        `IDX_prospects_lower_${column}`,
        `(LOWER("${column}"), ${rest})`,
      );
    }
    await analyzeTable(queryRunner, 'prospects');
  }
}
