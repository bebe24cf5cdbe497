import { pgTable, text } from 'drizzle-orm/pg-core';

/** 联合执法 member departments and their duties in the responsibility matrix. */
export const departments = pgTable('departments', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  responsibilities: text('responsibilities').notNull(),
});
